import type { Message } from './messages';

const quote = (text: string) => `„${text}“`;
const q = (text: string) => `'${text}'`;

function both(de: string, en: string): Message {
  return { de, en };
}

/** The words of the completion list, German and English. */
export const completionTexts = {
  required: both('Pflichtfeld', 'required'),
  today: both('heute', 'today'),
  yes: both('ja', 'yes'),
  no: both('nein', 'no'),
  offsiteTrue: both('Sicherungen werden räumlich getrennt aufbewahrt.', 'Backups are kept off site.'),
  offsiteFalse: both('Sicherungen liegen am selben Ort wie das System.', 'Backups are kept in the same place as the system.'),
  formatVersion: both('Formatversion 1 (in Anführungszeichen)', 'format version 1 (quoted)'),
  suggest: both('Vorschläge anzeigen', 'Show suggestions'),
  scenario(typeLabel: string): Message {
    return both(`Szenario: ${typeLabel}`, `Scenario: ${typeLabel}`);
  },
  scenarioDetail(categoryLabel: Message): Message {
    return both(`Szenario-Vorlage · ${categoryLabel.de}`, `scenario template · ${categoryLabel.en}`);
  },
  alreadyCovered(ids: readonly string[]): Message {
    return both(
      `Schon abgedeckt durch ${ids.map(quote).join(', ')}.`,
      `Already covered by ${ids.map(q).join(', ')}.`,
    );
  },
  prevention: both('Prävention', 'Prevention'),
  recovery: both('Wiederherstellung', 'Recovery'),
  backupInterval(ids: readonly string[]): Message {
    return ids.length === 1
      ? both(`Intervall der Sicherung ${quote(ids[0] as string)}`, `interval of backup ${q(ids[0] as string)}`)
      : both(`Intervall der Sicherungen ${ids.map(quote).join(', ')}`, `interval of backups ${ids.map(q).join(', ')}`);
  },
  catalogStep(typeLabel: Message): Message {
    return both(`Vorschlag aus dem Katalog für ${quote(typeLabel.de)}`, `suggested by the catalog for ${q(typeLabel.en)}`);
  },
  germanStepNote: both('', 'The catalog’s steps are German, the language of the plan document.'),
  // Issue 16: a skipped step of an exercise, when it began, the periods of measured availability
  skippedTrue: both('Der Schritt wurde in der Übung übersprungen; die Anmerkung (`note`) sagt, warum.', 'The step was skipped in the exercise; the `note` says why.'),
  skippedFalse: both('Der Schritt wurde ausgeführt.', 'The step was carried out.'),
  now: both('jetzt', 'now'),
  lastPeriod(kind: 'month' | 'quarter' | 'year', name: Message): Message {
    const de = { month: 'Der letzte abgeschlossene Monat', quarter: 'Das letzte abgeschlossene Quartal', year: 'Das letzte abgeschlossene Jahr' }[kind];
    const en = { month: 'The last month that has ended', quarter: 'The last quarter that has ended', year: 'The last year that has ended' }[kind];
    return both(`${de}: ${name.de}`, `${en}: ${name.en}`);
  },
} as const;
