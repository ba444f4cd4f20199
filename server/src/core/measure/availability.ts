/**
 * Availability measured over a period (`drplan measure`, the VS Code import): from a monitoring
 * query evaluated on a grid of points (Prometheus's range query), or from a list of outages a
 * monitoring tool exported. Pure arithmetic on whole seconds (UTC, since 1970-01-01), so that
 * the figures can be compared with a known truth to the second.
 *
 * The decisions, which the output and docs/format.md state:
 * - A point of the grid stands for the time from it to the next point (the step), the last one
 *   up to the period's end. The share of the period whose points were up is the availability.
 * - Several series for one query (two probes, two instances): a point is down when any series is
 *   0 there, up when at least one is 1 and none is 0.
 * - A point where no series has a value has no data: it is not shown to be up, so it counts as
 *   downtime (and within an outage), and the time without data is reported beside it.
 * - An outage is a maximal run of time that was not up; one that crosses the period's boundary
 *   counts only with its part inside the period (nothing outside is asked for or read).
 */
import type { Period } from '../period';

/** Seconds since 1970-01-01 UTC; `end` exclusive. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

/** A maximal stretch of the period that was not shown to be up. */
export interface Outage extends TimeSpan {
  /** How many of its seconds had no data at all (no series had a value). */
  readonly withoutData: number;
}

export interface MeasuredAvailability {
  /** The period, in seconds. */
  readonly span: TimeSpan;
  /** Seconds shown to be up. */
  readonly up: number;
  /** Seconds not shown to be up: down, or without data. */
  readonly downtime: number;
  /** The part of `downtime` without any data. */
  readonly withoutData: number;
  /** In time order, disjoint, inside the period. */
  readonly outages: readonly Outage[];
}

const DAY_SECONDS = 86_400;

/** A period of period.ts as seconds. */
export function periodSpan(period: Period): TimeSpan {
  return { start: period.start * DAY_SECONDS, end: period.end * DAY_SECONDS };
}

/** The measured availability in percent (unrounded). */
export function availabilityPercent(measured: MeasuredAvailability): number {
  const length = measured.span.end - measured.span.start;
  return length > 0 ? (measured.up / length) * 100 : 0;
}

// ---------------------------------------------------------------------------
// outages as a list (CSV)

/**
 * The availability of a period from outages a monitoring tool listed: each clipped to the
 * period, overlapping and touching ones joined; everything else was up (a list has no gaps).
 */
export function availabilityOfOutages(span: TimeSpan, listed: readonly TimeSpan[]): MeasuredAvailability {
  const inside = listed
    .map((outage) => ({ start: Math.max(outage.start, span.start), end: Math.min(outage.end, span.end) }))
    .filter((outage) => outage.end > outage.start)
    .sort((a, b) => a.start - b.start);
  const joined: TimeSpan[] = [];
  for (const outage of inside) {
    const last = joined[joined.length - 1];
    if (last && outage.start <= last.end) joined[joined.length - 1] = { start: last.start, end: Math.max(last.end, outage.end) };
    else joined.push(outage);
  }
  return measuredFrom(
    span,
    joined.map((outage) => ({ ...outage, withoutData: 0 })),
  );
}

function measuredFrom(span: TimeSpan, outages: readonly Outage[]): MeasuredAvailability {
  const downtime = outages.reduce((sum, outage) => sum + outage.end - outage.start, 0);
  const withoutData = outages.reduce((sum, outage) => sum + outage.withoutData, 0);
  return { span, up: span.end - span.start - downtime, downtime, withoutData, outages };
}

// ---------------------------------------------------------------------------
// a query evaluated on a grid (Prometheus range queries)

/** The points a query is evaluated at: `start`, `start + step`, … before `end`. */
export interface Grid extends TimeSpan {
  /** Seconds between points, a whole number of at least 1. */
  readonly step: number;
  readonly points: number;
}

export function evaluationGrid(span: TimeSpan, step: number): Grid {
  return { ...span, step, points: Math.ceil((span.end - span.start) / step) };
}

/**
 * The grid in pieces of at most `maxPoints` points, as range queries ask for them (`start` and
 * `end` both evaluated). Prometheus answers at most 11,000 points per series and query.
 */
export function gridChunks(grid: Grid, maxPoints = 10_000): TimeSpan[] {
  const chunks: TimeSpan[] = [];
  for (let first = 0; first < grid.points; first += maxPoints) {
    const last = Math.min(first + maxPoints, grid.points) - 1;
    chunks.push({ start: grid.start + first * grid.step, end: grid.start + last * grid.step });
  }
  return chunks;
}

