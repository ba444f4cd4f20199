import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { MAX_NESTING_DEPTH } from '../limits';
import { isMergeKey } from './treeChecks';
import type { YamlDocument } from './yamlDocument';

/**
 * The plain JavaScript value of the document, for schema validation. Aliases are followed and
 * merge keys applied. Billion-laughs texts expand exponentially through aliases; the expansion
 * is counted, and an alias that would push it past the budget becomes null and a problem
 * instead of a frozen server.
 */
export function toPlainValue(yaml: YamlDocument, itemValues?: ItemValues): unknown {
  const budget = Math.max(10_000, yaml.nodeCount * 4);
  const sizes = new Map<Node, number>();
  let expanded = 0;
  let reported = 0;

  /**
   * The number of nodes a node stands for once every alias in it is expanded. What expands deeper
   * than the nesting limit counts as too large: the conversion below recurses that deep.
   */
  const sizeOf = (node: Node | null, depth: number): number => {
    if (node == null) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (depth > MAX_NESTING_DEPTH) {
      size = budget + 1;
    } else if (isAlias(node)) {
      size = sizeOf(yaml.resolve(node), depth + 1);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) size += sizeOf(item.value as Node | null, depth + 1);
        else size += sizeOf(item as Node, depth + 1);
        if (size > budget) break;
      }
    }
    size = Math.min(size, budget + 1);
    sizes.set(node, size);
    return size;
  };

  const convert = (written: Node | null, depth: number): unknown => {
    if (written == null) return null;
    let node: Node | null = written;
    if (isAlias(written)) {
      const cost = sizeOf(written, 0);
      if (expanded + cost > budget) {
        yaml.brokenAliases.add(written);
        if (reported++ < 20) {
          const [start, end] = yaml.span(written);
          yaml.problems.push({ kind: 'alias-expansion', detail: written.source, start, end });
        }
        return null;
      }
      node = yaml.resolve(written);
      if (node == null) return null;
    }
    expanded++;
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      // forEach, not for…of: this runs for every mapping of a plan's first check, in code not yet
      // optimised, where each step of an iterator is an object (and each entry an array).
      yaml.entries(node).forEach((entry, key) => {
        // A merged value is a copy, like an alias: it costs what it expands to.
        if (entry.merged) {
          const cost = sizeOf(entry.written, 0);
          if (expanded + cost > budget) {
            if (reported++ < 20) {
              const [start, end] = yaml.span(mergeKeyOf(node) ?? node);
              yaml.problems.push({ kind: 'merge-expansion', detail: key, start, end });
            }
            setOwn(object, key, null);
            return;
          }
        }
        setOwn(object, key, convert(entry.written, depth + 1));
      });
      return object;
    }
    if (isSeq(node)) {
      if (depth === 1 && itemValues) {
        // The items of a top-level list: an unchanged item (the same node) keeps its value.
        return node.items.map((item) => {
          const known = itemValues.get(item as Node);
          if (known !== undefined) return known;
          const value = convert(item as Node, depth + 1);
          itemValues.set(item as Node, value);
          return value;
        });
      }
      return node.items.map((item) => convert(item as Node, depth + 1));
    }
    return null;
  };

  return convert(yaml.root, 0);
}

/** The first `<<` key of a mapping: where a refused merge is reported. */
function mergeKeyOf(map: YAMLMap): Node | undefined {
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (isScalar(key) && isMergeKey(key.value)) return key;
  }
  return undefined;
}

/**
 * Plain values of top-level list items by their YAML node, carried from one version to the next
 * while the tree is patched rather than parsed again. Only for texts without aliases, whose
 * values never depend on the expansion budget.
 */
export type ItemValues = WeakMap<Node, unknown>;

/**
 * `object[key] = value`, but a key `__proto__` becomes an own property like any other key (an
 * assignment would set the object's prototype instead, and `__proto__: {title: X}` would make a
 * missing `title` look present to the schema).
 */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
