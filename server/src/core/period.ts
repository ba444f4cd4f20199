/**
 * A period of measured availability (`availability.results[].period`, `drplan measure --period`):
 * a month `2026-11`, a quarter `2026-Q3` or a year `2026`, as the calendar days it covers (UTC,
 * days since 1970-01-01, the end exclusive). One reading for the rules, the document and the
 * import, so all three agree on where a period begins and ends.
 */
export interface Period {
  /** As written, normalised: `2026-11`, `2026-Q3`, `2026`. */
  readonly id: string;
  readonly kind: 'month' | 'quarter' | 'year';
  /** The first day of the period. */
  readonly start: number;
  /** The first day after it. */
  readonly end: number;
}

const DAY_MS = 86_400_000;
const PERIOD = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|[Qq]([1-4])))?$/;

/** The period `value` names, or undefined when it is no month, quarter or year of 1970–9999. */
export function parsePeriod(value: unknown): Period | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1970) return undefined;
  const day = (month: number) => Date.UTC(year, month, 1) / DAY_MS;
  if (match[2] !== undefined) {
    const month = Number(match[2]) - 1;
    return { id: `${match[1]}-${match[2]}`, kind: 'month', start: day(month), end: day(month + 1) };
  }
  if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    return { id: `${match[1]}-Q${quarter}`, kind: 'quarter', start: day((quarter - 1) * 3), end: day(quarter * 3) };
  }
  return { id: match[1] as string, kind: 'year', start: day(0), end: day(12) };
}

/** How long a period is, in minutes (a month of 30 days has 43,200). */
export function periodMinutes(period: Period): number {
  return (period.end - period.start) * 1440;
}

/** The German name of a period, as the document shows it: "November 2026", "3. Quartal 2026", "2026". */
export function periodLabel(period: Period): string {
  const year = new Date(period.start * DAY_MS).getUTCFullYear();
  if (period.kind === 'year') return String(year);
  if (period.kind === 'quarter') return `${Math.floor(new Date(period.start * DAY_MS).getUTCMonth() / 3) + 1}. Quartal ${year}`;
  return `${MONTHS[new Date(period.start * DAY_MS).getUTCMonth()]} ${year}`;
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;
