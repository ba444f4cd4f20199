import type { CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis';
import type { Locale } from '../../types';
import { TextLines } from '../../yaml/lines';
import { cursorContext } from '../cursorContext';
import { keyItems } from './keys';
import { listItemValues } from './listItems';
import { Request, type CompletionOptions } from './request';
import { scenarioItems } from './scenarios';
import { valueItems } from './values';

export type { CompletionOptions } from './request';

/**
 * Completion at `offset` of `text`: the keys still missing in the mapping at the cursor (./keys),
 * the values a key can take (./values: catalog ids, references, typical durations, dates), the
 * items of plain lists (./listItems: references, the catalog's steps), and whole scenarios from
 * the catalog at an item position of `scenarios` (./scenarios). What each field takes is in
 * ./valueSources.
 *
 * Where the cursor is comes from `text` alone (by indentation, see cursorContext), because the
 * analysis may be of an older version while the user types; the analysis only supplies the ids
 * and names of contacts, components and backups. Half-typed text gives no items; what it throws,
 * the language service logs (and answers none).
 */
export function complete(
  analysis: Analysis | undefined,
  text: string,
  offset: number,
  locale: Locale,
  options: CompletionOptions = {},
): CompletionItem[] {
  // The analysis of this very version knows its lines already (the usual case in the server).
  const lines = new TextLines(text, analysis?.text === text ? analysis.yaml.index.lineStarts : undefined);
  const context = cursorContext(lines, offset);
  if (!context) return [];
  const request = new Request(analysis, lines, offset, locale, options, context);
  if (context.position === 'value') return valueItems(request, context.key ?? '');
  return [...scenarioItems(request), ...keyItems(request), ...listItemValues(request)];
}
