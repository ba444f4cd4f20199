import { CATEGORIES, SCENARIO_TYPES } from './categories';
import { COMPONENT_KINDS } from './components';
import {
  BACKUP_METHODS,
  CLASSIFICATIONS,
  CONTACT_FUNCTIONS,
  DATABASE_STRATEGIES,
  EXERCISE_KINDS,
  EXERCISE_RESULTS,
  LOAD_BALANCING_METHODS,
  PLAN_STATUSES,
} from './enums';
import type { CatalogEntry, Category, ComponentKind, ScenarioType } from './types';

export type { CatalogEntry, Category, ComponentKind, Localized, ScenarioType } from './types';
export { CATEGORIES, SCENARIO_TYPES } from './categories';
export { COMPONENT_KINDS } from './components';
export {
  BACKUP_METHODS,
  CLASSIFICATIONS,
  CONTACT_FUNCTIONS,
  DATABASE_STRATEGIES,
  EXERCISE_KINDS,
  EXERCISE_RESULTS,
  LOAD_BALANCING_METHODS,
  PLAN_STATUSES,
  REPLICATION_METHODS,
} from './enums';

/** The enumerations of the format by a stable name. `backupMethod` is open: other text is allowed. */
export const ENUMS = {
  planStatus: PLAN_STATUSES,
  classification: CLASSIFICATIONS,
  contactFunction: CONTACT_FUNCTIONS,
  databaseStrategy: DATABASE_STRATEGIES,
  loadBalancingMethod: LOAD_BALANCING_METHODS,
  exerciseKind: EXERCISE_KINDS,
  exerciseResult: EXERCISE_RESULTS,
  backupMethod: BACKUP_METHODS,
} as const satisfies Readonly<Record<string, readonly CatalogEntry[]>>;

export type EnumName = keyof typeof ENUMS;

export const ENUM_NAMES: readonly EnumName[] = Object.keys(ENUMS) as EnumName[];

function indexById<T extends CatalogEntry>(entries: readonly T[]): ReadonlyMap<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

const categoriesById = indexById(CATEGORIES);
const scenarioTypesById = indexById(SCENARIO_TYPES);
const componentKindsById = indexById(COMPONENT_KINDS);
const enumsById: ReadonlyMap<EnumName, ReadonlyMap<string, CatalogEntry>> = new Map(
  ENUM_NAMES.map((name) => [name, indexById(ENUMS[name])]),
);
const typesByCategory: ReadonlyMap<string, readonly ScenarioType[]> = new Map(
  CATEGORIES.map((category) => [
    category.id,
    SCENARIO_TYPES.filter((type) => type.category === category.id),
  ]),
);

export function categoryById(id: string): Category | undefined {
  return categoriesById.get(id);
}

export function scenarioTypeById(id: string): ScenarioType | undefined {
  return scenarioTypesById.get(id);
}

export function componentKindById(id: string): ComponentKind | undefined {
  return componentKindsById.get(id);
}

export function enumEntryById(name: EnumName, id: string): CatalogEntry | undefined {
  return enumsById.get(name)?.get(id);
}

/** The scenario types of a category in catalog order; empty for an unknown category. */
export function scenarioTypesOf(categoryId: string): readonly ScenarioType[] {
  return typesByCategory.get(categoryId) ?? [];
}
