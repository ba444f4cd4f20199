/**
 * The watch of a previewed plan's repository (client/src/gitHeadWatch.ts) on real repositories
 * made here: a commit, the first commit of a new repository, a checkout, a branch in a folder of
 * its own, a repository without a reflog, a linked work tree, a plan reached through a link, a
 * repository deleted; nothing for a plan outside any repository or after dispose.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { watchGitHead, type HeadWatch } from '../../client/src/gitHeadWatch';
import { commonDirOf, gitDirOf } from '../../server/src/gitHeadFiles';
import { commit, git, newRepository, planRepository } from '../support/gitRepositories';

const folders: string[] = [];
const watches: HeadWatch[] = [];
after(() => {
  for (const watch of watches) watch.dispose();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A watch of `plan` that counts the moves it reports, and waits for the next one. */
function watched(plan: string): { readonly moves: () => number; next: (what: string) => Promise<void>; readonly ended: Promise<void>; readonly watch: HeadWatch } {
  let moves = 0;
  let waiting: (() => void) | undefined;
  let ended!: () => void;
  const endedPromise = new Promise<void>((resolve) => (ended = resolve));
  const watch = watchGitHead(plan, {
    moved: () => {
      moves++;
      waiting?.();
    },
    ended: () => ended(),
  });
  assert.ok(watch, `a watch of ${plan}`);
  watches.push(watch);
  return {
    watch,
    ended: endedPromise,
    moves: () => moves,
    // Events come from another thread: waited for, with a bound only so that a missing one fails.
    next: (what) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no move of HEAD heard after ${what}`)), 10_000);
        waiting = () => {
          clearTimeout(timer);
          waiting = undefined;
          resolve();
        };
      }),
  };
}

function repository(): { folder: string; plan: string } {
  const made = planRepository();
  folders.push(made.folder);
  return made;
}

describe('the watch of a previewed plan’s repository', () => {
  it('hears a commit made outside the editor, and a checkout', async () => {
    const { folder, plan } = repository();
    const { next } = watched(plan);
    writeFileSync(join(folder, 'LIESMICH.txt'), 'Notfallpläne\n');
    git(folder, ['add', 'LIESMICH.txt']);
    const moved = next('a commit');
    commit(folder, 'Liesmich ergänzt', '2026-12-10T10:00:00+01:00');
    await moved;
    git(folder, ['branch', 'zweig', 'HEAD~1']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const checkedOut = next('a checkout');
    git(folder, ['checkout', '-q', 'zweig']);
    await checkedOut;
  });

  it('in a repository without commits: hears the first commit and the ones after it', async () => {
    const folder = newRepository();
    folders.push(folder);
    const plan = join(folder, 'notfallplan.drplan.yaml');
    writeFileSync(plan, 'title: Plan\n');
    const { next } = watched(plan);
    git(folder, ['add', '.']);
    const first = next('the first commit');
    commit(folder, 'Erste Fassung', '2026-11-02T09:00:00+01:00');
    await first;
    // The first commit made `logs`; its HEAD is watched from then on.
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(plan, 'title: Plan 2\n');
    const second = next('the second commit');
    git(folder, ['commit', '-q', '-am', 'Zweite Fassung']);
    await second;
  });

  it('a linked work tree: its own git directory is watched', async () => {
    const { folder } = repository();
    const tree = join(mkdtempSync(join(tmpdir(), 'drplan-worktree-')), 'zweig');
    folders.push(tree);
    git(folder, ['worktree', 'add', '-q', '-b', 'zweig', tree]);
    const plan = join(tree, 'plaene', 'notfallplan.drplan.yaml');
    assert.equal(gitDirOf(plan), join(realpathSync(folder), '.git', 'worktrees', 'zweig'));
    assert.equal(commonDirOf(gitDirOf(plan) as string), join(realpathSync(folder), '.git'));
    const { next } = watched(plan);
    const moved = next('a commit in the work tree');
    git(tree, ['commit', '-q', '--allow-empty', '-m', 'Im Zweig']);
    await moved;
  });

  it('a plan reached through a link: the repository the link points into', () => {
    const { folder, plan } = repository();
    const links = mkdtempSync(join(tmpdir(), 'drplan-links-'));
    folders.push(links);
    symlinkSync(plan, join(links, 'plan.drplan.yaml'));
    assert.equal(gitDirOf(join(links, 'plan.drplan.yaml')), join(realpathSync(folder), '.git'));
  });

  it('nothing to watch outside a repository, or for a plan that does not exist', () => {
    const folder = mkdtempSync(join(tmpdir(), 'drplan-nogit-'));
    folders.push(folder);
    mkdirSync(join(folder, 'plaene'));
    writeFileSync(join(folder, 'plaene', 'plan.drplan.yaml'), 'title: Plan\n');
    const never = { moved: () => assert.fail('no repository'), ended: () => assert.fail('no repository') };
    assert.equal(watchGitHead(join(folder, 'plaene', 'plan.drplan.yaml'), never), undefined);
    assert.equal(watchGitHead(join(folder, 'fehlt.drplan.yaml'), never), undefined);
  });

  it('after dispose nothing more is heard', async () => {
    const { folder, plan } = repository();
    const { watch, moves } = watched(plan);
    // A second watch of the same repository shows when the commit's events have come.
    const { next } = watched(plan);
    watch.dispose();
    const moved = next('a commit');
    git(folder, ['commit', '-q', '--allow-empty', '-m', 'Leer']);
    await moved;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(moves(), 0);
  });

  it('a branch in a folder of its own, checked out and committed to; a repository without a reflog', async () => {
    const { folder, plan } = repository();
    git(folder, ['config', 'core.logAllRefUpdates', 'false']);
    // Without reflogs git writes none (an existing one it would go on writing).
    rmSync(join(folder, '.git', 'logs'), { recursive: true, force: true });
    const { next } = watched(plan);
    const checkedOut = next('a checkout of feature/neu');
    git(folder, ['checkout', '-q', '-b', 'feature/neu']);
    await checkedOut;
    // No reflog now: the branch file itself, in refs/heads/feature, tells of the commit.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const committed = next('a commit on feature/neu');
    git(folder, ['commit', '-q', '--allow-empty', '-m', 'Im Zweig']);
    await committed;
  });

  it('a repository deleted: the watch ends and says so', async () => {
    const { folder, plan } = repository();
    const { ended, moves } = watched(plan);
    rmSync(join(folder, '.git'), { recursive: true, force: true });
    await Promise.race([ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the watch did not end')), 10_000))]);
    const before = moves();
    newRepository(folder);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(moves(), before, 'an ended watch hears nothing of a new repository');
  });
});
