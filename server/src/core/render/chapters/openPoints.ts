import { col, short, table } from '../blocks';
import { SEVERITY_LABELS } from '../texts';
import { text, type Block } from '../tree';
import type { Chapter } from './chapter';

/** Offene Punkte: every finding of the checks with its line, on a page of its own. */
export const openPoints: Chapter = (context) => {
  if (context.openPoints.length === 0) return undefined;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [
        text(
          context.hasErrors
            ? 'Die Prüfung des Plans hat Fehler gefunden. Solange sie nicht behoben sind, gilt dieses Dokument als Entwurf. Alle offenen Punkte mit ihrer Zeile in der Plandatei:'
            : 'Die Prüfung des Plans hat folgende offene Punkte gefunden, mit ihrer Zeile in der Plandatei:',
        ),
      ],
    },
    table(
      [short('Zeile', 1, 'right'), col('Art', 1.5), col('Meldung', 9), col('Code', 3)],
      context.openPoints.map((point) => ({
        kind: 'row',
        sourceLine: point.line - 1,
        cells: [[text(String(point.line))], [text(SEVERITY_LABELS[point.severity])], [text(point.message)], [text(point.code)]],
      })),
      'compact',
      undefined,
    ),
  ];
  return { ...context.chapter('offene-punkte', 'Offene Punkte', undefined, blocks), newPage: true };
};
