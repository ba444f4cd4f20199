import type { EnumName, Localized } from '../catalog';
import type { TermName } from '../i18n/hoverTexts';
import type { IdList } from '../model/plan';

/**
 * The one table of the format's fields: for every key of every mapping, what kind of value it
 * holds (text, duration, date, catalog value, reference to which list, …) and its label and
 * explanation in German and English. Completion, hover, the reference rule, navigation,
 * placeholders and the document read it; `test/unit/fields.test.ts` keeps it and
 * `schemas/drplan.schema.json` in step (every key in both, same kinds, the schema's English title
 * and description are the table's). Adding a field is one entry here plus the schema.
 */

/** The catalogs a value can come from: the enumerations, and the scenario and component catalogs. */
export type CatalogName = EnumName | 'category' | 'scenarioType' | 'componentKind';

/** The lists whose items references can name. */
export type ReferenceList = Exclude<IdList, 'measurements' | 'scenarios'>;

export type FieldKind =
  /** Free text (or a number written as text). */
  | { readonly kind: 'text' }
  /** A list of free texts. */
  | { readonly kind: 'texts' }
  /** `drplan: "1"`. */
  | { readonly kind: 'formatVersion' }
  /** A version number, best quoted ("2.1"). */
  | { readonly kind: 'version' }
  /** The id of a list item, which references name. */
  | { readonly kind: 'id'; readonly list: IdList }
  /**
   * The id of an item of another list (or of its own: `notSelf`, the item's own id is no
   * choice, as a contact is not its own deputy).
   */
  | { readonly kind: 'reference'; readonly list: ReferenceList; readonly notSelf?: boolean }
  /** A list of ids of items of another list. */
  | { readonly kind: 'references'; readonly list: ReferenceList }
  /**
   * A duration, with the values authors typically write there; `term` names RTO, RPO and the
   * other terms whose hover relates them to the scenario; for the RPO, completion offers the
   * plan's backup intervals first.
   */
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly term?: TermName; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  /** A catalog id; `open`: other text is allowed too. */
  | { readonly kind: 'catalog'; readonly catalog: CatalogName; readonly open?: boolean }
  | { readonly kind: 'boolean' }
  /** A percentage, greater than 0 and at most 100. */
  | { readonly kind: 'percentage' }
  /** A whole number of at least 1. */
  | { readonly kind: 'count' }
  /** A mapping of the definition `mapping`. */
  | { readonly kind: 'section'; readonly mapping: string }
  /** A list of mappings of the definition `mapping`. */
  | { readonly kind: 'items'; readonly mapping: string }
  /**
   * A list of texts (Handlungen) for which the catalog suggests the scenario type's steps; items
   * may also be mappings of the definition `mapping`.
   */
  | { readonly kind: 'steps'; readonly catalog: 'prevention' | 'recovery'; readonly mapping?: string };

/** A label and what the field means, in one language. */
export interface FieldDoc {
  readonly title: string;
  readonly description: string;
}

export type FieldSpec = FieldKind & {
  /** The schema definition of the mapping the key belongs to (`root`, `plan`, `scenario`, …). */
  readonly definition: string;
  readonly key: string;
  readonly de: FieldDoc;
  /** The schema's own title and description (the schema speaks English, with German terms). */
  readonly en: FieldDoc;
};

const same = (text: string): Localized => ({ de: text, en: text });
const SHORT = same('15 min');
const HALF_HOUR = same('30 min');
const HOUR = same('1h');
const TWO_HOURS = same('2h');
const FOUR_HOURS = same('4h');
const EIGHT_HOURS = same('8h');
const DAY = same('24h');
const TWO_DAYS: Localized = { de: '2 Tage', en: '2 days' };
const WEEK: Localized = { de: '1 Woche', en: '1 week' };
const ZERO = same('0');

/** Typical durations per field: what an author of such plans usually writes there. */
export const TYPICAL = {
  rto: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK],
  rpo: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  mtpd: [FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK, { de: '2 Wochen', en: '2 weeks' }],
  recoveryTime: [HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS, EIGHT_HOURS, DAY],
  dataLoss: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  stepDuration: [SHORT, HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS],
  backupInterval: [HOUR, FOUR_HOURS, DAY, WEEK],
  retention: [{ de: '7 Tage', en: '7 days' }, { de: '14 Tage', en: '14 days' }, { de: '30 Tage', en: '30 days' }, { de: '90 Tage', en: '90 days' }, { de: '1 Jahr', en: '1 year' }],
  measurementInterval: [same('1 min'), same('5 min'), SHORT, HOUR],
  reviewInterval: [{ de: '6 Monate', en: '6 months' }, { de: '12 Monate', en: '12 months' }],
  notification: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS],
} as const satisfies Record<string, readonly Localized[]>;

