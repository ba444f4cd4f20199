import type { YAMLMap } from 'yaml';
import type { Analysis } from '../analysis';
import {
  CATEGORIES,
  COMPONENT_KINDS,
  DATABASE_STRATEGIES,
  categoryById,
  componentKindById,
  enumEntryById,
  scenarioTypeById,
  type Category,
  type EnumName,
  type ScenarioType,
} from '../catalog';
import { formatDate, todayInDays } from '../date';
import { DURATION, formatDuration } from '../duration';
import type { BackupModel, ContactModel, DateField, DurationField, ScenarioModel } from '../model/plan';
import type { PlanDiagnostic } from '../types';
import { latestExercise, reviewIntervalOf } from '../model/queries';
import { PlanReader } from './reader';
import { GLOSSARY, LABELS, SEED, SEVERITY_LABELS } from './texts';
import {
  emphasis,
  link,
  strong,
  text,
  type Block,
  type DocumentMeta,
  type Fields,
  type Heading,
  type Inline,
  type PlanDocument,
  type Section,
  type Table,
  type TableColumn,
  type TableRow,
} from './tree';

export interface BuildOptions {
  /** The day the document is made (shown as "Erstellt am"); default: today. */
  readonly today?: Date;
  /** The document is German whatever the editor's language (format.md). */
  readonly locale?: 'de';
}

/**
 * The German plan document of one analysed plan. Works on any analysis, also of broken or
 * half-written plans: what is missing is left out or marked, never thrown.
 */
export function buildDocument(analysis: Analysis, options: BuildOptions = {}): PlanDocument {
  try {
    return new DocumentBuilder(analysis, options).build();
  } catch (error) {
    // A safety net for a bug in the builder: the author still sees why nothing rendered.
    return failedDocument(error, options);
  }
}

/** A finding as the document shows it: German message, 1-based line. */
interface OpenPoint {
  readonly severity: 1 | 2 | 3 | 4;
  readonly line: number;
  readonly code: string;
  readonly message: string;
  readonly start: number;
}

interface ScenarioInfo {
  readonly model: ScenarioModel;
  readonly node: YAMLMap;
  readonly headingId: string;
  readonly title: string;
  readonly category: Category | undefined;
  readonly type: ScenarioType | undefined;
  /** Errors and warnings inside the scenario: they make its status ✗. */
  readonly problems: readonly OpenPoint[];
  readonly line: number;
}

interface ContactInfo {
  readonly id: string | undefined;
  readonly name: string;
  readonly role: string | undefined;
  readonly phone: string | undefined;
  readonly email: string | undefined;
  readonly availability: string | undefined;
  readonly line: number;
}

class DocumentBuilder {
  private readonly read: PlanReader;
  private readonly root: YAMLMap | undefined;
  private readonly planNode: YAMLMap | undefined;
  private readonly ids = new Set<string>();
  private readonly numbers: number[] = [0, 0, 0];
  private readonly contacts: ContactInfo[];
  private readonly contactsById = new Map<string, ContactInfo>();
  private readonly openPoints: OpenPoint[];
  private readonly scenarios: ScenarioInfo[];
  private readonly hasErrors: boolean;
  private readonly draft: boolean;

  constructor(
    private readonly analysis: Analysis,
    private readonly options: BuildOptions,
  ) {
    this.read = new PlanReader(analysis.yaml);
    this.root = this.read.root();
    this.planNode = this.read.map(this.root, 'plan');
    this.contacts = analysis.model.contacts.map((contact) => this.contactInfo(contact));
    for (const contact of this.contacts) {
      if (contact.id !== undefined && !this.contactsById.has(contact.id)) this.contactsById.set(contact.id, contact);
    }
    this.openPoints = this.collectOpenPoints(analysis.diagnostics('de'));
    this.hasErrors = this.openPoints.some((point) => point.severity === 1);
    this.draft = analysis.model.plan?.status?.value === 'draft';
    this.scenarios = this.collectScenarios();
  }

  build(): PlanDocument {
    const chapters = [
      this.scope(),
      this.availabilityControl(),
      this.zodb(),
      this.measurements(),
      this.backupPlan(),
      this.drPlan(),
      this.contactsChapter(),
      this.history(),
      this.glossary(),
      this.openPointsChapter(),
    ].filter((chapter): chapter is Section => chapter !== undefined);
    return {
      kind: 'document',
      meta: this.meta(),
      blocks: [this.cover(), this.contents(), ...chapters, this.emergencyCard()],
    };
  }

  // ── metadata and cover ────────────────────────────────────────────────────────────────

  private get title(): string {
    return this.analysis.model.plan?.title?.value.trim() || LABELS.untitled;
  }

  private meta(): DocumentMeta {
    const organisation = this.read.text(this.planNode, 'organisation');
    const system = this.read.text(this.planNode, 'system');
    const owner = this.ownerContact();
    const about = [system, organisation].filter((part): part is string => part !== undefined).join(', ');
    return {
      title: this.title,
      subject: about ? `${LABELS.subtitle}: ${about}` : LABELS.subtitle,
      author: owner?.name ?? organisation ?? '',
      keywords: ['Notfallplan', 'Disaster-Recovery-Plan', 'Verfügbarkeitskontrolle', 'Art. 32 DSGVO', 'BSI-Standard 200-4'],
      version: this.read.text(this.planNode, 'version') ?? '',
      classification: this.enumLabel('classification', this.read.text(this.planNode, 'classification')) ?? '',
      language: 'de-DE',
      watermark: this.draft || this.hasErrors ? LABELS.watermark : undefined,
      generated: formatDate(todayInDays(this.options.today), 'de'),
    };
  }

