import { cell, col, durationValue, shown, short, table } from '../blocks';
import { LABELS } from '../texts';
import { link, strong, text, type Block, type TableRow } from '../tree';
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
  if (context.contacts.length > 0) {
    blocks.push(
      table(
        [col('Kontakt', 3), col('Rolle', 2.5), short('Telefon', 2.6), col('Erreichbarkeit', 2.2)],
        context.contacts.map((contact) => ({
          kind: 'row',
          sourceLine: contact.line,
          cells: [[strong(text(contact.name))], cell(contact.role), [strong(text(contact.phone ?? LABELS.none))], cell(contact.availability)],
        })),
        'compact',
        context.keyLine(context.model.keys.contacts),
      ),
    );
  }
  if (context.scenarios.length > 0) {
    blocks.push(
      table(
        [col('Szenario', 3), short('RTO', 1.2), col('Erste Schritte', 6.5), col('Verantwortlich', 3)],
        context.scenarioGroups().flatMap((group) =>
          group.scenarios.map((scenario): TableRow => {
            const steps = scenario.model.recovery.filter((step) => step.step !== undefined);
            const first = steps.slice(0, 3).map((step, index) => `${index + 1}. ${(step.step?.value ?? '').trim()}`);
            if (steps.length > 3) first.push(`… (${steps.length - 3} weitere)`);
            const responsible = scenario.model.responsible?.value;
            const contact = context.contact(responsible);
            return {
              kind: 'row',
              sourceLine: scenario.line,
              cells: [
                [link(scenario.headingId, text(scenario.title))],
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
