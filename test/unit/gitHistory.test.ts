/**
 * The change history from git (server/src/gitHistory.ts) in real repositories made here: a
 * rename followed, a file never committed, changes not committed, a shallow clone, a repository
 * without commits, a broken one, none at all, no git on PATH, and a repository whose
 * configuration names programs that must never run.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { changeHistory, findGit, gitEnvironment, GitHistories } from '../../server/src/gitHistory';
import { commit, EXAMPLE_PLAN, git, newRepository, planRepository, plantTraps, shortHash, type PlanRepository } from '../support/gitRepositories';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function repository(): PlanRepository {
  const made = planRepository();
  folders.push(made.folder);
  return made;
}
function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-nogit-'));
  folders.push(folder);
  return folder;
}

describe('the change history from git', () => {
  it('lists the commits that touched the file, following a rename, newest first, and names HEAD', async () => {
    const { plan, text, commits, folder } = repository();
    const history = await changeHistory(plan, text);
    assert.deepEqual(history, {
      commits: commits.map(({ hash, subject, day }) => ({ hash, day, author: 'Erika Mustermann', subject })),
      older: 0,
      shallow: false,
      source: { hash: shortHash(folder, 'HEAD'), day: '2026-12-03' },
      uncommitted: false,
    });
  });

  it('marks a text that differs from HEAD: changes on disk, or the editor\'s unsaved text', async () => {
    const { plan, text } = repository();
    assert.equal((await changeHistory(plan, `${text}# ungespeichert\n`))?.uncommitted, true);
    writeFileSync(plan, `${text}# geändert\n`);
    assert.equal((await changeHistory(plan, readFileSync(plan, 'utf8')))?.uncommitted, true);
    assert.equal((await changeHistory(plan, text))?.uncommitted, false, 'the text of HEAD is no change, whatever the disk says');
  });

  it('says of a file never committed that it is not: no commits, marked as a change', async () => {
    const { folder, text } = repository();
    const untracked = join(folder, 'plaene', 'neu.drplan.yaml');
    writeFileSync(untracked, text);
    const history = await changeHistory(untracked, text);
    assert.deepEqual(history?.commits, []);
    assert.equal(history?.uncommitted, true);
    assert.equal(history?.source?.hash, shortHash(folder, 'HEAD'));

    const empty = newRepository();
    folders.push(empty);
    writeFileSync(join(empty, 'plan.drplan.yaml'), text);
    assert.deepEqual(await changeHistory(join(empty, 'plan.drplan.yaml'), text), { commits: [], older: 0, shallow: false, source: undefined, uncommitted: true });
  });

  it('lists what a shallow clone has and says that it is one', async () => {
    const { folder, text, commits } = repository();
    const clone = join(scratch(), 'klon');
    git(dirname(clone), ['clone', '-q', '--depth', '1', `file://${folder}`, clone]);
    const history = await changeHistory(join(clone, 'plaene', 'notfallplan.drplan.yaml'), text);
    assert.equal(history?.shallow, true);
    assert.deepEqual(history?.commits.map((c) => c.subject), [commits[0]?.subject]);
    assert.equal(history?.uncommitted, false);
  });

  it('lists at most the limit and counts the older ones', async () => {
    const { plan, text, folder } = repository();
    for (let n = 1; n <= 3; n++) {
      writeFileSync(plan, `${text}# ${n}\n`);
      git(folder, ['add', '.']);
      commit(folder, `Änderung ${n}`, `2026-12-0${4 + n}T10:00:00+01:00`);
    }
    const history = await changeHistory(plan, readFileSync(plan, 'utf8'), { limit: 2 });
    assert.deepEqual(history?.commits.map((c) => c.subject), ['Änderung 3', 'Änderung 2']);
    assert.equal(history?.older, 3);
  });

  it('has nothing to say outside a repository, without git on PATH, or in a broken repository: never throws', async () => {
    const outside = join(scratch(), 'plan.drplan.yaml');
    writeFileSync(outside, 'drplan: "1"\n');
    assert.equal(await changeHistory(outside, 'drplan: "1"\n'), undefined);
    assert.equal(await changeHistory(join(scratch(), 'fehlt.drplan.yaml'), ''), undefined, 'no such file');

    const { plan, text, folder } = repository();
    assert.equal(await changeHistory(plan, text, { env: { ...process.env, PATH: join(scratch(), 'leer') } }), undefined);
    assert.equal(await changeHistory(plan, text, { env: { ...process.env, PATH: '' } }), undefined);

    // Every object gone: HEAD names a commit git cannot read.
    rmSync(join(folder, '.git', 'objects'), { recursive: true });
    mkdirSync(join(folder, '.git', 'objects'));
    assert.equal(await changeHistory(plan, text), undefined);
    writeFileSync(join(folder, '.git', 'HEAD'), 'kaputt\n');
    assert.equal(await changeHistory(plan, text), undefined);
  });

  it('finds git by an absolute PATH entry only, never in the plan\'s folder', () => {
    const folder = scratch();
    const planted = join(folder, 'git');
    writeFileSync(planted, '#!/bin/sh\nexit 0\n');
    chmodSync(planted, 0o755);
    assert.equal(findGit({ PATH: folder }), planted, 'the control: an absolute entry finds it');
    assert.equal(findGit({ PATH: relative(process.cwd(), folder) }), undefined);
    assert.equal(findGit({ PATH: `.${':'}${relative(process.cwd(), folder)}` }), undefined);
    writeFileSync(join(folder, 'kein-programm'), '');
    assert.equal(findGit({ PATH: join(folder, 'kein-programm') }), undefined);
  });

  it('runs git without the caller\'s GIT_* variables: GIT_DIR cannot point it elsewhere', async () => {
    assert.deepEqual(
      Object.keys(gitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/x', git_pager: 'less', GIT_CONFIG_COUNT: '1', HOME: '/home/e' })).sort(),
      ['GIT_NO_LAZY_FETCH', 'GIT_NO_REPLACE_OBJECTS', 'GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'HOME', 'PATH'],
    );
    const { plan, text, commits } = repository();
    const other = repository();
    const env = { ...process.env, GIT_DIR: join(other.folder, '.git'), GIT_WORK_TREE: other.folder, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_CONFIG_VALUE_0: '/bin/false' };
    const history = await changeHistory(plan, text, { env });
    assert.deepEqual(history?.commits.map((c) => c.hash), commits.map((c) => c.hash));
  });

  it('runs none of the programs a repository\'s configuration names (fsmonitor, hooks, pager, diff, textconv, filters, gpg, ssh)', async () => {
    const { folder, plan, text, commits } = repository();
    const marker = join(scratch(), 'marker');
    plantTraps(folder, marker);
    // The control: git itself runs them (status: fsmonitor and hooks; log: gpg for the signature).
    git(folder, ['status']);
    git(folder, ['log', '-1', '--format=%h']);
    assert.match(readFileSync(marker, 'utf8'), /--verify/, 'gpg.program ran for git log');
    rmSync(marker);

    const history = await changeHistory(plan, text);
    const cached = await new GitHistories().history(plan, `${text}#`);
    assert.deepEqual(history?.commits.map((c) => c.subject), commits.map((c) => c.subject));
    assert.equal(cached?.uncommitted, true);
    assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  });

  it('keeps the history per file until HEAD moves or the file is saved', async () => {
    const { folder, plan, text } = repository();
    const histories = new GitHistories();
    const first = await histories.history(plan, text);
    assert.equal(await histories.history(plan, text), first, 'the same object: git did not run again');
    assert.equal((await histories.history(plan, `${text}#`))?.uncommitted, true);

    writeFileSync(plan, `${text}# neu\n`);
    git(folder, ['add', '.']);
    const hash = commit(folder, 'Neuer Commit', '2026-12-10T10:00:00+01:00');
    const moved = await histories.history(plan, `${text}# neu\n`);
    assert.equal(moved?.commits[0]?.hash, hash, 'HEAD moved: read again');
    assert.equal(moved?.uncommitted, false);

    git(folder, ['reset', '-q', '--hard', 'HEAD~1']);
    assert.equal((await histories.history(plan, text))?.commits[0]?.subject, first?.commits[0]?.subject, 'a reset moves HEAD back');
    const again = await histories.history(plan, text);
    histories.forget(plan);
    const read = await histories.history(plan, text);
    assert.notEqual(read, again, 'saved: read again');
    assert.deepEqual(read, again);
  });

  it('a plan in no repository: asked again once a repository is made around it, not before', async () => {
    const folder = scratch();
    const plan = join(folder, 'notfallplan.drplan.yaml');
    const text = readFileSync(EXAMPLE_PLAN, 'utf8');
    writeFileSync(plan, text);
    const histories = new GitHistories();
    assert.equal(await histories.history(plan, text), undefined);
    assert.equal(await histories.history(plan, text), undefined, 'still none');
    newRepository(folder);
    git(folder, ['add', '.']);
    const hash = commit(folder, 'Erste Fassung', '2026-12-10T10:00:00+01:00');
    assert.equal((await histories.history(plan, text))?.commits[0]?.hash, hash, 'git init and a commit: read without a save');
  });

  it('reads a plan in a linked worktree (git worktree add)', async () => {
    const { folder, commits } = repository();
    const tree = join(scratch(), 'baum');
    git(folder, ['worktree', 'add', '-q', '-b', 'zweig', tree]);
    const plan = join(tree, 'plaene', 'notfallplan.drplan.yaml');
    const histories = new GitHistories();
    const text = readFileSync(plan, 'utf8');
    assert.deepEqual((await histories.history(plan, text))?.commits.map((c) => c.hash), commits.map((c) => c.hash));
    writeFileSync(plan, `${text}# im Zweig\n`);
    git(tree, ['add', '.']);
    const hash = commit(tree, 'Im Zweig', '2026-12-11T10:00:00+01:00');
    assert.equal((await histories.history(plan, `${text}# im Zweig\n`))?.commits[0]?.hash, hash);
  });
});