const text = (): FieldKind => ({ kind: 'text' });
const texts = (): FieldKind => ({ kind: 'texts' });
const formatVersion = (): FieldKind => ({ kind: 'formatVersion' });
const version = (): FieldKind => ({ kind: 'version' });
const id = (list: IdList): FieldKind => ({ kind: 'id', list });
const reference = (list: ReferenceList, options: { notSelf?: boolean } = {}): FieldKind => ({ kind: 'reference', list, ...options });
const references = (list: ReferenceList): FieldKind => ({ kind: 'references', list });
const duration = (typical: readonly Localized[], term?: TermName, options: { backupIntervals?: boolean } = {}): FieldKind => ({
  kind: 'duration',
  typical,
  ...(term ? { term } : {}),
  ...options,
});
const date = (): FieldKind => ({ kind: 'date' });
const catalog = (name: CatalogName, options: { open?: boolean } = {}): FieldKind => ({ kind: 'catalog', catalog: name, ...options });
const boolean = (): FieldKind => ({ kind: 'boolean' });
const percentage = (): FieldKind => ({ kind: 'percentage' });
const count = (): FieldKind => ({ kind: 'count' });
const section = (mapping: string): FieldKind => ({ kind: 'section', mapping });
const items = (mapping: string): FieldKind => ({ kind: 'items', mapping });
const steps = (catalogSteps: 'prevention' | 'recovery', mapping?: string): FieldKind => ({
  kind: 'steps',
  catalog: catalogSteps,
  ...(mapping ? { mapping } : {}),
});

function define(definition: string, key: string, kind: FieldKind, deTitle: string, deDescription: string, enTitle: string, enDescription: string): FieldSpec {
  return { ...kind, definition, key, de: { title: deTitle, description: deDescription }, en: { title: enTitle, description: enDescription } };
}

