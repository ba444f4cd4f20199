/**
 * git at the edge: the commits that touched a plan file, for the document's change history
 * (core/render/changeHistory.ts). `drplan render` reads them (unless `--no-git`), and the
 * language server in a trusted workspace for the preview and the exports. Apart from the
 * client's serverProcess.ts, this is the one module of drplan that starts a process
 * (SECURITY.md §1, §10).
 *
 * A repository may come from anyone, and its configuration can name programs that git runs.
 * So git is run with a pinned command line and nothing else:
 * - found on PATH by its absolute name, never in the plan's folder (an entry `.` or an empty one
 *   would find a `git` planted in the repository; on Windows Node would look there first);
 * - `execFile` without a shell, with a timeout and a cap on its output, stdin closed;
 * - an environment without any `GIT_*` variable of the caller (`GIT_DIR`, `GIT_CONFIG_*`,
 *   `GIT_EXTERNAL_DIFF`, `GIT_PAGER`, `GIT_TRACE*` …), with prompts off, no lazy fetch of a
 *   partial clone, no optional locks and no replace objects;
 * - `-c` settings, which outrank the repository's own: no fsmonitor, no hooks, no pager, no
 *   external diff, no signature check (it would run `gpg.program`), no transport at all (a
 *   partial clone could fetch, through `core.sshCommand`), no implicitly found bare
 *   repository, UTF-8 output; `--no-textconv --no-ext-diff` for `log`; literal pathspecs.
 * Only read-only commands run (`rev-parse`, `log`, `ls-tree`), which run no hook and no filter. The system
 * and user configuration stay in force: they are the machine's and the user's, not the
 * repository's (and `safe.directory` there decides whether git reads another user's
 * repository at all). Whatever goes wrong (no git, not a repository, a broken one, a timeout),
 * the answer is "no history": the document then shows the plan's `history:` entries.
 */
import { execFile } from 'node:child_process';
import { constants, promises as fs, statSync } from 'node:fs';
import { devNull } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChangeHistory } from './core/render/changeHistory';
import { gitDirOf, headFiles } from './gitHeadFiles';
import { COMMIT_FORMAT, gitReading, historyOfText, parseBlob, parseCommits, parseRepository, parseSource, SOURCE_FORMAT, type GitReading } from './gitOutput';

/** The commits the document lists; older ones are counted. */
export const COMMIT_LIMIT = 50;
const TIMEOUT_MS = 5_000;
/** The log of COMMIT_LIMIT + 1 commits, subjects and names included, is far below this. */
const MAX_OUTPUT = 1024 * 1024;
/** Counting older commits: two bytes each, so half a million of them. */
const MAX_COUNT_OUTPUT = 1024 * 1024;

const PINNED = [
  '--no-pager',
  '--literal-pathspecs',
  '--no-optional-locks',
  ...['core.fsmonitor=false', `core.hooksPath=${devNull}`, 'core.pager=cat', 'diff.external=', 'log.showSignature=false'].flatMap((setting) => ['-c', setting]),
  ...['safe.bareRepository=explicit', 'protocol.allow=never', 'i18n.logOutputEncoding=UTF-8'].flatMap((setting) => ['-c', setting]),
];
const LOG = ['--no-textconv', '--no-ext-diff', '--no-color'];

export interface GitOptions {
  /** The environment whose PATH finds git (default: the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Per command; default 5 s. */
  readonly timeoutMs?: number;
  /** Commits listed; default COMMIT_LIMIT. */
  readonly limit?: number;
}

/** A plan file inside a git work tree, as git found it. */
export interface GitLocation {
  readonly git: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  /** The plan's folder (links resolved), where git runs. */
  readonly folder: string;
  /** `./name`: the file relative to `folder`. */
  readonly name: string;
  readonly shallow: boolean;
  readonly gitDir: string;
  readonly commonDir: string;
}

