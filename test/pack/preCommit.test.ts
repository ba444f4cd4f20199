/**
 * The pre-commit hook (.pre-commit-hooks.yaml) as docs/ci.md has a project add it: the three
 * lines of the page, their `repo` and `rev` pointed at a copy of this checkout (the files git
 * tracks or would, committed), in a project repository whose commits then run it. pre-commit
 * installs the hook as for any `language: node` hook (`npm install` in its clone, `npm pack`,
 * whose prepack builds drplan, `npm install -g` of the tarball), here with no network: npm from
 * its cache (`npm ci` filled it), in a network namespace where there is one to have. Skipped only
 * where pre-commit is not installed (Debian: `apt-get install pre-commit`; .ci/run does).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { repository, version } from '../../package.json';
import { testedBlocks } from '../support/ciDocs';
import { EXAMPLES, FIXTURES, ROOT } from '../support/fixtures';
import { runOffline } from '../support/offline';

const PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

interface HookEntry {
  repo: string;
  rev: string;
  hooks: { id: string }[];
}

describe('the pre-commit hook', { timeout: 10 * 60_000 }, () => {
  it('is defined with the fields pre-commit reads', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.deepEqual(
      hooks.map(({ id, entry, language, files }) => ({ id, entry, language, files })),
      [{ id: 'drplan-check', entry: 'drplan check', language: 'node', files: '\\.drplan\\.ya?ml$' }],
    );
    const files = new RegExp(hooks[0]?.files as string);
    assert.ok(['a.drplan.yaml', 'plans/b.drplan.yml'].every((name) => files.test(name)));
    assert.ok(['a.yaml', 'a.drplan.yaml.bak', 'drplan.yaml'].every((name) => !files.test(name)));
  });

  it('is added with three lines that name this repository and version', () => {
    const lines = (testedBlocks().get('pre-commit') as string).trimEnd().split('\n');
    assert.equal(lines.length, 3);
    const entries = parse(lines.join('\n')) as HookEntry[];
    assert.deepEqual(entries, [{ repo: repository.url.replace(/\.git$/, ''), rev: `v${version}`, hooks: [{ id: 'drplan-check' }] }]);
  });

  it('stops a commit of a plan with errors, and lets a plan without errors and other files through', { skip: !PRE_COMMIT && 'pre-commit is not installed (apt-get install pre-commit)' }, (t) => {
    const scratch = mkdtempSync(join(tmpdir(), 'drplan-pre-commit-'));
    t.after(() => rmSync(scratch, { recursive: true, force: true }));
    const env = {
      ...process.env,
      PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      LANG: 'C.UTF-8',
      LC_ALL: '',
    };
    const git = (cwd: string, ...args: string[]) => {
      const run = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
      assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
      return run.stdout.trim();
    };

    // the hook's repository: this checkout as it is now, committed
    const source = join(scratch, 'drplan');
    const files = git(ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter((file) => file !== '' && file !== 'node_modules');
    for (const file of files) {
      mkdirSync(dirname(join(source, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(source, file));
    }
    git(source, 'init', '--quiet');
    git(source, 'add', '--all');
    git(source, 'commit', '--quiet', '--message', 'drplan');
    const commit = git(source, 'rev-parse', 'HEAD');

    // a project with the lines of docs/ci.md, pointed at that repository
    const project = join(scratch, 'project');
    mkdirSync(join(project, 'plans'), { recursive: true });
    git(project, 'init', '--quiet');
    const entries = (parse(testedBlocks().get('pre-commit') as string) as HookEntry[]).map((entry) => ({ ...entry, repo: source, rev: commit }));
    writeFileSync(join(project, '.pre-commit-config.yaml'), stringify({ repos: entries }));
    git(project, 'add', '.pre-commit-config.yaml');
    assert.equal(spawnSync('pre-commit', ['install'], { cwd: project, env, encoding: 'utf8' }).status, 0);
    const commitIn = (message: string) => runOffline('git', ['commit', '--message', message], { cwd: project, env });

    copyFileSync(join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml'), join(project, 'plans', 'storage.drplan.yaml'));
    git(project, 'add', '--all');
    const refused = commitIn('a plan with an error');
    const said = `${refused.stdout}${refused.stderr}`;
    assert.equal(refused.status, 1, said);
    assert.match(said, /drplan check\.+Failed/);
    assert.match(said, /plans\/storage\.drplan\.yaml:14:20: error rto-exceeded: /);
    assert.match(said, /1 file checked: 1 error/);

    git(project, 'rm', '--cached', '--quiet', 'plans/storage.drplan.yaml');
    copyFileSync(join(EXAMPLES, 'plone-intranet.drplan.yaml'), join(project, 'plans', 'intranet.drplan.yml'));
    writeFileSync(join(project, 'notes.yaml'), 'not: [a plan\n');
    git(project, 'add', 'plans/intranet.drplan.yml', 'notes.yaml');
    const passed = commitIn('a plan without errors, and a file that is no plan');
    assert.equal(passed.status, 0, `${passed.stdout}${passed.stderr}`);
    assert.match(passed.stdout + passed.stderr, /drplan check\.+Passed/);
    assert.equal(git(project, 'log', '--format=%s'), 'a plan without errors, and a file that is no plan');
  });
});
