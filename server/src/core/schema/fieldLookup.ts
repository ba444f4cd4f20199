import type { Locale } from '../types';
import { FIELDS, type FieldDoc, type FieldSpec } from './fields';

/**
 * Questions about the field table (fields.ts): the field of a key in a mapping, the mapping at a
 * path of the plan, the reference fields. Built once from the table.
 */

const byDefinition: ReadonlyMap<string, ReadonlyMap<string, FieldSpec>> = (() => {
  const result = new Map<string, Map<string, FieldSpec>>();
  for (const spec of FIELDS) {
    let keys = result.get(spec.definition);
    if (!keys) result.set(spec.definition, (keys = new Map()));
    keys.set(spec.key, spec);
  }
  return result;
})();

/** The field `key` of the mappings of `definition`. */
export function field(definition: string, key: string): FieldSpec | undefined {
  return byDefinition.get(definition)?.get(key);
}

/** The fields of the mappings of `definition`, in the schema's order. */
export function fieldsOf(definition: string): readonly FieldSpec[] {
  return [...(byDefinition.get(definition)?.values() ?? [])];
}

/** The definitions that have fields (mappings of the format). */
export function definitions(): readonly string[] {
  return [...byDefinition.keys()];
}

/** The definition of the mappings a field holds (a section, a list's items), if any. */
export function mappingOf(spec: FieldSpec): string | undefined {
  return spec.kind === 'section' || spec.kind === 'items' || spec.kind === 'steps' ? spec.mapping : undefined;
}

/**
 * The definition of the mapping at a path of keys and list positions (`root`, `plan`,
 * `scenario`, `recoveryStep`, …), or undefined where the path names no mapping of the format.
 */
export function definitionAt(path: readonly (string | number)[]): string | undefined {
  let definition: string | undefined = 'root';
  let list: FieldSpec | undefined; // the list field whose position comes next
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!list || (list.kind !== 'items' && list.kind !== 'steps')) return undefined;
      definition = mappingOf(list);
      list = undefined;
      if (definition === undefined) return undefined;
      continue;
    }
    if (definition === undefined || list) return undefined;
    const spec = field(definition, segment);
    if (!spec) return undefined;
    if (spec.kind === 'items' || spec.kind === 'steps') {
      list = spec;
      definition = undefined;
    } else {
      definition = spec.kind === 'section' ? spec.mapping : undefined;
      if (definition === undefined) return undefined;
    }
  }
  return list ? undefined : definition;
}

/** The field `key` of the mapping at `path`. */
export function fieldAt(path: readonly (string | number)[], key: string): FieldSpec | undefined {
  const definition = definitionAt(path);
  return definition === undefined ? undefined : field(definition, key);
}

/**
 * The field a scalar value at `path` is the value of: the field its last key names, or for an
 * item of a plain list (`affects`, `prevention`) that list's field.
 */
export function fieldOfValue(path: readonly (string | number)[]): FieldSpec | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const key = path[path.length - 2];
    const spec = typeof key === 'string' ? fieldAt(path.slice(0, -2), key) : undefined;
    return spec?.kind === 'references' || spec?.kind === 'steps' ? spec : undefined;
  }
  const spec = typeof last === 'string' ? fieldAt(path.slice(0, -1), last) : undefined;
  return spec && spec.kind !== 'references' && spec.kind !== 'steps' && spec.kind !== 'items' && spec.kind !== 'section' ? spec : undefined;
}

/** The title and description of `key` in the mapping at `path`, in the locale. */
export function fieldDoc(path: readonly (string | number)[], key: string, locale: Locale): FieldDoc | undefined {
  return fieldAt(path, key)?.[locale];
}

/** Every field that names items of another list: one reference, or a list of them. */
export const REFERENCE_FIELDS: readonly (FieldSpec & { readonly kind: 'reference' | 'references' })[] = FIELDS.filter(
  (spec): spec is FieldSpec & { readonly kind: 'reference' | 'references' } => spec.kind === 'reference' || spec.kind === 'references',
);

const referring = new Map<string, readonly FieldSpec[]>();

/**
 * The fields of `definition` that are references, or mappings that (at any depth) hold
 * references: what the model reads to collect every reference of an item.
 */
export function referringFields(definition: string): readonly FieldSpec[] {
  let result = referring.get(definition);
  if (result) return result;
  referring.set(definition, []); // no definition contains itself; guards the recursion anyway
  result = fieldsOf(definition).filter((spec) => {
    if (spec.kind === 'reference' || spec.kind === 'references') return true;
    const mapping = mappingOf(spec);
    return mapping !== undefined && referringFields(mapping).length > 0;
  });
  referring.set(definition, result);
  return result;
}
