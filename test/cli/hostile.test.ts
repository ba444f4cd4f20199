import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { HOSTILE_CASES } from '../support/hostile';

/**
 * `drplan check` on hostile and oversized files (test/support/hostile.ts): each is reported
 * with diagnostics and exit status 1, never a crash (2) or a hang; files over the size limit
 * (--max-file-size) are not even read whole; bytes that are not UTF-8 are read as U+FFFD and
 * reported where they stand.
 */

const CLI = join(ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;

interface JsonDiagnostic {
  file: string;
  code: string;
  message: string;
  severity: string;
  range: { start: { line: number; character: number } };
}

function check(...args: string[]): { code: number | null; diagnostics: JsonDiagnostic[]; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, '--lang', 'en', ...args], { encoding: 'utf8', maxBuffer: 256 * MB });
  const ms = performance.now() - started;
  let diagnostics: JsonDiagnostic[] = [];
  try {
    diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
  } catch {
    assert.fail(`no JSON on stdout (exit ${result.status}): ${result.stderr}`);
  }
  return { code: result.status, diagnostics, stderr: result.stderr, ms };
}

describe('drplan check on hostile files', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-hostile-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports every hostile case, each with exit status 1, in one run', () => {
    const files = HOSTILE_CASES.map((hostile, i) => {
      const file = join(scratch, `case-${i}.drplan.yaml`);
      writeFileSync(file, hostile.text());
      return file;
    });
    const { code, diagnostics, stderr } = check(...files);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '');
    HOSTILE_CASES.forEach((hostile, i) => {
      const own = diagnostics.filter((d) => d.file === files[i]);
      assert.ok(own.some((d) => hostile.expect.test(d.message)), `${hostile.name}: ${own.slice(0, 3).map((d) => d.message).join(' | ')}`);
    });
  });

  it('reads no file over the limit whole: one diagnostic on its first line (10 MB and 50 MB)', (t) => {
    for (const megabytes of [10, 50]) {
      const file = join(scratch, `large-${megabytes}.drplan.yaml`);
      writeFileSync(file, `drplan: "1"\n# ${'ä'.repeat((megabytes * MB) / 2)}\n`);
      const { code, diagnostics, ms } = check(file);
      t.diagnostic(`${megabytes} MB file: checked in ${ms.toFixed(0)} ms (a process start included)`);
      assert.equal(code, 1);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]?.code, 'yaml-syntax');
      assert.deepEqual(diagnostics[0]?.range.start, { line: 0, character: 0 });
      assert.match(diagnostics[0]?.message ?? '', new RegExp(`^File too large: ${megabytes} MB \\(limit: 5 MB, set with drplan\\.maxFileSize or drplan check --max-file-size\\)`));
    }
  });

  it('takes the limit from --max-file-size, in megabytes; 0 is none', () => {
    const file = join(scratch, 'small.drplan.yaml');
    writeFileSync(file, generatePlan(20));
    const limited = check('--max-file-size', '0.01', file);
    assert.equal(limited.diagnostics.length, 1);
    assert.match(limited.diagnostics[0]?.message ?? '', /^File too large: \d+ kB \(limit: 10 kB/);
    const unlimited = check('--max-file-size', '0', file);
    assert.equal(unlimited.code, 0);
    assert.ok(!unlimited.diagnostics.some((d) => /too large/.test(d.message)));
    const wrong = spawnSync('node', [CLI, 'check', '--max-file-size', 'viel', file], { encoding: 'utf8' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--max-file-size wants megabytes/);
  });

  it('reads bytes that are not UTF-8 as U+FFFD and reports the first, and checks the rest', () => {
    const file = join(scratch, 'latin1.drplan.yaml');
    const text = generatePlan(2).replace('Storage', 'Pr\u00fcfung');
    const bytes = Buffer.from(text, 'latin1'); // ü as the single byte 0xFC, as an old editor saved it
    writeFileSync(file, bytes);
    const { code, diagnostics } = check(file);
    assert.equal(code, 1);
    const invalid = diagnostics.filter((d) => /not valid UTF-8/.test(d.message));
    assert.equal(invalid.length, 1);
    const line = text.split('\n').findIndex((l) => l.includes('Pr\u00fcfung'));
    const firstUmlaut = text.search(/[^\u0000-\u007f]/);
    assert.equal(invalid[0]?.code, 'yaml-syntax');
    assert.match(invalid[0]?.message ?? '', new RegExp(`\\(byte 0x[0-9A-F]{2} at byte offset ${firstUmlaut}\\)`));
    assert.ok(line >= 0);
    // Everything else of the plan is still checked.
    assert.ok(diagnostics.some((d) => d.code === 'missing-scenario'));
  });

  it('reports a file of binary data, and goes on with the next file', () => {
    const binary = join(scratch, 'binary.drplan.yaml');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const plan = join(scratch, 'plan.drplan.yaml');
    writeFileSync(plan, generatePlan(2));
    const { code, diagnostics, stderr } = check(binary, plan);
    assert.equal(code, 1, stderr);
    assert.ok(diagnostics.some((d) => d.file === binary && /not valid UTF-8/.test(d.message)));
    assert.ok(diagnostics.some((d) => d.file === plan));
  });
});
