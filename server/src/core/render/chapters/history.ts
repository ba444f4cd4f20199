import { cell, col, dateValue, shown, short, table } from '../blocks';
import type { DocumentContext } from '../context';
import { emphasis, text, type Block } from '../tree';
import { LABELS } from '../texts';
import type { Chapter } from './chapter';

/** Änderungshistorie: the plan's versions, when it lists them. */
export const history: Chapter = (context) => {
  const entries = context.model.history;
  if (entries.length === 0) return undefined;
  const line = context.keyLine(context.model.keys.history);
  return context.chapter('aenderungshistorie', 'Änderungshistorie', line, [
    table(
      [short('Version', 1.2), short('Datum', 1.6), col('Autor', 3), col('Änderungen', 7)],
      entries.map((entry) => ({
        kind: 'row',
        sourceLine: context.line(entry.span.start),
        cells: [cell(shown(entry.version)), dateValue(entry.date, LABELS.none), cell(shown(entry.author)), cell(shown(entry.changes))],
      })),
      'normal',
      line,
    ),
  ]);
};

/** Änderungshistorie under Lenkung des Dokuments: the plan's own `history:` entries. */
export function historyBlocks(context: DocumentContext): Block[] {
  const entries = context.model.history;
  const line = context.keyLine(context.model.keys.history);
  const heading = context.heading(2, 'aenderungshistorie', 'Änderungshistorie', line);
  if (entries.length === 0) return [heading, { kind: 'paragraph', content: [emphasis(text('Keine Änderungen verzeichnet.'))] }];
  return [
    heading,
    table(
      [short('Version', 1.2), short('Datum', 1.6), col('Autor', 3), col('Änderungen', 7)],
      entries.map((entry) => ({
        kind: 'row',
        sourceLine: context.line(entry.span.start),
        cells: [cell(shown(entry.version)), dateValue(entry.date, LABELS.none), cell(shown(entry.author)), cell(shown(entry.changes))],
      })),
      'normal',
      line,
    ),
  ];
}
