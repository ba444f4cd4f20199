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
import { TYPICAL, definitionAt, type ReferenceList } from '../../schema/fields';

/**
 * What completion knows of each field's values, keyed by `definition.key` of the JSON Schema
 * (`'scenario.rpo'`). The only module of completion that names fields: the rest asks it, so that
 * this table can give way to the field table (../../schema/fields.ts), whose typical durations
 * it already uses.
 */

export type ValueSource =
  | { readonly kind: 'catalog'; readonly entries: readonly CatalogEntry[] }
  | { readonly kind: 'scenarioType' }
  /** The id of an item of `list`; `many`: a list of such ids (`affects`). */
  | { readonly kind: 'reference'; readonly list: ReferenceList; readonly many?: true }
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'formatVersion' };

/** What may follow `key:` in a mapping of a schema definition, by `definition.key`. */
const VALUE_SOURCES: Readonly<Record<string, ValueSource>> = {
  'root.drplan': { kind: 'formatVersion' },
  'plan.status': { kind: 'catalog', entries: PLAN_STATUSES },
  'plan.classification': { kind: 'catalog', entries: CLASSIFICATIONS },
  'plan.owner': { kind: 'reference', list: 'contacts' },
  'plan.valid_from': { kind: 'date' },
  'plan.last_review': { kind: 'date' },
  'plan.review_interval': { kind: 'duration', typical: TYPICAL.reviewInterval },
  'component.kind': { kind: 'catalog', entries: COMPONENT_KINDS },
  'database.strategy': { kind: 'catalog', entries: DATABASE_STRATEGIES },
  'loadBalancing.method': { kind: 'catalog', entries: LOAD_BALANCING_METHODS },
  'measurement.interval': { kind: 'duration', typical: TYPICAL.measurementInterval },
  'measurement.alert': { kind: 'reference', list: 'contacts' },
  'backup.method': { kind: 'catalog', entries: BACKUP_METHODS },
  'backup.interval': { kind: 'duration', typical: TYPICAL.backupInterval },
  'backup.retention': { kind: 'duration', typical: TYPICAL.retention },
  'backup.offsite': { kind: 'boolean' },
  'backup.last_restore_test': { kind: 'date' },
  'scenario.category': { kind: 'catalog', entries: CATEGORIES },
  'scenario.type': { kind: 'scenarioType' },
  'scenario.affects': { kind: 'reference', list: 'components', many: true },
  'scenario.recovery_time': { kind: 'duration', typical: TYPICAL.recoveryTime },
  'scenario.rto': { kind: 'duration', typical: TYPICAL.rto },
  'scenario.rpo': { kind: 'duration', typical: TYPICAL.rpo, backupIntervals: true },
  'scenario.mtpd': { kind: 'duration', typical: TYPICAL.mtpd },
  'scenario.backup': { kind: 'reference', list: 'backups' },
  'scenario.responsible': { kind: 'reference', list: 'contacts' },
  'recoveryStep.duration': { kind: 'duration', typical: TYPICAL.stepDuration },
  'recoveryStep.responsible': { kind: 'reference', list: 'contacts' },
  'exercise.date': { kind: 'date' },
  'exercise.kind': { kind: 'catalog', entries: EXERCISE_KINDS },
  'exercise.recovery_time': { kind: 'duration', typical: TYPICAL.recoveryTime },
  'exercise.data_loss': { kind: 'duration', typical: TYPICAL.dataLoss },
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
