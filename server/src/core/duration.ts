import type { Message } from './i18n/messages';
import type { Locale } from './types';

/** Durations are compared in minutes; months count as 30 days and years as 365, as format.md says. */
const SECOND = 1 / 60;
const MINUTE = 1;
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Unit words, lower-cased, without a trailing dot. English and German, singular and plural;
 * minutes per unit. Exported for the format reference (docs/format.md), which lists them.
 */
export const UNIT_WORDS: ReadonlyMap<string, number> = new Map([
  ...words(SECOND, 's', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden'),
  ...words(MINUTE, 'min', 'mins', 'minute', 'minutes', 'minuten'),
  ...words(HOUR, 'h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden'),
  ...words(DAY, 'd', 'day', 'days', 'tag', 'tage', 'tagen'),
  ...words(WEEK, 'w', 'wk', 'week', 'weeks', 'woche', 'wochen'),
  ...words(MONTH, 'mo', 'month', 'months', 'monat', 'monate', 'monaten'),
  ...words(YEAR, 'y', 'yr', 'year', 'years', 'a', 'jahr', 'jahre', 'jahren'),
]);

function words(minutes: number, ...names: string[]): [string, number][] {
  return names.map((name) => [name, minutes]);
}

const NUMBER_AND_UNIT = /^(\d+(?:[.,]\d+)?)\s*([A-Za-zÄÖÜäöü]+)\.?$/;
const ISO = /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const ISO_FACTORS = [YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND];

export type DurationProblem =
  /** A number without a unit: hours? days? */
  | 'bare-number'
  /** `m` alone: minutes or months? */
  | 'ambiguous-m'
  | 'unknown-unit'
  | 'negative'
  | 'syntax'
  | 'not-scalar';

/** A way to read a duration that is not valid as written: how long it would be, and how to write it. */
export interface DurationReading {
  readonly minutes: number;
  readonly written: string;
}

/**
 * A duration as a date counts it (date.ts, addToDate): whole months (a year is twelve) on the
 * calendar, the rest (weeks, days, hours, a fraction of a month as 30 days) exactly, in minutes.
 */
export interface CalendarDuration {
  readonly months: number;
  readonly minutes: number;
}

export type DurationResult =
  /** `minutes`: for comparing durations (a month as 30 days); `calendar`: for adding it to a date. */
  | { readonly ok: true; readonly minutes: number; readonly calendar: CalendarDuration }
  /** `readings`: what the author may have meant (`12 m`: 12 minutes or 12 months). */
  | { readonly ok: false; readonly problem: DurationProblem; readonly readings?: readonly DurationReading[] };

/** Plans repeat the same few durations ("4h", "24h") thousands of times: read each once. */
const readDurations = new Map<string, DurationResult>();

/** Reads a duration as format.md defines it: `0`, ISO 8601 (`PT4H`), or a number and a unit. */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value !== 'string') return readDuration(value);
  let result = readDurations.get(value);
  if (result === undefined) {
    if (readDurations.size >= 2048) readDurations.clear();
    result = readDuration(value);
    readDurations.set(value, result);
  }
  return result;
}

function readDuration(value: unknown): DurationResult {
  if (typeof value === 'number') {
    if (value === 0) return ZERO;
    if (value < 0) return { ok: false, problem: 'negative' };
    return { ok: false, problem: 'bare-number' };
  }
  if (typeof value !== 'string') return { ok: false, problem: 'not-scalar' };
  const text = value.trim();
  if (text === '0') return ZERO;
  if (text.startsWith('-')) return { ok: false, problem: 'negative' };
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return { ok: false, problem: 'bare-number' };
  const iso = ISO.exec(text);
  if (iso) {
    let minutes = 0;
    let months = 0;
    let exact = 0;
    for (let i = 0; i < ISO_FACTORS.length; i++) {
      const part = iso[i + 1];
      if (part === undefined) continue;
      const factor = ISO_FACTORS[i] as number;
      minutes += toNumber(part) * factor;
      if (factor === YEAR) months += toNumber(part) * 12;
      else if (factor === MONTH) months += toNumber(part);
      else exact += toNumber(part) * factor;
    }
    return valid(minutes, months, exact);
  }
  const unit = NUMBER_AND_UNIT.exec(text);
  if (unit) {
    const amount = unit[1] as string;
    const name = (unit[2] as string).toLowerCase();
    if (name === 'm') {
      // Which one the field's typical values make likely, the check decides (durationSyntax.ts).
      const n = toNumber(amount);
      const readings = [
        { minutes: n * MINUTE, written: `${amount} min` },
        { minutes: n * MONTH, written: `${amount} ${n === 1 ? 'Monat' : 'Monate'}` },
      ];
      return { ok: false, problem: 'ambiguous-m', readings };
    }
    const factor = UNIT_WORDS.get(name);
    if (factor !== undefined) {
      const n = toNumber(amount);
      const months = factor === YEAR ? n * 12 : factor === MONTH ? n : 0;
      return valid(n * factor, months, months === 0 ? n * factor : 0);
    }
    return { ok: false, problem: 'unknown-unit' };
  }
  return { ok: false, problem: 'syntax' };
}

