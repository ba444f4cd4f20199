/**
 * `drplan check --format gitlab` (a GitLab Code Quality report) and `--format github` (GitHub
 * Actions workflow commands), read back as GitLab and the Actions runner read them, against the
 * JSON contract of the same findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { escapeData, escapeProperty } from '../../server/src/cli/workflowCommands';
import { DIAGNOSTIC_CODES } from '../../server/src/core';
import { EXAMPLES, FIXTURES, fixtureFiles, ROOT, TODAY_ISO } from '../support/fixtures';
import { parseWorkflowCommand } from '../support/workflowCommands';

const CLI = join(ROOT, 'dist', 'cli.js');
const CODES = join(FIXTURES, 'codes');
const RTO = join(CODES, 'rto-exceeded.drplan.yaml');

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}
interface JsonFinding {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  file: string;
}

function drplan(args: readonly string[], cwd = ROOT) {
  const run = spawnSync('node', [CLI, 'check', '--today', TODAY_ISO, ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function report(args: readonly string[], cwd = ROOT): Issue[] {
  const { code, stdout, stderr } = drplan(['--format', 'gitlab', ...args], cwd);
  assert.ok(code === 0 || code === 1, stderr);
  assert.ok(!stdout.startsWith('\ufeff'), 'GitLab refuses a byte order mark');
  return JSON.parse(stdout) as Issue[];
}

function findings(args: readonly string[], cwd = ROOT): JsonFinding[] {
  return JSON.parse(drplan(['--format', 'json', ...args], cwd).stdout) as JsonFinding[];
}

const SEVERITIES: Record<string, string> = { error: 'critical', warning: 'major', information: 'info', hint: 'info' };

describe('drplan check --format gitlab', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-gitlab-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports every finding with the fields GitLab reads, relative paths and unique fingerprints', () => {
    const args = ['examples', 'test/fixtures/codes'];
    const issues = report(args);
    const json = findings(args);
    assert.equal(issues.length, json.length);
    assert.ok(issues.length > DIAGNOSTIC_CODES.length);
    issues.forEach((issue, i) => {
      const finding = json[i] as JsonFinding;
      assert.deepEqual(Object.keys(issue), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
      assert.deepEqual(issue, {
        description: finding.message,
        check_name: finding.code,
        fingerprint: issue.fingerprint,
        severity: SEVERITIES[finding.severity],
        location: { path: finding.file, lines: { begin: finding.range.start.line + 1 } },
      });
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
    assert.deepEqual([...new Set(issues.map((issue) => issue.check_name))].sort(), [...DIAGNOSTIC_CODES].sort());
    assert.deepEqual([...new Set(issues.map((issue) => issue.severity))].sort(), ['critical', 'info', 'major']);
    // checked in worker threads, the findings come with the same paths
    assert.deepEqual(report(['--jobs', '2', ...args]), issues);
  });

  it('keeps every fingerprint when a comment is added above the findings, or a blank line between them', () => {
    const folder = join(scratch, 'edited');
    mkdirSync(folder);
    const plans = [join(EXAMPLES, 'plone-intranet.drplan.yaml'), ...fixtureFiles('codes')];
    for (const plan of plans) copyFileSync(plan, join(folder, plan.split('/').pop() as string));
    const before = report(['.'], folder);
    for (const plan of plans) {
      const file = join(folder, plan.split('/').pop() as string);
      const text = readFileSync(file, 'utf8');
      // a comment on top; a blank line and a comment before the first list item
      writeFileSync(file, `# reviewed by the data-protection officer\n${text.replace(/\n( *)- /, '\n\n$1# the first entry\n$1- ')}`);
    }
    const afterEdit = report(['.'], folder);
    assert.deepEqual(afterEdit.map((issue) => issue.fingerprint), before.map((issue) => issue.fingerprint));
    assert.ok(afterEdit.some((issue, i) => issue.location.lines.begin !== before[i]?.location.lines.begin), 'the lines moved');
  });

  it('keeps the fingerprint of a finding in a scenario when a scenario is added before it (items are named by id)', () => {
    const file = join(scratch, 'plan.drplan.yaml');
    const text = readFileSync(RTO, 'utf8');
    writeFileSync(file, text);
    const rto = (issues: Issue[]) => issues.find((issue) => issue.check_name === 'rto-exceeded') as Issue;
    const before = rto(report([file]));
    const added = ['  - id: neu', '    category: hardware', '    type: storage-failure', '    prevention: [RAID]', '    recovery: [Tauschen]', '    recovery_time: 1h', '    rto: 4h', '    rpo: 0'];
    writeFileSync(file, text.replace('scenarios:\n', `scenarios:\n${added.join('\n')}\n`));
    const afterEdit = rto(report([file]));
    assert.equal(afterEdit.location.lines.begin, before.location.lines.begin + added.length);
    assert.equal(afterEdit.fingerprint, before.fingerprint);
  });

  it('tells apart findings of one code at one place by what they are about, not by their order', () => {
    const file = join(scratch, 'missing.drplan.yaml');
    const scenario = ['  - id: vm', '    category: hardware', '    type: vm-server', '    prevention: [x]', '    recovery: [y]', '    recovery_time: 1h', '    rto: 4h', '    rpo: 0'];
    const plan = (scenarios: string[]) => `drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios:\n${scenarios.join('\n')}\n`;
    writeFileSync(file, plan([]).replace('scenarios:\n\n', 'scenarios: []\n'));
    const missing = (issues: Issue[]) => new Map(issues.filter((issue) => issue.check_name === 'missing-scenario').map((issue) => [issue.description, issue.fingerprint]));
    const before = missing(report([file]));
    writeFileSync(file, plan(scenario));
    const afterEdit = missing(report([file]));
    // the vm-server scenario is covered now; every other missing scenario keeps its fingerprint
    assert.equal(afterEdit.size, before.size - 1);
    for (const [description, fingerprint] of afterEdit) assert.equal(fingerprint, before.get(description), description);
  });

  it('gives a file the same path and fingerprints however it is named, and other files others', () => {
    const copy = join(scratch, 'copy.drplan.yaml');
    copyFileSync(RTO, copy);
    const relative = report(['test/fixtures/codes/rto-exceeded.drplan.yaml']);
    assert.deepEqual(report(['./test/fixtures/codes/rto-exceeded.drplan.yaml']), relative);
    assert.deepEqual(report([RTO]), relative); // absolute, inside the working folder
    assert.equal(relative[0]?.location.path, 'test/fixtures/codes/rto-exceeded.drplan.yaml');
    // outside the working folder, and standard input: the path as given
    const outside = report([copy]);
    assert.equal(outside[0]?.location.path, copy);
    const fromStdin = spawnSync('node', [CLI, 'check', '--format', 'gitlab', '--today', TODAY_ISO, '-'], { input: readFileSync(RTO), encoding: 'utf8' });
    assert.equal((JSON.parse(fromStdin.stdout) as Issue[])[0]?.location.path, '-');
    const fingerprints = new Set(relative.map((issue) => issue.fingerprint));
    assert.ok(outside.every((issue) => !fingerprints.has(issue.fingerprint)));
  });

  it('keeps fingerprints unique for a file given twice, and the same in either language', () => {
    const twice = report([RTO, RTO]);
    assert.equal(new Set(twice.map((issue) => issue.fingerprint)).size, twice.length);
    const german = report(['--lang', 'de', RTO]);
    assert.deepEqual(german.map((issue) => issue.fingerprint), report([RTO]).map((issue) => issue.fingerprint));
    assert.match(german.find((issue) => issue.check_name === 'rto-exceeded')?.description ?? '', /überschreitet damit die RTO/);
  });

  it('exits as the other formats do, and prints [] when there is nothing to report', () => {
    assert.equal(drplan(['--format', 'gitlab', RTO]).code, 1);
    assert.equal(drplan(['--format', 'gitlab', 'examples']).code, 0);
    const none = join(scratch, 'no-plans');
    mkdirSync(none);
    const empty = drplan(['--format', 'gitlab', none]);
    assert.deepEqual([empty.code, empty.stdout], [2, '[]\n']);
  });
});

describe('drplan check --format github', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-github-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes one workflow command per finding, as the runner reads it, then the summary', () => {
    const args = ['examples', 'test/fixtures/codes'];
    const { code, stdout } = drplan(['--format', 'github', ...args]);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.pop();
    assert.match(summary ?? '', /^\d+ files checked: \d+ errors, \d+ warnings, \d+ infos$/);
    const json = findings(args);
    assert.equal(lines.length, json.length);
    const commands = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as Record<string, string>;
    lines.forEach((line, i) => {
      const finding = json[i] as JsonFinding;
      const { start, end } = finding.range;
      assert.equal(start.line, end.line, 'the fixtures hold findings on one line');
      assert.deepEqual(parseWorkflowCommand(line), {
        command: commands[finding.severity],
        properties: { file: finding.file, line: String(start.line + 1), col: String(start.character + 1), endColumn: String(end.character + 1), title: `drplan ${finding.code}` },
        data: finding.message,
      });
    });
    const german = drplan(['--format', 'github', '--lang', 'de', RTO]).stdout.trimEnd().split('\n');
    assert.match(german.pop() ?? '', /^1 Datei geprüft: 1 Fehler, \d+ Warnungen, \d+ Informationen$/);
    assert.match(german.map((line) => parseWorkflowCommand(line)?.data).join('\n'), /überschreitet damit die RTO/);
  });

  it('escapes what the plan and its file name say, so that they end no command and start none', () => {
    const folder = join(scratch, 'we,ird: 100%');
    mkdirSync(folder);
    const file = join(folder, 'a,b:c%0A.drplan.yaml');
    const reference = 'nirgends%0A::error file=x::pwned, a:b%25 \x1b[2J';
    writeFileSync(
      file,
      [
        'drplan: "1"',
        'plan: {title: a, organisation: b, system: c, version: "1", not_applicable: []}',
        'scenarios:',
        '  - id: vm',
        '    category: hardware',
        '    type: vm-server',
        '    prevention:',
        '      mapping: where a list belongs',
        '    recovery: [y]',
        '    recovery_time: 1h',
        '    rto: 4h',
        '    rpo: 0',
        `    backup: ${JSON.stringify(reference)}`,
        '',
      ].join('\n'),
    );
    const { stdout } = drplan(['--format', 'github', file], scratch);
    const lines = stdout.trimEnd().split('\n');
    lines.pop();
    const parsed = lines.map((line) => parseWorkflowCommand(line));
    assert.ok(parsed.every((command) => command?.properties.file === join('we,ird: 100%', 'a,b:c%0A.drplan.yaml')), stdout);
    const unknown = parsed.find((command) => command?.properties.title === 'drplan unknown-reference');
    // the plan's text comes back whole; the escape character is shown, not sent to the log
    assert.equal(unknown?.data, `'${reference.replace('\x1b', '\\x1b')}' is not defined in 'backups'.`);
    // a finding over several lines: its lines, no columns (the range ends at the start of `recovery:`)
    const list = parsed.find((command) => command?.properties.title === 'drplan invalid-value');
    assert.deepEqual(list?.properties, { file: join('we,ird: 100%', 'a,b:c%0A.drplan.yaml'), line: '8', endLine: '8', title: 'drplan invalid-value' });
    // the command and its properties end at the first `::`; what follows is data, `::` or not
    for (const line of lines) assert.doesNotMatch(line.slice(2, line.indexOf('::', 2)), /[:\n\r]/, line);
  });

  it("escapes as GitHub's toolkit does, and the runner reads back what was written", () => {
    for (const text of ['100%', 'a\r\nb', '%0A', 'a:b,c', '%25%3A%2C', '::warning::x', '']) {
      assert.equal(parseWorkflowCommand(`::notice x=${escapeProperty(text)}::${escapeData(text)}`)?.data, text);
      if (text !== '') assert.equal(parseWorkflowCommand(`::notice x=${escapeProperty(text)}::`)?.properties.x, text);
    }
    assert.equal(escapeData('50% a:b,c\n'), '50%25 a:b,c%0A');
    assert.equal(escapeProperty('50% a:b,c\n'), '50%25 a%3Ab%2Cc%0A');
  });
});