/** The change history of `text` as the content of `file`; undefined when git has none to give. */
export async function changeHistory(file: string, text: string, options: GitOptions = {}): Promise<ChangeHistory | undefined> {
  const location = await locate(file, options);
  const reading = location && (await readHistory(location, options.limit));
  return reading && historyOfText(reading, text);
}

/** The plan file on disk that a URI names: `file:` URIs only (an unsaved plan has no history). */
export function fileOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The work tree `file` is in, or undefined (no git, no such file, not in a work tree, broken). */
export async function locate(file: string, options: GitOptions = {}): Promise<GitLocation | undefined> {
  const env = gitEnvironment(options.env ?? process.env);
  const git = findGit(options.env ?? process.env);
  if (!git) return undefined;
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return undefined;
  }
  const folder = dirname(real);
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const answer = await run({ git, env, folder, timeoutMs }, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--absolute-git-dir', '--git-common-dir']);
  const repository = answer.ok ? parseRepository(answer.stdout) : undefined;
  if (!repository) return undefined;
  return { git, env, timeoutMs, folder, name: `./${basename(real)}`, shallow: repository.shallow, gitDir: repository.gitDir, commonDir: resolve(folder, repository.commonDir) };
}

/** The file's commits, HEAD and the file's blob in it; undefined when git cannot read them. */
export async function readHistory(location: GitLocation, limit = COMMIT_LIMIT): Promise<GitReading | undefined> {
  const ask = (args: readonly string[], maxBuffer?: number) => run(location, args, maxBuffer);
  const head = await ask(['rev-parse', '-q', '--verify', 'HEAD']);
  if (!head.ok) {
    // Status 1: no commit yet (a new repository). Anything else: a repository git cannot read.
    return head.exitCode === 1 ? gitReading({ commits: [], older: 0, shallow: location.shallow, source: undefined }, undefined) : undefined;
  }
  const file = ['HEAD', '--', location.name];
  const [source, log, blob] = await Promise.all([
    ask(['log', '-1', `--format=${SOURCE_FORMAT}`, ...LOG, 'HEAD', '--']),
    ask(['log', '-z', '--follow', `--max-count=${limit + 1}`, `--format=${COMMIT_FORMAT}`, ...LOG, ...file]),
    // Nothing listed: HEAD does not hold the file (never committed, or removed since).
    ask(['ls-tree', '-l', 'HEAD', '--', location.name]),
  ]);
  const sourceCommit = source.ok ? parseSource(source.stdout) : undefined;
  if (!sourceCommit || !log.ok) return undefined;
  const commits = parseCommits(log.stdout);
  let older: number | 'many' = 0;
  if (commits.length > limit) {
    const all = await ask(['log', '--follow', '--format=tformat:.', ...LOG, ...file], MAX_COUNT_OUTPUT);
    // Not counted in time or within the cap (a huge history): "weitere".
    older = all.ok ? Math.max(1, all.stdout.length / 2 - limit) : 'many';
  }
  return gitReading({ commits: commits.slice(0, limit), older, shallow: location.shallow, source: sourceCommit }, blob.ok ? parseBlob(blob.stdout) : undefined);
}

/**
 * The language server's git histories, one per plan file, read again when HEAD moves (a commit,
 * a checkout, a reset: seen from the files under `.git` without running git) or the file is
 * saved; a plan in no repository, when a `.git` appears above it. Between, a preview of each
 * keystroke only compares its text with HEAD's blob.
 */
export class GitHistories {
  private readonly files = new Map<string, Promise<Cached | Missed>>();

  constructor(private readonly options: GitOptions = {}) {}

  async history(file: string, text: string): Promise<ChangeHistory | undefined> {
    let pending = this.files.get(file);
    const cached = await pending;
    if (cached && (await outdated(file, cached)) && this.files.get(file) === pending) this.files.delete(file);
    pending = this.files.get(file);
    if (!pending) {
      pending = this.read(file);
      this.files.set(file, pending);
    }
    const reading = (await pending).reading;
    return reading && historyOfText(reading, text);
  }

