/**
 * The watch of a previewed plan's repository (client/src/gitHeadWatch.ts) on real repositories
 * made here: a commit, the first commit of a new repository, a checkout, a linked work tree, a
 * plan reached through a link; nothing for a plan outside any repository or after dispose.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gitDirOf, watchGitHead, type HeadWatch } from '../../client/src/gitHeadWatch';
import { commit, git, newRepository, planRepository } from '../support/gitRepositories';

const folders: string[] = [];
const watches: HeadWatch[] = [];
after(() => {
  for (const watch of watches) watch.dispose();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A watch of `plan` that counts the moves it reports, and waits for the next one. */
function watched(plan: string): { readonly moves: () => number; next: (what: string) => Promise<void>; readonly watch: HeadWatch } {
  let moves = 0;
  let waiting: (() => void) | undefined;
  const watch = watchGitHead(plan, () => {
    moves++;
    waiting?.();
  });
  assert.ok(watch, `a watch of ${plan}`);
  watches.push(watch);
  return {
    watch,
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
    assert.equal(watchGitHead(join(folder, 'plaene', 'plan.drplan.yaml'), () => assert.fail('no repository')), undefined);
    assert.equal(watchGitHead(join(folder, 'fehlt.drplan.yaml'), () => assert.fail('no file')), undefined);
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
});
