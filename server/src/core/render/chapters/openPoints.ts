import { col, lineReference, table } from '../blocks';
import type { OpenPoint } from '../context';
import { LABELS, SEVERITY_LABELS } from '../texts';
import { remark, text, type Block, type TableRow } from '../tree';
import type { Chapter } from './chapter';

/**
 * Offene Punkte: every finding of the checks, on a page of its own, for a reader: grouped by the
 * part of the plan it concerns (a scenario by its title, a backup by what it saves), with the
 * field's German label and the German message; the line in the plan file stands small, for the
 * author, and no diagnostic code.
 */
export const openPoints: Chapter = (context) => {
  if (context.openPoints.length === 0) return undefined;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [
        text(
          context.hasErrors
            ? 'Die Prüfung des Plans hat Fehler gefunden. Solange sie nicht behoben sind, gilt dieses Dokument als Entwurf. Alle offenen Punkte, nach den Teilen des Plans geordnet:'
            : 'Die Prüfung des Plans hat folgende offene Punkte gefunden, nach den Teilen des Plans geordnet:',
        ),
      ],
    },
    table([col('Feld', 3), col('Art', 1.4), col('Befund', 9.6)], rowsByPart(context.openPoints), 'compact', undefined),
    {
      kind: 'paragraph',
      style: 'small',
      content: [text('Die kleine Zeilenangabe nennt die Zeile der Plandatei, in der der Punkt zu beheben ist.')],
    },
  ];
  return { ...context.chapter('offene-punkte', 'Offene Punkte', undefined, blocks), newPage: true };
};

/** A group row per part of the plan, in the order the parts first appear, then its findings. */
function rowsByPart(points: readonly OpenPoint[]): TableRow[] {
  const parts = new Map<string, OpenPoint[]>();
  for (const point of points) {
    const group = parts.get(point.place.part);
    if (group) group.push(point);
    else parts.set(point.place.part, [point]);
  }
  const rows: TableRow[] = [];
  for (const [part, group] of parts) {
    rows.push({ kind: 'group', text: part, sourceLine: (group[0]?.line ?? 1) - 1 });
    for (const point of group) {
      rows.push({
        kind: 'row',
        sourceLine: point.line - 1,
        cells: [[text(point.place.field ?? LABELS.none)], [text(SEVERITY_LABELS[point.severity])], [text(`${point.message} `), remark(lineReference(point))]],
      });
    }
  }
  return rows;
}