const ZERO: DurationResult = { ok: true, minutes: 0, calendar: { months: 0, minutes: 0 } };

/** A valid duration; the calendar counts whole months, a fraction of one as 30 days. */
function valid(minutes: number, months: number, exact: number): DurationResult {
  const whole = Math.floor(months);
  return { ok: true, minutes, calendar: { months: whole, minutes: exact + (months - whole) * MONTH } };
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

interface DisplayUnit {
  readonly minutes: number;
  readonly de: readonly [string, string];
  readonly en: readonly [string, string];
  /** "täglich", "daily": once in this unit, for an interval ("alle 1 Tag" reads badly). */
  readonly every: Message;
}

const DISPLAY_UNITS: readonly DisplayUnit[] = [
  { minutes: YEAR, de: ['Jahr', 'Jahre'], en: ['year', 'years'], every: { de: 'jährlich', en: 'yearly' } },
  { minutes: MONTH, de: ['Monat', 'Monate'], en: ['month', 'months'], every: { de: 'monatlich', en: 'monthly' } },
  { minutes: WEEK, de: ['Woche', 'Wochen'], en: ['week', 'weeks'], every: { de: 'wöchentlich', en: 'weekly' } },
  { minutes: DAY, de: ['Tag', 'Tage'], en: ['day', 'days'], every: { de: 'täglich', en: 'daily' } },
  { minutes: HOUR, de: ['Stunde', 'Stunden'], en: ['hour', 'hours'], every: { de: 'stündlich', en: 'hourly' } },
  { minutes: MINUTE, de: ['Minute', 'Minuten'], en: ['minute', 'minutes'], every: { de: 'jede Minute', en: 'every minute' } },
  { minutes: SECOND, de: ['Sekunde', 'Sekunden'], en: ['second', 'seconds'], every: { de: 'jede Sekunde', en: 'every second' } },
];

/** An amount of one unit: "1,5 Stunden" is { amount: 1.5, unit: hours }. */
interface DurationPart {
  readonly amount: number;
  readonly unit: DisplayUnit;
}

/**
 * A duration for people, when no author wrote it (a sum, a budget): "8 Stunden", "1,5 Stunden",
 * "2 Tage", "6 Monate", "30 Minuten". The largest unit from days up that divides it whole, from
 * two of that unit on (so 36 hours stay hours); otherwise days from 100 hours on, hours from one
 * hour on, minutes from one minute on, seconds below; at most three significant digits
 * ("43,8 Stunden", "52,6 Minuten").
 */
export function formatDuration(minutes: number, locale: Locale): string {
  return partsText(computedParts(minutes), locale);
}

function computedParts(minutes: number): DurationPart[] {
  const unit =
    DISPLAY_UNITS.find((u) => u.minutes >= DAY && minutes >= 2 * u.minutes && minutes % u.minutes === 0) ??
    (minutes >= 100 * HOUR ? unitOf(DAY) : undefined) ??
    DISPLAY_UNITS.find((u) => u.minutes <= HOUR && minutes >= u.minutes) ??
    unitOf(minutes === 0 ? MINUTE : SECOND);
  return [{ amount: minutes / unit.minutes, unit }];
}

/**
 * A duration as its author wrote it, in words: the unit written, the amount rounded to three
 * significant digits where it has a fraction. "1 w" → "1 Woche", "90 Tage" → "90 Tage",
 * "PT4H" → "4 Stunden", "1.5 h" → "1,5 Stunden", "P1DT12H" → "1 Tag und 12 Stunden".
 * Undefined when the value is no valid duration.
 */
export function writtenDuration(value: unknown, locale: Locale): string | undefined {
  const parts = writtenParts(value);
  return parts && partsText(parts, locale);
}

function writtenParts(value: unknown): DurationPart[] | undefined {
  const read = parseDuration(value);
  if (!read.ok) return undefined;
  if (read.minutes === 0) return computedParts(0);
  const text = String(value).trim();
  const iso = ISO.exec(text);
  if (iso) {
    const parts: DurationPart[] = [];
    ISO_FACTORS.forEach((factor, index) => {
      const amount = iso[index + 1];
      if (amount !== undefined && toNumber(amount) !== 0) parts.push({ amount: toNumber(amount), unit: unitOf(factor) });
    });
    return parts;
  }
  const written = NUMBER_AND_UNIT.exec(text);
  const factor = written && UNIT_WORDS.get((written[2] as string).toLowerCase());
  if (written && factor !== undefined && factor !== null) return [{ amount: toNumber(written[1] as string), unit: unitOf(factor) }];
  return computedParts(read.minutes);
}

function unitOf(minutes: number): DisplayUnit {
  const unit = DISPLAY_UNITS.find((candidate) => candidate.minutes === minutes);
  if (!unit) throw new Error(`no display unit of ${minutes} minutes`);
  return unit;
}

/** "1 Tag", "1 Tag und 12 Stunden", "1 Jahr, 2 Monate und 3 Tage". */
function partsText(parts: readonly DurationPart[], locale: Locale): string {
  const words = parts.map(({ amount, unit }) => {
    const shown = formatAmount(amount, locale);
    return `${shown} ${unit[locale][shown === '1' ? 0 : 1]}`;
  });
  const last = words.pop() as string;
  return words.length === 0 ? last : `${words.join(', ')} ${locale === 'de' ? 'und' : 'and'} ${last}`;
}

/**
 * A number for people: whole numbers as they are, others to three significant digits (52.56 →
 * "52,6", 0.0432 → "0,0432"); a German decimal comma.
 */
export function formatAmount(amount: number, locale: Locale): string {
  const rounded = Number.isInteger(amount) ? amount : Math.abs(amount) >= 1000 ? Math.round(amount) : Number(amount.toPrecision(3));
  const text = String(rounded);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/**
 * A duration the messages and the document name: as the author wrote it when it is a field of
 * the plan (`value`: what was written), else (a sum, a budget) in the unit that reads best.
 */
export type DurationSource = number | { readonly value: unknown; readonly minutes: number | undefined };

function sourceParts(source: DurationSource): DurationPart[] | undefined {
  if (typeof source === 'number') return computedParts(source);
  return writtenParts(source.value) ?? (source.minutes === undefined ? undefined : computedParts(source.minutes));
}

/** A duration in words, in both languages (for messages that name it). */
export function durationText(source: DurationSource): Message {
  const parts = sourceParts(source);
  if (!parts) return { de: String((source as { value: unknown }).value), en: String((source as { value: unknown }).value) };
  return { de: partsText(parts, 'de'), en: partsText(parts, 'en') };
}

/**
 * How often something runs at this interval: "alle 4 Stunden", "täglich" (one of a unit),
 * "laufend" (0: continuously, a replication).
 */
export function everyText(source: DurationSource): Message {
  const parts = sourceParts(source);
  if (!parts) return { de: `alle ${String((source as { value: unknown }).value)}`, en: `every ${String((source as { value: unknown }).value)}` };
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.amount === 0) return { de: 'laufend', en: 'continuously' };
  if (only?.amount === 1) return only.unit.every;
  return { de: `alle ${partsText(parts, 'de')}`, en: `every ${partsText(parts, 'en')}` };
}

/**
 * A measured duration (a drill's step, its recovery time) as an author writes it: whole minutes
 * (`80 min`), whole and half hours from an hour on (`2h`, `1.5h`), seconds below a minute
 * (`40 s`), `0` for nothing. Minutes are rounded, never a larger unit: a measurement keeps its
 * precision.
 */
export function measuredDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`not a measured duration: ${seconds} s`);
  const whole = Math.round(seconds);
  if (whole === 0) return '0';
  if (whole < 60) return `${whole} s`;
  const minutes = Math.round(whole / 60);
  if (minutes >= HOUR && minutes % 30 === 0) return `${minutes / HOUR}h`;
  return `${minutes} min`;
}

export const DURATION = { SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR } as const;
