/**
 * The assertions of the web suite: node:assert is not there in the extension host's web worker.
 * Each throws an AssertionError that says what was expected and what there was.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value));

export function fail(message: string): never {
  throw new AssertionError(message);
}

export function ok(value: unknown, message = `expected a truthy value, got ${show(value)}`): asserts value {
  if (!value) fail(message);
}

/** `actual` is `expected` (Object.is). */
export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

/** Plain data (what JSON can say: strings, numbers, arrays, objects) equal item by item, in order. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(`${message ? `${message}: ` : ''}expected a match of ${pattern}, got ${show(actual)}`);
}
