import { itemsById } from '../../model/queries';
import { cell, col, durationValue, durationWords, shown, short, table } from '../blocks';
import type { DocumentContext } from '../context';
import { LABELS, TERMS } from '../texts';
import { emphasis, link, strong, text, type Block, type Inline, type TableRow } from '../tree';
import { levelName } from './alerting';
import type { Chapter } from './chapter';

/** One page for the night of the outage: whom to call, and the first steps of each scenario. */
export const emergencyCard: Chapter = (context) => {
  const version = shown(context.model.plan?.version);
  const blocks: Block[] = [
    context.heading(1, 'notfallkarte', 'Notfallkarte', undefined, false),
    {
      kind: 'paragraph',
      style: 'small',
      content: [text([context.title, version ? `Version ${version}` : '', `erstellt am ${context.generated}`].filter(Boolean).join(' · '))],
    },
  ];
  blocks.push(...alertingChain(context));
  if (context.contacts.length > 0) {
    blocks.push(
      table(
        [col('Kontakt', 3), col('Rolle', 2.5), short('Telefon', 2.6), col('Erreichbarkeit', 2.2), col('Vertretung', 3)],
        context.contacts.map((contact) => {
          const deputy = context.contact(contact.deputy);
          return {
            kind: 'row',
            sourceLine: contact.line,
            cells: [
              [strong(text(contact.name))],
              cell(contact.role),
              [strong(text(contact.phone ?? LABELS.none))],
              cell(contact.availability),
              deputy ? [text(deputy.name), ...(deputy.phone ? [text('\n'), strong(text(deputy.phone))] : [])] : cell(undefined),
            ],
          };
        }),
        'compact',
        context.keyLine(context.model.keys.contacts),
      ),
    );
  }
  if (context.scenarios.length > 0) {
    const levels = itemsById(context.model.alerting?.levels ?? []);
    blocks.push(
      table(
        [col('Szenario', 3), short(TERMS.rtoColumn, 1.4), col('Erste Schritte', 6.5), col('Verantwortlich', 3)],
        context.scenarioGroups().flatMap((group) =>
          group.scenarios.map((scenario): TableRow => {
            const steps = scenario.model.recovery.filter((step) => step.step !== undefined);
            const first = steps.slice(0, 3).map((step, index) => `${index + 1}. ${(step.step?.value ?? '').trim()}`);
            if (steps.length > 3) first.push(`… (${steps.length - 3} weitere)`);
            const responsible = scenario.model.responsible?.value;
            const contact = context.contact(responsible);
            const escalation = scenario.model.escalation?.value;
            const level = escalation === undefined ? undefined : levels.get(escalation);
            return {
              kind: 'row',
              sourceLine: scenario.line,
              cells: [
                [link(scenario.headingId, text(scenario.title)), ...(escalation ? [text('\n'), emphasis(text(`Stufe: ${level ? levelName(level) : escalation}`))] : [])],
                durationValue(scenario.model.rto),
                [text(first.length > 0 ? first.join('\n') : LABELS.none)],
                contact ? [text(contact.name), ...(contact.phone ? [text('\n'), strong(text(contact.phone))] : [])] : cell(responsible),
              ],
            };
          }),
        ),
        'compact',
        context.keyLine(context.model.keys.scenarios),
      ),
    );
  }
  return { kind: 'section', role: 'card', id: 'kapitel-notfallkarte', newPage: true, children: blocks };
};

/**
 * The alerting chain on the card: who may declare an emergency (with phone), then each level:
 * when it applies, whom to call and by when.
 */
function alertingChain(context: DocumentContext): Block[] {
  const alerting = context.model.alerting;
  if (!alerting) return [];
  const blocks: Block[] = [];
  const declaring = context.contactsOf(alerting.declaredBy);
  if (declaring.length > 0) {
    const names: Inline[] = declaring.flatMap((contact, index) => [
      ...(index > 0 ? [text(' · ')] : []),
      text(contact.name),
      ...(contact.phone ? [text(' '), strong(text(contact.phone))] : []),
    ]);
    blocks.push({ kind: 'paragraph', content: [strong(text('Notfall ausrufen: ')), ...names], sourceLine: context.keyLine(alerting.keys.declared_by) });
  }
  if (alerting.levels.length > 0) {
    blocks.push(
      table(
        [col('Stufe', 2), col('Wann', 4.4), col('Benachrichtigen', 5.2), short('Frist', 1.9)],
        alerting.levels.map((level, index) => ({
          kind: 'row',
          sourceLine: context.line(level.span.start),
          cells: [
            [strong(text(`${index + 1}. ${levelName(level)}`))],
            cell(shown(level.criteria)),
            context.contactsOf(level.notify).flatMap((contact, at) => [
              ...(at > 0 ? [text('\n')] : []),
              text(contact.name),
              ...(contact.phone ? [text(' '), strong(text(contact.phone))] : []),
            ]),
            cell(level.within ? durationWords(level.within) : undefined),
          ],
        })),
        'compact',
        context.keyLine(alerting.keys.levels),
      ),
    );
  }
  return blocks;
}
