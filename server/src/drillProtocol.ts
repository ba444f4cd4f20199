/**
 * The custom LSP requests of the recovery drill (DR-Übung), shared by the server and the VS Code
 * client (which bundles no core). Plain names and shapes only, so both sides import it without
 * pulling anything in. Any other LSP client may send them too.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DrillPlan, DrillReportInput, ExerciseRecord } from './core/drill/record';

export type { DrillPlan, DrillReportInput, DrillScenario, ExerciseRecord } from './core/drill/record';

/**
 * `drplan/drillPlan` → {@link DrillPlanResult}: the plan's scenarios a drill can take (an id of
 * their own), each with its recovery steps, recovery time, RTO and RPO, from the current version;
 * `null` when the server does not have the document open.
 */
export const DRILL_PLAN_REQUEST = 'drplan/drillPlan';

/**
 * `drplan/exerciseEdit` → {@link ExerciseEditResult}: the text edits that append a finished drill
 * to its scenario's `exercises` in the document's current version (the scenario found by id now).
 * `null` when the server does not have the document open; an error with the reason in the
 * client's language when the entry cannot be written (no such scenario, YAML errors, …).
 */
export const EXERCISE_EDIT_REQUEST = 'drplan/exerciseEdit';

/**
 * `drplan/drillReportPdf` ({@link DrillReportInput}) → {@link DrillReportPdfResult}: the drill
 * report (Übungsprotokoll) as a PDF file. Needs no open document: the drill carries what it took
 * from the plan.
 */
export const DRILL_REPORT_PDF_REQUEST = 'drplan/drillReportPdf';

export interface DrillPlanParams {
  readonly textDocument: { readonly uri: string };
}

export interface DrillPlanResult {
  readonly version: number;
  readonly plan: DrillPlan;
}

export interface ExerciseEditParams {
  readonly textDocument: { readonly uri: string };
  /** The scenario's id. */
  readonly scenario: string;
  readonly exercise: ExerciseRecord;
}

export interface ExerciseEditResult {
  /** The document version the edits are for: apply them only to that version. */
  readonly version: number;
  readonly edits: readonly TextEdit[];
}

export type DrillReportPdfParams = DrillReportInput;

export interface DrillReportPdfResult {
  /** The PDF file, base64. */
  readonly data: string;
}
