import type { YAMLMap } from 'yaml';
import type { DurationResult } from '../duration';
import type { Period } from '../period';
import type { Located, Span } from '../types';

/** A duration field: what was written, where, and what it means (when it means anything). */
export interface DurationField extends Located<unknown> {
  readonly duration: DurationResult;
  /** Minutes, when the value is a valid duration. */
  readonly minutes: number | undefined;
}

/** A date field: what was written, where, and the day it names (days since 1970-01-01). */
export interface DateField extends Located<unknown> {
  readonly day: number | undefined;
}

/**
 * Free text as written (names, roles, notes): a string, untrimmed, or a number YAML read where
 * text was meant (`version: 2.1`), as text. Other values are absent here; the schema reports them.
 */
export type TextField = Located<string>;

/**
 * Where some keys of a mapping are written, whatever their values (undefined where the key is
 * not): the document's parts begin at them (its lines for scroll sync).
 */
export type KeySpans<Key extends string> = { readonly [key in Key]: Span | undefined };

/**
 * A reference as written: the id it names, where, and which key of which mapping holds it.
 * Which keys are references, and to which list, the field table says (`schema/fields.ts`).
 */
export interface ReferenceModel extends Located<string> {
  /** The list whose ids it names. */
  readonly list: IdList;
  /** The key it is (or whose list it is an item of): `backup`, `affects`, `owner`, … */
  readonly key: string;
  /** The mapping that holds the key (a scenario, a recovery step, …). */
  readonly node: YAMLMap;
}

/** Items that may name other items: every reference inside them, nested steps included. */
export interface Referring {
  readonly references: readonly ReferenceModel[];
}

/** What every mapping in a list shares: where it stands and how it is addressed. */
export interface ItemModel {
  readonly node: YAMLMap;
  /** Where the mapping is written (for an alias item, where its anchor's mapping is). */
  readonly span: Span;
  /** Position in its list. */
  readonly index: number;
  /** The item's first line: where item-level diagnostics point. */
  readonly firstLine: Span;
  /** The path of the item in the document, as schema errors name it. */
  readonly path: readonly (string | number)[];
}

export interface IdentifiedItem extends ItemModel {
  readonly id: Located<string> | undefined;
  readonly name: Located<string> | undefined;
}

export interface PlanMetaModel extends Referring {
  readonly node: YAMLMap;
  readonly span: Span;
  readonly title: Located<string> | undefined;
  readonly organisation: TextField | undefined;
  readonly system: TextField | undefined;
  readonly version: TextField | undefined;
  readonly status: TextField | undefined;
  readonly classification: TextField | undefined;
  readonly scope: TextField | undefined;
  readonly owner: Located<string> | undefined;
  readonly validFrom: DateField | undefined;
  readonly lastReview: DateField | undefined;
  readonly reviewInterval: DurationField | undefined;
  /** The catalog scenarios the plan leaves out on purpose (`not_applicable`). */
  readonly notApplicable: readonly NotApplicableModel[];
  /** Who approved which version, and when (`approvals`). */
  readonly approvals: readonly ApprovalModel[];
  /** Who holds the plan, where printed copies are kept (`distribution`). */
  readonly distribution: readonly TextField[];
  readonly keys: KeySpans<'scope' | 'approvals' | 'distribution'>;
}

/** One approval of the plan (`plan.approvals[]`). */
export interface ApprovalModel extends ItemModel, Referring {
  /** The contact who approved. */
  readonly by: Located<string> | undefined;
  readonly date: DateField | undefined;
  /** The plan version approved; absent means the current one. */
  readonly version: TextField | undefined;
  /** What the approval means; absent means "Freigabe". */
  readonly meaning: TextField | undefined;
}

/** A catalog scenario type the plan consciously leaves out, and why. */
export interface NotApplicableModel extends ItemModel {
  readonly type: Located<string> | undefined;
  readonly reason: TextField | undefined;
}

