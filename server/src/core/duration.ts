import type { Message } from './i18n/messages';
import type { Locale } from './types';

/** Durations are compared in minutes; months count as 30 days and years as 365, as format.md says. */
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
  ...words(1 / 60, 's', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden'),
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
const ISO_FACTORS = [YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, 1 / 60];

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
}

const DISPLAY_UNITS: readonly DisplayUnit[] = [
  { minutes: YEAR, de: ['Jahr', 'Jahre'], en: ['year', 'years'] },
  { minutes: MONTH, de: ['Monat', 'Monate'], en: ['month', 'months'] },
  { minutes: WEEK, de: ['Woche', 'Wochen'], en: ['week', 'weeks'] },
  { minutes: DAY, de: ['Tag', 'Tage'], en: ['day', 'days'] },
  { minutes: HOUR, de: ['Stunde', 'Stunden'], en: ['hour', 'hours'] },
  { minutes: MINUTE, de: ['Minute', 'Minuten'], en: ['minute', 'minutes'] },
];

/**
 * A duration for people: "8 Stunden", "1,5 Stunden", "2 Tage", "6 Monate", "30 Minuten". The
 * largest unit from days up that divides it whole, from two of that unit on (so 36 hours stay
 * hours); otherwise hours from one hour on, minutes below.
 */
export function formatDuration(minutes: number, locale: Locale): string {
  if (minutes === 0) return locale === 'de' ? '0 Minuten' : '0 minutes';
  const [hours, minute] = DISPLAY_UNITS.slice(-2) as [DisplayUnit, DisplayUnit];
  const unit =
    DISPLAY_UNITS.find((u) => u.minutes >= DAY && minutes >= 2 * u.minutes && minutes % u.minutes === 0) ??
    (minutes >= HOUR ? hours : minute);
  const amount = Math.round((minutes / unit.minutes) * 100) / 100;
  const words = unit[locale];
  const number = locale === 'de' ? String(amount).replace('.', ',') : String(amount);
  return `${number} ${amount === 1 ? words[0] : words[1]}`;
}

/** A duration in words, in both languages (for messages that name it). */
export function durationText(minutes: number): Message {
  return { de: formatDuration(minutes, 'de'), en: formatDuration(minutes, 'en') };
}

export const DURATION = { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR } as const;
