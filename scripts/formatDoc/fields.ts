/**
 * The fields of the format, section by section, as the reference lists them. `fieldSections` is
 * the one place they come from: today the JSON Schema (the shape) with fieldDocs' German titles;
 * when the field table (server/src/core/schema/fields.ts) lands, its body reads that instead and
 * the rest of the generator stays as it is.
 */
import { fieldDoc } from '../../server/src/core/schema/fieldDocs';
import { resolveSchema, schemaAt, type SchemaNode } from '../../server/src/core/schema/lookup';

/** What a value of a field is. */
export type FieldValue =
  | { readonly kind: 'text' | 'duration' | 'date' | 'id' | 'boolean' }
  /** The id of an item of `list` (e.g. `contacts`), where the source says which. */
  | { readonly kind: 'reference'; readonly list?: string }
  | { readonly kind: 'number'; readonly integer: boolean; readonly bounds: readonly string[] }
  | { readonly kind: 'const'; readonly value: string }
  /** `open`: other text is allowed too, these are the known values. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly open: boolean }
  /** A mapping, listed in the section of that `path`. */
  | { readonly kind: 'mapping'; readonly section: string }
  | { readonly kind: 'list'; readonly of: FieldValue; readonly minItems: number }
  | { readonly kind: 'either'; readonly options: readonly FieldValue[] };

export interface FieldRow {
  readonly key: string;
  readonly required: boolean;
  readonly value: FieldValue;
  /** The German title, as hover and completion show it. */
  readonly german: string;
  /** English, with the German terms in parentheses. */
  readonly description: string;
}

export interface FieldSection {
  /** Where the mapping stands: '' at the top level, `plan`, `scenarios[]`, `scenarios[].recovery[]`. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldRow[];
}

/** Every mapping of the format with its fields, in the order of the format: a mapping, then those inside it. */
export function fieldSections(): FieldSection[] {
  const root = schemaAt([]);
  if (!root) throw new Error('the plan schema has no root');
  const sections: FieldSection[] = [];
  // The root's description speaks of the schema and the language server: the reference's prose says what the top level is.
  visit({ schema: root, path: '', at: [], title: 'Top level', description: '' }, sections);
  return sections;
}

// ---------------------------------------------------------------------------
// from the JSON Schema

/** The keywords the reference reads beyond lookup's SchemaNode. */
interface FieldSchema extends SchemaNode {
  readonly minItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/** A mapping still to be listed: its schema, its path as the reference writes it, and as fieldDoc reads it. */
interface Mapping {
  readonly schema: SchemaNode;
  readonly path: string;
  readonly at: readonly (string | number)[];
  readonly title: string;
  readonly description: string;
}

/** The schema's definitions of single values, by name. */
const VALUE_DEFINITIONS: Readonly<Record<string, FieldValue>> = {
  text: { kind: 'text' },
  duration: { kind: 'duration' },
  date: { kind: 'date' },
  id: { kind: 'id' },
  reference: { kind: 'reference' },
};

function visit(mapping: Mapping, sections: FieldSection[]): void {
  const required = new Set(mapping.schema.required ?? []);
  const fields: FieldRow[] = [];
  const inside: Mapping[] = [];
  sections.push({ path: mapping.path, title: mapping.title, description: mapping.description, fields });
  for (const [key, raw] of Object.entries(mapping.schema.properties ?? {})) {
    const path = mapping.path ? `${mapping.path}.${key}` : key;
    fields.push({
      key,
      required: required.has(key),
      value: valueOf(raw, path, [...mapping.at, key], inside),
      german: fieldDoc(mapping.at, key, 'de')?.title ?? '',
      description: resolveSchema(raw)?.description ?? '',
    });
  }
  for (const child of inside) visit(child, sections);
}

/** What the value at `path` is; a mapping is noted in `inside`, to be listed after this one. */
function valueOf(raw: SchemaNode, path: string, at: readonly (string | number)[], inside: Mapping[]): FieldValue {
  const definition = raw.$ref?.replace('#/definitions/', '');
  const named = definition === undefined ? undefined : VALUE_DEFINITIONS[definition];
  if (named) return named;
  const schema: FieldSchema = resolveSchema(raw) ?? raw;
  if (schema.properties) {
    inside.push({ schema, path, at, title: schema.title ?? path, description: schema.description ?? '' });
    return { kind: 'mapping', section: path };
  }
  if (schema.const !== undefined) return { kind: 'const', value: String(schema.const) };
  if (schema.enum) return { kind: 'enum', values: schema.enum.map(String), open: false };
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.length > 1) return { kind: 'either', options: types.map((type) => simpleValue(type, schema)) };
  if (types[0] === 'array') {
    const items = schema.items;
    const itemPath = `${path}[]`;
    const itemAt = [...at, 0];
    let of: FieldValue = { kind: 'text' };
    if (items?.then && items.else) {
      // `recovery`: a text, or a mapping (a step with its duration and who does it)
      of = { kind: 'either', options: [valueOf(items.else, itemPath, itemAt, inside), valueOf(items.then, itemPath, itemAt, inside)] };
    } else if (items) {
      of = valueOf(items, itemPath, itemAt, inside);
    }
    return { kind: 'list', of, minItems: schema.minItems ?? 0 };
  }
  // `backups[].method`: any text, the examples are the known methods
  if (types[0] === 'string' && schema.examples) return { kind: 'enum', values: schema.examples.map(String), open: true };
  return simpleValue(types[0] ?? 'string', schema);
}

function simpleValue(type: string, schema: FieldSchema): FieldValue {
  switch (type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
    case 'integer':
      return { kind: 'number', integer: type === 'integer', bounds: boundsOf(schema) };
    default:
      return { kind: 'text' };
  }
}

function boundsOf(schema: FieldSchema): string[] {
  const bounds: string[] = [];
  if (schema.exclusiveMinimum !== undefined) bounds.push(`above ${schema.exclusiveMinimum}`);
  if (schema.minimum !== undefined) bounds.push(`at least ${schema.minimum}`);
  if (schema.exclusiveMaximum !== undefined) bounds.push(`below ${schema.exclusiveMaximum}`);
  if (schema.maximum !== undefined) bounds.push(`at most ${schema.maximum}`);
  return bounds;
}
