import { itemsById } from '../../model/queries';
import type { AlertLevelModel } from '../../model/plan';
import { cell, col, durationWords, shown, table } from '../blocks';
import type { ContactInfo, DocumentContext } from '../context';
import { LABELS } from '../texts';
import { emphasis, link, strong, text, type Block, type Inline } from '../tree';
import type { Chapter } from './chapter';

/**
 * Alarmierung und Eskalation (BSI-Standard 200-4): who may declare an emergency, the levels of
 * escalation with whom to notify and by when, and the level each scenario starts at, beside the
 * responsible person's reachability and deputy (a person reachable only on weekdays shows here).
 */
export const alerting: Chapter = (context) => {
  const model = context.model.alerting;
  const line = context.keyLine(context.model.keys.alerting);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [
        text('Wer einen Ausfall oder Datenverlust bemerkt, meldet ihn sofort der für das Szenario zuständigen Stelle (siehe '),
        link('notfallkarte', text('Notfallkarte')),
        text('). Ob ein Notfall vorliegt, entscheidet eine der Personen, die einen Notfall ausrufen dürfen; sie löst die Eskalationsstufe aus.'),
      ],
    },
  ];
  const declaring = context.contactsOf(model?.declaredBy ?? []);
  blocks.push({ kind: 'paragraph', style: 'label', content: [text('Einen Notfall ausrufen dürfen')], sourceLine: context.keyLine(model?.keys.declared_by) });
  blocks.push(
    declaring.length > 0
      ? { kind: 'list', ordered: false, items: declaring.map((contact) => ({ content: reachable(context, contact), sourceLine: contact.line })) }
      : { kind: 'paragraph', content: [emphasis(text('Der Plan legt nicht fest, wer einen Notfall ausrufen darf.'))] },
  );
  return context.chapter('alarmierung', 'Alarmierung und Eskalation', line, () => [
    ...blocks,
    ...levelBlocks(context, model?.levels ?? []),
    ...scenarioLevelBlocks(context),
  ]);
};

/** The levels as a table: criteria, whom to notify (with deputies), and by when. */
function levelBlocks(context: DocumentContext, levels: readonly AlertLevelModel[]): Block[] {
  const line = context.keyLine(context.model.alerting?.keys.levels);
  const blocks: Block[] = [context.heading(2, 'eskalationsstufen', 'Eskalationsstufen', line)];
  if (levels.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan legt keine Eskalationsstufen fest.'))] });
    return blocks;
  }
  blocks.push(
    table(
      [col('Stufe', 2.2), col('Kriterien', 4.6), col('Zu benachrichtigen', 4.6), col('Frist', 2)],
      levels.map((level, index) => ({
        kind: 'row',
        sourceLine: context.line(level.span.start),
        cells: [
          [strong(text(`${index + 1}. ${levelName(level)}`))],
          cell(shown(level.criteria)),
          notifyCell(context, level),
          cell(level.within ? `innerhalb von ${durationWords(level.within)}` : undefined),
        ],
      })),
      'compact',
      line,
    ),
  );
  return blocks;
}

/** Each scenario's starting level, its responsible person, their reachability and deputy. */
function scenarioLevelBlocks(context: DocumentContext): Block[] {
  if (context.scenarios.length === 0) return [];
  const levels = itemsById(context.model.alerting?.levels ?? []);
  return [
    context.heading(2, 'eskalation-szenarien', 'Eskalationsstufe je Szenario', undefined),
    table(
      [col('Szenario', 3.6), col('Stufe', 2), col('Verantwortlich', 3), col('Erreichbarkeit', 2.6), col('Vertretung', 2.8)],
      context.scenarioGroups().flatMap((group) =>
        group.scenarios.map((scenario) => {
          const escalation = scenario.model.escalation?.value;
          const level = escalation === undefined ? undefined : levels.get(escalation);
          const responsible = scenario.model.responsible?.value;
          const contact = context.contact(responsible);
          const deputy = context.contact(contact?.deputy);
          return {
            kind: 'row' as const,
            sourceLine: scenario.line,
            cells: [
              [link(scenario.headingId, text(scenario.title))],
              cell(level ? levelName(level) : escalation),
              cell(contact?.name ?? responsible),
              cell(contact?.availability),
              deputy ? [text(deputy.name)] : contact ? [emphasis(text('keine Vertretung'))] : [text(LABELS.none)],
            ],
          };
        }),
      ),
      'compact',
      context.keyLine(context.model.keys.scenarios),
    ),
  ];
}

/** Whom a level notifies: each contact with phone, and who stands in for them. */
function notifyCell(context: DocumentContext, level: AlertLevelModel): Inline[] {
  const contacts = context.contactsOf(level.notify);
  if (contacts.length === 0) return [text(LABELS.none)];
  return contacts.flatMap((contact, index) => {
    const deputy = context.contact(contact.deputy);
    return [
      ...(index > 0 ? [text('\n')] : []),
      text(contact.phone ? `${contact.name}, ${contact.phone}` : contact.name),
      ...(deputy ? [emphasis(text(` (Vertretung: ${deputy.name})`))] : []),
    ];
  });
}

/** A contact with phone and reachability, and who stands in. */
export function reachable(context: DocumentContext, contact: ContactInfo): Inline[] {
  const deputy = context.contact(contact.deputy);
  const details = [contact.role, contact.phone, contact.availability].filter((detail): detail is string => detail !== undefined);
  return [
    strong(text(contact.name)),
    ...(details.length > 0 ? [text(`: ${details.join(', ')}`)] : []),
    ...(deputy ? [emphasis(text(`; Vertretung: ${deputy.name}${deputy.phone ? `, ${deputy.phone}` : ''}`))] : []),
  ];
}

/** A level's name, else its id. */
export function levelName(level: AlertLevelModel): string {
  return shown(level.name) ?? level.id?.value ?? LABELS.missing;
}
