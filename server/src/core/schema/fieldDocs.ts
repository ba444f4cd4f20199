import type { Locale } from '../types';
import { resolveSchema, schemaAt, type SchemaNode } from './lookup';
import { planSchema } from './validator';

/** What a key means, for completion and hover: a short title and a description. */
export interface FieldDoc {
  readonly title: string;
  readonly description: string;
}

/**
 * The German titles and descriptions of every key of the schema, by definition and key. The
 * English ones are the schema's own `title` and `description` (the schema speaks English, with
 * the German terms in parentheses, because it is read by other YAML tooling too).
 */
const GERMAN: Readonly<Record<string, Readonly<Record<string, FieldDoc>>>> = {
  root: {
    drplan: doc('Formatversion', 'Formatversion der Datei: immer der Text "1", mit Anführungszeichen geschrieben: `drplan: "1"`.'),
    plan: doc('Angaben zum Plan', 'Titel, Organisation, System, Version, Status, Prüftermine, Planverantwortliche/r, Klassifizierung und Geltungsbereich des Notfallplans.'),
    contacts: doc('Ansprechpartner', 'Personen, Teams und Dienstleister, die im Notfall zu erreichen sind; `owner`, `responsible` und `alert` verweisen auf ihre Kennungen.'),
    components: doc('Komponenten', 'Hardware und Infrastruktur (Standardkomponenten für erhöhte Verfügbarkeit), z. B. RAID-Storage, redundante Netzteile, Ersatzteile, USV; `affects` eines Szenarios verweist auf ihre Kennungen.'),
    availability: doc('Verfügbarkeit', 'Verfügbarkeitsziel, Strategie für Datenbank und Lastverteilung sowie die Messung der Verfügbarkeit.'),
    backups: doc('Datensicherungen', 'Die Sicherungsjobs; `backup` eines Szenarios verweist auf ihre Kennungen.'),
    scenarios: doc('Szenarien', 'Die Notfallszenarien, je eines pro zutreffendem Szenariotyp des Katalogs: Prävention, Wiederherstellung, Wiederherstellungszeit, RTO und RPO.'),
    history: doc('Änderungshistorie', 'Die Versionen des Plans mit Datum, Autor/in und Änderungen.'),
  },
  plan: {
    title: doc('Titel', 'Titel des Notfallplans.'),
    organisation: doc('Organisation', 'Die Organisation bzw. das Unternehmen, zu dem der Plan gehört.'),
    system: doc('System', 'Das IT-System bzw. IT-Verfahren, das der Plan abdeckt.'),
    version: doc('Version', 'Versionsnummer des Plans, z. B. "2.1"; in Anführungszeichen, damit YAML sie so behält, wie sie geschrieben ist (2.10 ohne Anführungszeichen ist die Zahl 2.1).'),
    status: doc('Status', 'Freigabestatus des Plans: `draft` (Entwurf) oder `approved` (Freigegeben).'),
    valid_from: doc('Gültig ab', 'Datum, ab dem der Plan gilt (JJJJ-MM-TT).'),
    last_review: doc('Letzte Überprüfung', 'Datum der letzten Überprüfung des Plans (JJJJ-MM-TT); zusammen mit `review_interval` ergibt sich die nächste fällige Überprüfung.'),
    review_interval: doc('Überprüfungsintervall', 'Wie oft der Plan, seine Wiederherstellungstests und Übungen zu überprüfen sind; ohne Angabe 12 Monate.'),
    owner: doc('Planverantwortliche/r', 'Wer für den Plan verantwortlich ist: die Kennung (`id`) eines Kontakts.'),
    classification: doc('Klassifizierung', 'Vertraulichkeit des Dokuments: `public` (öffentlich), `internal` (intern) oder `confidential` (vertraulich).'),
    scope: doc('Geltungsbereich', 'Was der Plan abdeckt.'),
  },
  contact: {
    id: doc('Kennung', 'Kennung des Kontakts, auf die `owner`, `responsible` und `alert` verweisen.'),
    name: doc('Name', 'Name der Person, des Teams oder des Unternehmens.'),
    role: doc('Rolle', 'Rolle oder Funktion, z. B. IT-Leitung, Bereitschaft.'),
    phone: doc('Telefon', 'Telefonnummer; in Anführungszeichen, z. B. "+49 30 1234567".'),
    email: doc('E-Mail', 'E-Mail-Adresse.'),
    availability: doc('Erreichbarkeit', 'Wann der Kontakt erreichbar ist, z. B. 24/7 oder werktags 8–18 Uhr.'),
  },
  component: {
    id: doc('Kennung', 'Kennung der Komponente, auf die `affects` eines Szenarios verweist.'),
    kind: doc('Art der Komponente', 'Art der Komponente aus dem Katalog, z. B. `raid-storage` (RAID-Storage), `redundant-power-supply` (Redundante Netzteile), `spare-parts` (Ersatzteile) oder `ups` (USV).'),
    name: doc('Bezeichnung', 'Name oder Kurzbeschreibung der Komponente.'),
    location: doc('Standort', 'Wo die Komponente steht, z. B. Rechenzentrum und Rack.'),
    redundancy: doc('Redundanz', 'Wie die Komponente redundant ausgelegt ist, z. B. RAID 6, zwei Controller.'),
    notes: doc('Anmerkungen', 'Anmerkungen zur Komponente.'),
  },
  availability: {
    target: doc('Verfügbarkeitsziel', 'Verfügbarkeitsziel in Prozent, z. B. 99.5; größer als 0 und höchstens 100. Daraus folgt die jährlich zulässige Ausfallzeit (99,5 % → 43,8 Stunden pro Jahr).'),
    database: doc('Datenbank', 'Wie die Verfügbarkeit der Datenbank gesichert wird.'),
    load_balancing: doc('Lastverteilung', 'Lastverteilung auf die Instanzen der Anwendung, z. B. die ZEO-Clients.'),
    measurements: doc('Messungen', 'Wie die Verfügbarkeit gemessen und überwacht wird (Monitoring).'),
  },
  database: {
    strategy: doc('Strategie', 'Wie die Datenbank verfügbar gehalten wird: `snapshot` (Neuaufsetzen aus einem Snapshot des Volume Managers), `relstorage-replication` (Replikation über RelStorage), `drbd-heartbeat` (DRBD/Heartbeat) oder `none` (keine).'),
    notes: doc('Anmerkungen', 'Anmerkungen zur Datenbank.'),
  },
  loadBalancing: {
    method: doc('Verfahren', 'Verfahren der Lastverteilung: `fair` (Fair Balancing: an den nächsten freien Client), `round-robin` (der Reihe nach), `least-connections` (wenigste Verbindungen) oder `none` (keine).'),
    clients: doc('Anzahl der Clients', 'Anzahl der Anwendungs-Clients hinter dem Load-Balancer, z. B. ZEO-Clients; mindestens 1.'),
    notes: doc('Anmerkungen', 'Anmerkungen zur Lastverteilung.'),
  },
  measurement: {
    id: doc('Kennung', 'Kennung der Messung.'),
    what: doc('Messgröße', 'Was gemessen bzw. überwacht wird.'),
    tool: doc('Werkzeug', 'Das Monitoring-Werkzeug, z. B. Prometheus.'),
    interval: doc('Messintervall', 'Wie oft gemessen wird.'),
    alert: doc('Alarmierung', 'Wer alarmiert wird: die Kennung (`id`) eines Kontakts.'),
  },
  backup: {
    id: doc('Kennung', 'Kennung der Datensicherung, auf die `backup` eines Szenarios verweist.'),
    what: doc('Sicherungsgegenstand', 'Was gesichert wird.'),
    method: doc('Sicherungsverfahren', 'Bekannt sind `volume-snapshot` (Snapshot des Volume Managers), `repozo` (ZODB-Sicherung mit repozo), `relstorage-dump` (Dump der RelStorage-Datenbank), `file-copy` (Dateikopie) und `database-dump` (Datenbank-Dump); anderer Text ist erlaubt.'),
    interval: doc('Sicherungsintervall', 'Zeit zwischen zwei Sicherungen; darf nicht länger sein als die RPO eines Szenarios, das diese Sicherung nutzt.'),
    retention: doc('Aufbewahrungsdauer', 'Wie lange die Sicherungen aufbewahrt werden.'),
    location: doc('Speicherort', 'Wo die Sicherungen liegen.'),
    offsite: doc('Außer Haus', 'Ob die Sicherungen räumlich getrennt vom System aufbewahrt werden (`true`/`false`).'),
    last_restore_test: doc('Letzter Wiederherstellungstest', 'Datum des letzten erfolgreichen Wiederherstellungstests (Rücksicherungstest), JJJJ-MM-TT.'),
  },
  scenario: {
    id: doc('Kennung', 'Kennung des Szenarios, eindeutig unter den Szenarien.'),
    category: doc('Kategorie', 'Kategorie des Szenarios aus dem Katalog: `hardware` (Hardware-Fehler), `force-majeure` (Höhere Gewalt), `software` (Software-Fehler) oder `operator` (Bedienfehler).'),
    type: doc('Szenariotyp', 'Szenariotyp aus dem Katalog; muss zur Kategorie (`category`) gehören, z. B. `storage-server` (Ausfall des Storage-Servers).'),
    title: doc('Titel', 'Titel des Szenarios; ohne Angabe gilt der deutsche Titel des Szenariotyps aus dem Katalog.'),
    description: doc('Beschreibung', 'Beschreibung des Szenarios.'),
    affects: doc('Betroffene Komponenten', 'Die betroffenen Komponenten: Kennungen (`id`) aus `components`.'),
    prevention: doc('Prävention', 'Handlungen zur Prävention (Vorsorgemaßnahmen); mindestens eine.'),
    recovery: doc('Wiederherstellung', 'Handlungen zur Wiederherstellung, in ihrer Reihenfolge; mindestens eine. Jeder Eintrag ist ein Text oder ein Abschnitt mit `step`, `duration` und `responsible`.'),
    recovery_time: doc('Wiederherstellungszeit', 'Zeit bis zur Wiederherstellung: wie lange die Wiederherstellung dauert; darf die RTO nicht überschreiten.'),
    rto: doc('RTO', 'Recovery Time Objective: die maximal zulässige Ausfallzeit dieses Szenarios (BSI 200-4: geforderte Wiederanlaufzeit).'),
    rpo: doc('RPO', 'Recovery Point Objective: der maximal zulässige Datenverlust, also der längste zulässige Zeitraum zwischen zwei Datensicherungen; `0` ist erlaubt.'),
    mtpd: doc('MTPD', 'Maximum Tolerable Period of Disruption: die maximal tolerierbare Ausfallzeit des Geschäftsprozesses (BSI 200-4); die RTO muss hineinpassen.'),
    backup: doc('Datensicherung', 'Die Datensicherung, mit der die Daten wiederhergestellt werden: die Kennung (`id`) eines Eintrags aus `backups`.'),
    responsible: doc('Verantwortlich', 'Wer für das Szenario verantwortlich ist: die Kennung (`id`) eines Kontakts.'),
    exercises: doc('Übungen', 'Übungen und Tests der Wiederherstellung dieses Szenarios.'),
  },
  recoveryStep: {
    step: doc('Schritt', 'Was zu tun ist.'),
    duration: doc('Dauer', 'Wie lange der Schritt dauert.'),
    responsible: doc('Verantwortlich', 'Wer den Schritt ausführt: die Kennung (`id`) eines Kontakts.'),
  },
  exercise: {
    date: doc('Datum', 'Datum der Übung (JJJJ-MM-TT).'),
    kind: doc('Art der Übung', '`plan-review` (Planbesprechung), `alerting` (Alarmierungsübung), `functional-test` (Funktionstest) oder `full-recovery` (Vollübung).'),
    recovery_time: doc('Gemessene Wiederherstellungszeit', 'Die in der Übung gemessene Wiederherstellungszeit, RTA (Recovery Time Actual); darf die RTO des Szenarios nicht überschreiten.'),
    data_loss: doc('Gemessener Datenverlust', 'Der in der Übung gemessene Datenverlust, RPA (Recovery Point Actual); darf die RPO des Szenarios nicht überschreiten.'),
    result: doc('Ergebnis', '`passed` (bestanden), `partial` (teilweise bestanden) oder `failed` (nicht bestanden).'),
    notes: doc('Anmerkungen', 'Anmerkungen und Erkenntnisse aus der Übung.'),
  },
  historyEntry: {
    version: doc('Version', 'Versionsnummer des Plans, z. B. "2.1"; in Anführungszeichen.'),
    date: doc('Datum', 'Datum der Version (JJJJ-MM-TT).'),
    author: doc('Autor/in', 'Wer die Änderung vorgenommen hat.'),
    changes: doc('Änderungen', 'Was sich geändert hat.'),
  },
};

