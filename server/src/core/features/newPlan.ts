import { CATEGORIES, scenarioTypesOf, type Localized } from '../catalog';
import { isoDay } from '../date';
import type { Locale } from '../types';
import { DEFAULT_LAYOUT } from '../yaml/layout';
import { blockEntryLines, blockItemLines, empty, entry, list, mapping, text, verbatim, type YamlEntry } from '../yaml/write';
import { catalogScenario } from './scenarioSkeleton';

/**
 * The text of a new plan (command "DR-Plan: Neuen Plan anlegen"): every scenario type of the
 * catalog as a scenario with the catalog's suggested prevention and recovery steps, and the
 * emergency organisation a Notfallhandbuch needs: the IT lead with a deputy, the data protection
 * officer, who may declare an emergency, two levels of escalation, a distribution list. Each
 * scenario starts at the level Notfall; the author moves the minor ones to Störung.
 *
 * What only the author can know (organisation, system, names, the backup job, recovery time,
 * RTO and RPO, by when each level is notified, the Notbetrieb) is left empty with a hint in a
 * comment, never filled with an invented value: a plan with made-up RTOs must not pass the
 * check. So the check of a fresh plan is its to-do list, and once those values are filled in, it
 * is clean apart from `untested` (no exercise has measured a recovery yet, which is simply true
 * of a new plan). It is a draft: an approval is added when it is approved (approval-missing).
 *
 * Values are German, the language of the plan document; comments follow `locale`.
 */
export function newPlanText(locale: Locale, today: Date): string {
  const t = (message: Localized) => message[locale];
  const write = (entries: readonly YamlEntry[]) => blockEntryLines(entries, 0, DEFAULT_LAYOUT, { commentColumn: COMMENT_COLUMN });
  const lines: string[] = [
    `# ${t(HINTS.header1)}`,
    `# ${t(HINTS.header2)}`,
    ...write([entry('drplan', verbatim('"1"'))]),
    '',
    ...write([
      entry(
        'plan',
        mapping([
          entry('title', text('Notfallplan')),
          entry('organisation', empty, t(HINTS.organisation)),
          entry('system', empty, t(HINTS.system)),
          entry('version', verbatim('"0.1"')),
          entry('status', text('draft'), t(HINTS.status)),
          entry('review_interval', text('12 Monate')),
          entry('owner', text(CONTACT_ID)),
          entry('classification', text('internal'), t(HINTS.classification)),
          entry('distribution', list([text('IT-Leitung und Stellvertretung')])),
        ]),
      ),
    ]),
    '',
    ...write([
      entry(
        'contacts',
        list([
          mapping([
            entry('id', text(CONTACT_ID)),
            entry('name', empty, t(HINTS.contactName)),
            entry('role', text('IT-Leitung')),
            entry('function', text('it-lead')),
            entry('deputy', text(DEPUTY_ID)),
          ]),
          mapping([entry('id', text(DEPUTY_ID)), entry('name', empty, t(HINTS.deputyName)), entry('role', text('Stellvertretende IT-Leitung')), entry('function', text('it-lead'))]),
          mapping([entry('id', text(DPO_ID)), entry('name', empty, t(HINTS.dpoName)), entry('role', text('Datenschutzbeauftragte/r')), entry('function', text('dpo'))]),
        ]),
      ),
    ]),
    '',
    ...write([
      entry(
        'alerting',
        mapping([
          entry('declared_by', verbatim(`[${CONTACT_ID}]`), t(HINTS.declaredBy)),
          entry(
            'levels',
            list(
              LEVELS.map((level) =>
                mapping([
                  entry('id', text(level.id)),
                  entry('name', text(level.name)),
                  entry('criteria', text(level.criteria)),
                  entry('notify', verbatim(`[${level.notify.join(', ')}]`)),
                  entry('within', empty, t(level.within)),
                ]),
              ),
            ),
          ),
        ]),
      ),
    ]),
    '',
    ...measurementLines(write, t),
    '',
    `# ${t(HINTS.components)}`,
    ...write([entry('components', list(COMPONENTS.map((component) => mapping(componentEntries(component, t)))))]),
    '',
    ...write([
      entry(
        'backups',
        list([
          mapping([
            entry('id', text(BACKUP_ID)),
            entry('what', empty, t(HINTS.backupWhat)),
            entry('method', empty, t(HINTS.backupMethod)),
            entry('interval', empty, t(HINTS.backupInterval)),
            entry('stored_on', text(BACKUP_STORAGE), t(HINTS.storedOn)),
            entry('last_restore_test', empty, t(HINTS.lastRestoreTest)),
          ]),
        ]),
      ),
    ]),
    '',
    'scenarios:',
  ];
  const hints = { recoveryTime: t(HINTS.recoveryTime), rto: t(HINTS.rto), rpo: t(HINTS.rpo), emergencyOperation: t(HINTS.emergencyOperation) };
  const itemColumn = DEFAULT_LAYOUT.sequenceIndent;
  for (const category of CATEGORIES) {
    lines.push(`${' '.repeat(itemColumn)}# ${t(category.label)}`);
    for (const type of scenarioTypesOf(category.id)) {
      // Scenarios that can lose data need a backup (rpo-without-backup); the one job above is
      // where the author starts, and splits it up where the data differ.
      const scenario = catalogScenario(type, {
        id: text(type.id),
        recoveryTime: empty,
        rto: empty,
        rpo: empty,
        ...(type.losesData ? { backup: text(BACKUP_ID) } : {}),
        ...(AFFECTED[type.id] ? { affects: verbatim(`[${AFFECTED[type.id]}]`) } : {}),
        escalation: text(EMERGENCY_LEVEL),
        emergencyOperation: empty,
        hints,
      });
      lines.push(...blockItemLines(mapping(scenario), itemColumn, DEFAULT_LAYOUT, { commentColumn: COMMENT_COLUMN }), '');
    }
  }
  const firstVersion = mapping([entry('version', verbatim('"0.1"')), entry('date', verbatim(isoDay(today, 'local'))), entry('changes', text('Plan angelegt'))]);
  lines.push(...write([entry('history', list([firstVersion]))]), '');
  return lines.join('\n');
}