export interface ContactModel extends IdentifiedItem, Referring {
  readonly role: TextField | undefined;
  readonly phone: TextField | undefined;
  readonly email: TextField | undefined;
  readonly availability: TextField | undefined;
  /** The contact who stands in (Vertretung). */
  readonly deputy: Located<string> | undefined;
  /** Catalog id: it-lead, on-call, dpo, management, provider, crisis-team. */
  readonly function: Located<string> | undefined;
}

/** `alerting`: who may declare an emergency, and the levels of escalation. */
export interface AlertingModel extends Referring {
  readonly node: YAMLMap;
  readonly span: Span;
  /** Contacts who may declare an emergency ("Notfall ausrufen"). */
  readonly declaredBy: readonly Located<string>[];
  /** In order of escalation. */
  readonly levels: readonly AlertLevelModel[];
  readonly keys: KeySpans<'declared_by' | 'levels'>;
}

/** One level of `alerting.levels`. */
export interface AlertLevelModel extends IdentifiedItem, Referring {
  readonly criteria: TextField | undefined;
  /** The contacts notified at this level. */
  readonly notify: readonly Located<string>[];
  /** By when they are notified. */
  readonly within: DurationField | undefined;
}

export interface ComponentModel extends IdentifiedItem, Referring {
  readonly kind: Located<string> | undefined;
  /**
   * The name as free text, a number included (`name: 42`, which the schema reports): what the
   * document shows. `name` stays text only, as hover and completion name components.
   */
  readonly nameText: TextField | undefined;
  readonly location: TextField | undefined;
  readonly redundancy: TextField | undefined;
  readonly notes: TextField | undefined;
  /** The component that holds this one (a rack, a room, a site). */
  readonly in: Located<string> | undefined;
  /** The components this one needs in order to run. */
  readonly dependsOn: readonly Located<string>[];
}

export interface MeasurementModel extends IdentifiedItem, Referring {
  readonly what: TextField | undefined;
  readonly tool: TextField | undefined;
  readonly interval: DurationField | undefined;
  readonly alert: Located<string> | undefined;
  /** The monitoring query that is 1 while the service is up and 0 while it is down. */
  readonly query: TextField | undefined;
}

/** One period of measured availability (`availability.results[]`). */
export interface AvailabilityResultModel extends ItemModel, Referring {
  /** As written (`2026-11`, `2026-Q3`, `2026`; a year YAML read as a number, as text). */
  readonly period: TextField | undefined;
  /** The period it names (period.ts); undefined when `period` is none. */
  readonly days: Period | undefined;
  /** The measured availability in percent; finite numbers only. */
  readonly measured: Located<number> | undefined;
  readonly downtime: DurationField | undefined;
  /** How many outages; whole numbers only. */
  readonly outages: Located<number> | undefined;
  /** The measurement it comes from. */
  readonly source: Located<string> | undefined;
  /** Announced maintenance left out of the period. */
  readonly excluded: DurationField | undefined;
}

export interface BackupModel extends IdentifiedItem, Referring {
  readonly what: TextField | undefined;
  readonly method: TextField | undefined;
  readonly interval: DurationField | undefined;
  readonly retention: DurationField | undefined;
  readonly location: TextField | undefined;
  /** The component that holds the backup's data. */
  readonly storedOn: Located<string> | undefined;
  readonly offsite: Located<boolean> | undefined;
  readonly lastRestoreTest: DateField | undefined;
}

export interface RecoveryStepModel {
  readonly index: number;
  readonly firstLine: Span;
  readonly step: Located<string> | undefined;
  readonly duration: DurationField | undefined;
  readonly responsible: Located<string> | undefined;
}

export interface ExerciseModel extends ItemModel {
  readonly date: DateField | undefined;
  readonly kind: TextField | undefined;
  readonly recoveryTime: DurationField | undefined;
  readonly dataLoss: DurationField | undefined;
  readonly result: TextField | undefined;
  readonly notes: TextField | undefined;
  /** When the exercise began, as written (ISO 8601 date and time). */
  readonly started: TextField | undefined;
  /** The recovery steps as they were carried out, with their measured durations. */
  readonly steps: readonly ExerciseStepModel[];
}