  private cover(): Section {
    const plan = this.analysis.model.plan;
    const node = this.planNode;
    const owner = this.ownerContact();
    const reviewDue =
      plan?.lastReview?.day !== undefined
        ? formatDate(Math.floor(plan.lastReview.day + reviewIntervalOf(this.analysis.model) / DURATION.DAY), 'de')
        : undefined;
    const status = this.read.text(node, 'status');
    const items: { label: string; value: Inline[] }[] = [
      { label: 'Organisation', value: this.orMissing(this.read.text(node, 'organisation')) },
      { label: 'System', value: this.orMissing(this.read.text(node, 'system')) },
      { label: 'Version', value: this.orMissing(this.read.text(node, 'version')) },
      { label: 'Status', value: this.orMissing(this.enumLabel('planStatus', status) ?? status) },
      { label: 'Gültig ab', value: this.dateValue(plan?.validFrom) },
      { label: 'Stand (letzte Überprüfung)', value: this.dateValue(plan?.lastReview) },
    ];
    if (reviewDue) items.push({ label: 'Nächste Überprüfung', value: [text(reviewDue)] });
    items.push(
      {
        label: 'Verantwortlich',
        value: owner ? [text(owner.role ? `${owner.name} (${owner.role})` : owner.name)] : this.orMissing(plan?.owner?.value),
      },
      {
        label: 'Klassifizierung',
        value: this.orMissing(this.enumLabel('classification', this.read.text(node, 'classification')) ?? this.read.text(node, 'classification')),
      },
    );
    const children: Block[] = [
      { kind: 'title', text: this.title, subtitle: LABELS.subtitle, sourceLine: this.lineOf(node) },
      { kind: 'fields', items, sourceLine: this.lineOf(node) },
    ];
    const state = this.stateNote();
    if (state) children.push(state);
    children.push({ kind: 'paragraph', style: 'small', content: [text(`Erstellt am ${formatDate(todayInDays(this.options.today), 'de')} aus der Plandatei mit drplan.`)] });
    return { kind: 'section', role: 'cover', id: this.uniqueId('deckblatt'), children };
  }

  /** Says on the cover that the plan is a draft or has errors, and where to read why. */
  private stateNote(): Block | undefined {
    if (!this.draft && !this.hasErrors) return undefined;
    const errors = this.openPoints.filter((point) => point.severity === 1).length;
    const warnings = this.openPoints.filter((point) => point.severity === 2).length;
    const content: Inline[] = [];
    if (this.draft) content.push(text('Dieser Plan ist als Entwurf gekennzeichnet und noch nicht freigegeben. '));
    if (errors > 0) {
      content.push(
        text(`Die Prüfung hat ${count(errors, 'Fehler', 'Fehler')}${warnings > 0 ? ` und ${count(warnings, 'Warnung', 'Warnungen')}` : ''} gefunden; `),
        link('offene-punkte', text('siehe Offene Punkte')),
        text('.'),
      );
    }
    return { kind: 'note', tone: errors > 0 ? 'error' : 'warning', title: 'Entwurf', content: [{ kind: 'paragraph', content }] };
  }

  private contents(): Section {
    return { kind: 'section', role: 'contents', id: this.uniqueId('inhalt'), children: [{ kind: 'toc', title: 'Inhaltsverzeichnis' }] };
  }

  // ── chapters ──────────────────────────────────────────────────────────────────────────

  private scope(): Section | undefined {
    const scope = this.read.text(this.planNode, 'scope');
    if (!scope) return undefined;
    const line = this.read.keyLine(this.planNode, 'scope');
    return this.chapter('geltungsbereich', 'Geltungsbereich', line, [{ kind: 'paragraph', content: [text(scope)], sourceLine: line }]);
  }

  private availabilityControl(): Section {
    const line = this.read.keyLine(this.root, 'components');
    const blocks: Block[] = SEED.availabilityControl.map((sentence) => ({ kind: 'paragraph', content: [text(sentence)] }));
    const components = this.analysis.model.components;
    if (components.length === 0) {
      blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Komponenten.'))] });
    } else {
      blocks.push({ kind: 'paragraph', content: [text('In diesem System sind folgende Komponenten eingesetzt, nach ihrer Art geordnet:')] });
      // Catalog order first, then kinds the catalog does not know, then components without a kind.
      const order = new Map<string, number>(COMPONENT_KINDS.map((kind, index) => [kind.id, index]));
      const groups = new Map<string, typeof components[number][]>();
      for (const component of components) {
        const kind = component.kind?.value ?? '';
        if (!groups.has(kind)) groups.set(kind, []);
        groups.get(kind)?.push(component);
      }
      const kinds = [...groups.keys()].sort((a, b) => (order.get(a) ?? (a === '' ? 2000 : 1000)) - (order.get(b) ?? (b === '' ? 2000 : 1000)));
      const rows: TableRow[] = [];
      for (const kind of kinds) {
        const members = groups.get(kind) ?? [];
        rows.push({ kind: 'group', text: kind === '' ? 'Ohne Angabe der Art' : (componentKindById(kind)?.label.de ?? kind), sourceLine: this.lineOf(members[0]?.node) });
        for (const component of members) {
          const name = this.read.text(component.node, 'name') ?? component.id?.value ?? LABELS.missing;
          rows.push({
            kind: 'row',
            sourceLine: this.lineOf(component.node),
            cells: [
              [text(name)],
              this.cell(this.read.text(component.node, 'location')),
              this.cell(this.read.text(component.node, 'redundancy')),
              this.cell(this.read.text(component.node, 'notes')),
            ],
          });
        }
      }
      blocks.push(this.table([col('Komponente', 3), col('Standort', 2), col('Redundanz', 2), col('Anmerkungen', 2)], rows, 'normal', line));
    }
    return this.chapter('verfuegbarkeitskontrolle', 'Verfügbarkeitskontrolle', line, blocks);
  }

