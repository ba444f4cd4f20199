/**
 * `drplan check --format sarif` as Microsoft's SARIF validator sees it: no error and no warning,
 * by the rules of the SARIF specification and by those of GitHub code scanning (which refuses a
 * rule without descriptions and help). What it still notes is advice drplan does not take, each
 * for a reason:
 *   SARIF2002 messages as `id` and `arguments`: drplan's messages are whole sentences in German or English;
 *   SARIF2003 `versionControlProvenance`: the check does not ask git (the CI service knows the commit);
 *   SARIF2009 rule ids like `DR1001`: the codes are a contract of their own (docs/format.md);
 *   SARIF2010, SARIF2011 snippets of the plan in the log: the plan is in the repository beside it;
 *   SARIF2012 a friendly name of `untested`: one word, the name would repeat the id (SARIF1001).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';
import { validateSarif } from '../support/sarifValidator';

const CLI = join(ROOT, 'dist', 'cli.js');
const ADVISED = ['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2012'];

describe('drplan check --format sarif and the SARIF validator', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-sarif-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function sarifOf(name: string, args: string[], cwd = ROOT): string {
    const run = spawnSync('node', [CLI, 'check', '--format', 'sarif', '--today', TODAY_ISO, ...args], { encoding: 'utf8', cwd });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const file = join(scratch, `${name}.sarif`);
    writeFileSync(file, run.stdout);
    return file;
  }

  it('finds no error and no warning in the findings of every code, in either language', () => {
    for (const lang of ['en', 'de']) {
      // relative paths, as a CI job gives them
      const file = sarifOf(`codes-${lang}`, ['--lang', lang, 'examples', 'test/fixtures/codes']);
      const { problems, notes } = validateSarif(file);
      assert.deepEqual(problems, [], lang);
      assert.deepEqual([...new Set(notes.map((note) => note.ruleId))].sort(), ADVISED, lang);
      assert.deepEqual(notes.filter((note) => note.ruleId === 'SARIF2012').map((note) => note.text.match(/rule '([^']+)'/)?.[1]), ['untested']);
    }
  });

  it('finds none in a log of absolute paths (file URLs) or of no findings', () => {
    const absolute = validateSarif(sarifOf('absolute', [join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml'), join(EXAMPLES, 'plone-intranet.drplan.yaml')]));
    assert.deepEqual(absolute.problems, []);
    const clean = join(scratch, 'clean.drplan.yaml');
    writeFileSync(clean, 'drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios: []\nnot_applicable: []\n');
    assert.deepEqual(validateSarif(sarifOf('clean', [clean], scratch)).problems, []);
  });

  it('tells a rule the validator finds wrong: a log with a rule without descriptions', () => {
    // The validator itself, checked: the log drplan wrote before it gave each rule its descriptions.
    const old = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'drplan', version: '0.1.0', rules: [{ id: 'rto-exceeded', name: 'rto-exceeded' }] } }, results: [] }],
    };
    const file = join(scratch, 'old.sarif');
    writeFileSync(file, JSON.stringify(old));
    const ids = validateSarif(file).problems.map((problem) => problem.ruleId);
    assert.ok(ids.includes('SARIF1001'), ids.join()); // name equal to id
    assert.ok(ids.includes('GH2012'), ids.join()); // what GitHub requires of a rule
  });
});