function doc(title: string, description: string): FieldDoc {
  return { title, description };
}

/** The name of a schema definition (`plan`, `scenario`, …) by the identity of its properties. */
const definitionsByProperties: ReadonlyMap<object, string> = (() => {
  const byProperties = new Map<object, string>([[planSchema.properties, 'root']]);
  for (const [name, definition] of Object.entries(planSchema.definitions as Record<string, SchemaNode>)) {
    if (definition.properties) byProperties.set(definition.properties, name);
  }
  return byProperties;
})();

/**
 * The schema definition of the mapping at a path (`root`, `plan`, `scenario`, `recoveryStep`, …),
 * or undefined where the path names no mapping. `resolveSchema` copies nodes but keeps their
 * `properties` objects, so these identify the definition.
 */
export function definitionAt(path: readonly (string | number)[]): string | undefined {
  const properties = schemaAt(path)?.properties;
  return properties ? definitionsByProperties.get(properties) : undefined;
}

/** The title and description of `key` in the mapping at `path`, in the locale. */
export function fieldDoc(path: readonly (string | number)[], key: string, locale: Locale): FieldDoc | undefined {
  const definition = definitionAt(path);
  if (definition === undefined) return undefined;
  if (locale === 'de') return GERMAN[definition]?.[key];
  const schema = resolveSchema(schemaAt(path)?.properties?.[key]);
  if (!schema) return undefined;
  return { title: schema.title ?? key, description: schema.description ?? '' };
}

/** Every (definition, key) with a German text, for the test that keeps them in step with the schema. */
export function germanFieldDocKeys(): readonly string[] {
  return Object.entries(GERMAN).flatMap(([definition, keys]) => Object.keys(keys).map((key) => `${definition}.${key}`));
}
