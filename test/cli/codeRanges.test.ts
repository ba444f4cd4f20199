import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureFiles, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { readMarkers, showRange } from '../support/markers';

/**
 * `drplan check --format json` reports every code of the fixtures at the range their caret
 * comments mark (test/unit/codes.test.ts asks the core the same; test/lsp/server.test.ts shows
 * the server says what the CLI says): the built CLI, one run over all of them.
 */

const CLI = join(ROOT, 'dist', 'cli.js');

interface Reported {
  readonly file: string;
  readonly code: string;
  readonly range: Parameters<typeof showRange>[0];
}

describe('drplan check reports each code at the range format.md fixes', () => {
  const files = [...fixtureFiles('codes'), ...fixtureFiles('styles')];
  let output: string;
  try {
    output = execFileSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit status 1: the fixtures have errors
  }
  const reported = JSON.parse(output) as Reported[];

  for (const file of files) {
    it(basename(file), () => {
      const { expected, ignored } = readMarkers(read(file));
      const actual = reported
        .filter((d) => d.file === file && !ignored.has(d.code))
        .map((d) => `${d.code} ${showRange(d.range)}`)
        .sort();
      assert.deepEqual(actual, expected.map((e) => `${e.code} ${showRange(e.range)}`).sort());
    });
  }

  it('reports approval-missing at the status value and no-deputy at the contact’s first line', () => {
    const of = (name: string, code: string) =>
      reported.filter((d) => basename(d.file) === name && d.code === code).map((d) => showRange(d.range));
    assert.deepEqual(of('approval-missing.drplan.yaml', 'approval-missing'), ['10:11-10:19']);
    assert.deepEqual(of('no-deputy.drplan.yaml', 'no-deputy'), ['13:5-13:19', '20:5-20:78']);
  });
});
