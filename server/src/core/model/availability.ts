import { periodMinutes, type Period } from '../period';
import type { AvailabilityResultModel, PlanModel } from './plan';
import { allowedDowntime, isOverdue } from './queries';

/**
 * What the measured availability says against the target: the rules (availability-not-met,
 * availability-unproven), hover and the document (results, charts) ask here, so they agree.
 *
 * `measured` is what monitoring measured over the whole period, announced maintenance counted as
 * down. `excluded` is maintenance the target allows to leave out of the period (an author writes
 * it only where the agreement allows it): it is taken out of both the period and the time down,
 * so 99.69 % of a 30-day month with 2 hours excluded compare as 99.97 %.
 */

/** A target drplan can compare with: a number in (0, 100]. */
export function validTarget(model: PlanModel): number | undefined {
  const target = model.availability?.target?.value;
  return allowedDowntime(target) === undefined ? undefined : target;
}

/** Minutes of maintenance left out of the result's period: 0 unless valid and shorter than the period. */
export function excludedMinutes(result: AvailabilityResultModel): number {
  const minutes = result.excluded?.minutes;
  if (minutes === undefined || minutes <= 0 || !result.days || minutes >= periodMinutes(result.days)) return 0;
  return minutes;
}

/**
 * The availability compared with the target: `measured` with the excluded maintenance left out
 * of the period and of the time down (the time down being the period's share that `measured`
 * misses). Undefined without a measured value.
 */
export function comparedAvailability(result: AvailabilityResultModel): number | undefined {
  const measured = result.measured?.value;
  if (measured === undefined) return undefined;
  return result.days ? comparedPercent(measured, result.days, excludedMinutes(result)) : measured;
}

/** `measured` percent of `period`, with `excluded` minutes (valid: shorter than the period) left out of both. */
export function comparedPercent(measured: number, period: Period, excluded: number): number {
  if (excluded === 0) return measured;
  const minutes = periodMinutes(period);
  const down = ((100 - measured) / 100) * minutes;
  return 100 * (1 - Math.max(0, down - excluded) / (minutes - excluded));
}

/** Whether a result meets the target (to a billionth of a percent: 99.9 meets 99.9); undefined when either is missing. */
export function meetsTarget(result: AvailabilityResultModel, target: number | undefined): boolean | undefined {
  const compared = comparedAvailability(result);
  if (compared === undefined || target === undefined) return undefined;
  return comparedMeets(compared, target);
}

/** The one comparison with the target: the rules, the document and `drplan measure`'s exit status. */
export function comparedMeets(compared: number, target: number): boolean {
  return compared >= target - 1e-9;
}

/**
 * The minutes of downtime a result counts against the yearly budget: its `downtime`, else the
 * period's share that `measured` misses; the excluded maintenance not counted.
 */
export function countedDowntime(result: AvailabilityResultModel): number | undefined {
  const written = result.downtime?.minutes;
  const measured = result.measured?.value;
  const down = written ?? (measured !== undefined && result.days ? ((100 - measured) / 100) * periodMinutes(result.days) : undefined);
  return down === undefined ? undefined : Math.max(0, down - excludedMinutes(result));
}

/** Whether a period has ended by `today` (days since 1970-01-01): today is the day after it, or later. */
export function hasEnded(period: Period, today: number): boolean {
  return period.end <= today;
}

/**
 * The results that prove the availability today: a measured value for a period that ended
 * within the plan's review interval before today (ended on the day after it; an end that is
 * due again today still counts, as for every due date).
 */
export function provingResults(model: PlanModel, today: number): AvailabilityResultModel[] {
  return (model.availability?.results ?? []).filter(
    (result) => result.measured !== undefined && result.days !== undefined && hasEnded(result.days, today) && !isOverdue(model, result.days.end, today),
  );
}

/** The result of the latest ended period (the later in the list on a tie), if any. */
export function latestEndedResult(model: PlanModel, today: number): AvailabilityResultModel | undefined {
  let latest: AvailabilityResultModel | undefined;
  for (const result of model.availability?.results ?? []) {
    if (result.measured === undefined || !result.days || !hasEnded(result.days, today)) continue;
    if (!latest || result.days.end >= (latest.days as Period).end) latest = result;
  }
  return latest;
}

/** The results in the order of their periods (by start, the longer first), those without a valid period left out. */
export function resultsInOrder(model: PlanModel): AvailabilityResultModel[] {
  return (model.availability?.results ?? [])
    .filter((result) => result.days !== undefined)
    .sort((a, b) => (a.days as Period).start - (b.days as Period).start || (b.days as Period).end - (a.days as Period).end || a.index - b.index);
}

/** One calendar year's downtime from one source, against the yearly budget. */
export interface YearlyDowntime {
  readonly year: number;
  /** The measurement's id; undefined for results without a source. */
  readonly source: string | undefined;
  /** Minutes down, the excluded maintenance not counted. */
  readonly minutes: number;
  /** The days of the year the results cover (days since 1970-01-01, end exclusive), in order. */
  readonly covered: readonly Period[];
}

/**
 * Per calendar year and source, the downtime its results add up to, each month counted once:
 * a year's own result where there is one, else its quarters' results, and the months' results
 * for months no quarter result covers (a coarser period of the same source holds the finer ones).
 */
export function downtimeByYear(model: PlanModel): YearlyDowntime[] {
  const groups = new Map<string, { year: number; source: string | undefined; results: AvailabilityResultModel[] }>();
  for (const result of resultsInOrder(model)) {
    const year = new Date((result.days as Period).start * 86_400_000).getUTCFullYear();
    const source = result.source?.value;
    const key = `${year}\u0000${source ?? ''}`;
    const group = groups.get(key) ?? { year, source, results: [] };
    group.results.push(result);
    groups.set(key, group);
  }
  const years: YearlyDowntime[] = [];
  for (const { year, source, results } of groups.values()) {
    const whole = results.find((result) => result.days?.kind === 'year');
    const quarters = results.filter((result) => result.days?.kind === 'quarter');
    const inQuarter = (result: AvailabilityResultModel) =>
      quarters.some((quarter) => (quarter.days as Period).start <= (result.days as Period).start && (result.days as Period).end <= (quarter.days as Period).end);
    const counted = whole ? [whole] : [...quarters, ...results.filter((result) => result.days?.kind === 'month' && !inQuarter(result))];
    // One result per period: the later entry of a period written twice.
    const byPeriod = new Map<string, AvailabilityResultModel>();
    for (const result of counted) byPeriod.set((result.days as Period).id, result);
    let minutes = 0;
    let measured = false;
    for (const result of byPeriod.values()) {
      const down = countedDowntime(result);
      if (down === undefined) continue;
      minutes += down;
      measured = true;
    }
    if (!measured) continue;
    const covered = [...byPeriod.values()].map((result) => result.days as Period).sort((a, b) => a.start - b.start);
    years.push({ year, source, minutes, covered });
  }
  return years.sort((a, b) => a.year - b.year || (a.source ?? '').localeCompare(b.source ?? ''));
}