  private zodb(): Section | undefined {
    const availability = this.read.map(this.root, 'availability');
    const database = this.read.map(availability, 'database');
    const balancing = this.read.map(availability, 'load_balancing');
    if (!database && !balancing) return undefined;
    const line = this.read.keyLine(availability, database ? 'database' : 'load_balancing');
    const blocks: Block[] = [];
    const chapter = this.heading(1, 'zodb-zeo', 'Betrieb der ZODB/ZEO', line);
    if (database) {
      const dbLine = this.read.keyLine(availability, 'database');
      const strategy = this.read.text(database, 'strategy');
      const chosen = strategy ? enumEntryById('databaseStrategy', strategy) : undefined;
      blocks.push(this.heading(2, 'zodb-datenbank', 'Datenbank (ZODB)', dbLine));
      blocks.push({
        kind: 'fields',
        sourceLine: dbLine,
        items: [{ label: 'Gewählte Strategie', value: this.orMissing(chosen?.label.de ?? strategy) }],
      });
      if (chosen) blocks.push({ kind: 'paragraph', content: [text(chosen.explanation.de)] });
      const notes = this.read.text(database, 'notes');
      if (notes) blocks.push({ kind: 'paragraph', content: [strong(text('Anmerkungen: ')), text(notes)], sourceLine: this.read.keyLine(database, 'notes') });
      // The seed weighs the options against each other; the auditor sees the choice among them.
      const options = DATABASE_STRATEGIES.filter((entry) => entry.id !== 'none');
      blocks.push({ kind: 'paragraph', style: 'label', content: [text('Verfahren im Vergleich')] });
      blocks.push(
        this.table(
          [col('Verfahren', 2), col('Bewertung', 6)],
          options.map((entry) => ({
            kind: 'row',
            cells: [entry.id === chosen?.id ? [strong(text(`${entry.label.de} (gewählt)`))] : [text(entry.label.de)], [text(entry.explanation.de)]],
          })),
          'normal',
          dbLine,
        ),
      );
    }
    if (balancing) {
      const lbLine = this.read.keyLine(availability, 'load_balancing');
      const method = this.read.text(balancing, 'method');
      const chosen = method ? enumEntryById('loadBalancingMethod', method) : undefined;
      const clients = this.read.number(balancing, 'clients');
      blocks.push(this.heading(2, 'zodb-load-balancing', 'Load-Balancing', lbLine));
      const items: Fields['items'][number][] = [{ label: 'Verfahren', value: this.orMissing(chosen?.label.de ?? method) }];
      if (clients !== undefined) items.push({ label: 'ZEO-Clients', value: [text(String(clients))] });
      blocks.push({ kind: 'fields', items, sourceLine: lbLine });
      if (chosen) blocks.push({ kind: 'paragraph', content: [text(chosen.explanation.de)] });
      const notes = this.read.text(balancing, 'notes');
      if (notes) blocks.push({ kind: 'paragraph', content: [strong(text('Anmerkungen: ')), text(notes)], sourceLine: this.read.keyLine(balancing, 'notes') });
    }
    return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, sourceLine: line, children: [chapter, ...blocks] };
  }

  private measurements(): Section | undefined {
    const availability = this.read.map(this.root, 'availability');
    const target = this.analysis.model.availability?.target?.value;
    const measurements = this.analysis.model.availability?.measurements ?? [];
    if (target === undefined && measurements.length === 0) return undefined;
    const line = this.read.keyLine(this.root, 'availability');
    const blocks: Block[] = [{ kind: 'paragraph', content: [text(SEED.measurements)] }];
    if (target !== undefined && target > 0 && target <= 100) {
      const yearly = ((100 - target) / 100) * DURATION.YEAR;
      const monthly = ((100 - target) / 100) * DURATION.MONTH;
      blocks.push({
        kind: 'fields',
        sourceLine: this.read.keyLine(availability, 'target'),
        items: [
          { label: 'Verfügbarkeitsziel', value: [text(`${germanNumber(target)} %`)] },
          { label: 'Zulässige Ausfallzeit pro Jahr', value: [text(formatDuration(roundMinutes(yearly), 'de'))] },
          { label: 'Zulässige Ausfallzeit pro Monat', value: [text(formatDuration(roundMinutes(monthly), 'de'))] },
        ],
      });
      blocks.push({
        kind: 'paragraph',
        style: 'small',
        content: [text('Die zulässige Ausfallzeit ist (100 % − Verfügbarkeitsziel) × 365 Tage bzw. × 30 Tage. Keine RTO eines Szenarios sollte sie überschreiten.')],
      });
    } else if (target !== undefined) {
      blocks.push({ kind: 'fields', items: [{ label: 'Verfügbarkeitsziel', value: [text(`${germanNumber(target)} %`), emphasis(text(` (${LABELS.invalid})`))] }] });
    }
    if (measurements.length > 0) {
      blocks.push({ kind: 'paragraph', style: 'label', content: [text('Messungen')] });
      blocks.push(
        this.table(
          [col('Messung', 4), col('Werkzeug', 3), short('Intervall', 2), col('Alarmierung', 3)],
          measurements.map((measurement) => ({
            kind: 'row',
            sourceLine: this.lineOf(measurement.node),
            cells: [
              this.cell(this.read.text(measurement.node, 'what') ?? measurement.id?.value),
              this.cell(this.read.text(measurement.node, 'tool')),
              this.durationValue(measurement.interval),
              this.cell(this.contactLabel(measurement.alert?.value)),
            ],
          })),
          'normal',
          this.read.keyLine(availability, 'measurements'),
        ),
      );
    } else {
      blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Verfügbarkeitsmessungen.'))] });
    }
    return this.chapter('verfuegbarkeitsmessungen', 'Verfügbarkeitsmessungen', line, blocks);
  }

  private backupPlan(): Section | undefined {
    const backups = this.analysis.model.backups;
    const line = this.read.keyLine(this.root, 'backups');
    const blocks: Block[] = [{ kind: 'paragraph', content: [text(SEED.backupPlan)] }];
    if (backups.length === 0) {
      blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Sicherungen.'))] });
      return this.chapter('backup-plan', 'Backup-Plan', line, blocks);
    }
    blocks.push(
      this.table(
        [
          col('Sicherung', 2),
          col('Was', 3),
          col('Methode', 2.4),
          short('Intervall', 1.6),
          short('Aufbe\u00ADwahrung', 1.9),
          col('Ort', 2.4),
          col('Offsite', 1.3, 'center'),
          short('Letzter Wiederher\u00ADstellungs\u00ADtest', 2.2),
        ],
        backups.map((backup) => {
          const offsite = this.read.flag(backup.node, 'offsite');
          return {
            kind: 'row',
            sourceLine: this.lineOf(backup.node),
            cells: [
              this.cell(backup.id?.value),
              this.cell(this.read.text(backup.node, 'what')),
              this.cell(this.methodLabel(backup)),
              this.durationValue(backup.interval),
              this.durationValue(backup.retention),
              this.cell(this.read.text(backup.node, 'location')),
              [text(offsite === undefined ? LABELS.none : offsite ? LABELS.yes : LABELS.no)],
              this.dateValue(backup.lastRestoreTest, LABELS.none),
            ],
          };
        }),
        'compact',
        line,
      ),
    );
    const methods = [...new Set(backups.map((backup) => this.read.text(backup.node, 'method')))]
      .map((method) => (method ? enumEntryById('backupMethod', method) : undefined))
      .filter((entry) => entry !== undefined);
    if (methods.length > 0) {
      blocks.push({ kind: 'paragraph', style: 'label', content: [text('Die Methoden')] });
      blocks.push({
        kind: 'list',
        ordered: false,
        items: methods.map((entry) => ({ content: [strong(text(`${entry.label.de}: `)), text(entry.explanation.de)] })),
      });
    }
    return this.chapter('backup-plan', 'Backup-Plan', line, blocks);
  }

  private drPlan(): Section {
    const line = this.read.keyLine(this.root, 'scenarios');
    const chapter = this.heading(1, 'dr-plan', 'Disaster-Recovery-Plan', line);
    const blocks: Block[] = [chapter, { kind: 'paragraph', content: [text(SEED.drPlan)] }];
    if (this.scenarios.length === 0) {
      blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan beschreibt noch keine Szenarien.'))] });
      return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, newPage: true, sourceLine: line, children: blocks };
    }
    blocks.push(this.heading(2, 'szenarien-uebersicht', 'Übersicht der Szenarien', line));
    blocks.push(this.overviewMatrix(line));
    blocks.push(
      { kind: 'paragraph', style: 'small', content: [{ kind: 'status', ok: true, label: LABELS.statusOk }, text(` ${LABELS.statusOk}.`)] },
      {
        kind: 'paragraph',
        style: 'small',
        content: [
          { kind: 'status', ok: false, label: LABELS.statusFailed },
          text(` ${LABELS.statusFailed}, z. B. Wiederherstellungszeit über der RTO, RPO durch die Sicherung nicht erreichbar, RTA über der RTO. Eine RTA „${LABELS.unknownRta}“: noch nicht geübt.`),
        ],
      },
    );
    for (const group of this.scenarioGroups()) {
      const categoryId = group.category ? `kategorie-${group.category.id}` : 'kategorie-sonstige';
      const label = group.category?.label.de ?? 'Weitere Szenarien';
      blocks.push(this.heading(2, categoryId, label, group.scenarios[0]?.line));
      if (group.category) blocks.push({ kind: 'paragraph', content: [text(group.category.explanation.de)] });
      for (const scenario of group.scenarios) blocks.push(...this.scenarioBlocks(scenario));
    }
    return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, newPage: true, sourceLine: line, children: blocks };
  }

  private overviewMatrix(line: number | undefined): Table {
    const rows: TableRow[] = [];
    for (const group of this.scenarioGroups()) {
      for (const scenario of group.scenarios) {
        const rta = latestExercise(scenario.model, (exercise) => exercise.recoveryTime?.minutes !== undefined)?.recoveryTime;
        const ok = scenario.problems.length === 0;
        rows.push({
          kind: 'row',
          sourceLine: scenario.line,
          cells: [
            [text(group.category?.label.de ?? scenario.model.category?.value ?? LABELS.none)],
            [link(scenario.headingId, text(scenario.title))],
            this.durationValue(scenario.model.recoveryTime),
            this.durationValue(scenario.model.rto),
            this.durationValue(scenario.model.rpo),
            this.durationValue(scenario.model.mtpd),
            rta ? this.durationValue(rta) : [text(LABELS.unknownRta)],
            [{ kind: 'status', ok, label: ok ? LABELS.statusOk : LABELS.statusFailed }],
          ],
        });
      }
    }
    return this.table(
      [
        col('Kategorie', 2.2),
        col('Szenario', 3.7),
        short('Wiederher\u00ADstellungs\u00ADzeit', 2.6),
        short('RTO', 1.5),
        short('RPO', 1.5),
        short('MTPD', 1.5),
        short('letzte RTA', 1.6),
        col('Status', 1.2, 'center'),
      ],
      rows,
      'compact',
      line,
    );
  }

  private scenarioBlocks(scenario: ScenarioInfo): Block[] {
    const { model, node } = scenario;
    const blocks: Block[] = [this.headingWithId(3, scenario.headingId, scenario.title, scenario.line)];
    const description = this.read.text(node, 'description');
    if (description) blocks.push({ kind: 'paragraph', content: [text(description)], sourceLine: this.read.keyLine(node, 'description') });
    if (scenario.problems.length > 0) {
      blocks.push({
        kind: 'note',
        tone: scenario.problems.some((problem) => problem.severity === 1) ? 'error' : 'warning',
        title: 'Befund der Prüfung',
        sourceLine: scenario.problems[0]?.line === undefined ? undefined : scenario.problems[0].line - 1,
        content: [
          {
            kind: 'list',
            ordered: false,
            items: scenario.problems.map((problem) => ({
              content: [text(`${problem.message} `), emphasis(text(`(Zeile ${problem.line}, ${problem.code})`))],
              sourceLine: problem.line - 1,
            })),
          },
        ],
      });
    }

    const items: { label: string; value: Inline[] }[] = [];
    const typeLabel = scenario.type?.label.de ?? model.type?.value;
    if (typeLabel && typeLabel !== scenario.title) items.push({ label: 'Szenario-Typ', value: [text(typeLabel)] });
    items.push(
      { label: 'Wiederherstellungszeit', value: this.durationValue(model.recoveryTime, LABELS.missing) },
      { label: 'RTO (maximal zulässige Ausfallzeit)', value: this.durationValue(model.rto, LABELS.missing) },
      { label: 'RPO (maximal zulässiger Datenverlust)', value: this.durationValue(model.rpo, LABELS.missing) },
    );
    if (model.mtpd) items.push({ label: 'MTPD (maximal tolerierbare Ausfallzeit)', value: this.durationValue(model.mtpd) });
    if (model.responsible) items.push({ label: 'Verantwortlich', value: [text(this.contactLabel(model.responsible.value) ?? LABELS.missing)] });
    if (model.affects.length > 0) {
      const names = model.affects.map((reference) => {
        const component = this.analysis.model.components.find((c) => c.id?.value === reference.value);
        return (component && this.read.text(component.node, 'name')) ?? reference.value;
      });
      items.push({ label: 'Betroffene Komponenten', value: [text(names.join(', '))] });
    }
    if (model.backup) items.push({ label: 'Sicherung', value: this.backupSummary(model.backup.value) });
    blocks.push({ kind: 'fields', items, sourceLine: scenario.line });

    const prevention = this.read.texts(node, 'prevention');
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Prävention')], sourceLine: this.read.keyLine(node, 'prevention') });
    blocks.push(
      prevention.length > 0
        ? { kind: 'list', ordered: false, items: prevention.map((item) => ({ content: [text(item.text)], sourceLine: item.line })) }
        : { kind: 'paragraph', content: [emphasis(text('Keine Handlungen zur Prävention angegeben.'))] },
    );

    const steps = model.recovery.filter((step) => step.step !== undefined);
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Wiederherstellung')], sourceLine: this.read.keyLine(node, 'recovery') });
    blocks.push(
      steps.length > 0
        ? {
            kind: 'list',
            ordered: true,
            items: steps.map((step) => {
              const details = [
                step.duration ? this.durationText(step.duration) : undefined,
                step.responsible ? this.contactLabel(step.responsible.value) : undefined,
              ].filter((detail): detail is string => detail !== undefined);
              const content: Inline[] = [text((step.step?.value ?? '').trim())];
              if (details.length > 0) content.push(emphasis(text(` (${details.join(', ')})`)));
              return { content, sourceLine: this.read.line(step.firstLine.start) };
            }),
          }
        : { kind: 'paragraph', content: [emphasis(text('Keine Handlungen zur Wiederherstellung angegeben.'))] },
    );

    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Übungen')], sourceLine: this.read.keyLine(node, 'exercises') });
    if (model.exercises.length === 0) {
      blocks.push({ kind: 'paragraph', content: [emphasis(text(`Noch nicht geübt: die tatsächliche Wiederherstellungszeit (RTA) ist ${LABELS.unknownRta}.`))] });
    } else {
      blocks.push(
        this.table(
          [short('Datum', 1.6), col('Art', 2), short('RTA', 1.5), short('RPA', 1.5), col('Ergebnis', 1.7), col('Anmerkungen', 4)],
          model.exercises.map((exercise) => {
            const kind = this.read.text(exercise.node, 'kind');
            const result = this.read.text(exercise.node, 'result');
            return {
              kind: 'row',
              sourceLine: this.lineOf(exercise.node),
              cells: [
                this.dateValue(exercise.date, LABELS.none),
                this.cell(this.enumLabel('exerciseKind', kind) ?? kind),
                this.durationValue(exercise.recoveryTime),
                this.durationValue(exercise.dataLoss),
                this.cell(this.enumLabel('exerciseResult', result) ?? result),
                this.cell(this.read.text(exercise.node, 'notes')),
              ],
            };
          }),
          'compact',
          this.read.keyLine(node, 'exercises'),
        ),
      );
    }
    return blocks;
  }

  private backupSummary(id: string): Inline[] {
    const backup = this.analysis.model.backups.find((candidate) => candidate.id?.value === id);
    if (!backup) return [text(id), emphasis(text(' (im Backup-Plan nicht verzeichnet)'))];
    const what = this.read.text(backup.node, 'what');
    const parts = [this.methodLabel(backup), backup.interval ? `alle ${this.durationText(backup.interval)}` : undefined].filter(
      (part): part is string => part !== undefined,
    );
    return [link('backup-plan', text(what ? `${what} (${id})` : id)), text(parts.length > 0 ? `: ${parts.join(', ')}` : '')];
  }

  private contactsChapter(): Section | undefined {
    if (this.contacts.length === 0) return undefined;
    const line = this.read.keyLine(this.root, 'contacts');
    const owner = this.ownerContact();
    const blocks: Block[] = [];
    if (owner) blocks.push({ kind: 'paragraph', content: [text('Verantwortlich für diesen Plan: '), strong(text(owner.name)), text(owner.role ? ` (${owner.role}).` : '.')] });
    blocks.push({
      kind: 'paragraph',
      content: [text('Im Notfall wird zuerst die für das Szenario zuständige Stelle alarmiert; sie informiert die Verantwortliche bzw. den Verantwortlichen des Plans. Die Zuständigkeiten folgen aus den Szenarien und Messungen dieses Plans.')],
    });
    blocks.push(
      this.table(
        [col('Name', 2.8), col('Rolle', 3.2), short('Telefon', 2.8), col('E-Mail', 3.6), col('Erreichbarkeit', 2.2)],
        this.contacts.map((contact) => ({
          kind: 'row',
          sourceLine: contact.line,
          cells: [[strong(text(contact.name))], this.cell(contact.role), this.cell(contact.phone), this.cell(contact.email), this.cell(contact.availability)],
        })),
        'compact',
        line,
      ),
    );
    const duties = this.contacts
      .map((contact) => ({ contact, duties: this.dutiesOf(contact) }))
      .filter((entry): entry is { contact: ContactInfo; duties: string } => entry.duties !== undefined);
    if (duties.length > 0) {
      blocks.push({ kind: 'paragraph', style: 'label', content: [text('Zuständigkeiten')] });
      blocks.push({
        kind: 'list',
        ordered: false,
        items: duties.map(({ contact, duties: what }) => ({ content: [strong(text(`${contact.name}: `)), text(what)], sourceLine: contact.line })),
      });
    }
    return this.chapter('kontakte', 'Kontakte und Eskalation', line, blocks);
  }

  /** What a contact answers for: the plan, scenarios, recovery steps, alerts of measurements. */
  private dutiesOf(contact: ContactInfo): string | undefined {
    if (contact.id === undefined) return undefined;
    const duties: string[] = [];
    if (this.analysis.model.plan?.owner?.value === contact.id) duties.push('Planverantwortung');
    const scenarios = this.scenarios.filter(
      (scenario) =>
        scenario.model.responsible?.value === contact.id || scenario.model.recovery.some((step) => step.responsible?.value === contact.id),
    );
    if (scenarios.length > 0) duties.push(`Szenarien: ${listWithRest(scenarios.map((scenario) => scenario.title))}`);
    const alerts = (this.analysis.model.availability?.measurements ?? []).filter((measurement) => measurement.alert?.value === contact.id);
    if (alerts.length > 0) {
      duties.push(`Alarme: ${listWithRest(alerts.map((measurement) => this.read.text(measurement.node, 'what') ?? measurement.id?.value ?? ''))}`);
    }
    return duties.length > 0 ? duties.join('; ') : undefined;
  }

  private history(): Section | undefined {
    const history = this.analysis.model.history;
    if (history.length === 0) return undefined;
    const line = this.read.keyLine(this.root, 'history');
    return this.chapter('aenderungshistorie', 'Änderungshistorie', line, [
      this.table(
        [short('Version', 1.2), short('Datum', 1.6), col('Autor', 3), col('Änderungen', 7)],
        history.map((entry) => ({
          kind: 'row',
          sourceLine: this.lineOf(entry.node),
          cells: [
            this.cell(this.read.text(entry.node, 'version')),
            this.dateValue(entry.date, LABELS.none),
            this.cell(this.read.text(entry.node, 'author')),
            this.cell(this.read.text(entry.node, 'changes')),
          ],
        })),
        'normal',
        line,
      ),
    ]);
  }

  private glossary(): Section {
    return this.chapter('glossar', 'Glossar', undefined, [
      this.table(
        [col('Begriff', 3), col('Bedeutung', 8)],
        GLOSSARY.map((entry) => ({ kind: 'row', cells: [[strong(text(entry.term))], [text(entry.meaning)]] })),
        'normal',
        undefined,
      ),
    ]);
  }

  private openPointsChapter(): Section | undefined {
    if (this.openPoints.length === 0) return undefined;
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        content: [
          text(
            this.hasErrors
              ? 'Die Prüfung des Plans hat Fehler gefunden. Solange sie nicht behoben sind, gilt dieses Dokument als Entwurf. Alle offenen Punkte mit ihrer Zeile in der Plandatei:'
              : 'Die Prüfung des Plans hat folgende offene Punkte gefunden, mit ihrer Zeile in der Plandatei:',
          ),
        ],
      },
      this.table(
        [short('Zeile', 1, 'right'), col('Art', 1.5), col('Meldung', 9), col('Code', 3)],
        this.openPoints.map((point) => ({
          kind: 'row',
          sourceLine: point.line - 1,
          cells: [[text(String(point.line))], [text(SEVERITY_LABELS[point.severity])], [text(point.message)], [text(point.code)]],
        })),
        'compact',
        undefined,
      ),
    ];
    return { ...this.chapter('offene-punkte', 'Offene Punkte', undefined, blocks), newPage: true };
  }

  /** One page for the night of the outage: whom to call, and the first steps of each scenario. */
  private emergencyCard(): Section {
    const version = this.read.text(this.planNode, 'version');
    const blocks: Block[] = [
      this.heading(1, 'notfallkarte', 'Notfallkarte', undefined, false),
      {
        kind: 'paragraph',
        style: 'small',
        content: [text([this.title, version ? `Version ${version}` : '', `erstellt am ${formatDate(todayInDays(this.options.today), 'de')}`].filter(Boolean).join(' · '))],
      },
    ];
    if (this.contacts.length > 0) {
      blocks.push(
        this.table(
          [col('Kontakt', 3), col('Rolle', 2.5), short('Telefon', 2.6), col('Erreichbarkeit', 2.2)],
          this.contacts.map((contact) => ({
            kind: 'row',
            sourceLine: contact.line,
            cells: [[strong(text(contact.name))], this.cell(contact.role), [strong(text(contact.phone ?? LABELS.none))], this.cell(contact.availability)],
          })),
          'compact',
          this.read.keyLine(this.root, 'contacts'),
        ),
      );
    }
    if (this.scenarios.length > 0) {
      blocks.push(
        this.table(
          [col('Szenario', 3), short('RTO', 1.2), col('Erste Schritte', 6.5), col('Verantwortlich', 3)],
          this.scenarioGroups().flatMap((group) =>
            group.scenarios.map((scenario): TableRow => {
              const steps = scenario.model.recovery.filter((step) => step.step !== undefined);
              const first = steps.slice(0, 3).map((step, index) => `${index + 1}. ${(step.step?.value ?? '').trim()}`);
              if (steps.length > 3) first.push(`… (${steps.length - 3} weitere)`);
              const responsible = scenario.model.responsible?.value;
              const contact = responsible === undefined ? undefined : this.contactsById.get(responsible);
              return {
                kind: 'row',
                sourceLine: scenario.line,
                cells: [
                  [link(scenario.headingId, text(scenario.title))],
                  this.durationValue(scenario.model.rto),
                  [text(first.length > 0 ? first.join('\n') : LABELS.none)],
                  contact ? [text(contact.name), ...(contact.phone ? [text('\n'), strong(text(contact.phone))] : [])] : this.cell(responsible),
                ],
              };
            }),
          ),
          'compact',
          this.read.keyLine(this.root, 'scenarios'),
        ),
      );
    }
    return { kind: 'section', role: 'card', id: 'kapitel-notfallkarte', newPage: true, children: blocks };
  }

  // ── collecting ────────────────────────────────────────────────────────────────────────

  private collectOpenPoints(diagnostics: readonly PlanDiagnostic[]): OpenPoint[] {
    const findings = this.analysis.findings;
    return diagnostics.map((diagnostic, index) => ({
      severity: (diagnostic.severity ?? 1) as OpenPoint['severity'],
      line: diagnostic.range.start.line + 1,
      code: diagnostic.code,
      message: diagnostic.message,
      start: findings[index]?.span.start ?? 0,
    }));
  }

  private collectScenarios(): ScenarioInfo[] {
    const problems = this.openPoints.filter((point) => point.severity <= 2);
    return this.analysis.model.scenarios.map((model) => {
      const [start, end] = this.read.span(model.node);
      const type = model.type ? scenarioTypeById(model.type.value) : undefined;
      const category = model.category ? categoryById(model.category.value) : undefined;
      const title = model.title?.value.trim() || type?.label.de || model.id?.value || `Szenario ${model.index + 1}`;
      const slug = model.id && /^[a-z0-9][a-z0-9-]*$/.test(model.id.value) ? model.id.value : String(model.index + 1);
      return {
        model,
        node: model.node,
        headingId: this.uniqueId(`szenario-${slug}`),
        title,
        category,
        type,
        problems: problems.filter((point) => point.start >= start && point.start < end),
        line: this.read.line(model.firstLine.start),
      };
    });
  }

  private groupsCache: { category: Category | undefined; scenarios: ScenarioInfo[] }[] | undefined;

  /** Scenarios by category in the seed's order; those of an unknown category last. */
  private scenarioGroups(): { category: Category | undefined; scenarios: ScenarioInfo[] }[] {
    if (!this.groupsCache) {
      const groups = CATEGORIES.map((category) => ({
        category: category as Category | undefined,
        scenarios: this.scenarios.filter((scenario) => scenario.category?.id === category.id),
      }));
      groups.push({ category: undefined, scenarios: this.scenarios.filter((scenario) => scenario.category === undefined) });
      this.groupsCache = groups.filter((group) => group.scenarios.length > 0);
    }
    return this.groupsCache;
  }

  private contactInfo(contact: ContactModel): ContactInfo {
    return {
      id: contact.id?.value,
      name: contact.name?.value.trim() || contact.id?.value || LABELS.missing,
      role: this.read.text(contact.node, 'role'),
      phone: this.read.text(contact.node, 'phone'),
      email: this.read.text(contact.node, 'email'),
      availability: this.read.text(contact.node, 'availability'),
      line: this.read.line(contact.firstLine.start),
    };
  }

  private ownerContact(): ContactInfo | undefined {
    const owner = this.analysis.model.plan?.owner?.value;
    return owner === undefined ? undefined : this.contactsById.get(owner);
  }

  // ── small pieces ──────────────────────────────────────────────────────────────────────

  private chapter(id: string, title: string, line: number | undefined, blocks: Block[]): Section {
    const heading = this.heading(1, id, title, line);
    return { kind: 'section', role: 'chapter', id: `kapitel-${heading.id}`, sourceLine: line, children: [heading, ...blocks] };
  }

  private heading(level: 1 | 2 | 3, id: string, title: string, line: number | undefined, numbered = true): Heading {
    return this.headingWithId(level, this.uniqueId(id), title, line, numbered);
  }

  /** A heading whose id is already reserved (scenarios: the overview links to them first). */
  private headingWithId(level: 1 | 2 | 3, id: string, title: string, line: number | undefined, numbered = true): Heading {
    let number = '';
    if (numbered) {
      this.numbers[level - 1] = (this.numbers[level - 1] ?? 0) + 1;
      for (let deeper = level; deeper < this.numbers.length; deeper++) this.numbers[deeper] = 0;
      number = this.numbers.slice(0, level).join('.');
    }
    return { kind: 'heading', level, id, number, text: title, toc: true, sourceLine: line };
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  private table(columns: TableColumn[], rows: TableRow[], size: Table['size'], line: number | undefined): Table {
    return { kind: 'table', columns, rows, size, sourceLine: line };
  }

  private cell(value: string | undefined): Inline[] {
    return [text(value ?? LABELS.none)];
  }

  private orMissing(value: string | undefined): Inline[] {
    return value === undefined ? [emphasis(text(LABELS.missing))] : [text(value)];
  }

  private durationText(field: DurationField): string {
    return field.minutes !== undefined ? formatDuration(field.minutes, 'de') : String(field.value);
  }

  private durationValue(field: DurationField | undefined, absent: string = LABELS.none): Inline[] {
    if (!field) return absent === LABELS.none ? [text(absent)] : [emphasis(text(absent))];
    if (field.minutes !== undefined) return [text(formatDuration(field.minutes, 'de'))];
    return [text(String(field.value)), emphasis(text(` (${LABELS.invalid})`))];
  }

  private dateValue(field: DateField | undefined, absent: string = LABELS.missing): Inline[] {
    if (!field) return absent === LABELS.none ? [text(absent)] : [emphasis(text(absent))];
    if (field.day !== undefined) return [text(formatDate(field.day, 'de'))];
    return [text(String(field.value)), emphasis(text(` (${LABELS.invalid})`))];
  }

  private contactLabel(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    return this.contactsById.get(id)?.name ?? id;
  }

  private methodLabel(backup: BackupModel): string | undefined {
    const method = this.read.text(backup.node, 'method');
    return method === undefined ? undefined : (enumEntryById('backupMethod', method)?.label.de ?? method);
  }

  private enumLabel(name: EnumName, id: string | undefined): string | undefined {
    return id === undefined ? undefined : enumEntryById(name, id)?.label.de;
  }

  private lineOf(node: YAMLMap | undefined): number | undefined {
    return node ? this.read.lineOf(node) : undefined;
  }
}

