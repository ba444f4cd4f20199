import type { Analysis } from '../analysis';
import { CATEGORIES, categoryById, scenarioTypeById, type Category, type ScenarioType } from '../catalog';
import { formatDate, parseDate, todayInDays } from '../date';
import type { ContactModel, PlanModel, ScenarioModel } from '../model/plan';
import { itemsById } from '../model/queries';
import type { PlanDiagnostic, Span } from '../types';
import type { DiagnosticData } from '../validate/diagnostic';
import type { ChangeHistory } from './changeHistory';
import { shown } from './blocks';
import { documentState, type DocumentState } from './documentState';
import { FindingPlaces, type FindingPlace } from './findingPlace';
import { scenarioStatus, type ScenarioStatus } from './scenarioStatus';
import { LABELS } from './texts';
import type { Block, Heading, Section } from './tree';

export interface BuildOptions {
  /** The day the document is made (shown as "Erstellt am"); default: today. */
  readonly today?: Date;
  /** The document is German whatever the editor's language (format.md). */
  readonly locale?: 'de';
  /** The plan file's commits from git (the edge reads them); without it, the plan's `history:`. */
  readonly history?: ChangeHistory;
}

/** A finding as the document shows it: German message, 1-based line. */
export interface OpenPoint {
  readonly severity: 1 | 2 | 3 | 4;
  readonly line: number;
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** The finding's facts (the field a missing-field names, …). */
  readonly data: DiagnosticData | undefined;
  /** Where it lies, in the reader's words: the scenario or backup, the field. */
  readonly place: FindingPlace;
}

export interface ScenarioInfo {
  readonly model: ScenarioModel;
  readonly headingId: string;
  readonly title: string;
  readonly category: Category | undefined;
  readonly type: ScenarioType | undefined;
  /** Errors and warnings inside the scenario: they make its status ✗. */
  readonly problems: readonly OpenPoint[];
  /** What the overview's status column says of it. */
  readonly status: ScenarioStatus;
  readonly line: number;
}

export interface ScenarioGroup {
  readonly category: Category | undefined;
  readonly scenarios: readonly ScenarioInfo[];
}

export interface ContactInfo {
  readonly id: string | undefined;
  readonly name: string;
  readonly role: string | undefined;
  readonly phone: string | undefined;
  readonly email: string | undefined;
  readonly availability: string | undefined;
  /** The id of the contact who stands in (Vertretung). */
  readonly deputy: string | undefined;
  /** The catalog id of the contact's function (it-lead, dpo, …). */
  readonly function: string | undefined;
  readonly line: number;
}

/**
 * What the chapters of one document share: the plan model, the findings, the facts several
 * chapters show (contacts, scenarios with their heading ids), and the numbering of headings and
 * the ids already taken. Chapters are built in document order, so the numbers follow it.
 */
export class DocumentContext {
  readonly model: PlanModel;
  readonly title: string;
  /** The day the document is made, as 28.11.2026. */
  readonly generated: string;
  readonly openPoints: readonly OpenPoint[];
  readonly hasErrors: boolean;
  /** What holds of the plan's release (documentState.ts): cover, watermark and chapters agree. */
  readonly state: DocumentState;
  /** Not released: a draft, an approval missing, or errors (the document says ENTWURF). */
  readonly draft: boolean;
  readonly contacts: readonly ContactInfo[];
  readonly scenarios: readonly ScenarioInfo[];
  /** The plan file's commits, when the document is made from a git repository. */
  readonly changeHistory: ChangeHistory | undefined;
  private readonly contactInfos = new Map<ContactModel, ContactInfo>();
  private readonly ids = new Set<string>();
  private readonly numbers: number[] = [0, 0, 0];
  private groups: readonly ScenarioGroup[] | undefined;

  constructor(private readonly analysis: Analysis, options: BuildOptions) {
    this.model = analysis.model;
    this.title = this.model.plan?.title?.value.trim() || LABELS.untitled;
    this.generated = formatDate(todayInDays(options.today), 'de');
    this.changeHistory = options.history;
    this.contacts = this.model.contacts.map((contact) => {
      const info = this.contactInfo(contact);
      this.contactInfos.set(contact, info);
      return info;
    });
    this.openPoints = this.collectOpenPoints(analysis.diagnostics('de'));
    this.hasErrors = this.openPoints.some((point) => point.severity === 1);
    this.state = documentState({ model: this.model, hasErrors: this.hasErrors, changedAfter: (day) => this.changedAfter(day) });
    this.draft = this.state.kind === 'draft';
    this.scenarios = this.collectScenarios();
  }

  /** The 0-based line of an offset in the plan. */
  line(offset: number): number {
    return this.analysis.yaml.index.position(offset).line;
  }

  /** The line of a key (where a part of the plan begins), when it is written. */
  keyLine(key: Span | undefined): number | undefined {
    return key ? this.line(key.start) : undefined;
  }

  /** The contact an id names (the first of that id), as the document shows contacts. */
  contact(id: string | undefined): ContactInfo | undefined {
    const contact = id === undefined ? undefined : itemsById(this.model.contacts).get(id);
    return contact && this.contactInfos.get(contact);
  }

  /** A contact's name for a reference; the id itself when no contact has it. */
  contactLabel(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    return this.contact(id)?.name ?? id;
  }

