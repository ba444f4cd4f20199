import { itemsById } from '../../model/queries';
import { durationValue, shown, col, table } from '../blocks';
import type { ContactInfo, DocumentContext } from '../context';
import { LABELS } from '../texts';
import { emphasis, link, strong, text, type Block, type Inline } from '../tree';
import type { Chapter } from './chapter';
import { functionWords } from './documentControl';

/** Art. 4 Nr. 12, 33 and 34 DSGVO, in the words the document uses for them. */
export const NOTIFICATION_DUTIES = [
  'Eine Verletzung des Schutzes personenbezogener Daten ist jede Verletzung der Sicherheit, die zur Vernichtung, zum Verlust oder zur Veränderung personenbezogener Daten führt, ob unbeabsichtigt oder unrechtmäßig (Art. 4 Nr. 12 DSGVO). Auch ein Ausfall, bei dem Daten verloren gehen oder vorübergehend nicht verfügbar sind, kann eine solche Verletzung sein.',
  'Sie ist unverzüglich und möglichst binnen 72 Stunden, nachdem sie bekannt geworden ist, der zuständigen Aufsichtsbehörde zu melden, es sei denn, sie führt voraussichtlich nicht zu einem Risiko für die Rechte und Freiheiten natürlicher Personen (Art. 33 Abs. 1 DSGVO). Eine spätere Meldung ist zu begründen. Die Frist läuft auch am Wochenende und an Feiertagen.',
  'Hat die Verletzung voraussichtlich ein hohes Risiko für die betroffenen Personen zur Folge, sind auch diese unverzüglich zu benachrichtigen (Art. 34 DSGVO).',
  'Jede Verletzung wird mit ihren Auswirkungen und den ergriffenen Abhilfemaßnahmen dokumentiert, auch wenn sie nicht gemeldet wird (Art. 33 Abs. 5 DSGVO).',
] as const;

/**
 * Meldepflichten: the duty to report a data breach within 72 hours, who prepares and who
 * releases the report, and the scenarios in which personal data can be lost.
 */
export const notificationDuties: Chapter = (context) => {
  const blocks: Block[] = NOTIFICATION_DUTIES.map((paragraph) => ({ kind: 'paragraph', content: [text(paragraph)] }));
  blocks.push({ kind: 'paragraph', style: 'label', content: [text('Wer meldet')] });
  const dpos = withFunction(context, 'dpo');
  const management = withFunction(context, 'management');
  const who: { content: Inline[]; sourceLine?: number }[] = [];
  for (const dpo of dpos) who.push({ content: [text('Prüft die Verletzung und bereitet die Meldung vor: '), ...contactLine(context, dpo)], sourceLine: dpo.line });
  for (const head of management) who.push({ content: [text('Verantwortet und unterzeichnet die Meldung: '), ...contactLine(context, head)], sourceLine: head.line });
  if (who.length > 0) blocks.push({ kind: 'list', ordered: false, items: who });
  if (dpos.length === 0) {
    blocks.push({
      kind: 'note',
      tone: 'warning',
      title: 'Datenschutzbeauftragte/r fehlt',
      content: [{ kind: 'paragraph', content: [text('Der Plan nennt keine Datenschutzbeauftragte und keinen Datenschutzbeauftragten (ein Kontakt mit der Funktion „Datenschutzbeauftragte/r“). Wer die Meldung binnen 72 Stunden vorbereitet, ist damit offen.')] }],
    });
  }
  blocks.push(...dataLossBlocks(context));
  return context.chapter('meldepflichten', 'Meldepflichten', undefined, blocks);
};

/** The scenarios in which personal data can be lost (the catalog's data-losing types), with the loss the plan allows. */
function dataLossBlocks(context: DocumentContext): Block[] {
  const losing = context.scenarios.filter((scenario) => scenario.type?.losesData === true);
  if (losing.length === 0) return [];
  const backups = itemsById(context.model.backups);
  return [
    { kind: 'paragraph', content: [text('In diesen Szenarien können personenbezogene Daten verloren gehen; jedes ist auf eine Meldepflicht zu prüfen:')] },
    table(
      [col('Szenario', 4.4), col('höchstens verloren (RPO)', 3.2), col('Wiederherstellung aus', 5.4)],
      losing.map((scenario) => {
        const backupId = scenario.model.backup?.value;
        const backup = backupId === undefined ? undefined : backups.get(backupId);
        return {
          kind: 'row',
          sourceLine: scenario.line,
          cells: [
            [link(scenario.headingId, text(scenario.title))],
            durationValue(scenario.model.rpo, LABELS.missing, LABELS.noDataLoss),
            backup ? [text(shown(backup.what) ?? backupId ?? '')] : backupId ? [text(backupId)] : [emphasis(text('keine Sicherung angegeben'))],
          ],
        };
      }),
      'compact',
      undefined,
    ),
  ];
}

/** "**Petra Datenschutz** (Datenschutzbeauftragte, datenschutz@…); Vertretung: …": how to reach them. */
function contactLine(context: DocumentContext, contact: ContactInfo): Inline[] {
  const deputy = context.contact(contact.deputy);
  const details = [contact.role ?? functionWords(contact), contact.phone, contact.email].filter((detail): detail is string => detail !== undefined);
  return [
    strong(text(contact.name)),
    ...(details.length > 0 ? [text(` (${details.join(', ')})`)] : []),
    ...(deputy ? [emphasis(text(`; Vertretung: ${deputy.name}${deputy.phone ? `, ${deputy.phone}` : ''}`))] : []),
  ];
}

function withFunction(context: DocumentContext, fn: string): ContactInfo[] {
  return context.contacts.filter((contact) => contact.function === fn);
}

