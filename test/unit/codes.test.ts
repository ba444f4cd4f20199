import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, DIAGNOSTIC_CODES } from '../../server/src/core';
import { fixtureFiles, read, TODAY } from '../support/fixtures';
import { readMarkers, showRange } from '../support/markers';

/**
 * Every fixture under test/fixtures/codes marks the diagnostics it must produce with caret
 * comments; any diagnostic it does not mark (and does not ignore) is a false positive.
 */
describe('diagnostic codes at the ranges format.md fixes', () => {
  const covered = new Set<string>();
  for (const file of [...fixtureFiles('codes'), ...fixtureFiles('styles')]) {
    it(basename(file), () => {
      const text = read(file);
      const { expected, ignored } = readMarkers(text);
      const actual = analyze(text, { today: TODAY })
        .diagnostics('en')
        .filter((d) => !ignored.has(d.code))
        .map((d) => `${d.code} ${showRange(d.range)}`)
        .sort();
      const wanted = expected.map((e) => `${e.code} ${showRange(e.range)}`).sort();
      assert.deepEqual(actual, wanted);
      for (const e of expected) covered.add(e.code);
    });
  }
  it('covers every code of format.md', () => {
    assert.deepEqual(DIAGNOSTIC_CODES.filter((code) => !covered.has(code)), []);
  });
});
