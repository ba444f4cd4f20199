/**
 * One measurement's result for a period, as `drplan measure` prints it and the VS Code import
 * reports it: plain data (it crosses the language server's connection), from Prometheus or from
 * a list of outages. Both front ends make it here, from the plan's target.
 */
import type { Period } from '../period';
import { availabilityOfOutages, availabilityPercent, periodSpan, recordedPercent, type MeasuredAvailability } from './availability';
import type { ListedOutage } from './outagesCsv';
import type { RecordedResult } from './measurements';

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

export function measuredPeriod(source: string, period: Period, measured: MeasuredAvailability, target: number | undefined, from: MeasuredPeriod['from']): MeasuredPeriod {
  const percent = availabilityPercent(measured);
  return { source, period: period.id, measured, percent, recorded: recordedPercent(measured, target), target, belowTarget: target !== undefined && percent < target, from };
}

/** A period measured from a list of outages (the CSV of a monitoring tool). */
export function measuredFromList(source: string, period: Period, listed: readonly ListedOutage[], target: number | undefined): MeasuredPeriod {
  const span = periodSpan(period);
  const inside = listed.filter((outage) => outage.end > span.start && outage.start < span.end);
  return measuredPeriod(source, period, availabilityOfOutages(span, inside), target, { kind: 'list', listed: inside });
}

/** What the plan records of it. */
export function recordedResult(result: MeasuredPeriod): RecordedResult {
  return { source: result.source, measured: result.recorded, downtime: result.measured.downtime, outages: result.measured.outages.length };
}
