/**
 * A list of outages as monitoring tools export them (`drplan measure --outages FILE.csv`): one
 * outage a line, `start,end[,reason]`, times in ISO 8601 (`2026-11-04T10:00:00Z`,
 * `2026-11-04 11:00+01:00`; without an offset: UTC, as the periods are). A first line that is no
 * outage (`start,end,reason`) is a header. Fields may be quoted as RFC 4180 quotes them
 * (`"Strom, USV"`); a file whose lines hold `;` and no `,` (a spreadsheet's export in German) is
 * read with `;`. Seconds are whole: a start with a fraction is taken from the second before, an
 * end to the second after, so that no part of an outage is lost.
 */
import type { TimeSpan } from './availability';

export interface ListedOutage extends TimeSpan {
  /** The line it stands on (1-based). */
  readonly line: number;
  readonly reason: string | undefined;
}

export type OutagesProblem =
  /** Not two or three fields. */
  | { readonly problem: 'fields'; readonly line: number; readonly count: number }
  /** A start or end that is no ISO 8601 date and time. */
  | { readonly problem: 'time'; readonly line: number; readonly text: string }
  /** The end is not after the start. */
  | { readonly problem: 'order'; readonly line: number }
  /** A quote opened and not closed on its line. */
  | { readonly problem: 'quote'; readonly line: number };

export type OutagesList = { readonly outages: readonly ListedOutage[] } | OutagesProblem;

export function readOutagesCsv(text: string): OutagesList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstFilled = lines.find((line) => line.trim() !== '') ?? '';
  const separator = !firstFilled.includes(',') && firstFilled.includes(';') ? ';' : ',';
  const outages: ListedOutage[] = [];
  let seenLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const number = i + 1;
    const fields = splitFields(line, separator);
    const first = !seenLine;
    seenLine = true;
    if (!fields) return { problem: 'quote', line: number };
    // A header: the first line, whose first field is no time.
    if (first && instantSeconds(fields[0] ?? '') === undefined && !/^\s*\d{4}-/.test(fields[0] ?? '')) continue;
    if (fields.length < 2 || fields.length > 3) return { problem: 'fields', line: number, count: fields.length };
    const [startText, endText, reason] = fields as [string, string, string | undefined];
    const start = instantSeconds(startText);
    if (start === undefined) return { problem: 'time', line: number, text: startText.trim() };
    const end = instantSeconds(endText);
    if (end === undefined) return { problem: 'time', line: number, text: endText.trim() };
    if (!(end > start)) return { problem: 'order', line: number };
    const why = reason?.trim();
    outages.push({ start: Math.floor(start), end: Math.ceil(end), line: number, reason: why ? why : undefined });
  }
  return { outages };
}

/** The fields of one line, RFC 4180 quotes read; undefined for a quote left open. */
function splitFields(line: string, separator: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at++;
    if (line[at] === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return undefined;
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const next = line.indexOf(separator, i);
      fields.push(value + (next < 0 ? line.slice(i) : line.slice(i, next)).trim());
      if (next < 0) return fields;
      at = next + 1;
    } else {
      const next = line.indexOf(separator, at);
      fields.push((next < 0 ? line.slice(at) : line.slice(at, next)).trim());
      if (next < 0) return fields;
      at = next + 1;
    }
  }
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date and time as seconds since 1970-01-01 UTC (with a fraction where it has one);
 * undefined when it is none, or names no real moment (2026-02-30, 24:00, 10:61).
 */
export function instantSeconds(text: string): number | undefined {
  const match = INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const second = Number(match[6] ?? 0);
  if (hour! > 23 || minute! > 59 || second > 59) return undefined;
  const days = Date.UTC(year!, month! - 1, day!);
  const date = new Date(days);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return undefined;
  const fraction = match[7] ? Number(`0.${match[7]}`) : 0;
  const zone = (match[8] ?? 'Z').toUpperCase();
  let offset = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
    if (hours > 23 || minutes > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60;
  }
  return days / 1000 + hour! * 3600 + minute! * 60 + second + fraction - offset;
}
