/**
 * Checks of a composed tree that yaml would make while composing it, done in one walk afterwards;
 * the fast block-YAML path (blockYaml.ts) finds duplicate keys with the same MappingKeys as it reads.
 */
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Scalar, type YAMLMap } from 'yaml';
import { MAX_NESTING_DEPTH } from '../limits';

/**
 * One walk over a freshly composed tree, without recursion: reports duplicate keys as yaml would
 * (DUPLICATE_KEY at the later key), and the first collection cut off as too deep, once, as
 * RESOURCE_EXHAUSTION (the code of yaml's composer when it runs out of call stack, which it now
 * never does).
 */
export function checkTree(doc: Document.Parsed, cuts: readonly number[]): void {
  const duplicates: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  const keys = new MappingKeys();
  // This walks every node of a plan's first check, in code not yet optimised: indexed loops (each
  // step of an iterator would be an object), only collections on the stack.
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    const items = node.items as unknown[];
    const keyed = isMap(node) && items.length > 1;
    keys.clear();
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isPair(item)) {
        if (isMap(item) || isSeq(item)) stack.push(item);
        continue;
      }
      const key = item.key;
      const duplicate = keyed ? keys.add(key) : undefined;
      if (duplicate) duplicates.push(duplicate);
      if (isMap(key) || isSeq(key)) stack.push(key);
      const value = item.value;
      if (isMap(value) || isSeq(value)) stack.push(value);
    }
  }
  if (duplicates.length > 0) {
    for (const duplicate of duplicates) doc.errors.push(duplicate); // not spread: there may be millions
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  if (cuts.length === 0 && !exhausted) return;
  let start = exhausted?.pos[0] ?? Number.POSITIVE_INFINITY;
  for (const cut of cuts) if (cut < start) start = cut;
  for (let i = doc.errors.length - 1; i >= 0; i--) if (doc.errors[i]?.code === 'RESOURCE_EXHAUSTION') doc.errors.splice(i, 1);
  doc.errors.push(new YAMLParseError([start, start + 1], 'RESOURCE_EXHAUSTION', `nested deeper than ${MAX_NESTING_DEPTH} levels`));
}

/**
 * The unique keys of one mapping read so far, to find the keys that repeat one (yaml's
 * DUPLICATE_KEY, at the later key). The usual mapping of a dozen keys is compared in an array
 * (Array's includes, a builtin, is fast before any optimisation; a Set per mapping would be an
 * object more), a larger one in a Set.
 */
export class MappingKeys {
  private readonly few: unknown[] = [];
  private many: Set<unknown> | undefined;

  /** For the next mapping. */
  clear(): void {
    this.few.length = 0;
    this.many = undefined;
  }

  /** yaml's error when `key` repeats an earlier unique key of the mapping; else it is one of them now. */
  add(key: unknown): YAMLParseError | undefined {
    if (!isUniqueKey(key)) return undefined;
    const value = key.value;
    if (this.many) {
      if (this.many.has(value)) return duplicateKeyError(key);
      this.many.add(value);
      return undefined;
    }
    if (this.few.includes(value)) return duplicateKeyError(key);
    this.few.push(value);
    if (this.few.length > FEW_KEYS) this.many = new Set(this.few);
    return undefined;
  }
}

/** Up to this many keys, a mapping's keys are compared one by one (MappingKeys). */
const FEW_KEYS = 16;

/** yaml's error for a key that repeats an earlier one of its mapping. */
function duplicateKeyError(key: Scalar): YAMLParseError {
  const start = key.range?.[0] ?? 0;
  return new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
}

/** A key that must be unique in its mapping: a scalar other than the merge key and NaN. */
function isUniqueKey(key: unknown): key is Scalar {
  return isScalar(key) && !isMergeKey(key.value) && !Number.isNaN(key.value);
}

/** Whether a mapping has a merge key (`<<`). */
export function hasMergeKey(map: YAMLMap): boolean {
  const items = map.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isPair(item) && isScalar(item.key) && isMergeKey(item.key.value)) return true;
  }
  return false;
}

export function isMergeKey(value: unknown): boolean {
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}
