import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { YamlDocument } from '../parse/yamlDocument';

/** A node named by a JSON pointer, and whether it is written where the path leads. */
export interface PointerTarget {
  readonly value: Node | null;
  /** The key whose value it is (undefined for the root and list items). */
  readonly keyNode: Node | undefined;
  /**
   * False when the way led through an alias or a merge key: the text stands elsewhere (at the
   * anchor), and an insertion there would change every place that uses it.
   */
  readonly own: boolean;
}

/** The keys (and list positions, as written) of a JSON pointer, `~1` and `~0` decoded. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follows a JSON pointer (as ajv's `instancePath`) through the YAML. */
export function nodeAtPointer(yaml: YamlDocument, pointer: string): PointerTarget | undefined {
  const segments = pointerSegments(pointer);
  let own = !isAlias(yaml.root);
  let here: PointerTarget = { value: yaml.resolve(yaml.root), keyNode: undefined, own };
  for (const segment of segments) {
    const node = here.value;
    if (isMap(node)) {
      const found = yaml.entries(node).get(segment);
      if (!found) return undefined;
      const ownPair = node.items.some((item) => isPair(item) && item.key === found.keyNode);
      own = own && ownPair && !isAlias(found.written);
      here = { value: found.value, keyNode: found.keyNode, own };
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) return undefined;
      own = own && !isAlias(item);
      here = { value: yaml.resolve(item), keyNode: undefined, own };
    } else {
      return undefined;
    }
  }
  return here;
}

/** The own pair of `key` in a mapping (not one merged in through `<<`). */
export function ownPair(map: YAMLMap, key: string): { key: Node; value: Node | null } | undefined {
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as Node | null;
    if (keyNode && isScalar(keyNode) && String(keyNode.value) === key) return { key: keyNode, value: (item.value as Node | null) ?? null };
  }
  return undefined;
}
