/**
 * Binary search over things kept in ascending order (line starts, spans, list positions), so that
 * one loop, tested once, serves every lookup by offset.
 */

/**
 * The first index in [0, count) at which `isBefore` is false, or `count` when it never is.
 * `isBefore` must be true up to some index and false from there on (items in ascending order,
 * asked "do you come before what I look for?").
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last item whose key is ≤ `target` (items ascending by key), or -1 if none is. */
export function lastAtOrBefore<T>(items: readonly T[], target: number, key: (item: T) => number): number {
  return partitionPoint(items.length, (index) => key(items[index] as T) <= target) - 1;
}