  /** The file was saved or closed: read it again next time. */
  forget(file: string): void {
    this.files.delete(file);
  }

  private async read(file: string): Promise<Cached | Missed> {
    // Before asking git: a repository made meanwhile makes the next request ask again.
    const missed: Missed = { gitDir: gitDirOf(file), reading: undefined };
    const location = await locate(file, this.options);
    if (!location) return missed;
    // Before reading: a HEAD that moves meanwhile makes the next request read again.
    const stamp = await headStamp(location);
    const reading = await readHistory(location, this.options.limit);
    return reading ? { location, stamp, reading } : missed;
  }
}

interface Cached {
  readonly location: GitLocation;
  readonly stamp: string;
  readonly reading: GitReading;
}

/** No history: git found no repository (or could not read it) where `gitDir` was the `.git` above the file. */
interface Missed {
  readonly gitDir: string | undefined;
  readonly reading: undefined;
}

/** HEAD moved since the reading; for no reading, a `.git` appeared, went or changed above the file (`git init`, a clone). */
async function outdated(file: string, cached: Cached | Missed): Promise<boolean> {
  return 'location' in cached ? (await headStamp(cached.location)) !== cached.stamp : gitDirOf(file) !== cached.gitDir;
}

/** What changes when HEAD moves (gitHeadFiles.ts): HEAD's text, and the files' size, time and inode. */
async function headStamp(location: GitLocation): Promise<string> {
  const { gitDir, commonDir } = location;
  const head = await fs.readFile(join(gitDir, 'HEAD'), 'utf8').catch(() => '');
  const stats = await Promise.all(headFiles(gitDir, commonDir, head).map((path) => fs.stat(path).then((s) => `${s.ino}:${s.size}:${s.mtimeMs}`, () => '-')));
  return [head, ...stats].join('|');
}

type GitAnswer = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly exitCode: number | undefined };

/** One git command with the pinned options, in the plan's folder. Never rejects. */
function run(where: Pick<GitLocation, 'git' | 'env' | 'folder' | 'timeoutMs'>, args: readonly string[], maxBuffer = MAX_OUTPUT): Promise<GitAnswer> {
  return new Promise((settle) => {
    try {
      const child = execFile(
        where.git,
        [...PINNED, ...args],
        { cwd: where.folder, env: where.env, timeout: where.timeoutMs, killSignal: 'SIGKILL', maxBuffer, encoding: 'utf8', windowsHide: true },
        (error, stdout) => settle(error ? { ok: false, exitCode: typeof error.code === 'number' ? error.code : undefined } : { ok: true, stdout }),
      );
      child.stdin?.end();
    } catch {
      settle({ ok: false, exitCode: undefined });
    }
  });
}

/** The caller's environment without its `GIT_*` variables, and git's safe defaults. */
export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(([name]) => !/^GIT_/i.test(name));
  return { ...Object.fromEntries(kept), GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_NO_REPLACE_OBJECTS: '1' };
}

const found = new Map<string, string | undefined>();

/** git's absolute name from the absolute entries of PATH; undefined when there is none. */
export function findGit(env: NodeJS.ProcessEnv): string | undefined {
  const path = (process.platform === 'win32' ? Object.entries(env).find(([name]) => name.toUpperCase() === 'PATH')?.[1] : env.PATH) ?? '';
  if (found.has(path)) return found.get(path);
  const program = process.platform === 'win32' ? 'git.exe' : 'git';
  const git = path
    .split(delimiter)
    .filter((entry) => isAbsolute(entry))
    .map((entry) => join(entry, program))
    .find(isExecutableFile);
  found.set(path, git);
  return git;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') return (statSync(path).mode & (constants.S_IXUSR | constants.S_IXGRP | constants.S_IXOTH)) !== 0;
    return true;
  } catch {
    return false;
  }
}
