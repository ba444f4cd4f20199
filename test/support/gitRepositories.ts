/**
 * Real git repositories for the tests of the change history (gitHistory.ts): made in a
 * temporary folder with git itself, with fixed authors and dates, so the document's commit list
 * is known. The tests' own git ignores the machine's configuration (a global `commit.gpgsign`
 * or `init.defaultBranch` must not change them).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXAMPLES } from './fixtures';

export const EXAMPLE_PLAN = join(EXAMPLES, 'plone-intranet.drplan.yaml');

/** The environment of the tests' git: no system or user configuration, no GIT_* of the caller. */
export function testGitEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  return { ...kept, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', ...extra };
}

export function git(folder: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd: folder, env: testGitEnvironment(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The text of an HTML document or fragment, as the tests look for commits in it: inline tags dropped, the others and every run of blanks one blank. */
export function htmlText(html: string): string {
  return html.replace(/<\/?(?:strong|em|span)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** A commit by `author` at `date` (ISO 8601), author and committer date alike. */
export function commit(folder: string, message: string, date: string, author = 'Erika Mustermann'): string {
  git(folder, ['commit', '-q', '--allow-empty-message', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'erika@example.org',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'erika@example.org',
  });
  return shortHash(folder, 'HEAD');
}

export function shortHash(folder: string, revision: string): string {
  return git(folder, ['rev-parse', '--short', revision]).trim();
}

/** A new repository (branch main) in `folder`, by default a new temporary folder. */
export function newRepository(folder = mkdtempSync(join(tmpdir(), 'drplan-git-'))): string {
  mkdirSync(folder, { recursive: true });
  git(folder, ['init', '-q', '-b', 'main']);
  git(folder, ['config', 'user.name', 'Erika Mustermann']);
  git(folder, ['config', 'user.email', 'erika@example.org']);
  return folder;
}

/** The plan of the story most tests tell: written as `alt.drplan.yaml`, then renamed and edited. */
export interface PlanRepository {
  readonly folder: string;
  /** `plaene/notfallplan.drplan.yaml`, absolute. */
  readonly plan: string;
  readonly text: string;
  /** Newest first: the rename with its edit, the first version. */
  readonly commits: readonly { readonly hash: string; readonly subject: string; readonly day: string }[];
}

export const FIRST_SUBJECT = 'Erste Fassung des Notfallplans';
export const SECOND_SUBJECT = 'Plan umbenannt, Rückruf ergänzt';

/**
 * Two commits, the second a rename (`git mv`) with an edit: `git log --follow` finds both. In a
 * new temporary folder, or in `folder` (the VS Code suite's workspace), of `example`.
 */
export function planRepository(options: { readonly folder?: string; readonly example?: string } = {}): PlanRepository {
  const folder = newRepository(options.folder);
  mkdirSync(join(folder, 'plaene'));
  const first = join(folder, 'plaene', 'alt.drplan.yaml');
  copyFileSync(options.example ?? EXAMPLE_PLAN, first);
  git(folder, ['add', '.']);
  const firstHash = commit(folder, FIRST_SUBJECT, '2026-11-02T09:00:00+01:00');
  git(folder, ['mv', 'plaene/alt.drplan.yaml', 'plaene/notfallplan.drplan.yaml']);
  const plan = join(folder, 'plaene', 'notfallplan.drplan.yaml');
  writeFileSync(plan, `${readFileSync(plan, 'utf8')}# Rückruf über die Zentrale\n`);
  git(folder, ['add', '.']);
  const secondHash = commit(folder, SECOND_SUBJECT, '2026-12-03T00:30:00+01:00');
  return {
    folder,
    plan,
    text: readFileSync(plan, 'utf8'),
    commits: [
      { hash: secondHash, subject: SECOND_SUBJECT, day: '2026-12-03' },
      { hash: firstHash, subject: FIRST_SUBJECT, day: '2026-11-02' },
    ],
  };
}

/**
 * Plants in a repository's configuration every program git could be made to run by it, each a
 * script that appends its name to `marker`: fsmonitor, hooks (every hook the repository could
 * have), pager, external diff, text conversion, clean and smudge filters, the signature check
 * (with a signed commit on top, so that `git log` verifies it), ssh for fetching. A plain
 * `git status` and `git log` run some of them: the control that the trap works.
 */
export function plantTraps(folder: string, marker: string): void {
  // A signed commit on top: `git log` with log.showSignature runs gpg.program on it.
  signedCommit(folder);
  const script = join(dirname(marker), 'trap.sh');
  writeFileSync(script, `#!/bin/sh\necho "$(basename "$0") $*" >> '${marker}'\nexit 0\n`);
  chmodSync(script, 0o755);
  const hooks = join(dirname(marker), 'hooks');
  mkdirSync(hooks, { recursive: true });
  const hookNames = ['pre-commit', 'post-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman', 'pre-auto-gc', 'post-rewrite'];
  for (const name of hookNames) {
    writeFileSync(join(hooks, name), `#!/bin/sh\necho "hook ${name}" >> '${marker}'\nexit 0\n`);
    chmodSync(join(hooks, name), 0o755);
    // Also where git looks without core.hooksPath.
    writeFileSync(join(folder, '.git', 'hooks', name), `#!/bin/sh\necho "hook ${name}" >> '${marker}'\nexit 0\n`);
    chmodSync(join(folder, '.git', 'hooks', name), 0o755);
  }
  const settings: [string, string][] = [
    ['core.fsmonitor', script],
    ['core.hooksPath', hooks],
    ['core.pager', script],
    ['pager.log', script],
    ['diff.external', script],
    ['diff.plan.textconv', script],
    ['diff.plan.command', script],
    ['filter.plan.clean', script],
    ['filter.plan.smudge', script],
    ['log.showSignature', 'true'],
    ['gpg.program', script],
    ['gpg.ssh.program', script],
    ['core.sshCommand', script],
    ['core.alternateRefsCommand', script],
  ];
  for (const [key, value] of settings) git(folder, ['config', key, value]);
  writeFileSync(join(folder, '.git', 'info', 'attributes'), '* diff=plan filter=plan\n');
}

/** A commit with a (made-up) PGP signature header, written as an object: no gpg needed. */
function signedCommit(folder: string): void {
  const tree = git(folder, ['rev-parse', 'HEAD^{tree}']).trim();
  const parent = git(folder, ['rev-parse', 'HEAD']).trim();
  const when = '1796400000 +0100';
  const object = [
    `tree ${tree}`,
    `parent ${parent}`,
    `author Erika Mustermann <erika@example.org> ${when}`,
    `committer Erika Mustermann <erika@example.org> ${when}`,
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEdrplandrplandrplan',
    ' -----END PGP SIGNATURE-----',
    '',
    'Signierter Commit',
    '',
  ].join('\n');
  const file = join(folder, '.git', 'signed-commit');
  writeFileSync(file, object);
  const hash = git(folder, ['hash-object', '-t', 'commit', '-w', file]).trim();
  git(folder, ['update-ref', 'refs/heads/main', hash]);
}