/** A step of an exercise as it was carried out (`exercises[].steps[]`). */
export interface ExerciseStepModel {
  readonly index: number;
  readonly firstLine: Span;
  readonly step: TextField | undefined;
  /** The measured duration. */
  readonly duration: DurationField | undefined;
  readonly note: TextField | undefined;
  readonly skipped: Located<boolean> | undefined;
}

export interface ScenarioModel extends IdentifiedItem, Referring {
  readonly category: Located<string> | undefined;
  readonly type: Located<string> | undefined;
  readonly title: Located<string> | undefined;
  readonly description: TextField | undefined;
  readonly affects: readonly Located<string>[];
  /** The texts of `prevention`; a single text stands for a list of one. */
  readonly prevention: readonly TextField[];
  readonly recovery: readonly RecoveryStepModel[];
  readonly recoveryTime: DurationField | undefined;
  readonly rto: DurationField | undefined;
  readonly rpo: DurationField | undefined;
  readonly mtpd: DurationField | undefined;
  readonly backup: Located<string> | undefined;
  readonly responsible: Located<string> | undefined;
  /** The `alerting` level the scenario starts at. */
  readonly escalation: Located<string> | undefined;
  /** Notbetrieb: how the work goes on while the system is down; a single text is a list of one. */
  readonly emergencyOperation: readonly TextField[];
  readonly exercises: readonly ExerciseModel[];
  readonly keys: KeySpans<'description' | 'prevention' | 'recovery' | 'exercises' | 'emergency_operation'>;
}

export interface HistoryModel extends ItemModel, Referring {
  readonly version: TextField | undefined;
  readonly date: DateField | undefined;
  readonly author: TextField | undefined;
  readonly changes: TextField | undefined;
}

/** `availability.database`: how the ZODB is kept available. */
export interface DatabaseModel {
  readonly strategy: TextField | undefined;
  readonly notes: TextField | undefined;
  readonly keys: KeySpans<'notes'>;
}

/** `availability.load_balancing`: how ZEO clients share the load. */
export interface LoadBalancingModel {
  readonly method: TextField | undefined;
  /** Finite numbers only. */
  readonly clients: Located<number> | undefined;
  readonly notes: TextField | undefined;
  readonly keys: KeySpans<'notes'>;
}

export interface AvailabilityModel {
  readonly target: Located<number> | undefined;
  readonly database: DatabaseModel | undefined;
  readonly loadBalancing: LoadBalancingModel | undefined;
  readonly measurements: readonly MeasurementModel[];
  /** The measured availability, per period and source. */
  readonly results: readonly AvailabilityResultModel[];
  readonly keys: KeySpans<'target' | 'database' | 'load_balancing' | 'measurements' | 'results'>;
}

/** The top-level keys of a plan. */
export type SectionKey =
  | 'plan'
  | 'contacts'
  | 'alerting'
  | 'components'
  | 'availability'
  | 'backups'
  | 'scenarios'
  | 'history';

/** The lists whose items carry ids, by their key in the file. */
export type IdList = 'contacts' | 'levels' | 'components' | 'measurements' | 'backups' | 'scenarios';

/**
 * The plan as drplan understands it, built once from the YAML of one document version: what the
 * rules check and what the features and the document show. Every value knows where it was
 * written; fields of the wrong shape are simply absent here (the schema reports them), so
 * readers trust what they find.
 */
export interface PlanModel {
  readonly plan: PlanMetaModel | undefined;
  readonly contacts: readonly ContactModel[];
  readonly alerting: AlertingModel | undefined;
  readonly components: readonly ComponentModel[];
  readonly availability: AvailabilityModel | undefined;
  readonly backups: readonly BackupModel[];
  readonly scenarios: readonly ScenarioModel[];
  readonly history: readonly HistoryModel[];
  /** Where the sections begin; coverage diagnostics point at the `scenarios` key. */
  readonly keys: KeySpans<SectionKey>;
}
