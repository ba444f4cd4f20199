import type { YAMLMap } from 'yaml';
import type { DurationResult } from '../duration';
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
  readonly title: Located<string> | undefined;
  readonly status: Located<string> | undefined;
  readonly owner: Located<string> | undefined;
  readonly validFrom: DateField | undefined;
  readonly lastReview: DateField | undefined;
  readonly reviewInterval: DurationField | undefined;
}

export type ContactModel = IdentifiedItem & Referring;

export interface ComponentModel extends IdentifiedItem, Referring {
  readonly kind: Located<string> | undefined;
}

export interface MeasurementModel extends IdentifiedItem, Referring {
  readonly interval: DurationField | undefined;
  readonly alert: Located<string> | undefined;
}

export interface BackupModel extends IdentifiedItem, Referring {
  readonly interval: DurationField | undefined;
  readonly retention: DurationField | undefined;
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
  readonly recoveryTime: DurationField | undefined;
  readonly dataLoss: DurationField | undefined;
}

export interface ScenarioModel extends IdentifiedItem, Referring {
  readonly category: Located<string> | undefined;
  readonly type: Located<string> | undefined;
  readonly title: Located<string> | undefined;
  readonly affects: readonly Located<string>[];
  readonly recovery: readonly RecoveryStepModel[];
  readonly recoveryTime: DurationField | undefined;
  readonly rto: DurationField | undefined;
  readonly rpo: DurationField | undefined;
  readonly mtpd: DurationField | undefined;
  readonly backup: Located<string> | undefined;
  readonly responsible: Located<string> | undefined;
  readonly exercises: readonly ExerciseModel[];
}

export interface HistoryModel extends ItemModel, Referring {
  readonly date: DateField | undefined;
}

export interface AvailabilityModel {
  readonly target: Located<number> | undefined;
  readonly measurements: readonly MeasurementModel[];
}

/** The lists whose items carry ids, by their key in the file. */
export type IdList = 'contacts' | 'components' | 'measurements' | 'backups' | 'scenarios';

/**
 * The plan as drplan understands it, built once from the YAML of one document version. Every
 * value knows where it was written; fields of the wrong shape are simply absent here (the schema
 * reports them), so rules read only what they can trust.
 */
export interface PlanModel {
  readonly plan: PlanMetaModel | undefined;
  readonly contacts: readonly ContactModel[];
  readonly components: readonly ComponentModel[];
  readonly availability: AvailabilityModel | undefined;
  readonly backups: readonly BackupModel[];
  readonly scenarios: readonly ScenarioModel[];
  readonly history: readonly HistoryModel[];
  /** The `scenarios` key, where coverage diagnostics point. */
  readonly scenariosKey: Span | undefined;
}