function col(title: string, width: number, align?: TableColumn['align']): TableColumn {
  return align ? { title, width, align } : { title, width };
}

/** A column of short values (durations, dates, numbers) that should not wrap. */
function short(title: string, width: number, align?: TableColumn['align']): TableColumn {
  return { ...col(title, width, align), nowrap: true };
}

/** "a, b, c und 7 weitere": a plan of hundreds of scenarios stays readable. */
function listWithRest(items: readonly string[], shown = 8): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} und ${items.length - shown} weitere`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 99.5 → "99,5"; whole numbers stay whole. */
function germanNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Downtime budgets to the minute, hiding binary float noise (43.799999 h). */
function roundMinutes(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}

function failedDocument(error: unknown, options: BuildOptions): PlanDocument {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'document',
    meta: {
      title: LABELS.untitled,
      subject: LABELS.subtitle,
      author: '',
      keywords: [],
      version: '',
      classification: '',
      language: 'de-DE',
      watermark: LABELS.watermark,
      generated: formatDate(todayInDays(options.today), 'de'),
    },
    blocks: [
      {
        kind: 'note',
        tone: 'error',
        title: 'Dokument nicht erzeugt',
        content: [{ kind: 'paragraph', content: [text(`Das Dokument konnte aus dieser Plandatei nicht erzeugt werden: ${reason}`)] }],
      },
    ],
  };
}
