import type { YamlDocument } from '../parse/yamlDocument';
import { moveFinding, movedFinding as moved } from './diagnostic';
import { placedItemFindings, placedSchemaFindings, type PlacedFinding } from './schemaErrors';

/**
 * The schema's findings of a version, handed on to the next: a keystroke inside one item of a
 * top-level list checks that item against the schema again and takes the other findings over,
 * moved with the text (in place: their spans are copies of their own, which nothing else moves).
 */
export type SchemaMemory = readonly PlacedFinding[];

/** Where the edit lay: the item of a top-level list that was parsed again, and how the text after it moved. */
export interface EditedItem {
  readonly list: string;
  readonly index: number;
  /** Offsets at or after `from` (in the previous text) moved by `delta`. */
  readonly from: number;
  readonly delta: number;
}

export function schemaFindings(
  yaml: YamlDocument,
  value: unknown,
  /** With what moves the offsets of the later items, which a whole check reads (see Analysis.settle). */
  previous?: { readonly memory: SchemaMemory; readonly edited: EditedItem; readonly settle: () => void },
): SchemaMemory {
  const item = previous && itemValue(value, previous.edited);
  if (!previous || item === undefined) {
    previous?.settle();
    return placedSchemaFindings(yaml, value).map(({ path, finding }) => ({ path, finding: moved(finding, 0, 0) }));
  }
  const { list, index, from, delta } = previous.edited;
  const inside = `/${list}/${index}`;
  const kept = previous.memory.filter(({ path }) => path !== inside && !path.startsWith(`${inside}/`));
  // Moved in place: the findings are the memory's own copies.
  if (delta !== 0) kept.forEach(({ finding }) => moveFinding(finding, from, delta));
  const result: PlacedFinding[] = kept;
  for (const { path, finding } of placedItemFindings(yaml, list, index, item.value)) result.push({ path, finding: moved(finding, 0, 0) });
  return result;
}

function itemValue(value: unknown, edited: EditedItem): { readonly value: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const list = (value as Record<string, unknown>)[edited.list];
  return Array.isArray(list) && edited.index < list.length ? { value: list[edited.index] } : undefined;
}
