import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBlank, keyLine } from '../../server/src/core/yaml/keyLine';

/**
 * yaml/keyLine.ts reads a line's key as the pattern it replaces did, in one pass: compared with
 * that pattern on every line of a large sample of short lines made of the characters that
 * matter, and timed on long runs of blanks.
 */
const PATTERN = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:/;
const ALPHABET = [' ', ' ', '-', ':', '#', '"', "'", 'a', 'b', '\t', '{', '|', '>', '\u00a0', '\u2028'];

function* lines(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < count; n++) {
    let line = '';
    const length = Math.floor(next() * 12);
    for (let i = 0; i < length; i++) line += ALPHABET[Math.floor(next() * ALPHABET.length)];
    yield line;
  }
}

describe('keyLine', () => {
  it('reads indent, dashes, key and the rest as the pattern does', () => {
    for (const line of lines(100_000)) {
      const match = PATTERN.exec(line);
      const read = keyLine(line);
      const expected = match ? [match[1]!.length, match[2] ?? '', match[3]!.trim(), line.slice(match[0].length)] : undefined;
      assert.deepEqual(read && [read.indent, read.dashText, read.rawKey.trim(), read.rest], expected, JSON.stringify(line));
    }
  });

  it('takes blanks as \\s does', () => {
    for (let code = 0; code < 0x10000; code++) assert.equal(isBlank(code), /\s/.test(String.fromCharCode(code)), code.toString(16));
  });

  it('reads a line with 1,000,000 blanks at once', () => {
    const blanks = ' '.repeat(1_000_000);
    const start = performance.now();
    assert.equal(keyLine(`a${blanks}b`), undefined);
    assert.equal(keyLine(`  - key: "a${blanks}b"`)?.rawKey, 'key');
    assert.equal(keyLine(`a${blanks}: x`)?.rawKey, 'a');
    assert.ok(performance.now() - start < 1000);
  });
});
