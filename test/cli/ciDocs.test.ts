/**
 * docs/ci.md's GitLab CI job and GitHub Actions workflow, run as written on the example plans:
 * the blocks marked `<!-- ci.md test: … -->` are read from the page, so the page cannot drift from
 * what is tested. Each command runs in bash as the services run them (`-e`, and `-o pipefail` as
 * GitLab's shell), in a project folder holding the plans under `plans/`, with `drplan` on PATH as
 * this checkout's build (test/pack/ checks that the npm package is that build). The step that
 * installs drplan from the registry is checked to name this version and is not run: nothing here
 * touches the network. Then the artifacts are checked as the services would read them: the Code
 * Quality report, the annotations, the SARIF file (Microsoft's validator), the PDFs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { version } from '../../package.json';
import { testedBlocks } from '../support/ciDocs';
import { EXAMPLES, FIXTURES, ROOT } from '../support/fixtures';
import { validateSarif } from '../support/sarifValidator';
import { parseWorkflowCommand } from '../support/workflowCommands';

const INSTALL = `npm install --global --no-audit --no-fund drplan@${version}`;
const INTRANET = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const WITH_ERRORS = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');

interface Command {
  readonly command: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('docs/ci.md', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-ci-docs-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  // `drplan` on PATH: this checkout's CLI
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'drplan'), `#!/bin/sh\nexec node '${join(ROOT, 'dist', 'cli.js')}' "$@"\n`);
  chmodSync(join(bin, 'drplan'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, LANG: 'C.UTF-8', LC_ALL: '' };

  /** A project folder with `plans` (files copied under their names) and, optionally, a comment added on top of each. */
  function project(name: string, plans: Record<string, string>, comment = false): string {
    const folder = join(scratch, name);
    mkdirSync(join(folder, 'plans'), { recursive: true });
    for (const [file, from] of Object.entries(plans)) {
      const target = join(folder, 'plans', file);
      if (comment) writeFileSync(target, `# checked in CI\n${readFileSync(from, 'utf8')}`);
      else copyFileSync(from, target);
    }
    return folder;
  }

  function bash(command: string, cwd: string, options: string[]): Command {
    const run = spawnSync('bash', [...options, '-c', command], { cwd, env, encoding: 'utf8' });
    return { command, status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('marks the GitLab job, the GitHub workflow and the pre-commit lines for the tests', () => {
    assert.deepEqual([...testedBlocks().keys()], ['gitlab', 'github', 'pre-commit']);
  });

  describe('the GitLab CI job', () => {
    const job = (parse(testedBlocks().get('gitlab') as string) as { drplan: GitLabJob }).drplan;

    /** The job's script as GitLab runs it: line after line, the first that fails ends the job. */
    function runJob(folder: string): Command[] {
      assert.deepEqual(job.before_script, [INSTALL]);
      const ran: Command[] = [];
      for (const line of job.script) {
        const command = bash(line, folder, ['-eo', 'pipefail']);
        ran.push(command);
        if (command.status !== 0) break;
      }
      return ran;
    }

    function codeQualityReport(folder: string): CodeQualityIssue[] {
      const text = readFileSync(join(folder, job.artifacts.reports.codequality), 'utf8');
      const issues = JSON.parse(text) as CodeQualityIssue[];
      assert.ok(Array.isArray(issues));
      for (const issue of issues) {
        assert.deepEqual(Object.keys(issue), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity), issue.severity);
        const lines = readFileSync(join(folder, issue.location.path), 'utf8').split('\n').length;
        assert.ok(issue.location.lines.begin >= 1 && issue.location.lines.begin <= lines, JSON.stringify(issue));
      }
      assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'unique fingerprints');
      return issues;
    }

    it('keeps the report and the documents, also when the job fails', () => {
      assert.equal(job.artifacts.when, 'always');
      assert.deepEqual(job.artifacts.paths, [job.artifacts.reports.codequality, 'plans/*.pdf']);
    });

    it('passes for a plan without errors, with its report and its document', () => {
      const folder = project('gitlab-clean', { 'intranet.drplan.yaml': INTRANET });
      const ran = runJob(folder);
      assert.deepEqual(ran.map((command) => command.status), job.script.map(() => 0), JSON.stringify(ran));
      const issues = codeQualityReport(folder);
      assert.ok(issues.length > 0 && issues.every((issue) => issue.severity !== 'critical'));
      assertDocuments(folder, ['intranet.pdf'], []);
    });

    it('fails for a plan with errors, after writing the report and the documents; fingerprints stay when comments are added', () => {
      const plans = { 'intranet.drplan.yaml': INTRANET, 'storage.drplan.yaml': WITH_ERRORS };
      const folder = project('gitlab-errors', plans);
      const ran = runJob(folder);
      assert.deepEqual(ran.map((command) => command.status), [0, 1], JSON.stringify(ran));
      const issues = codeQualityReport(folder);
      assert.deepEqual(
        issues.filter((issue) => issue.severity === 'critical').map((issue) => [issue.check_name, issue.location.path, issue.location.lines.begin]),
        [['rto-exceeded', 'plans/storage.drplan.yaml', 14]],
      );
      assertDocuments(folder, ['intranet.pdf', 'storage.pdf'], ['storage.pdf']);

      const commented = project('gitlab-commented', plans, true);
      runJob(commented);
      const again = codeQualityReport(commented);
      assert.deepEqual(again.map((issue) => issue.fingerprint), issues.map((issue) => issue.fingerprint));
      assert.deepEqual(again.map((issue) => issue.location.lines.begin), issues.map((issue) => issue.location.lines.begin + 1));
    });
  });

  describe('the GitHub Actions workflow', () => {
    const workflow = parse(testedBlocks().get('github') as string) as GitHubWorkflow;
    const job = workflow.jobs.drplan;

    /** The steps as the runner runs them: a step without `if` only while all before succeeded. */
    function runWorkflow(folder: string): { failed: boolean; ran: Map<string, Command>; uploaded: Map<string, StepInputs> } {
      const ran = new Map<string, Command>();
      const uploaded = new Map<string, StepInputs>();
      let failed = false;
      for (const step of job.steps) {
        if (step.if !== undefined) assert.equal(step.if, '${{ !cancelled() }}', 'a condition the test knows');
        else if (failed) continue;
        if (step.uses !== undefined) {
          // checkout and setup-node make what the test has made: the project folder, Node.js 20
          if (step.uses === 'actions/setup-node@v4') assert.equal(step.with?.['node-version'], 20);
          else if (step.uses !== 'actions/checkout@v4') uploaded.set(step.uses, step.with ?? {});
          continue;
        }
        const run = step.run as string;
        if (run.startsWith('npm install')) {
          assert.equal(run, INSTALL);
          continue;
        }
        // GitHub's bash: `bash --noprofile --norc -eo pipefail {0}`
        const command = bash(run, folder, ['--noprofile', '--norc', '-eo', 'pipefail']);
        ran.set(step.name ?? run, command);
        if (command.status !== 0) failed = true;
      }
      return { failed, ran, uploaded };
    }

    function annotations(folder: string, output: string) {
      const lines = output.trimEnd().split('\n');
      assert.match(lines.pop() ?? '', /^\d+ files? checked/);
      return lines.map((line) => {
        const command = parseWorkflowCommand(line);
        assert.ok(command && ['error', 'warning', 'notice'].includes(command.command), line);
        const file = command.properties.file as string;
        const lines = readFileSync(join(folder, file), 'utf8').split('\n').length;
        assert.ok(Number(command.properties.line) >= 1 && Number(command.properties.line) <= lines, line);
        return command;
      });
    }

    function assertUploads(folder: string, uploaded: Map<string, StepInputs>): void {
      const sarif = uploaded.get('github/codeql-action/upload-sarif@v3');
      assert.equal(sarif?.category, 'drplan');
      assert.deepEqual(validateSarif(join(folder, sarif?.sarif_file as string)).problems, []);
      assert.equal(uploaded.get('actions/upload-artifact@v4')?.path, 'plans/*.pdf');
    }

    it('may upload SARIF', () => {
      assert.deepEqual(job.permissions, { contents: 'read', 'security-events': 'write' });
    });

    it('passes for a plan without errors: notices, SARIF, the document', () => {
      const folder = project('github-clean', { 'intranet.drplan.yaml': INTRANET });
      const { failed, ran, uploaded } = runWorkflow(folder);
      assert.equal(failed, false, JSON.stringify([...ran.values()]));
      const found = annotations(folder, ran.get('Check the plans')?.stdout ?? '');
      assert.ok(found.length > 0 && found.every((command) => command.command !== 'error'));
      assertUploads(folder, uploaded);
      assertDocuments(folder, ['intranet.pdf'], []);
    });

    it('fails at the check for a plan with errors, and still uploads SARIF and the documents', () => {
      const folder = project('github-errors', { 'intranet.drplan.yaml': INTRANET, 'storage.drplan.yaml': WITH_ERRORS });
      const { failed, ran, uploaded } = runWorkflow(folder);
      assert.equal(failed, true);
      assert.deepEqual([...ran.entries()].map(([name, command]) => [name, command.status]), [
        ['Check the plans', 1],
        ['Check the plans for code scanning', 0],
        ['Render the plans', 0],
      ]);
      const errors = annotations(folder, ran.get('Check the plans')?.stdout ?? '').filter((command) => command.command === 'error');
      assert.deepEqual(errors.map((command) => [command.properties.file, command.properties.line, command.properties.title]), [['plans/storage.drplan.yaml', '14', 'drplan rto-exceeded']]);
      assertUploads(folder, uploaded);
      assertDocuments(folder, ['intranet.pdf', 'storage.pdf'], ['storage.pdf']);
    });
  });

  /** The PDFs under `plans/` are these, each a German plan document; `drafts` say that the plan has errors (and are marked ENTWURF). */
  function assertDocuments(folder: string, documents: string[], drafts: string[]): void {
    const plans = join(folder, 'plans');
    assert.deepEqual(readdirSync(plans).filter((name) => name.endsWith('.pdf')).sort(), documents);
    for (const name of documents) {
      const file = join(plans, name);
      assert.ok(existsSync(file));
      assert.match(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout, /^Pages:\s+[1-9]\d*$/m, name);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      assert.match(text, /Notfallplan/, name);
      // the watermark's letters come out of pdftotext apart; the page that says why is whole
      assert.equal(/Die Prüfung des Plans hat Fehler gefunden/.test(text), drafts.includes(name), name);
    }
  }
});

interface GitLabJob {
  before_script: string[];
  script: string[];
  artifacts: { when: string; reports: { codequality: string }; paths: string[] };
}

interface GitHubWorkflow {
  jobs: {
    drplan: {
      permissions: Record<string, string>;
      steps: { name?: string; uses?: string; run?: string; if?: string; with?: StepInputs }[];
    };
  };
}

type StepInputs = Readonly<Record<string, string | number>>;
