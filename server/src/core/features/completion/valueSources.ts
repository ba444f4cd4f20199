import { CATEGORIES, COMPONENT_KINDS, ENUMS, type CatalogEntry, type Localized } from '../../catalog';
import { type CatalogName, type FieldSpec, type ReferenceList } from '../../schema/fields';
import { definitionAt, field } from '../../schema/fieldLookup';

/**
 * What completion offers as a field's value, made from the field table (../../schema/fields.ts):
 * catalog values, references, typical durations, dates and times, periods, booleans.
 */

export type ValueSource =
  | { readonly kind: 'catalog'; readonly entries: readonly CatalogEntry[] }
  | { readonly kind: 'scenarioType' }
  /** The id of an item of `list`; `many`: a list of such ids (`affects`); `notSelf`: not the item's own. */
  | { readonly kind: 'reference'; readonly list: ReferenceList; readonly many?: true; readonly notSelf?: true }
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'dateTime' }
  | { readonly kind: 'period' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'formatVersion' };

/** What may follow `key:`, as the field table says what the field is. */
function valueSourceOfField(spec: FieldSpec): ValueSource | undefined {
  switch (spec.kind) {
    case 'formatVersion':
      return { kind: 'formatVersion' };
    case 'catalog':
      return spec.catalog === 'scenarioType' ? { kind: 'scenarioType' } : { kind: 'catalog', entries: catalogEntries(spec.catalog) };
    case 'reference':
      return spec.notSelf ? { kind: 'reference', list: spec.list, notSelf: true } : { kind: 'reference', list: spec.list };
    case 'references':
      return { kind: 'reference', list: spec.list, many: true };
    case 'duration':
      return spec.backupIntervals ? { kind: 'duration', typical: spec.typical, backupIntervals: true } : { kind: 'duration', typical: spec.typical };
    case 'date':
      return { kind: 'date' };
    case 'dateTime':
      return { kind: 'dateTime' };
    case 'period':
      return { kind: 'period' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return undefined;
  }
}

function catalogEntries(name: Exclude<CatalogName, 'scenarioType'>): readonly CatalogEntry[] {
  switch (name) {
    case 'category':
      return CATEGORIES;
    case 'componentKind':
      return COMPONENT_KINDS;
    default:
      return ENUMS[name];
  }
}

const sources = new Map<FieldSpec, ValueSource | undefined>();

/** What `key` of the schema definition `definition` takes. */
export function valueSourceOf(definition: string, key: string): ValueSource | undefined {
  const spec = field(definition, key);
  if (!spec) return undefined;
  if (!sources.has(spec)) sources.set(spec, valueSourceOfField(spec));
  return sources.get(spec);
}

/** What `key` of the mapping at `path` takes. */
export function valueSourceAt(path: readonly (string | number)[], key: string): ValueSource | undefined {
  const definition = definitionAt(path);
  return definition === undefined ? undefined : valueSourceOf(definition, key);
}

/** Which of the scenario type's suggested steps `key` of `definition` lists, if any. */
export function stepListOf(definition: string, key: string): 'prevention' | 'recovery' | undefined {
  const spec = field(definition, key);
  return spec?.kind === 'steps' ? spec.catalog : undefined;
}
