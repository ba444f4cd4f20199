/**
 * The custom LSP requests of the availability import ("Verfügbarkeit aus Prometheus
 * importieren"), shared by the server (measureRequests.ts) and the VS Code client
 * (client/src/measure/importAvailability.ts). Plain names and shapes only.
 *
 * The server answers them only in a trusted workspace (`initializationOptions.workspaceTrusted`
 * or `drplan/workspaceTrusted`): the import is the one request that makes the server talk to the
 * network, and only to the URL the request names.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { RecordedResult } from './core/measure/measurements';

/**
 * `drplan/measureAvailability` → {@link MeasureAvailabilityResult}: asks Prometheus at `url` for
 * each measurement of the open plan with a `query` (or `source` alone) over `period`, and answers
 * the figures and the edit that records them in `availability.results`. Cancellable (`$/cancelRequest`).
 */
export const MEASURE_AVAILABILITY_REQUEST = 'drplan/measureAvailability';

/**
 * `drplan/availabilityResultsEdit` → {@link AvailabilityEditResult}: the edit that records
 * `results` in the plan's current version; for a plan changed since the figures came.
 */
export const AVAILABILITY_EDIT_REQUEST = 'drplan/availabilityResultsEdit';

export interface MeasureAvailabilityParams {
  readonly textDocument: { readonly uri: string };
  /** `2026-11`, `2026-Q3`, `2026`. */
  readonly period: string;
  /** Prometheus's base URL (`drplan.prometheus.url`). */
  readonly url: string;
  /** One measurement id; default: every measurement with a query. */
  readonly source?: string;
}

export interface AvailabilityEditResult {
  /** The document version the edit was made for: apply it only to that version. */
  readonly version: number;
  readonly edit: TextEdit;
}

export interface MeasureAvailabilityResult extends AvailabilityEditResult {
  readonly period: string;
  /** What the plan records, one per measurement (for AVAILABILITY_EDIT_REQUEST). */
  readonly results: readonly RecordedResult[];
  /** The figures in a line each, in the server's language, then the ones below the target and how gaps count. */
  readonly summary: string;
  /** Some measurement is below the plan's target. */
  readonly belowTarget: boolean;
}

export interface AvailabilityEditParams {
  readonly textDocument: { readonly uri: string };
  readonly period: string;
  readonly results: readonly RecordedResult[];
}
