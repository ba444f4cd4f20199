import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { terminalProgress } from '../../server/src/cli/progress';
import { ROOT, TODAY_ISO } from '../support/fixtures';

/**
 * `drplan render` shows how far a long PDF is, on standard error when that is a terminal (a real
 * pseudo-terminal made by script(1)), and nothing in a pipe.
 */
const CLI = join(ROOT, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'drplan-progress-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('render progress', () => {
  it('shows a percentage on a terminal once the work takes a while, rewriting one line, cleared at the end', () => {
    let clock = 0;
    const written: string[] = [];
    const progress = terminalProgress({ isTTY: true, write: (text) => written.push(text) }, 'PDF', 'de', () => clock);
    progress.update(0.1);
    assert.deepEqual(written, [], 'quiet at first');
    clock = 1000;
    progress.update(0.2);
    progress.update(0.201);
    progress.update(0.5);
    progress.update(1);
    progress.done();
    assert.deepEqual(written, ['\r\x1b[Kdrplan: PDF wird erstellt … 20 %', '\r\x1b[Kdrplan: PDF wird erstellt … 50 %', '\r\x1b[Kdrplan: PDF wird erstellt … 99 %', '\r\x1b[K']);
  });

  it('says nothing where standard error is no terminal', () => {
    const written: string[] = [];
    const progress = terminalProgress({ isTTY: false, write: (text) => written.push(text) }, 'PDF', 'en', () => 5000);
    progress.update(0.5);
    progress.done();
    assert.deepEqual(written, []);
  });

  const plan = join(scratch, 'gross.drplan.yaml');
  writeFileSync(plan, generatePlan(150));

  it('drplan render in a terminal shows the progress of a large PDF; in a pipe it does not', () => {
    const pdf = join(scratch, 'gross.pdf');
    const command = `node ${CLI} render --lang en --today ${TODAY_ISO} -o ${pdf} ${plan}`;
    // script(1) runs the command on a pseudo-terminal and copies what it writes to its stdout.
    const terminal = spawnSync('script', ['-qefc', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(terminal.status, 0, terminal.stdout + terminal.stderr);
    assert.match(terminal.stdout, /\r\x1b\[Kdrplan: making the PDF … \d+%/);
    assert.match(terminal.stdout, /\r\x1b\[Kdrplan: wrote /, 'the progress line is cleared before the last word');
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');

    const piped = spawnSync('node', [CLI, 'render', '--force', '--lang', 'en', '--today', TODAY_ISO, '-o', pdf, plan], { encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(piped.stderr, `drplan: wrote ${pdf}\n`);
  });
});
