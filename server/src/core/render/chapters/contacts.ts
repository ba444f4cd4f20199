import { cell, col, short, shown, table } from '../blocks';
import type { ContactInfo, DocumentContext } from '../context';
import { link, strong, text, type Block } from '../tree';
import type { Chapter } from './chapter';
import { levelName } from './alerting';
import { functionWords } from './documentControl';

/** Kontakte und Vertretungen: who is responsible for the plan, every contact with function and deputy, and their duties. */
export const contacts: Chapter = (context) => {
  if (context.contacts.length === 0) return undefined;
  const line = context.keyLine(context.model.keys.contacts);
  const owner = context.ownerContact();
  const blocks: Block[] = [];
  if (owner) blocks.push({ kind: 'paragraph', content: [text('Verantwortlich für diesen Plan: '), strong(text(owner.name)), text(owner.role ? ` (${owner.role}).` : '.')] });
  blocks.push({
    kind: 'paragraph',
    content: [
      text('Wie alarmiert wird, steht im Kapitel '),
      link('alarmierung', text('Alarmierung und Eskalation')),
      text('. Die Zuständigkeiten folgen aus den Szenarien und Messungen dieses Plans; wer ausfällt, wird von der genannten Vertretung ersetzt.'),
    ],
  });
  blocks.push(
    table(
      [col('Name', 2.8), col('Rolle / Funktion', 3.2), short('Telefon', 2.8), col('E-Mail', 3.4), col('Erreichbarkeit', 2.2), col('Vertretung', 2.4)],
      context.contacts.map((contact) => ({
        kind: 'row',
        sourceLine: contact.line,
        cells: [
          [strong(text(contact.name))],
          cell(roleAndFunction(contact)),
          cell(contact.phone),
          cell(contact.email),
          cell(contact.availability),
          cell(contact.deputy === undefined ? undefined : context.contactLabel(contact.deputy)),
        ],
      })),
      'compact',
      line,
    ),
  );
  const duties = context.contacts
    .map((contact) => ({ contact, duties: dutiesOf(context, contact) }))
    .filter((entry): entry is { contact: ContactInfo; duties: string } => entry.duties !== undefined);
  if (duties.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Zuständigkeiten')] });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: duties.map(({ contact, duties: what }) => ({ content: [strong(text(`${contact.name}: `)), text(what)], sourceLine: contact.line })),
    });
  }
  return context.chapter('kontakte', 'Kontakte und Vertretungen', line, blocks);
};

/** "Stellvertretende IT-Leitung (IT-Leitung)": the role as written, the function where it says more. */
function roleAndFunction(contact: ContactInfo): string | undefined {
  const role = contact.role;
  const fn = functionWords({ ...contact, role: undefined });
  if (role === undefined) return fn;
  return fn === undefined || fn === role ? role : `${role} (${fn})`;
}

/** What a contact answers for: the plan, scenarios, recovery steps, alerts of measurements. */
function dutiesOf(context: DocumentContext, contact: ContactInfo): string | undefined {
  if (contact.id === undefined) return undefined;
  const { model } = context;
  const duties: string[] = [];
  if (model.plan?.owner?.value === contact.id) duties.push('Planverantwortung');
  if (model.alerting?.declaredBy.some((reference) => reference.value === contact.id)) duties.push('darf einen Notfall ausrufen');
  const levels = (model.alerting?.levels ?? []).filter((level) => level.notify.some((reference) => reference.value === contact.id));
  if (levels.length > 0) duties.push(`benachrichtigt bei: ${listWithRest(levels.map(levelName))}`);
  const standsIn = context.contacts.filter((other) => other.deputy === contact.id && other.id !== contact.id);
  if (standsIn.length > 0) duties.push(`Vertretung von: ${listWithRest(standsIn.map((other) => other.name))}`);
  const scenarios = context.scenarios.filter(
    (scenario) =>
      scenario.model.responsible?.value === contact.id || scenario.model.recovery.some((step) => step.responsible?.value === contact.id),
  );
  if (scenarios.length > 0) duties.push(`Szenarien: ${listWithRest(scenarios.map((scenario) => scenario.title))}`);
  const alerts = (model.availability?.measurements ?? []).filter((measurement) => measurement.alert?.value === contact.id);
  if (alerts.length > 0) {
    duties.push(`Alarme: ${listWithRest(alerts.map((measurement) => shown(measurement.what) ?? measurement.id?.value ?? ''))}`);
  }
  return duties.length > 0 ? duties.join('; ') : undefined;
}

/** "a, b, c und 7 weitere": a plan of hundreds of scenarios stays readable. */
function listWithRest(items: readonly string[], first = 8): string {
  if (items.length <= first) return items.join(', ');
  return `${items.slice(0, first).join(', ')} und ${items.length - first} weitere`;
}
