import { messages } from '../../i18n/messages';
import { parsePeriod } from '../../period';
import type { Rule } from '../rule';

/**
 * invalid-value: the `period` of every availability result names a month `2026-11`, a quarter
 * `2026-Q3` or a year `2026` (period.ts). Where the author clearly meant one (`11/2026`,
 * `Q3 2026`, `November 2026`), it is the suggestion (data.suggestion, the quick fix).
 */
export const periodSyntax: Rule = ({ model, report }) => {
  for (const result of model.availability?.results ?? []) {
    const period = result.period;
    if (!period || result.days) continue;
    const suggestion = suggestedPeriod(period.value);
    report({
      code: 'invalid-value',
      span: period,
      message: period.value.trim() === '' ? messages.emptyPeriod('period') : messages.invalidPeriod('period', period.value, suggestion),
      data: { field: 'period', suggestion },
    });
  }
};

const MONTHS: readonly (readonly string[])[] = [
  ['jan'],
  ['feb'],
  ['mär', 'mar', 'mrz'],
  ['apr'],
  ['mai', 'may'],
  ['jun'],
  ['jul'],
  ['aug'],
  ['sep'],
  ['okt', 'oct'],
  ['nov'],
  ['dez', 'dec'],
];

/** The period a text written otherwise clearly means, as the format writes it; undefined when none is clear. */
export function suggestedPeriod(written: string): string | undefined {
  const text = written.trim();
  const month = (year: string, value: number) => (value >= 1 && value <= 12 ? `${year}-${String(value).padStart(2, '0')}` : undefined);
  let match: RegExpExecArray | null;
  let suggestion: string | undefined;
  if ((match = /^(\d{4})\s*[-./]\s*(\d{1,2})$/.exec(text))) suggestion = month(match[1] as string, Number(match[2]));
  else if ((match = /^(\d{1,2})\s*[-./]\s*(\d{4})$/.exec(text))) suggestion = month(match[2] as string, Number(match[1]));
  else if ((match = /^(\d{4})\s*[-./ ]?\s*[Qq]\s*([1-4])$/.exec(text))) suggestion = `${match[1]}-Q${match[2]}`;
  else if ((match = /^[Qq]\s*([1-4])\s*[-./ ]?\s*(\d{4})$/.exec(text))) suggestion = `${match[2]}-Q${match[1]}`;
  else if ((match = /^([1-4])\s*\.?\s*(?:Quartal|quarter)\s*(\d{4})$/i.exec(text))) suggestion = `${match[2]}-Q${match[1]}`;
  else if ((match = /^([\p{L}]{3,})\.?\s+(\d{4})$/u.exec(text))) {
    const name = (match[1] as string).toLowerCase();
    const index = MONTHS.findIndex((prefixes) => prefixes.some((prefix) => name.startsWith(prefix)));
    if (index >= 0) suggestion = month(match[2] as string, index + 1);
  }
  return suggestion !== undefined && suggestion !== text && parsePeriod(suggestion) ? suggestion : undefined;
}