  /** The contacts of a list of references, those that name no contact left out. */
  contactsOf(references: readonly { readonly value: string }[]): ContactInfo[] {
    return references.map((reference) => this.contact(reference.value)).filter((contact): contact is ContactInfo => contact !== undefined);
  }

  /**
   * Whether the plan changed after a day: from git, a later commit of the file or changes not
   * committed; without git, a later entry of its `history:`.
   */
  changedAfter(day: number): boolean {
    const git = this.changeHistory;
    if (git && git.commits.length > 0) return git.uncommitted || git.commits.some((commit) => (parseDate(commit.day) ?? -Infinity) > day);
    return this.model.history.some((entry) => entry.date?.day !== undefined && entry.date.day > day);
  }

  ownerContact(): ContactInfo | undefined {
    return this.contact(this.model.plan?.owner?.value);
  }

  /** Scenarios by category in the seed's order; those of an unknown category last. */
  scenarioGroups(): readonly ScenarioGroup[] {
    if (!this.groups) {
      const groups: ScenarioGroup[] = CATEGORIES.map((category) => ({
        category,
        scenarios: this.scenarios.filter((scenario) => scenario.category?.id === category.id),
      }));
      groups.push({ category: undefined, scenarios: this.scenarios.filter((scenario) => scenario.category === undefined) });
      this.groups = groups.filter((group) => group.scenarios.length > 0);
    }
    return this.groups;
  }

  /**
   * A numbered chapter: its heading first, then `blocks`. Blocks with headings of their own come
   * as a function, called after the chapter's heading has taken its number.
   */
  chapter(id: string, title: string, line: number | undefined, blocks: Block[] | (() => Block[])): Section {
    const heading = this.heading(1, id, title, line);
    const children = typeof blocks === 'function' ? blocks() : blocks;
    return { kind: 'section', role: 'chapter', id: `kapitel-${heading.id}`, sourceLine: line, children: [heading, ...children] };
  }

  heading(level: 1 | 2 | 3, id: string, title: string, line: number | undefined, numbered = true): Heading {
    return this.headingWithId(level, this.uniqueId(id), title, line, numbered);
  }

  /** A heading whose id is already reserved (scenarios: the overview links to them first). */
  headingWithId(level: 1 | 2 | 3, id: string, title: string, line: number | undefined, numbered = true): Heading {
    let number = '';
    if (numbered) {
      this.numbers[level - 1] = (this.numbers[level - 1] ?? 0) + 1;
      for (let deeper = level; deeper < this.numbers.length; deeper++) this.numbers[deeper] = 0;
      number = this.numbers.slice(0, level).join('.');
    }
    return { kind: 'heading', level, id, number, text: title, toc: true, sourceLine: line };
  }

  /** `base`, or `base-2`, `base-3`… when taken: link targets are unique in the document. */
  uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  private collectOpenPoints(diagnostics: readonly PlanDiagnostic[]): OpenPoint[] {
    const findings = this.analysis.findings;
    const places = new FindingPlaces(this.analysis.yaml, this.model, (index) => scenarioTitle(this.model.scenarios[index]));
    return diagnostics.map((diagnostic, index) => {
      const finding = { start: findings[index]?.span.start ?? 0, end: findings[index]?.span.end ?? 0, code: diagnostic.code, data: findings[index]?.data };
      return {
        ...finding,
        severity: (diagnostic.severity ?? 1) as OpenPoint['severity'],
        line: diagnostic.range.start.line + 1,
        message: diagnostic.message,
        place: places.of(finding),
      };
    });
  }

  private collectScenarios(): ScenarioInfo[] {
    const problems = this.openPoints.filter((point) => point.severity <= 2);
    return this.model.scenarios.map((model) => {
      const { start, end } = model.span;
      const type = model.type ? scenarioTypeById(model.type.value) : undefined;
      const category = model.category ? categoryById(model.category.value) : undefined;
      const title = scenarioTitle(model);
      const slug = model.id && /^[a-z0-9][a-z0-9-]*$/.test(model.id.value) ? model.id.value : String(model.index + 1);
      const inside = problems.filter((point) => point.start >= start && point.start < end);
      return {
        model,
        headingId: this.uniqueId(`szenario-${slug}`),
        title,
        category,
        type,
        problems: inside,
        status: scenarioStatus(model, inside.length > 0),
        line: this.line(model.firstLine.start),
      };
    });
  }

  private contactInfo(contact: ContactModel): ContactInfo {
    return {
      id: contact.id?.value,
      name: contact.name?.value.trim() || contact.id?.value || LABELS.missing,
      role: shown(contact.role),
      phone: shown(contact.phone),
      email: shown(contact.email),
      availability: shown(contact.availability),
      deputy: contact.deputy?.value,
      function: contact.function?.value,
      line: this.line(contact.firstLine.start),
    };
  }
}

/** A scenario's title in the document: its own, else its type's German title, else its id. */
export function scenarioTitle(model: ScenarioModel | undefined): string {
  if (!model) return LABELS.missing;
  const type = model.type ? scenarioTypeById(model.type.value) : undefined;
  return model.title?.value.trim() || type?.label.de || model.id?.value || `Szenario ${model.index + 1}`;
}
