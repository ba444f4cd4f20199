/**
 * One measurement's result for a period, as `drplan measure` prints it and the VS Code import
 * reports it: plain data (it crosses the language server's connection), from Prometheus or from
 * a list of outages. Both front ends make it here, from the plan's target.
 */
import { comparedMeets, comparedPercent } from '../model/availability';
import type { Period } from '../period';
import { availabilityOfOutages, availabilityPercent, periodSpan, recordedPercent, type MeasuredAvailability } from './availability';
import type { ListedOutage } from './outagesCsv';
import { excludedFrom, type AvailabilityPlan, type RecordedResult } from './measurements';

export interface MeasuredPeriod {
  /** The measurement id: the entry's `source`. */
  readonly source: string;
  readonly period: string;
  readonly measured: MeasuredAvailability;
  /** Unrounded, in percent. */
  readonly percent: number;
  /** As the plan records it (recordedPercent). */
  readonly recorded: number;
  /** The plan's target, when it has one. */
  readonly target: number | undefined;
  /** Minutes of announced maintenance the plan's entry for the period leaves out (0: none); the import keeps them. */
  readonly excluded: number;
  /** The recorded figure, the maintenance left out, as it is compared with the target. */
  readonly compared: number;
  /** Below the target, as `drplan check` will say of the recorded entry (availability-not-met). */
  readonly belowTarget: boolean;
  /** Where the figures come from. */
  readonly from: PrometheusOrigin | ListOrigin;
}

export interface PrometheusOrigin {
  readonly kind: 'prometheus';
  readonly query: string;
  /** Seconds between the points of the range query. */
  readonly step: number;
  /** How many series the query had (several: down when any is 0). */
  readonly series: number;
}

export interface ListOrigin {
  readonly kind: 'list';
  /** The outages listed that fall (partly) into the period, with their reasons. */
  readonly listed: readonly ListedOutage[];
}

export function measuredPeriod(source: string, period: Period, measured: MeasuredAvailability, plan: AvailabilityPlan, from: MeasuredPeriod['from']): MeasuredPeriod {
  const { target } = plan;
  const recorded = recordedPercent(measured, target);
  const excluded = excludedFrom(plan, period.id, source);
  const compared = comparedPercent(recorded, period, excluded);
  const belowTarget = target !== undefined && !comparedMeets(compared, target);
  return { source, period: period.id, measured, percent: availabilityPercent(measured), recorded, target, excluded, compared, belowTarget, from };
}

/** A period measured from a list of outages (the CSV of a monitoring tool). */
export function measuredFromList(source: string, period: Period, listed: readonly ListedOutage[], plan: AvailabilityPlan): MeasuredPeriod {
  const span = periodSpan(period);
  const inside = listed.filter((outage) => outage.end > span.start && outage.start < span.end);
  return measuredPeriod(source, period, availabilityOfOutages(span, inside), plan, { kind: 'list', listed: inside });
}

/** What the plan records of it. */
export function recordedResult(result: MeasuredPeriod): RecordedResult {
  return { source: result.source, measured: result.recorded, downtime: result.measured.downtime, outages: result.measured.outages.length };
}
