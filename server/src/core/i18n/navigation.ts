import type { IdList } from '../model/plan';
import type { Message } from './messages';

/**
 * The words of the navigation features (outline, go to definition, rename), German and English.
 * Kept apart from messages.ts, which holds the diagnostics' messages.
 */

const quote = (text: string) => `„${text}“`;
const q = (text: string) => `'${text}'`;

function both(de: string, en: string): Message {
  return { de, en };
}

/** The sections of a plan, by their key, as the outline names them. */
export const sectionNames = {
  plan: both('Plan', 'Plan'),
  contacts: both('Kontakte', 'Contacts'),
  alerting: both('Alarmierung', 'Alerting'),
  levels: both('Eskalationsstufen', 'Levels'),
  components: both('Komponenten', 'Components'),
  availability: both('Verfügbarkeit', 'Availability'),
  measurements: both('Messungen', 'Measurements'),
  backups: both('Backups', 'Backups'),
  scenarios: both('Szenarien', 'Scenarios'),
  history: both('Historie', 'History'),
} as const satisfies Record<string, Message>;

export type SectionKey = keyof typeof sectionNames;

export const outlineWords = {
  /** A scenario without a category: its group in the outline. */
  noCategory: both('Ohne Kategorie', 'No category'),
  /** An item that has neither title, name nor id: "Szenario 3". */
  untitled(section: SectionKey, index: number): Message {
    const singular: Record<SectionKey, Message> = {
      plan: both('Plan', 'Plan'),
      contacts: both('Kontakt', 'Contact'),
      alerting: both('Alarmierung', 'Alerting'),
      levels: both('Stufe', 'Level'),
      components: both('Komponente', 'Component'),
      availability: both('Verfügbarkeit', 'Availability'),
      measurements: both('Messung', 'Measurement'),
      backups: both('Backup', 'Backup'),
      scenarios: both('Szenario', 'Scenario'),
      history: both('Version', 'Version'),
    };
    return both(`${singular[section].de} ${index + 1}`, `${singular[section].en} ${index + 1}`);
  },
  /** "alle 4 h" / "every 4 h": how often a backup or a measurement runs. */
  every(duration: Message): Message {
    return both(`alle ${duration.de}`, `every ${duration.en}`);
  },
  /** "binnen 15 min" / "within 15 min": by when an alert level notifies. */
  within(duration: Message): Message {
    return both(`binnen ${duration.de}`, `within ${duration.en}`);
  },
  /** "Ziel 99,5 %" / "target 99.5 %": the availability target. */
  target(percent: number): Message {
    return both(`Ziel ${String(percent).replace('.', ',')} %`, `target ${percent} %`);
  },
};

/**
 * The fields that name ids of another list, for the messages below, in the order a reader meets
 * them in a scenario. test/unit/fields.test.ts checks that they are the field table's.
 */
export const REFERENCE_FIELDS = 'backup, affects, responsible, escalation, owner, by, deputy, declared_by, notify, alert, source, in, depends_on, stored_on';

export const renameMessages = {
  notAnId: both(
    `Umbenennen lässt sich hier nur eine Kennung (id) oder eine Referenz darauf (${REFERENCE_FIELDS}).`,
    `Only an id, or a reference to one (${REFERENCE_FIELDS}), can be renamed here.`,
  ),
  unknownId(id: string, list: IdList): Message {
    return both(
      `${quote(id)} ist in ${quote(list)} nicht definiert; eine unbekannte Referenz lässt sich nicht umbenennen (die Schnellkorrektur ersetzt sie durch eine bekannte Kennung).`,
      `${q(id)} is not defined in ${q(list)}; an unknown reference cannot be renamed (the quick fix replaces it with a known id).`,
    );
  },
  notPlain(id: string): Message {
    return both(
      `Die Kennung ${quote(id)} ist so geschrieben (Blockskalar oder mit Escape-Sequenzen), dass sie sich nicht sicher umbenennen lässt.`,
      `The id ${q(id)} is written in a way (block scalar or escape sequences) that cannot be renamed safely.`,
    );
  },
  invalidName(name: string): Message {
    return both(
      `${quote(name)} ist keine gültige Kennung: erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, am Anfang ein Buchstabe oder eine Ziffer (z. B. „zodb-backup“).`,
      `${q(name)} is not a valid id: use lower-case letters a–z, digits and hyphens, starting with a letter or a digit (e.g. 'zodb-backup').`,
    );
  },
  taken(name: string, list: IdList): Message {
    return both(
      `Die Kennung ${quote(name)} ist in ${quote(list)} schon vergeben.`,
      `The id ${q(name)} is already used in ${q(list)}.`,
    );
  },
};
