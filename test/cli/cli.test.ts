import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const RTO = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('drplan check', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-cli-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('exits 0 for the example and prints only information, then the summary', () => {
    const { code, stdout } = drplan('check', '--today', TODAY_ISO, EXAMPLE);
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    const summary = lines.pop();
    for (const line of lines) assert.match(line, /: information untested: /);
    assert.equal(summary, `1 file checked: ${lines.length} infos`);
  });

  it('prints file:line:col: severity code: message, 1-based', () => {
    const { code, stdout } = drplan('check', '--today', TODAY_ISO, RTO);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n').filter((line) => line.includes(' rto-exceeded: '));
    assert.deepEqual(lines, [
      `${RTO}:14:20: error rto-exceeded: Recovery takes 10 hours, longer than the RTO (maximum tolerable downtime) of 8 hours.`,
    ]);
  });

  it('prints the JSON contract of format.md', () => {
    const { code, stdout } = drplan('check', '--format', 'json', '--today', TODAY_ISO, RTO);
    assert.equal(code, 1);
    const items = JSON.parse(stdout) as Record<string, unknown>[];
    const rto = items.find((item) => item.code === 'rto-exceeded');
    assert.deepEqual(rto, {
      range: { start: { line: 13, character: 19 }, end: { line: 13, character: 29 } },
      severity: 'error',
      code: 'rto-exceeded',
      source: 'drplan',
      message: 'Recovery takes 10 hours, longer than the RTO (maximum tolerable downtime) of 8 hours.',
      file: RTO,
    });
    assert.ok(items.every((item) => ['error', 'warning', 'information', 'hint'].includes(item.severity as string)));
  });

  it('prints an empty JSON array when nothing is found', () => {
    const clean = join(scratch, 'clean.drplan.yaml');
    writeFileSync(clean, 'drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios: []\n');
    const { code, stdout } = drplan('check', '--format', 'json', clean);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).filter((d: { code: string }) => d.code !== 'missing-scenario').length, 0);
  });

  it('prints SARIF 2.1.0', () => {
    const { code, stdout } = drplan('check', '--format', 'sarif', '--today', TODAY_ISO, RTO);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'drplan');
    assert.ok(run.tool.driver.rules.some((rule: { id: string }) => rule.id === 'rto-exceeded'));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'rto-exceeded');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 14, startColumn: 20, endLine: 14, endColumn: 30 });
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'missing-scenario').level, 'warning');
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'untested').level, 'note');
  });

  it('speaks German with --lang de and from LANG', () => {
    const { stdout } = drplan('check', '--lang', 'de', '--today', TODAY_ISO, RTO);
    assert.match(stdout, /Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO/);
    const fromEnv = spawnSync('node', [CLI, 'check', '--today', TODAY_ISO, RTO], { encoding: 'utf8', env: { ...process.env, LANG: 'de_DE.UTF-8', LC_ALL: '' } });
    assert.match(fromEnv.stdout, /Kein Szenario behandelt/);
  });

  it('searches folders for plans, skipping node_modules', () => {
    const folder = join(scratch, 'tree');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    mkdirSync(join(folder, 'node_modules'), { recursive: true });
    copyFileSync(EXAMPLE, join(folder, 'sub', 'a.drplan.yml'));
    copyFileSync(RTO, join(folder, 'b.drplan.yaml'));
    copyFileSync(RTO, join(folder, 'node_modules', 'c.drplan.yaml'));
    writeFileSync(join(folder, 'other.yaml'), 'not: a plan\n');
    const { code, stdout } = drplan('check', '--format', 'json', '--today', TODAY_ISO, folder);
    assert.equal(code, 1);
    const files = [...new Set((JSON.parse(stdout) as { file: string }[]).map((d) => d.file))].sort();
    assert.deepEqual(files, [join(folder, 'b.drplan.yaml'), join(folder, 'sub', 'a.drplan.yml')]);
  });

  it('exits 2 with a clear message for unreadable paths', () => {
    const missing = drplan('check', join(scratch, 'nope.drplan.yaml'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.drplan\.yaml: no such file or folder/);
    if (process.getuid?.() !== 0) {
      const locked = join(scratch, 'locked.drplan.yaml');
      writeFileSync(locked, 'drplan: "1"\n');
      chmodSync(locked, 0o000);
      const denied = drplan('check', locked);
      assert.equal(denied.code, 2);
      assert.match(denied.stderr, /permission denied/);
    }
    const empty = join(scratch, 'empty-folder');
    mkdirSync(empty);
    const none = drplan('check', empty);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no \*\.drplan\.yaml files found/);
  });

  it('exits 2 on usage errors, with a hint', () => {
    for (const args of [['check'], ['check', '--format', 'xml', EXAMPLE], ['lint', EXAMPLE], ['check', '--bogus', EXAMPLE], ['check', '--today', 'gestern', EXAMPLE]]) {
      const { code, stderr } = drplan(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^drplan: .+\nTry 'drplan --help'\.\n$/);
    }
  });

  it('reads --today as a plan date: a day that is not in the calendar is a usage error', () => {
    for (const command of ['check', 'render']) {
      const { code, stderr } = drplan(command, '--today', '2026-02-30', EXAMPLE);
      assert.equal(code, 2, command);
      assert.equal(stderr, "drplan: --today: '2026-02-30' is no day of the calendar\nTry 'drplan --help'.\n");
    }
    assert.equal(drplan('check', '--today', '2028-02-29', EXAMPLE).code, 0);
  });

  it('without arguments shows the usage on standard error, exit 2', () => {
    const { code, stdout, stderr } = drplan();
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^drplan \d+\.\d+\.\d+: check disaster-recovery plans/);
  });

  it('answers --help and --version', () => {
    const help = drplan('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /drplan check \[options\] PATH/);
    assert.match(help.stdout, /--format text\|json\|sarif/);
    const version = drplan('--version');
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
