/** The units of a duration, from the words the duration reader knows. */
import { DURATION, UNIT_WORDS } from '../../server/src/core/duration';
import { code, table } from './markdown';

const UNIT_NAMES: readonly { readonly minutes: number; readonly unit: string; readonly counts?: string }[] = [
  { minutes: DURATION.MINUTE / 60, unit: 'second' },
  { minutes: DURATION.MINUTE, unit: 'minute' },
  { minutes: DURATION.HOUR, unit: 'hour' },
  { minutes: DURATION.DAY, unit: 'day' },
  { minutes: DURATION.WEEK, unit: 'week', counts: '7 days' },
  { minutes: DURATION.MONTH, unit: 'month', counts: '30 days' },
  { minutes: DURATION.YEAR, unit: 'year', counts: '365 days' },
];

export function durationUnitsMarkdown(): string {
  const rows = UNIT_NAMES.map(({ minutes, unit, counts }) => {
    const words = [...UNIT_WORDS].filter(([, factor]) => factor === minutes).map(([word]) => code(word));
    if (words.length === 0) throw new Error(`the duration reader knows no word for a ${unit}`);
    return [unit, words.join(', '), counts ?? ''];
  });
  const named = new Set(UNIT_NAMES.map(({ minutes }) => minutes));
  const unnamed = [...UNIT_WORDS].filter(([, factor]) => !named.has(factor)).map(([word]) => word);
  if (unnamed.length > 0) throw new Error(`unit words of no listed unit: ${unnamed.join(', ')}`);
  return table(['unit', 'words (any case, with or without a trailing dot)', 'counts as'], rows);
}
