/**
 * When the HEAD of the git repository that holds a plan file moves (a commit, a checkout, a
 * reset, a pull), the preview lists the commits again (workspaceTrust.ts). Desktop only: the
 * language server reads the history with git, which a browser does not have.
 *
 * Watched with Node's fs.watch on the repository's own folders, not with VS Code's workspace
 * watcher: that one adds a watch for a new folder only when it hears of it, so the folders of a
 * repository made while VS Code runs (`git init` and a first commit, a `git clone`) can be
 * created before it watches them, and their changes are never heard. The folders here exist
 * when the watch starts. Every move of HEAD appends to `logs/HEAD`; a checkout rewrites
 * `HEAD`; `packed-refs` covers a `git pack-refs`. Nothing here runs git (SECURITY.md §10).
 */
import { readFileSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface HeadWatch {
  dispose(): void;
}

/** The files per watched folder whose change means HEAD moved (`logs`: the first commit made it). */
const WATCHED = [
  { folder: '', names: ['HEAD', 'packed-refs', 'logs'] },
  { folder: 'logs', names: ['HEAD'] },
] as const;

/** Watches the HEAD of the repository of `file`; undefined when the file is in none (yet). */
export function watchGitHead(file: string, moved: () => void): HeadWatch | undefined {
  const gitDir = gitDirOf(file);
  if (!gitDir) return undefined;
  const watchers = new Map<string, FSWatcher>();
  const start = () => {
    for (const { folder, names } of WATCHED) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(join(gitDir, folder), { persistent: false }, (_event, name) => {
          if (name !== null && !(names as readonly string[]).includes(name)) return;
          // A first commit makes `logs`: watched from then on.
          if (folder === '' && name === 'logs') start();
          moved();
        });
        // The folder went away (the repository was deleted): no more events from it.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // Not there yet (`logs` before the first commit), or not readable.
      }
    }
  };
  start();
  if (!watchers.has('')) return undefined;
  return {
    dispose: () => {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * The git directory of the work tree `file` is in: the nearest `.git` folder above it, or the
 * folder a `.git` file names (`gitdir: …`, a linked work tree or a submodule).
 */
export function gitDirOf(file: string): string | undefined {
  let folder: string;
  try {
    folder = dirname(realpathSync(file));
  } catch {
    return undefined;
  }
  for (;;) {
    const dotGit = join(folder, '.git');
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return dotGit;
      if (stat.isFile()) {
        const named = /^gitdir: *(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8').slice(0, 4096))?.[1];
        return named ? resolve(folder, named) : undefined;
      }
    } catch {
      // No `.git` here: one folder up.
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