/**
 * How availability is measured: one measurement to start from, with its monitoring query as a
 * commented example (a query drplan cannot know; `drplan measure` evaluates it). No target and no
 * results: a target without measured results would be a claim (availability-unproven).
 */
function measurementLines(write: (entries: readonly YamlEntry[]) => string[], t: (message: Localized) => string): string[] {
  const lines = write([
    entry(
      'availability',
      mapping([
        entry(
          'measurements',
          list([
            mapping([
              entry('id', text('erreichbarkeit')),
              entry('what', empty, t(HINTS.measurementWhat)),
              entry('interval', text('1 min')),
              entry('alert', text(CONTACT_ID)),
            ]),
          ]),
        ),
      ]),
    ),
  ]);
  const indent = /^\s*/.exec(lines[lines.length - 1] ?? '')?.[0] ?? '';
  return [...lines, `${indent}# ${t(HINTS.query)}`, `${indent}# query: probe_success{instance="https://intranet.example.org"}`];
}

const CONTACT_ID = 'it-leitung';
const DEPUTY_ID = 'stv-it-leitung';
const DPO_ID = 'datenschutz';
const EMERGENCY_LEVEL = 'notfall';

/** Two levels of escalation, German as the document; by when each notifies is the author's to say. */
const LEVELS: readonly { id: string; name: string; criteria: string; notify: readonly string[]; within: Localized }[] = [
  {
    id: 'stoerung',
    name: 'Störung',
    criteria: 'Einzelne Funktion gestört, Wiederherstellung im Regelbetrieb möglich',
    notify: [CONTACT_ID],
    within: { de: 'bis wann benachrichtigt wird, z. B. 30 min', en: 'by when they are notified, e.g. 30 min' },
  },
  {
    id: EMERGENCY_LEVEL,
    name: 'Notfall',
    criteria: 'System länger als die RTO nicht verfügbar, oder Daten verloren',
    notify: [CONTACT_ID, DEPUTY_ID, DPO_ID],
    within: { de: 'z. B. 1h', en: 'e.g. 1h' },
  },
];
const BACKUP_ID = 'backup';
const BACKUP_STORAGE = 'backup-speicher';

/**
 * The components a careful author starts from: where things stand (`in`), what needs what
 * (`depends_on`), and a backup storage outside the rack, so that the backup survives a storage or
 * rack failure (backup-affected). Generic German names, to be replaced by the real ones.
 */
interface TemplateComponent {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly in?: string;
  readonly dependsOn?: readonly string[];
  readonly hint?: Localized;
}

const COMPONENTS: readonly TemplateComponent[] = [
  { id: 'rechenzentrum', kind: 'site', name: 'Rechenzentrum' },
  { id: 'rack', kind: 'server-rack', name: 'Server-Rack', in: 'rechenzentrum' },
  { id: 'storage', kind: 'storage-server', name: 'Storage-Server', in: 'rack' },
  { id: 'server', kind: 'vm-host', name: 'Server', in: 'rack', dependsOn: ['storage'] },
  {
    id: BACKUP_STORAGE,
    kind: 'backup-storage',
    name: 'Backup-Speicher',
    in: 'rechenzentrum',
    hint: { de: 'außerhalb des Racks, besser an einem zweiten Standort', en: 'outside the rack, better at a second site' },
  },
];

