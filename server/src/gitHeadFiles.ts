import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where a plan's repository is and which of its files change when HEAD moves, read from the file
 * system alone (nothing here runs git), for the server's cache of histories (gitHistory.ts) and
 * the desktop client's watch of a previewed plan's repository (client/src/gitHeadWatch.ts).
 */

/**
 * The files under a repository's git folders that change when its HEAD moves: HEAD itself (a
 * checkout, a detached commit), the branch it names (a commit, a reset: git replaces the file),
 * the reflog, packed refs, a reftable, the shallow boundary. `head`: the text of `gitDir/HEAD`.
 */
export function headFiles(gitDir: string, commonDir: string, head: string): string[] {
  const files = [
    join(gitDir, 'HEAD'),
    join(gitDir, 'logs', 'HEAD'),
    join(commonDir, 'packed-refs'),
    join(commonDir, 'reftable', 'tables.list'),
    join(commonDir, 'shallow'),
  ];
  const branch = /^ref: (refs\/\S+)/.exec(head)?.[1];
  // A ref that climbs out of the git folder is none git would write.
  if (branch && !branch.split('/').includes('..')) files.push(join(commonDir, ...branch.split('/')));
  return files;
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

/** The folder of the refs a git directory shares (a linked work tree's `commondir`), or itself. */
export function commonDirOf(gitDir: string): string {
  try {
    const named = readFileSync(join(gitDir, 'commondir'), 'utf8').slice(0, 4096).trim();
    return named ? resolve(gitDir, named) : gitDir;
  } catch {
    return gitDir;
  }
}
