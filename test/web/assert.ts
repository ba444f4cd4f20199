/**
 * `node:assert/strict` for the web suite: the extension host's web worker has no Node, so the
 * bundle (scripts/lib/test-web-build.mjs) takes this module for it, in test/web/ and in the files
 * of test/vscode/ that run in both hosts. It has what those files use, each assertion throwing an
 * AssertionError that says what was expected and what there was. deepEqual compares plain data
 * (what JSON says: strings, numbers, booleans, arrays, objects), which is what the tests compare.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);
const prefix = (message: string | undefined) => (message ? `${message}: ` : '');

export function fail(message: string): never {
  throw new AssertionError(message);
}

export function ok(value: unknown, message = `expected a truthy value, got ${show(value)}`): asserts value {
  if (!value) fail(message);
}

/** `actual` is `expected` (Object.is, as strict mode's equal). */
export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(`${prefix(message)}expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual<T>(actual: T, expected: T, message?: string): void {
  if (Object.is(actual, expected)) fail(`${prefix(message)}expected anything but ${show(expected)}`);
}

/** Plain data equal item by item, in order. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${prefix(message)}expected ${e}, got ${a}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(`${prefix(message)}expected a match of ${pattern}, got ${show(actual)}`);
}

/** The promise (or what `block` returns) rejects, and `check`, if given, holds for its error. */
export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), check?: (error: Error) => boolean, message?: string): Promise<void> {
  try {
    await (typeof block === 'function' ? block() : block);
  } catch (error) {
    if (check && check(error as Error) !== true) fail(`${prefix(message)}the error does not match: ${String(error)}`);
    return;
  }
  fail(`${prefix(message)}expected a rejection`);
}

export default { AssertionError, fail, ok, equal, notEqual, deepEqual, match, rejects };