/** Every field of the format, by mapping, in the schema's order. */
export const FIELDS: readonly FieldSpec[] = [
  // root
  define('root', 'drplan', formatVersion(),
    'Formatversion', 'Formatversion der Datei: immer der Text "1", mit Anführungszeichen geschrieben: `drplan: "1"`.',
    'Format version', 'Format version of the file (Formatversion): always the string "1"; write `drplan: "1"` with quotes.'),
  define('root', 'plan', section('plan'),
    'Angaben zum Plan', 'Titel, Organisation, System, Version, Status, Prüftermine, Planverantwortliche/r, Klassifizierung, Geltungsbereich, Freigaben und Verteiler des Notfallplans.',
    'Plan', 'Plan metadata (Angaben zum Plan): title, organisation, system, version, status, review dates, owner, classification, scope, approvals and distribution.'),
  define('root', 'contacts', items('contact'),
    'Ansprechpartner', 'Personen, Teams und Dienstleister, die im Notfall zu erreichen sind; `owner`, `responsible`, `alert`, `deputy`, `by`, `declared_by` und `notify` verweisen auf ihre Kennungen.',
    'Contacts', 'Contacts (Ansprechpartner / Kontakte): people and teams to reach in an emergency; referenced by `owner`, `responsible`, `alert`, `deputy`, `by`, `declared_by` and `notify`.'),
  define('root', 'alerting', section('alerting'),
    'Alarmierung und Eskalation', 'Wer den Notfall ausrufen darf (`declared_by`) und die Eskalationsstufen (`levels`), je mit Kriterien, wer zu benachrichtigen ist und bis wann; `escalation` eines Szenarios nennt die Stufe, mit der es beginnt.',
    'Alerting', 'Alerting and escalation (Alarmierung und Eskalation): who may declare an emergency (`declared_by`) and the levels of escalation (`levels`), each with its criteria, whom to notify and by when; a scenario\'s `escalation` names the level it starts at.'),
  define('root', 'components', items('component'),
    'Komponenten', 'Hardware und Infrastruktur (Standardkomponenten für erhöhte Verfügbarkeit), z. B. RAID-Storage, redundante Netzteile, Ersatzteile, USV, und die Racks, Räume und Standorte, in denen sie stehen; `affects` eines Szenarios, `stored_on` einer Datensicherung sowie `in` und `depends_on` anderer Komponenten verweisen auf ihre Kennungen.',
    'Components', 'Hardware and infrastructure components (Standardkomponenten für erhöhte Verfügbarkeit), e.g. RAID storage, redundant power supplies, spare parts, UPS, and the racks, rooms and sites that hold them; referenced by a scenario\'s `affects`, a backup\'s `stored_on` and other components\' `in` and `depends_on`.'),
  define('root', 'availability', section('availability'),
    'Verfügbarkeit', 'Verfügbarkeitsziel, Strategie für Datenbank und Lastverteilung sowie die Messung der Verfügbarkeit.',
    'Availability', 'Availability (Verfügbarkeit): the availability target, the database and load-balancing strategy and the measurements (Messung der Verfügbarkeit).'),
  define('root', 'backups', items('backup'),
    'Datensicherungen', 'Die Sicherungsjobs; `backup` eines Szenarios verweist auf ihre Kennungen.',
    'Backups', 'Backup jobs (Datensicherungen); referenced by a scenario\'s `backup`.'),
  define('root', 'scenarios', items('scenario'),
    'Szenarien', 'Die Notfallszenarien, je eines pro zutreffendem Szenariotyp des Katalogs: Prävention, Wiederherstellung, Wiederherstellungszeit, RTO und RPO.',
    'Scenarios', 'Failure scenarios (Szenarien / Notfallszenarien), one per catalog scenario type that applies: prevention, recovery, recovery time, RTO and RPO.'),
  define('root', 'history', items('historyEntry'),
    'Änderungshistorie', 'Die Versionen des Plans mit Datum, Autor/in und Änderungen.',
    'History', 'Change history of the plan (Änderungshistorie / Versionshistorie).'),
  // plan
  define('plan', 'title', text(),
    'Titel', 'Titel des Notfallplans.',
    'Title', 'Title of the plan (Titel des Notfallplans).'),
  define('plan', 'organisation', text(),
    'Organisation', 'Die Organisation bzw. das Unternehmen, zu dem der Plan gehört.',
    'Organisation', 'The organisation the plan belongs to (Organisation / Unternehmen).'),
  define('plan', 'system', text(),
    'System', 'Das IT-System bzw. IT-Verfahren, das der Plan abdeckt.',
    'System', 'The IT system the plan covers (System / IT-Verfahren).'),
  define('plan', 'version', version(),
    'Version', 'Versionsnummer des Plans, z. B. "2.1"; in Anführungszeichen, damit YAML sie so behält, wie sie geschrieben ist (2.10 ohne Anführungszeichen ist die Zahl 2.1).',
    'Version', 'Version of the plan (Versionsnummer des Plans), e.g. "2.1"; quote it so that YAML keeps it as written (2.10 unquoted is the number 2.1).'),
  define('plan', 'status', catalog('planStatus'),
    'Status', 'Freigabestatus des Plans: `draft` (Entwurf) oder `approved` (Freigegeben).',
    'Status', 'Approval status of the plan (Status): `draft` (Entwurf), `approved` (Freigegeben).'),
  define('plan', 'valid_from', date(),
    'Gültig ab', 'Datum, ab dem der Plan gilt (JJJJ-MM-TT).',
    'Valid from', 'Date from which the plan applies (gültig ab).'),
  define('plan', 'last_review', date(),
    'Letzte Überprüfung', 'Datum der letzten Überprüfung des Plans (JJJJ-MM-TT); zusammen mit `review_interval` ergibt sich die nächste fällige Überprüfung.',
    'Last review', 'Date of the last review of the plan (letzte Überprüfung); with `review_interval` it gives the next due review.'),
  define('plan', 'review_interval', duration(TYPICAL.reviewInterval),
    'Überprüfungsintervall', 'Wie oft der Plan, seine Wiederherstellungstests und Übungen zu überprüfen sind; ohne Angabe 12 Monate.',
    'Review interval', 'How often the plan, its restore tests and exercises must be reviewed (Überprüfungsintervall); 12 months (12 Monate) when omitted.'),
  define('plan', 'owner', reference('contacts'),
    'Planverantwortliche/r', 'Wer für den Plan verantwortlich ist: die Kennung (`id`) eines Kontakts.',
    'Owner', 'Who is responsible for the plan (Planverantwortliche/r): the `id` of a contact.'),
  define('plan', 'classification', catalog('classification'),
    'Klassifizierung', 'Vertraulichkeit des Dokuments: `public` (öffentlich), `internal` (intern) oder `confidential` (vertraulich).',
    'Classification', 'Confidentiality of the document (Klassifizierung / Vertraulichkeit): `public` (öffentlich), `internal` (intern), `confidential` (vertraulich).'),
  define('plan', 'scope', text(),
    'Geltungsbereich', 'Was der Plan abdeckt.',
    'Scope', 'What the plan covers (Geltungsbereich).'),
  define('plan', 'not_applicable', items('notApplicable'),
    'Nicht zutreffende Szenarien', 'Szenariotypen des Katalogs, die der Plan bewusst auslässt, je mit Begründung; sie gelten nicht als fehlendes Szenario (`missing-scenario`).',
    'Not applicable', 'Catalog scenarios the plan consciously leaves out (nicht zutreffende Szenarien), each with its reason (Begründung): they are not reported as `missing-scenario`.'),
  define('plan', 'approvals', items('approval'),
    'Freigaben', 'Wer welche Version des Plans wann freigegeben hat: die freigebende Person (`by`), das Datum, die freigegebene Version (ohne Angabe die aktuelle) und die Bedeutung (`meaning`, ohne Angabe „Freigabe“). Ein Plan mit Status `approved` braucht eine Freigabe seiner aktuellen Version.',
    'Approvals', 'Who approved which version of the plan, and when (Freigaben): the approving contact (`by`), the `date`, the `version` approved (the current one when omitted) and what the approval means (`meaning`, Freigabe when omitted). A plan with status `approved` needs an approval of its current version.'),
  define('plan', 'distribution', texts(),
    'Verteiler', 'Wer den Plan erhält und wo gedruckte Exemplare liegen, z. B. „Leitstand des Rechenzentrums (gedruckt)“.',
    'Distribution', 'Who holds the plan and where printed copies are kept (Verteiler).'),
  // notApplicable
  define('notApplicable', 'type', catalog('scenarioType'),
    'Szenariotyp', 'Der Szenariotyp des Katalogs, der nicht zutrifft, z. B. `server-rack`, wenn das System auf gemieteten virtuellen Maschinen läuft.',
    'Type', 'The catalog scenario type (Szenariotyp) that does not apply, e.g. `server-rack` when the system runs on rented virtual machines.'),
  define('notApplicable', 'reason', text(),
    'Begründung', 'Warum das Szenario nicht zutrifft; das Dokument nennt die Begründung.',
    'Reason', 'Why the scenario does not apply (Begründung); the rendered document shows it.'),
  // approval
  define('approval', 'by', reference('contacts'),
    'Freigegeben durch', 'Wer den Plan freigegeben hat: die Kennung (`id`) eines Kontakts, meist der Leitung der Organisation (`function: management`).',
    'Approved by', 'The contact who approved the plan (freigegeben durch): the `id` of a contact, usually of the management (`function: management`).'),
  define('approval', 'date', date(),
    'Datum', 'Datum der Freigabe (JJJJ-MM-TT); darf nicht in der Zukunft liegen.',
    'Date', 'Date of the approval (Datum der Freigabe); it must not lie in the future.'),
  define('approval', 'version', version(),
    'Version', 'Die freigegebene Version des Plans, z. B. "2.1"; ohne Angabe die aktuelle (`plan.version`).',
    'Version', 'The plan version approved (freigegebene Version), e.g. "2.1"; the current `plan.version` when omitted.'),
  define('approval', 'meaning', text(),
    'Bedeutung', 'Was die Freigabe bedeutet, z. B. „Freigabe durch die Geschäftsführung“ oder „Kenntnisnahme“; ohne Angabe „Freigabe“.',
    'Meaning', 'What the approval means (Bedeutung), e.g. Freigabe durch die Geschäftsführung or Kenntnisnahme; Freigabe when omitted.'),
  // contact
  define('contact', 'id', id('contacts'),
    'Kennung', 'Kennung des Kontakts, auf die `owner`, `responsible`, `alert`, `deputy`, `by`, `declared_by` und `notify` verweisen.',
    'Id', 'Identifier of the contact (Kennung), used by `owner`, `responsible`, `alert`, `deputy`, `by`, `declared_by` and `notify`.'),
  define('contact', 'name', text(),
    'Name', 'Name der Person, des Teams oder des Unternehmens.',
    'Name', 'Name of the person, team or company (Name).'),
  define('contact', 'role', text(),
    'Rolle', 'Rolle oder Funktion, z. B. IT-Leitung, Bereitschaft.',
    'Role', 'Role or function (Rolle / Funktion), e.g. IT-Leitung, Bereitschaft.'),
  define('contact', 'phone', text(),
    'Telefon', 'Telefonnummer; in Anführungszeichen, z. B. "+49 30 1234567".',
    'Phone', 'Phone number (Telefon); quote it, e.g. "+49 30 1234567".'),
  define('contact', 'email', text(),
    'E-Mail', 'E-Mail-Adresse.',
    'E-mail', 'E-mail address (E-Mail-Adresse).'),
  define('contact', 'availability', text(),
    'Erreichbarkeit', 'Wann der Kontakt erreichbar ist, z. B. 24/7 oder werktags 8–18 Uhr.',
    'Availability', 'When the contact can be reached (Erreichbarkeit), e.g. 24/7 or werktags 8-18 Uhr.'),
  define('contact', 'deputy', reference('contacts', { notSelf: true }),
    'Vertretung', 'Wer diesen Kontakt vertritt, wenn er nicht erreichbar ist: die Kennung (`id`) eines anderen Kontakts.',
    'Deputy', 'Who stands in for this contact (Vertretung / Stellvertretung): the `id` of another contact.'),
  define('contact', 'function', catalog('contactFunction'),
    'Funktion', 'Die Funktion des Kontakts in der Notfallorganisation: `it-lead` (IT-Leitung), `on-call` (Bereitschaft), `dpo` (Datenschutzbeauftragte/r), `management` (Leitung der Organisation), `provider` (Dienstleister / Rechenzentrumsbetreiber) oder `crisis-team` (Notfallstab).',
    'Function', 'The contact\'s function in the emergency organisation (Funktion): `it-lead` (IT-Leitung), `on-call` (Bereitschaft), `dpo` (Datenschutzbeauftragte/r), `management` (Leitung der Organisation), `provider` (Dienstleister / Rechenzentrumsbetreiber), `crisis-team` (Notfallstab).'),
  // alerting
  define('alerting', 'declared_by', references('contacts'),
    'Notfall ausrufen', 'Wer den Notfall ausrufen darf: Kennungen (`id`) von Kontakten.',
    'Declared by', 'The contacts who may declare an emergency (Notfall ausrufen): `id`s of contacts.'),
  define('alerting', 'levels', items('alertLevel'),
    'Eskalationsstufen', 'Die Stufen der Eskalation in ihrer Reihenfolge, z. B. Störung, Notfall, Krise.',
    'Levels', 'The levels of escalation, in order (Eskalationsstufen), e.g. Störung, Notfall, Krise.'),
  // alertLevel
  define('alertLevel', 'id', id('levels'),
    'Kennung', 'Kennung der Stufe, auf die `escalation` eines Szenarios verweist.',
    'Id', 'Identifier of the level (Kennung), used by a scenario\'s `escalation`.'),
  define('alertLevel', 'name', text(),
    'Bezeichnung', 'Name der Stufe, z. B. Störung, Notfall.',
    'Name', 'Name of the level (Bezeichnung), e.g. Störung, Notfall.'),
  define('alertLevel', 'criteria', text(),
    'Kriterien', 'Wann diese Stufe gilt, z. B. „Intranet länger als die RTO nicht verfügbar“.',
    'Criteria', 'When this level applies (Kriterien).'),
  define('alertLevel', 'notify', references('contacts'),
    'Benachrichtigen', 'Wer auf dieser Stufe zu benachrichtigen ist: Kennungen (`id`) von Kontakten.',
    'Notify', 'Whom to notify at this level (zu benachrichtigen): `id`s of contacts.'),
  define('alertLevel', 'within', duration(TYPICAL.notification),
    'Benachrichtigung innerhalb', 'Bis wann sie benachrichtigt sind, gerechnet ab dem Erkennen, z. B. 15 min.',
    'Within', 'By when they are notified, counted from the detection (Benachrichtigung innerhalb).'),
  // component
  define('component', 'id', id('components'),
    'Kennung', 'Kennung der Komponente, auf die `affects` eines Szenarios, `stored_on` einer Datensicherung sowie `in` und `depends_on` anderer Komponenten verweisen.',
    'Id', 'Identifier of the component (Kennung), used by a scenario\'s `affects`, a backup\'s `stored_on` and other components\' `in` and `depends_on`.'),
  define('component', 'kind', catalog('componentKind'),
    'Art der Komponente', 'Art der Komponente aus dem Katalog, z. B. `site` (Standort), `room` (Serverraum), `raid-storage` (RAID-Storage), `redundant-power-supply` (Redundante Netzteile), `spare-parts` (Ersatzteile) oder `ups` (USV).',
    'Kind', 'Kind of component (Art der Komponente): `site` (Standort / Rechenzentrum), `room` (Serverraum), `raid-storage` (RAID-Storage), `redundant-power-supply` (Redundante Netzteile), `spare-parts` (Ersatzteile), `ups` (USV – unterbrechungsfreie Stromversorgung), `network-switch` (Netzwerk-Switch), `router` (Router), `firewall` (Firewall), `load-balancer` (Load-Balancer – Lastverteiler), `vm-host` (VM-Host – Virtualisierungsserver), `storage-server` (Storage-Server), `server-rack` (Server-Rack), `backup-storage` (Backup-Speicher), `generator` (Netzersatzanlage), `zeo-server` (ZEO-Server), `zeo-client` (ZEO-Client), `database-server` (Datenbankserver), `cooling` (Klimatisierung), `monitoring` (Monitoring-System).'),
  define('component', 'name', text(),
    'Bezeichnung', 'Name oder Kurzbeschreibung der Komponente.',
    'Name', 'Name or short description (Bezeichnung).'),
  define('component', 'location', text(),
    'Standort', 'Wo die Komponente steht, z. B. Rechenzentrum und Rack.',
    'Location', 'Where the component is (Standort), e.g. data centre and rack.'),
  define('component', 'redundancy', text(),
    'Redundanz', 'Wie die Komponente redundant ausgelegt ist, z. B. RAID 6, zwei Controller.',
    'Redundancy', 'How the component is made redundant (Redundanz), e.g. RAID 6, two controllers.'),
  define('component', 'notes', text(),
    'Anmerkungen', 'Anmerkungen zur Komponente.',
    'Notes', 'Notes (Anmerkungen).'),
  define('component', 'in', reference('components'),
    'Enthalten in', 'Die Komponente, in der diese steht: die Kennung (`id`) eines Racks, Raums oder Standorts. Fällt sie aus, fällt diese mit aus.',
    'In', 'The component that holds this one (enthalten in): the `id` of a rack, a room or a site. A failure of the holder takes this component down too.'),
  define('component', 'depends_on', references('components'),
    'Hängt ab von', 'Die Komponenten, die diese zum Betrieb braucht: Kennungen (`id`) aus `components`. Aus ihnen ergibt sich die Wiederanlaufreihenfolge.',
    'Depends on', 'The components this one needs in order to run (hängt ab von): `id`s of components. They give the restart order (Wiederanlaufreihenfolge).'),
  // availability
  define('availability', 'target', percentage(),
    'Verfügbarkeitsziel', 'Verfügbarkeitsziel in Prozent, z. B. 99.5; größer als 0 und höchstens 100. Daraus folgt die jährlich zulässige Ausfallzeit (99,5 % → 43,8 Stunden pro Jahr).',
    'Availability target', 'Availability target in percent (Verfügbarkeitsziel in Prozent), e.g. 99.5; greater than 0 and at most 100. Gives the yearly downtime budget (99.5 % → 43.8 h per year).'),
  define('availability', 'database', section('database'),
    'Datenbank', 'Wie die Verfügbarkeit der Datenbank gesichert wird.',
    'Database', 'Availability of the database (Verfügbarkeit der Datenbank).'),
  define('availability', 'load_balancing', section('loadBalancing'),
    'Lastverteilung', 'Lastverteilung auf die Instanzen der Anwendung, z. B. die ZEO-Clients.',
    'Load balancing', 'Load balancing (Lastverteilung) across application instances.'),
  define('availability', 'measurements', items('measurement'),
    'Messungen', 'Wie die Verfügbarkeit gemessen und überwacht wird (Monitoring).',
    'Measurements', 'How availability is measured (Messung der Verfügbarkeit / Monitoring).'),
  // database
  define('database', 'strategy', catalog('databaseStrategy'),
    'Strategie', 'Wie die Datenbank verfügbar gehalten wird: `snapshot` (Neuaufsetzen aus einem Snapshot des Volume Managers), `relstorage-replication` (Replikation über RelStorage), `drbd-heartbeat` (DRBD/Heartbeat) oder `none` (keine).',
    'Strategy', 'How the database is kept available (Strategie): `snapshot` (Neuaufsetzen aus einem Snapshot des Volume Managers), `relstorage-replication` (RelStorage mit Datenbankreplikation), `drbd-heartbeat` (DRBD mit Heartbeat – Hochverfügbarkeitscluster), `none` (keine).'),
  define('database', 'notes', text(),
    'Anmerkungen', 'Anmerkungen zur Datenbank.',
    'Notes', 'Notes (Anmerkungen).'),
  // loadBalancing
  define('loadBalancing', 'method', catalog('loadBalancingMethod'),
    'Verfahren', 'Verfahren der Lastverteilung: `fair` (Fair Balancing: an den nächsten freien Client), `round-robin` (der Reihe nach), `least-connections` (wenigste Verbindungen) oder `none` (keine).',
    'Method', 'Load-balancing method (Verfahren der Lastverteilung): `fair` (faire Verteilung – an den nächsten freien Client), `round-robin` (Rundlauf-Verfahren), `least-connections` (wenigste Verbindungen), `none` (keine).'),
  define('loadBalancing', 'clients', count(),
    'Anzahl der Clients', 'Anzahl der Anwendungs-Clients hinter dem Load-Balancer, z. B. ZEO-Clients; mindestens 1.',
    'Clients', 'Number of application clients behind the load balancer, e.g. ZEO clients (Anzahl der Clients / ZEO-Clients); at least 1.'),
  define('loadBalancing', 'notes', text(),
    'Anmerkungen', 'Anmerkungen zur Lastverteilung.',
    'Notes', 'Notes (Anmerkungen).'),
  // measurement
  define('measurement', 'id', id('measurements'),
    'Kennung', 'Kennung der Messung.',
    'Id', 'Identifier of the measurement (Kennung).'),
  define('measurement', 'what', text(),
    'Messgröße', 'Was gemessen bzw. überwacht wird.',
    'What', 'What is measured (Messgröße / was überwacht wird).'),
  define('measurement', 'tool', text(),
    'Werkzeug', 'Das Monitoring-Werkzeug, z. B. Prometheus.',
    'Tool', 'The monitoring tool (Werkzeug), e.g. Prometheus.'),
  define('measurement', 'interval', duration(TYPICAL.measurementInterval),
    'Messintervall', 'Wie oft gemessen wird.',
    'Interval', 'How often it is measured (Messintervall).'),
  define('measurement', 'alert', reference('contacts'),
    'Alarmierung', 'Wer alarmiert wird: die Kennung (`id`) eines Kontakts.',
    'Alert', 'Who is alerted (Alarmierung): the `id` of a contact.'),
  // backup
  define('backup', 'id', id('backups'),
    'Kennung', 'Kennung der Datensicherung, auf die `backup` eines Szenarios verweist.',
    'Id', 'Identifier of the backup job (Kennung), used by a scenario\'s `backup`.'),
  define('backup', 'what', text(),
    'Sicherungsgegenstand', 'Was gesichert wird.',
    'What', 'What is backed up (Sicherungsgegenstand).'),
  define('backup', 'method', catalog('backupMethod', { open: true }),
    'Sicherungsverfahren', 'Bekannt sind `volume-snapshot` (Snapshot des Volume Managers), `repozo` (ZODB-Sicherung mit repozo), `relstorage-dump` (Dump der RelStorage-Datenbank), `file-copy` (Dateikopie), `database-dump` (Datenbank-Dump) und die Replikationen `replication` (Replikation), `relstorage-replication` (Replikation über RelStorage) und `drbd` (DRBD-Spiegelung): eine laufende Kopie, die jede RPO erfüllt, aber ein Löschen oder eine Beschädigung sofort mitkopiert; anderer Text ist erlaubt.',
    'Method', 'Backup method (Sicherungsverfahren). Known: `volume-snapshot` (Snapshot des Volume Managers), `repozo` (ZODB-Sicherung mit repozo), `relstorage-dump` (Dump der RelStorage-Datenbank), `file-copy` (Dateikopie), `database-dump` (Datenbank-Dump), and the replications `replication` (Replikation), `relstorage-replication` (Replikation über RelStorage) and `drbd` (DRBD-Spiegelung): a continuous copy that meets any RPO, but copies a deletion or a corruption at once; other text is allowed.'),
  define('backup', 'interval', duration(TYPICAL.backupInterval),
    'Sicherungsintervall', 'Zeit zwischen zwei Sicherungen; darf nicht länger sein als die RPO eines Szenarios, das diese Sicherung nutzt. `0` heißt laufend (eine Replikation).',
    'Interval', 'Time between two backups (Sicherungsintervall); must not be longer than the `rpo` of a scenario that uses this backup. `0` means continuous (a replication).'),
  define('backup', 'retention', duration(TYPICAL.retention),
    'Aufbewahrungsdauer', 'Wie lange die Sicherungen aufbewahrt werden; nicht kürzer als das Sicherungsintervall.',
    'Retention', 'How long backups are kept (Aufbewahrungsdauer); must not be shorter than `interval`.'),
  define('backup', 'location', text(),
    'Speicherort', 'Wo die Sicherungen liegen.',
    'Location', 'Where the backups are stored (Speicherort).'),
  define('backup', 'stored_on', reference('components'),
    'Gespeichert auf', 'Die Komponente, auf der die Daten der Sicherung liegen: die Kennung (`id`) einer Komponente. Ein Szenario, das diese Komponente ausfallen lässt (`affects`), kann nicht aus dieser Sicherung wiederherstellen.',
    'Stored on', 'The component that holds the backup\'s data (gespeichert auf): the `id` of a component. A scenario whose `affects` takes that component down cannot restore from this backup.'),
  define('backup', 'offsite', boolean(),
    'Außer Haus', 'Ob die Sicherungen räumlich getrennt vom System aufbewahrt werden (`true`/`false`).',
    'Offsite', 'Whether the backups are stored off site, separated from the system (außer Haus / räumlich getrennt gelagert).'),
  define('backup', 'last_restore_test', date(),
    'Letzter Wiederherstellungstest', 'Datum des letzten erfolgreichen Wiederherstellungstests (Rücksicherungstest), JJJJ-MM-TT; eine Sicherung, die ein Szenario nennt, sollte einen haben.',
    'Last restore test', 'Date of the last successful restore test (letzter Wiederherstellungstest / Rücksicherungstest); a backup that a scenario names should have one.'),
  // scenario
  define('scenario', 'id', id('scenarios'),
    'Kennung', 'Kennung des Szenarios, eindeutig unter den Szenarien.',
    'Id', 'Identifier of the scenario (Kennung), unique among the scenarios.'),
  define('scenario', 'category', catalog('category'),
    'Kategorie', 'Kategorie des Szenarios aus dem Katalog: `hardware` (Hardware-Fehler), `force-majeure` (Höhere Gewalt), `software` (Software-Fehler) oder `operator` (Bedienfehler).',
    'Category', 'Catalog category (Kategorie) of the scenario: `hardware` (Hardware-Fehler), `force-majeure` (Höhere Gewalt), `software` (Software-Fehler), `operator` (Bedienfehler).'),
  define('scenario', 'type', catalog('scenarioType'),
    'Szenariotyp', 'Szenariotyp aus dem Katalog; muss zur Kategorie (`category`) gehören, z. B. `storage-server` (Ausfall des Storage-Servers).',
    'Type', 'Catalog scenario type (Szenariotyp); must belong to `category`: `network-component` (Ausfall aktiver Netzwerkkomponenten), `vm-server` (Ausfall des VM-Servers), `storage-server` (Ausfall des Storage-Servers), `server-rack` (Ausfall des Server-Racks), `power-outage` (Stromausfall), `network-outage` (Unterbrochene Netzwerkverbindung), `corrupt-filesystem` (Korruptes Dateisystem), `configuration-error` (Konfigurationsfehler), `application-error` (Fehler der Applikation), `deleted-files` (Versehentliches Löschen von Dateien), `deleted-data` (Versehentliches Löschen von Verzeichnissen/Datenbanken).'),
  define('scenario', 'title', text(),
    'Titel', 'Titel des Szenarios; ohne Angabe gilt der deutsche Titel des Szenariotyps aus dem Katalog.',
    'Title', 'Title of the scenario (Titel); defaults to the catalog\'s German title of `type`.'),
  define('scenario', 'description', text(),
    'Beschreibung', 'Beschreibung des Szenarios.',
    'Description', 'Description of the scenario (Beschreibung).'),
  define('scenario', 'affects', references('components'),
    'Betroffene Komponenten', 'Die betroffenen Komponenten: Kennungen (`id`) aus `components`.',
    'Affects', 'Affected components (betroffene Komponenten): `id`s of components.'),
  define('scenario', 'prevention', steps('prevention'),
    'Prävention', 'Handlungen zur Prävention (Vorsorgemaßnahmen); mindestens eine.',
    'Prevention', 'Actions for prevention (Handlungen zur Prävention / Vorsorgemaßnahmen); at least one.'),
  define('scenario', 'recovery', steps('recovery', 'recoveryStep'),
    'Wiederherstellung', 'Handlungen zur Wiederherstellung, in ihrer Reihenfolge; mindestens eine. Jeder Eintrag ist ein Text oder ein Abschnitt mit `step`, `duration` und `responsible`.',
    'Recovery', 'Actions for recovery, in order (Handlungen zur Wiederherstellung); at least one. Each item is a text or a mapping with `step`, `duration` and `responsible`.'),
  define('scenario', 'recovery_time', duration(TYPICAL.recoveryTime, 'recoveryTime'),
    'Wiederherstellungszeit', 'Zeit bis zur Wiederherstellung: wie lange die Wiederherstellung dauert; darf die RTO nicht überschreiten.',
    'Recovery time', 'The time the recovery takes (Zeit bis zur Wiederherstellung); must not exceed `rto`.'),
  define('scenario', 'rto', duration(TYPICAL.rto, 'rto'),
    'RTO', 'Recovery Time Objective: die maximal zulässige Ausfallzeit dieses Szenarios (BSI 200-4: geforderte Wiederanlaufzeit).',
    'RTO', 'Recovery Time Objective – maximal zulässige Ausfallzeit of this scenario (BSI 200-4: geforderte Wiederanlaufzeit).'),
  define('scenario', 'rpo', duration(TYPICAL.rpo, 'rpo', { backupIntervals: true }),
    'RPO', 'Recovery Point Objective: der maximal zulässige Datenverlust, also der längste zulässige Zeitraum zwischen zwei Datensicherungen; `0` ist erlaubt.',
    'RPO', 'Recovery Point Objective – maximal zulässiger Datenverlust (Zeitraum zwischen zwei Datensicherungen); `0` allowed.'),
  define('scenario', 'mtpd', duration(TYPICAL.mtpd, 'mtpd'),
    'MTA (MTPD)', 'Die maximal tolerierbare Ausfallzeit des Geschäftsprozesses (BSI 200-4; englisch Maximum Tolerable Period of Disruption, MTPD); die RTO muss hineinpassen.',
    'MTPD', 'Maximum Tolerable Period of Disruption – maximal tolerierbare Ausfallzeit of the business process (BSI 200-4); the RTO must fit inside it.'),
  define('scenario', 'backup', reference('backups'),
    'Datensicherung', 'Die Datensicherung, mit der die Daten wiederhergestellt werden: die Kennung (`id`) eines Eintrags aus `backups`.',
    'Backup', 'The backup job that restores the data (Datensicherung für die Wiederherstellung): the `id` of a backup.'),
  define('scenario', 'responsible', reference('contacts'),
    'Verantwortlich', 'Wer für das Szenario verantwortlich ist: die Kennung (`id`) eines Kontakts.',
    'Responsible', 'Who is responsible for the scenario (Verantwortlich): the `id` of a contact.'),
  define('scenario', 'escalation', reference('levels'),
    'Eskalationsstufe', 'Die Stufe der Alarmierung, mit der dieses Szenario beginnt: die Kennung (`id`) einer Stufe aus `alerting.levels`.',
    'Escalation', 'The alerting level this scenario starts at (Eskalationsstufe): the `id` of an entry of `alerting.levels`.'),
  define('scenario', 'emergency_operation', texts(),
    'Notbetrieb', 'Wie die Arbeit weitergeht, solange das System ausfällt, z. B. „Aushänge und Rundmails statt Intranet-Nachrichten“.',
    'Emergency operation', 'How the work goes on while the system is down (Notbetrieb).'),
  define('scenario', 'exercises', items('exercise'),
    'Übungen', 'Übungen und Tests der Wiederherstellung dieses Szenarios.',
    'Exercises', 'Recovery exercises and tests of this scenario (Übungen / Tests).'),
  // recoveryStep
  define('recoveryStep', 'step', text(),
    'Schritt', 'Was zu tun ist.',
    'Step', 'What to do (Handlung / Schritt).'),
  define('recoveryStep', 'duration', duration(TYPICAL.stepDuration),
    'Dauer', 'Wie lange der Schritt dauert.',
    'Duration', 'How long the step takes (Dauer des Schritts).'),
  define('recoveryStep', 'responsible', reference('contacts'),
    'Verantwortlich', 'Wer den Schritt ausführt: die Kennung (`id`) eines Kontakts.',
    'Responsible', 'Who carries out the step (Verantwortlich): the `id` of a contact.'),
  // exercise
  define('exercise', 'date', date(),
    'Datum', 'Datum der Übung (JJJJ-MM-TT).',
    'Date', 'Date of the exercise (Datum der Übung).'),
  define('exercise', 'kind', catalog('exerciseKind'),
    'Art der Übung', '`plan-review` (Planbesprechung), `alerting` (Alarmierungsübung), `functional-test` (Funktionstest) oder `full-recovery` (Vollübung). Nur eine Wiederherstellungsübung – `functional-test`, `full-recovery` oder ohne Art – belegt eine Wiederherstellung.',
    'Kind', 'Kind of exercise (Art der Übung): `plan-review` (Planbesprechung), `alerting` (Alarmierungsübung), `functional-test` (Funktionstest), `full-recovery` (Vollübung). Only a recovery exercise – `functional-test`, `full-recovery`, or no kind – proves a recovery.'),
  define('exercise', 'recovery_time', duration(TYPICAL.recoveryTime, 'rta'),
    'Gemessene Wiederherstellungszeit', 'Die in der Übung gemessene Wiederherstellungszeit, RTA (Recovery Time Actual); darf die RTO des Szenarios nicht überschreiten.',
    'Measured recovery time', 'The measured recovery time, RTA – Recovery Time Actual (gemessene Wiederherstellungszeit); must not exceed the scenario\'s `rto`.'),
  define('exercise', 'data_loss', duration(TYPICAL.dataLoss, 'rpa'),
    'Gemessener Datenverlust', 'Der in der Übung gemessene Datenverlust, RPA (Recovery Point Actual); darf die RPO des Szenarios nicht überschreiten.',
    'Measured data loss', 'The measured data loss, RPA – Recovery Point Actual (gemessener Datenverlust); must not exceed the scenario\'s `rpo`.'),
  define('exercise', 'result', catalog('exerciseResult'),
    'Ergebnis', '`passed` (bestanden), `partial` (teilweise bestanden) oder `failed` (nicht bestanden).',
    'Result', 'Result of the exercise (Ergebnis): `passed` (bestanden), `partial` (teilweise bestanden), `failed` (nicht bestanden).'),
  define('exercise', 'notes', text(),
    'Anmerkungen', 'Anmerkungen und Erkenntnisse aus der Übung.',
    'Notes', 'Notes, findings (Anmerkungen / Erkenntnisse).'),
  // historyEntry
  define('historyEntry', 'version', version(),
    'Version', 'Versionsnummer des Plans, z. B. "2.1"; in Anführungszeichen.',
    'Version', 'Version of the plan (Versionsnummer), e.g. "2.1"; quote it.'),
  define('historyEntry', 'date', date(),
    'Datum', 'Datum der Version (JJJJ-MM-TT).',
    'Date', 'Date of the version (Datum).'),
  define('historyEntry', 'author', text(),
    'Autor/in', 'Wer die Änderung vorgenommen hat.',
    'Author', 'Who made the change (Autor/in).'),
  define('historyEntry', 'changes', text(),
    'Änderungen', 'Was sich geändert hat.',
    'Changes', 'What changed (Änderungen).'),
];
