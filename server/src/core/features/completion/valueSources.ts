import {
  BACKUP_METHODS,
  CATEGORIES,
  CLASSIFICATIONS,
  COMPONENT_KINDS,
  DATABASE_STRATEGIES,
  EXERCISE_KINDS,
  EXERCISE_RESULTS,
  LOAD_BALANCING_METHODS,
  PLAN_STATUSES,
  type CatalogEntry,
  type Localized,
} from '../../catalog';
import { definitionAt } from '../../schema/fields';

/**
 * What completion knows of each field's values, keyed by `definition.key` of the JSON Schema
 * (`'scenario.rpo'`). The only module of completion that names fields: the rest asks it.
 */

export type ReferenceList = 'contacts' | 'components' | 'backups';

export type ValueSource =
  | { readonly kind: 'catalog'; readonly entries: readonly CatalogEntry[] }
  | { readonly kind: 'scenarioType' }
  /** The id of an item of `list`; `many`: a list of such ids (`affects`). */
  | { readonly kind: 'reference'; readonly list: ReferenceList; readonly many?: true }
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'formatVersion' };

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
export const TYPICAL_DURATIONS = {
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
} as const satisfies Record<string, readonly Localized[]>;

/** What may follow `key:` in a mapping of a schema definition, by `definition.key`. */
const VALUE_SOURCES: Readonly<Record<string, ValueSource>> = {
  'root.drplan': { kind: 'formatVersion' },
  'plan.status': { kind: 'catalog', entries: PLAN_STATUSES },
  'plan.classification': { kind: 'catalog', entries: CLASSIFICATIONS },
  'plan.owner': { kind: 'reference', list: 'contacts' },
  'plan.valid_from': { kind: 'date' },
  'plan.last_review': { kind: 'date' },
  'plan.review_interval': { kind: 'duration', typical: TYPICAL_DURATIONS.reviewInterval },
  'component.kind': { kind: 'catalog', entries: COMPONENT_KINDS },
  'database.strategy': { kind: 'catalog', entries: DATABASE_STRATEGIES },
  'loadBalancing.method': { kind: 'catalog', entries: LOAD_BALANCING_METHODS },
  'measurement.interval': { kind: 'duration', typical: TYPICAL_DURATIONS.measurementInterval },
  'measurement.alert': { kind: 'reference', list: 'contacts' },
  'backup.method': { kind: 'catalog', entries: BACKUP_METHODS },
  'backup.interval': { kind: 'duration', typical: TYPICAL_DURATIONS.backupInterval },
  'backup.retention': { kind: 'duration', typical: TYPICAL_DURATIONS.retention },
  'backup.offsite': { kind: 'boolean' },
  'backup.last_restore_test': { kind: 'date' },
  'scenario.category': { kind: 'catalog', entries: CATEGORIES },
  'scenario.type': { kind: 'scenarioType' },
  'scenario.affects': { kind: 'reference', list: 'components', many: true },
  'scenario.recovery_time': { kind: 'duration', typical: TYPICAL_DURATIONS.recoveryTime },
  'scenario.rto': { kind: 'duration', typical: TYPICAL_DURATIONS.rto },
  'scenario.rpo': { kind: 'duration', typical: TYPICAL_DURATIONS.rpo, backupIntervals: true },
  'scenario.mtpd': { kind: 'duration', typical: TYPICAL_DURATIONS.mtpd },
  'scenario.backup': { kind: 'reference', list: 'backups' },
  'scenario.responsible': { kind: 'reference', list: 'contacts' },
  'recoveryStep.duration': { kind: 'duration', typical: TYPICAL_DURATIONS.stepDuration },
  'recoveryStep.responsible': { kind: 'reference', list: 'contacts' },
  'exercise.date': { kind: 'date' },
  'exercise.kind': { kind: 'catalog', entries: EXERCISE_KINDS },
  'exercise.recovery_time': { kind: 'duration', typical: TYPICAL_DURATIONS.recoveryTime },
  'exercise.data_loss': { kind: 'duration', typical: TYPICAL_DURATIONS.dataLoss },
  'exercise.result': { kind: 'catalog', entries: EXERCISE_RESULTS },
  'historyEntry.date': { kind: 'date' },
};

/** Lists of plain texts whose items the catalog suggests for the scenario's type. */
const STEP_LISTS: Readonly<Record<string, 'prevention' | 'recovery'>> = {
  'scenario.prevention': 'prevention',
  'scenario.recovery': 'recovery',
};

/** What `key` of the schema definition `definition` takes. */
export function valueSourceOf(definition: string, key: string): ValueSource | undefined {
  return VALUE_SOURCES[`${definition}.${key}`];
}

/** What `key` of the mapping at `path` takes. */
export function valueSourceAt(path: readonly (string | number)[], key: string): ValueSource | undefined {
  const definition = definitionAt(path);
  return definition === undefined ? undefined : valueSourceOf(definition, key);
}

/** Which of the scenario type's suggested steps `key` of `definition` lists, if any. */
export function stepListOf(definition: string, key: string): 'prevention' | 'recovery' | undefined {
  return STEP_LISTS[`${definition}.${key}`];
}
