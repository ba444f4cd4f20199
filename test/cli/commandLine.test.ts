import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { version } from '../../package.json';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';

/**
 * Where things may stand on drplan's command line: the options of both commands before or after
 * the command, `--help` and `--version` anywhere (before `--`).
 */

const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const RTO = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'drplan-command-line-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the options of both commands, before or after the command', () => {
  it('check: --lang, --today and --max-file-size anywhere give the same result', () => {
    const after = drplan('check', '--lang', 'de', '--today', TODAY_ISO, RTO);
    assert.equal(after.code, 1);
    assert.match(after.stdout, /Fehler rto-exceeded: Die Wiederherstellung dauert 10 Stunden/);
    for (const args of [
      ['--lang', 'de', 'check', '--today', TODAY_ISO, RTO],
      ['--lang=de', '--today', TODAY_ISO, 'check', RTO],
      ['--today', TODAY_ISO, 'check', RTO, '--lang', 'de'],
    ]) {
      assert.deepEqual(drplan(...args), after, args.join(' '));
    }
    // a limit before the command counts as after it: one error on the first line
    const limited = drplan('--max-file-size', '0.001', 'check', '--format', 'json', EXAMPLE);
    assert.equal(limited.code, 1);
    assert.match(limited.stdout, /too large/);
  });

  it('render: --today before the command dates the document', () => {
    const before = join(scratch, 'before.html');
    const after = join(scratch, 'after.html');
    assert.equal(drplan('--today', '2026-01-01', 'render', '-o', before, EXAMPLE).code, 0);
    assert.equal(drplan('render', '-o', after, '--today', '2026-01-01', EXAMPLE).code, 0);
    const html = readFileSync(before, 'utf8');
    assert.match(html, /01\.01\.2026/);
    assert.equal(html, readFileSync(after, 'utf8'));
  });

  it("an option of one command before the command is a usage error that says where it goes", () => {
    for (const option of ['--format', '--jobs', '-o', '--force']) {
      const { code, stderr } = drplan(option, 'x', 'check', EXAMPLE);
      assert.equal(code, 2);
      assert.equal(stderr, `drplan: '${option}' is no option of drplan itself; the options of check and render follow the command (drplan check ${option} …)\nTry 'drplan --help'.\n`);
    }
  });

  it('options without a command show the usage on standard error, exit 2', () => {
    const { code, stdout, stderr } = drplan('--lang', 'de', '--today', TODAY_ISO);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^drplan \d+\.\d+\.\d+: prüft Notfallpläne/);
  });
});

describe('--help and --version', () => {
  const help = drplan('--help').stdout;

  it('--help or -h anywhere means help, on standard output, exit 0, whatever else is wrong', () => {
    assert.match(help, /^drplan \d+\.\d+\.\d+: check disaster-recovery plans/);
    for (const args of [['-h'], ['help'], ['check', '--help'], ['check', EXAMPLE, '-h'], ['render', '--bogus', '--help'], ['--lang', 'en', '-h', 'lint'], ['lint', '--help']]) {
      assert.deepEqual(drplan(...args), { code: 0, stdout: help, stderr: '' }, args.join(' '));
    }
  });

  it('after -- , --help is a file name', () => {
    const { code, stderr } = drplan('check', '--', '--help');
    assert.equal(code, 2);
    assert.equal(stderr, 'drplan: --help: no such file or folder\n');
  });

  it('--version anywhere, -v before the command', () => {
    for (const args of [['--version'], ['-v'], ['check', '--version'], ['--lang', 'de', '-v', 'check']]) {
      assert.deepEqual(drplan(...args), { code: 0, stdout: `${version}\n`, stderr: '' }, args.join(' '));
    }
    // after the command, -v could be taken for "verbose": not the version
    assert.equal(drplan('check', '-v', EXAMPLE).stderr, "drplan: unknown option '-v'\nTry 'drplan --help'.\n");
  });

  it('an unknown command says which there are', () => {
    assert.deepEqual(drplan('lint', EXAMPLE), { code: 2, stdout: '', stderr: "drplan: unknown command 'lint' (use check, render or measure)\nTry 'drplan --help'.\n" });
  });
});
