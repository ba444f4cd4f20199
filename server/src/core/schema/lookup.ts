import { planSchema } from './planSchema';

/** The part of a JSON Schema drplan reads for help texts and completion. */
export interface SchemaNode {
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
  readonly $ref?: string;
  readonly examples?: readonly unknown[];
}

const root = planSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

/** Follows `$ref` (and merges the referring node's own title and description over it). */
export function resolveSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = resolveSchema(root.definitions[name]);
  if (!target) return node;
  return { ...target, title: node.title ?? target.title, description: node.description ?? target.description };
}

/**
 * The schema of the value at a path of keys and list positions, e.g.
 * `['scenarios', 0, 'recovery', 1]`. Mapping items of `recovery` resolve to the step object.
 */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let here: SchemaNode | undefined = root;
  for (const segment of path) {
    here = resolveSchema(here);
    if (!here) return undefined;
    if (typeof segment === 'number') {
      const items = resolveSchema(here.items);
      here = items?.then ?? items;
    } else {
      here = here.properties?.[segment];
    }
  }
  return resolveSchema(here);
}

/** The keys a mapping at `path` may have, required ones first, each with its schema. */
export function keysAt(path: readonly (string | number)[]): { key: string; required: boolean; schema: SchemaNode }[] {
  const node = schemaAt(path);
  const properties = node?.properties;
  if (!properties) return [];
  const required = new Set(node.required ?? []);
  return Object.entries(properties)
    .map(([key, schema]) => ({ key, required: required.has(key), schema: resolveSchema(schema) ?? schema }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}
