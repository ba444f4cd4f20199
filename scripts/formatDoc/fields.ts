/**
 * The fields of the format, section by section, as the reference lists them: the field table
 * (core/schema/fields.ts) says what each key holds and what it means; the JSON Schema, which
 * the table is tested against, adds what is required and how short a list may be.
 */
import { type FieldKind } from '../../server/src/core/schema/fields';
import { fieldsOf, mappingOf } from '../../server/src/core/schema/fieldLookup';
import { resolveSchema, schemaAt, type SchemaNode } from '../../server/src/core/schema/lookup';

export interface FieldRow {
  readonly key: string;
  /** Where the key stands: `scenarios[].rto`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The fewest items a list must have (0: any). */
  readonly minItems: number;
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
  const sections: FieldSection[] = [];
  // The schema's description of the root speaks of the schema; the reference's prose says what the top level is.
  visit({ definition: 'root', path: '', at: [], title: 'Top level', description: '' }, sections);
  return sections;
}

/** Every field, mapping by mapping. */
export function allFields(sections: readonly FieldSection[]): FieldRow[] {
  return sections.flatMap((section) => section.fields);
}

/** A mapping to list: its definition in the table, its path as the reference writes it and as the schema is walked. */
interface Mapping {
  readonly definition: string;
  readonly path: string;
  readonly at: readonly (string | number)[];
  readonly title: string;
  readonly description: string;
}

/** The schema keyword the reference reads beyond lookup's SchemaNode. */
interface ListSchema extends SchemaNode {
  readonly minItems?: number;
}

function visit(mapping: Mapping, sections: FieldSection[]): void {
  const required = new Set(schemaAt(mapping.at)?.required ?? []);
  const specs = fieldsOf(mapping.definition);
  const fields = specs.map((spec): FieldRow => {
    const list: ListSchema | undefined = schemaAt([...mapping.at, spec.key]);
    return {
      key: spec.key,
      path: mapping.path ? `${mapping.path}.${spec.key}` : spec.key,
      kind: spec,
      required: required.has(spec.key),
      minItems: list?.minItems ?? 0,
      german: spec.de.title,
      description: spec.en.description,
    };
  });
  sections.push({ path: mapping.path, title: mapping.title, description: mapping.description, fields });
  for (const spec of specs) {
    const definition = mappingOf(spec);
    if (definition === undefined) continue;
    const path = mapping.path ? `${mapping.path}.${spec.key}` : spec.key;
    const single = spec.kind === 'section';
    const schema = resolveSchema({ $ref: `#/definitions/${definition}` });
    visit(
      {
        definition,
        path: single ? path : `${path}[]`,
        at: single ? [...mapping.at, spec.key] : [...mapping.at, spec.key, 0],
        title: schema?.title ?? definition,
        description: schema?.description ?? '',
      },
      sections,
    );
  }
}
