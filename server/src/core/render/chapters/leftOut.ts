import { scenarioTypeById } from '../../catalog';
import { col, shown, table } from '../blocks';
import { LABELS } from '../texts';
import { emphasis, text } from '../tree';
import type { Chapter } from './chapter';

/**
 * Nicht betrachtete Szenarien: the catalog scenarios the plan leaves out on purpose
 * (`plan.not_applicable`), each with its reason, so that a reader sees they were weighed, not
 * forgotten. Left out when the plan leaves nothing out.
 */
export const leftOut: Chapter = (context) => {
  const entries = context.model.plan?.notApplicable ?? [];
  const first = entries[0];
  if (!first) return undefined;
  const line = context.line(first.span.start);
  const rows = entries.map((entry) => {
    const type = entry.type?.value.trim() || undefined;
    const reason = shown(entry.reason);
    return {
      kind: 'row' as const,
      sourceLine: context.line(entry.span.start),
      cells: [
        [text(type === undefined ? LABELS.missing : (scenarioTypeById(type)?.label.de ?? type))],
        reason === undefined ? [emphasis(text('Begründung fehlt'))] : [text(reason)],
      ],
    };
  });
  return context.chapter('nicht-betrachtete-szenarien', 'Nicht betrachtete Szenarien', line, [
    { kind: 'paragraph', content: [text('Diese Szenarien des Katalogs behandelt der Plan bewusst nicht, aus den genannten Gründen:')] },
    table([col('Szenario-Typ', 3), col('Begründung', 6)], rows, 'normal', line),
  ]);
};