/** The components each catalog scenario takes down, where the template has them. */
const AFFECTED: Readonly<Record<string, string>> = {
  'vm-server': 'server',
  'storage-server': 'storage',
  'server-rack': 'rack',
};

function componentEntries(component: TemplateComponent, t: (message: Localized) => string): YamlEntry[] {
  const entries = [entry('id', text(component.id)), entry('kind', text(component.kind)), entry('name', text(component.name), component.hint && t(component.hint))];
  if (component.in) entries.push(entry('in', text(component.in)));
  if (component.dependsOn) entries.push(entry('depends_on', verbatim(`[${component.dependsOn.join(', ')}]`)));
  return entries;
}

/** Column at which hint comments start, so that they line up under each other. */
const COMMENT_COLUMN = 28;

const HINTS = {
  header1: {
    de: 'Notfallplan (DR-Plan) mit allen Szenarien des Katalogs und den vorgeschlagenen Maßnahmen.',
    en: 'DR plan (Notfallplan) with every scenario of the catalog and its suggested steps.',
  },
  header2: {
    de: 'Leere Werte ausfüllen, Maßnahmen anpassen: Die Prüfung (Ansicht „Probleme“) zeigt, was noch fehlt.',
    en: 'Fill in the empty values and adapt the steps: the check (Problems view) lists what is still missing.',
  },
  organisation: { de: 'Name der Organisation', en: 'name of the organisation' },
  system: { de: 'das System, für das der Plan gilt', en: 'the system this plan is for' },
  status: { de: 'draft (Entwurf); approved (Freigegeben) mit einer Freigabe unter approvals', en: 'draft; approved with an approval under approvals' },
  classification: {
    de: 'public (öffentlich), internal (intern) oder confidential (vertraulich)',
    en: 'public, internal or confidential',
  },
  contactName: { de: 'wer den Plan verantwortet', en: 'who is responsible for the plan' },
  deputyName: { de: 'wer die IT-Leitung vertritt', en: 'who stands in for the IT lead' },
  dpoName: { de: 'Datenschutzbeauftragte/r (Datenpanne: Meldung binnen 72 Stunden)', en: 'data protection officer (data breach: notify within 72 hours)' },
  declaredBy: { de: 'wer den Notfall ausrufen darf', en: 'who may declare an emergency' },
  emergencyOperation: { de: 'Notbetrieb: wie die Arbeit ohne das System weitergeht', en: 'emergency operation: how work goes on without the system' },
  backupWhat: { de: 'was gesichert wird, z. B. ZODB und Blobs', en: 'what is backed up, e.g. ZODB and blobs' },
  backupMethod: {
    de: 'z. B. volume-snapshot, repozo, relstorage-dump, file-copy, database-dump',
    en: 'e.g. volume-snapshot, repozo, relstorage-dump, file-copy, database-dump',
  },
  backupInterval: { de: 'Abstand zweier Sicherungen, z. B. 4h oder 1 Tag', en: 'time between two backups, e.g. 4h or 1 day' },
  storedOn: { de: 'die Komponente, auf der die Sicherung liegt', en: 'the component that holds the backup' },
  lastRestoreTest: { de: 'Datum des letzten Wiederherstellungstests, JJJJ-MM-TT', en: 'date of the last restore test, YYYY-MM-DD' },
  components: {
    de: 'Komponenten: wo sie stehen (in) und wovon sie abhängen (depends_on); an die eigene Infrastruktur anpassen.',
    en: 'Components: where they stand (in) and what they depend on (depends_on); adapt them to your infrastructure.',
  },
  measurementWhat: { de: 'was überwacht wird, z. B. HTTP-Check der Startseite', en: 'what is watched, e.g. an HTTP check of the start page' },
  query: {
    de: 'Mit einer Monitoring-Abfrage (1 = verfügbar, 0 = ausgefallen) misst „drplan measure“ die Verfügbarkeit, z. B.:',
    en: "With a monitoring query (1 = up, 0 = down), 'drplan measure' measures the availability, e.g.:",
  },
  recoveryTime: { de: 'Zeit bis zur Wiederherstellung, z. B. 4h', en: 'time the recovery takes, e.g. 4h' },
  rto: { de: 'RTO: maximal zulässige Ausfallzeit, z. B. 8h', en: 'RTO: maximal tolerable downtime, e.g. 8h' },
  rpo: { de: 'RPO: maximal zulässiger Datenverlust, z. B. 4h oder 0', en: 'RPO: maximal tolerable data loss, e.g. 4h or 0' },
} as const satisfies Record<string, Localized>;
