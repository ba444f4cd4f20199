import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { YamlDocument } from '../parse/yamlDocument';
import { partitionPoint } from '../search';

/** The key or value under the cursor, found by descending the YAML AST by ranges. */
export interface NodeAtOffset {
  readonly kind: 'key' | 'value';
  /**
   * Keys and list positions from the root to the value: for a key, the path of its value
   * (`['scenarios', 0, 'rto']` on the key `rto`); for a value, its own path.
   */
  readonly path: readonly (string | number)[];
  /** The node under the cursor as written (an alias stays an alias): where the hover stands. */
  readonly node: Node;
  /** The value as written: the key's value (null when empty), or the hovered value itself. */
  readonly written: Node | null;
  /** What `written` stands for, aliases followed; null when there is none. */
  readonly value: Node | null;
}

/**
 * The innermost scalar key or value (or alias) at `offset`, with its path. The descent looks only
 * at the collections on the way down, finding each child by binary search over ranges, so it
 * costs the depth times the logarithm of the width: nothing else of the document is visited.
 * Aliases are followed for meaning (`value`) but never for position: the text of an anchor
 * stands where it was defined. Works on whatever the parser recovered from broken YAML.
 */
export function nodeAtOffset(yaml: YamlDocument, offset: number): NodeAtOffset | undefined {
  const path: (string | number)[] = [];
  let here: Node | null = yaml.root;
  for (;;) {
    if (isMap(here)) {
      const pair = childAt(here.items, offset, pairStart, pairEnd);
      if (!pair) return undefined;
      const key = (pair.key as Node | null) ?? null;
      const value = (pair.value as Node | null) ?? null;
      // Complex keys (`? [a, b]`) name nothing drplan knows.
      if (!key || !isScalar(key)) return undefined;
      path.push(String(key.value));
      if (contains(key, offset)) return { kind: 'key', path, node: key, written: value, value: yaml.resolve(value) };
      if (!value || !contains(value, offset)) return undefined;
      here = value;
    } else if (isSeq(here)) {
      const items = here.items as (Node | null)[];
      const index = indexAt(items, offset);
      if (index < 0) return undefined;
      path.push(index);
      here = items[index] as Node;
    } else {
      return undefined; // the root is a scalar, or nothing: no key to speak of
    }
    if (isScalar(here) || isAlias(here)) return { kind: 'value', path, node: here, written: here, value: yaml.resolve(here) };
  }
}

/** Whether `offset` lies on the node: from its first character up to just after its last. */
function contains(node: Node, offset: number): boolean {
  const range = node.range;
  return range != null && range[0] <= offset && offset <= range[1];
}

function pairStart(pair: unknown): number | undefined {
  if (!isPair(pair)) return undefined;
  return ((pair.key as Node | null)?.range ?? (pair.value as Node | null)?.range)?.[0];
}

function pairEnd(pair: unknown): number | undefined {
  if (!isPair(pair)) return undefined;
  return ((pair.value as Node | null)?.range ?? (pair.key as Node | null)?.range)?.[1];
}

function childAt(items: readonly unknown[], offset: number, start: (item: unknown) => number | undefined, end: (item: unknown) => number | undefined): Pair | undefined {
  const index = lastStartingBefore(items, offset, start);
  if (index < 0) return undefined;
  const item = items[index];
  const last = end(item);
  return isPair(item) && last !== undefined && offset <= last ? item : undefined;
}

function indexAt(items: readonly (Node | null)[], offset: number): number {
  const index = lastStartingBefore(items, offset, (item) => (item as Node | null)?.range?.[0]);
  if (index < 0) return -1;
  const item = items[index];
  return item && contains(item, offset) ? index : -1;
}

/**
 * The position of the last item that starts at or before `offset`. Items stand in document
 * order; one without a range (only in ASTs built by hand) is skipped over by the search.
 */
function lastStartingBefore(items: readonly unknown[], offset: number, start: (item: unknown) => number | undefined): number {
  // The nearest item at or before `index` that has a range (-1 if none has).
  const ranged = (index: number): number => {
    let at = index;
    while (at >= 0 && start(items[at]) === undefined) at--;
    return at;
  };
  const last = partitionPoint(items.length, (index) => {
    const probe = ranged(index);
    return probe < 0 || (start(items[probe]) as number) <= offset;
  });
  return ranged(last - 1);
}