/** What each point showed: no data, up or down (down wins over up: any series 0 is down). */
const NO_DATA = 0;
const UP = 1;
const DOWN = 2;

/** A value other than 0 and 1, or a time off the grid: the query does not say up or down. */
export type SampleProblem =
  | { readonly wrong: 'value'; readonly value: string; readonly time: number }
  | { readonly wrong: 'time'; readonly time: number };

/**
 * What the points of a grid showed, filled in from the series of one query as they arrive
 * (chunk by chunk; a series may come in several chunks).
 */
export class GridStates {
  private readonly states: Uint8Array;
  /** How many different series (label sets) had values. */
  private readonly seriesSeen = new Set<string>();

  constructor(readonly grid: Grid) {
    this.states = new Uint8Array(grid.points);
  }

  /**
   * Adds one series' samples: `[seconds, value]` as Prometheus writes them (the value a string:
   * "1", "0", "NaN"). `key` names the series (its labels). Returns the first sample that is
   * neither 0 nor 1, or not on the grid; nothing is added then.
   */
  add(key: string, samples: readonly (readonly [number, string])[]): SampleProblem | undefined {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [time, text] of samples) {
      const offset = (time - this.grid.start) / this.grid.step;
      const index = Math.round(offset);
      if (!Number.isFinite(time) || Math.abs(offset - index) > 1e-6 || index < 0 || index >= this.grid.points) return { wrong: 'time', time };
      const value = Number(text);
      if (value !== 0 && value !== 1) return { wrong: 'value', value: text, time };
      indices.push(index);
      values.push(value);
    }
    indices.forEach((index, i) => {
      if (values[i] === 0) this.states[index] = DOWN;
      else if (this.states[index] === NO_DATA) this.states[index] = UP;
    });
    if (samples.length > 0) this.seriesSeen.add(key);
    return undefined;
  }

  /** How many series had values. */
  get series(): number {
    return this.seriesSeen.size;
  }

  /** Whether any point had a value. */
  get hasData(): boolean {
    return this.states.some((state) => state !== NO_DATA);
  }

  /** The availability the points show (see the rules at the top of this file). */
  measured(): MeasuredAvailability {
    const { start, end, step, points } = this.grid;
    const outages: Outage[] = [];
    let open: { start: number; withoutData: number } | undefined;
    for (let i = 0; i < points; i++) {
      const from = start + i * step;
      const to = Math.min(from + step, end);
      const state = this.states[i];
      if (state === UP) {
        if (open) outages.push({ start: open.start, end: from, withoutData: open.withoutData });
        open = undefined;
        continue;
      }
      open ??= { start: from, withoutData: 0 };
      if (state === NO_DATA) open.withoutData += to - from;
    }
    if (open) outages.push({ start: open.start, end, withoutData: open.withoutData });
    return measuredFrom({ start, end }, outages);
  }
}

// ---------------------------------------------------------------------------
// as a plan records it

/**
 * The availability as `availability.results[].measured` records it: rounded to two decimals,
 * or to as many as the target has (99.995 → three), half up; but never rounded up onto the
 * target it missed, nor to 100 when anything was down: 99.8951 against 99.9 is 99.89.
 * Reckoned in whole numbers, so that 99.6875 is 99.69, not a float's 99.68.
 */
export function recordedPercent(measured: MeasuredAvailability, target: number | undefined): number {
  const length = measured.span.end - measured.span.start;
  if (length <= 0) return 0;
  const digits = Math.min(6, Math.max(2, decimalsOf(target)));
  const scale = 10 ** digits;
  // up / length × 100 × scale, rounded half up, in integers: (2·up·100·scale + length) ÷ (2·length).
  const scaled = measured.up * 100 * scale;
  let units = Math.floor((2 * scaled + length) / (2 * length));
  if (units >= 100 * scale && measured.up < length) units = 100 * scale - 1;
  if (target !== undefined) {
    const targetUnits = Math.round(target * scale);
    if (scaled < targetUnits * length && units >= targetUnits) units = targetUnits - 1;
  }
  return Number((units / scale).toFixed(digits));
}

function decimalsOf(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/**
 * A downtime as an author writes it in the plan (format.md's durations): `0`, whole minutes as
 * `135 min`, a downtime with seconds exactly in ISO 8601 (`PT2H15M30S`).
 */
export function downtimeText(seconds: number): string {
  if (seconds <= 0) return '0';
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest}S`;
}
