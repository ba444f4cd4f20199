import type { CalendarDuration } from './duration';
import type { Message } from './i18n/messages';

const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;

/** A calendar date as days since 1970-01-01, or undefined when it is not `YYYY-MM-DD`. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March: only a round trip proves a real calendar day.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return time / DAY_MS;
}

/**
 * A date plus a duration, as format.md counts when something falls due: months and years on the
 * calendar, a day the month lacks becoming its last day (2026-01-31 + 1 month = 2026-02-28,
 * 2024-02-29 + 1 year = 2025-02-28), weeks, days and hours exactly. Days since 1970-01-01 in and
 * out; the result has a fraction where the duration has hours.
 */
export function addToDate(day: number, duration: CalendarDuration): number {
  let result = day;
  if (duration.months !== 0) {
    const date = new Date(Math.floor(day) * DAY_MS);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + duration.months;
    // Day 0 of the month after is the last day of the month: Date.UTC carries months into years.
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    result = Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS + (day - Math.floor(day));
  }
  return result + duration.minutes / DAY_MINUTES;
}

/** Today's date as days since 1970-01-01, in UTC. */
export function todayInDays(now: Date = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS);
}

/** German date, as the document and messages show it: 28.11.2026. */
export function formatDate(days: number, locale: 'de' | 'en'): string {
  const date = new Date(days * DAY_MS);
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return locale === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/** A date in both languages (for messages that name it). */
export function dateText(day: number): Message {
  return { de: formatDate(day, 'de'), en: formatDate(day, 'en') };
}

/**
 * The calendar day of `date` as YYYY-MM-DD: in UTC, as the checks count days, or on the clock
 * where the author is (`local`: the day a new plan is created). An invalid date counts as now.
 */
export function isoDay(date: Date, clock: 'utc' | 'local' = 'utc'): string {
  const day = Number.isNaN(date.getTime()) ? new Date() : date;
  if (clock === 'utc') return day.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * A point in time as ISO 8601 writes it (`2026-11-20T09:15:00+01:00`; seconds and the offset
 * optional, without an offset it is the author's local time): when an exercise began. The day
 * and time as written, on the author's clock, and the offset from UTC where one is given.
 */
export interface DateTime {
  /** The calendar day as written, days since 1970-01-01. */
  readonly day: number;
  /** Minutes after midnight on that day, as written (seconds left out). */
  readonly minute: number;
  /** Minutes east of UTC; undefined for local time. */
  readonly offset: number | undefined;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** The date and time `value` writes, or undefined when it is no ISO 8601 date and time of a real day. */
export function parseDateTime(value: unknown): DateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const day = parseDate(match[1]);
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[5];
  let offset: number | undefined;
  if (zone !== undefined) {
    const parts = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (parts) {
      const [hours, minutes] = [Number(parts[2]), Number(parts[3] ?? 0)];
      if (hours > 14 || minutes > 59) return undefined;
      offset = (parts[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
    } else {
      offset = 0;
    }
  }
  return { day, minute: hour * 60 + minute, offset };
}

/** "15.06.2026, 08:30 Uhr" / "2026-06-15 08:30": the day and time as written, without the offset. */
export function formatDateTime(time: DateTime, locale: 'de' | 'en'): string {
  const clock = `${String(Math.floor(time.minute / 60)).padStart(2, '0')}:${String(time.minute % 60).padStart(2, '0')}`;
  return locale === 'de' ? `${formatDate(time.day, 'de')}, ${clock} Uhr` : `${formatDate(time.day, 'en')} ${clock}`;
}

/** "UTC+01:00", "UTC": the offset of a date and time that gives one. */
export function offsetText(offset: number): string {
  if (offset === 0) return 'UTC';
  const sign = offset < 0 ? '−' : '+';
  const minutes = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
