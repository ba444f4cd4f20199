import { enumEntryById } from '../../catalog';
import { cell, col, dateValue, durationValue, methodLabel, shown, short, table } from '../blocks';
import { LABELS, SEED } from '../texts';
import { emphasis, strong, text, type Block } from '../tree';
import type { Chapter } from './chapter';

/** Backup-Plan: the backups in one table, and what their methods mean. */
export const backupPlan: Chapter = (context) => {
  const backups = context.model.backups;
  const line = context.keyLine(context.model.keys.backups);
  const blocks: Block[] = [{ kind: 'paragraph', content: [text(SEED.backupPlan)] }];
  if (backups.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Sicherungen.'))] });
    return context.chapter('backup-plan', 'Backup-Plan', line, blocks);
  }
  blocks.push(
    table(
      [
        col('Sicherung', 2),
        col('Was', 3),
        col('Methode', 2.4),
        short('Intervall', 1.6),
        short('Aufbe\u00ADwahrung', 1.9),
        col('Ort', 2.4),
        col('Offsite', 1.3, 'center'),
        short('Letzter Wiederher\u00ADstellungs\u00ADtest', 2.2),
      ],
      backups.map((backup) => {
        const offsite = backup.offsite?.value;
        return {
          kind: 'row',
          sourceLine: context.line(backup.span.start),
          cells: [
            cell(backup.id?.value),
            cell(shown(backup.what)),
            cell(methodLabel(backup)),
            durationValue(backup.interval, LABELS.none, LABELS.continuous),
            durationValue(backup.retention),
            cell(shown(backup.location)),
            [text(offsite === undefined ? LABELS.none : offsite ? LABELS.yes : LABELS.no)],
            dateValue(backup.lastRestoreTest, LABELS.none),
          ],
        };
      }),
      'compact',
      line,
    ),
  );
  const methods = [...new Set(backups.map((backup) => shown(backup.method)))]
    .map((method) => (method ? enumEntryById('backupMethod', method) : undefined))
    .filter((entry) => entry !== undefined);
  if (methods.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Die Methoden')] });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: methods.map((entry) => ({ content: [strong(text(`${entry.label.de}: `)), text(entry.explanation.de)] })),
    });
  }
  return context.chapter('backup-plan', 'Backup-Plan', line, blocks);
};
