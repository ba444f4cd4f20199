/**
 * What the availability import asks to measure: the plan's measurements with their queries and
 * intervals, and why there may be nothing to ask. Plain data without YAML, so that the language
 * server's import request (bundled apart from the core) can use it; planResults.ts reads it from
 * a plan.
 */
import type { SampleProblem } from './availability';

/** A measurement of `availability.measurements` as the import sees it. */
export interface PlannedMeasurement {
  readonly id: string;
  /** The monitoring query (`query`), when it has one. */
  readonly query: string | undefined;
  /** Its `interval` in whole seconds (at least 1), when written and valid: the step of the range query. */
  readonly interval: number | undefined;
}

export interface AvailabilityPlan {
  /** `availability.target`, in percent. */
  readonly target: number | undefined;
  /** The measurements with an id, in the plan's order. */
  readonly measurements: readonly PlannedMeasurement[];
  /**
   * The announced maintenance (`excluded`, valid) of the results the plan records: kept when the
   * import updates the entry, so the period is compared with the target as `drplan check` will.
   */
  readonly excluded: readonly ExcludedMaintenance[];
}

export interface ExcludedMaintenance {
  /** The period's id (parsePeriod): `2026-11`. */
  readonly period: string;
  readonly source: string;
  /** Minutes, more than 0 and less than the period. */
  readonly minutes: number;
}

/** The maintenance the plan excludes from `period` for `source`, in minutes (0: none). */
export function excludedFrom(plan: AvailabilityPlan, period: string, source: string): number {
  return plan.excluded.find((entry) => entry.period === period && entry.source === source)?.minutes ?? 0;
}

/** Why nothing was measured; each is exit status 2 (no figures, the plan untouched). */
export type ImportProblem =
  /** `--source` names no measurement of the plan. */
  | { readonly problem: 'unknownSource'; readonly source: string }
  /** The measurement named has no query, or none has one. */
  | { readonly problem: 'noQuery'; readonly source?: string }
  /** The query gave no value in the whole period. */
  | { readonly problem: 'noData'; readonly source: string; readonly query: string }
  /** A value that is not 0 or 1 (or a time off the grid). */
  | ({ readonly problem: 'sample'; readonly source: string; readonly query: string } & SampleProblem);

/** The measurements to ask, or why there are none. */
export function measurementsToQuery(plan: AvailabilityPlan, source: string | undefined): (PlannedMeasurement & { readonly query: string })[] | ImportProblem {
  if (source !== undefined) {
    const named = plan.measurements.find((measurement) => measurement.id === source);
    if (!named) return { problem: 'unknownSource', source };
    return named.query === undefined ? { problem: 'noQuery', source } : [{ ...named, query: named.query }];
  }
  const withQuery = plan.measurements.flatMap((measurement) => (measurement.query === undefined ? [] : [{ ...measurement, query: measurement.query }]));
  return withQuery.length > 0 ? withQuery : { problem: 'noQuery' };
}


/** A period's result of one measurement, as the plan records it. */
export interface RecordedResult {
  /** The measurement id (`source`). */
  readonly source: string;
  /** In percent, rounded as recordedPercent() does. */
  readonly measured: number;
  /** Seconds. */
  readonly downtime: number;
  readonly outages: number;
}

/** Whether `value` is a RecordedResult (what a client sends back is checked before it is written). */
export function isRecordedResult(value: unknown): value is RecordedResult {
  if (typeof value !== 'object' || value === null) return false;
  const { source, measured, downtime, outages } = value as Record<string, unknown>;
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return typeof source === 'string' && source.trim() !== '' && typeof measured === 'number' && measured >= 0 && measured <= 100 && whole(downtime) && whole(outages);
}
