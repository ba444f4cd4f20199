/**
 * When the HEAD of the git repository that holds a plan file moves (a commit, a checkout, a
 * reset, a pull), the preview lists the commits again (workspaceTrust.ts). Desktop only: the
 * language server reads the history with git, which a browser does not have.
 *
 * Watched with Node's fs.watch on the folders of the files that change when HEAD moves (the
 * server's list, server/src/gitHeadFiles.ts), not with VS Code's workspace watcher: that one adds
 * a watch for a new folder only when it hears of it, so the folders of a repository made while
 * VS Code runs (`git init` and a first commit, a `git clone`) can be created before it watches
 * them, and their changes are never heard. Here the folders exist when their watch starts; a
 * file whose folder is missing yet (`logs` before the first commit, a branch `feature/x`) is
 * watched for in the nearest folder that exists, and after each change the watches follow HEAD
 * to the branch it names. Nothing here runs git (SECURITY.md §10).
 */
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { commonDirOf, gitDirOf, headFiles } from '../../server/src/gitHeadFiles';

export interface HeadWatch {
  dispose(): void;
}

export interface HeadWatchEvents {
  /** HEAD may have moved. */
  moved(): void;
  /** The repository is gone (its git folder deleted or unreadable): this watch hears nothing more. */
  ended(): void;
}

/** One watched folder and the names in it whose change counts. */
interface FolderWatch {
  readonly watcher: FSWatcher;
  names: ReadonlySet<string>;
}

/** Watches the HEAD of the repository of `file`; undefined when the file is in none (yet). */
export function watchGitHead(file: string, events: HeadWatchEvents): HeadWatch | undefined {
  const gitDir = gitDirOf(file);
  if (!gitDir) return undefined;
  const commonDir = commonDirOf(gitDir);
  const folders = new Map<string, FolderWatch>();
  let done = false;
  const close = () => {
    for (const { watcher } of folders.values()) watcher.close();
    folders.clear();
  };
  const end = () => {
    if (done) return;
    done = true;
    close();
    events.ended();
  };
  /** Watches the folders HEAD's files are in now; false when the repository is gone. */
  const follow = (): boolean => {
    let head: string;
    try {
      head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
    } catch {
      return false;
    }
    const wanted = watchedFolders(headFiles(gitDir, commonDir, head), [gitDir, commonDir]);
    for (const [folder, watched] of folders) {
      if (wanted.has(folder)) continue;
      watched.watcher.close();
      folders.delete(folder);
    }
    for (const [folder, names] of wanted) {
      const watched = folders.get(folder);
      if (watched) {
        watched.names = names;
        continue;
      }
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => heard(folder, name));
        watcher.on('error', end);
        folders.set(folder, { watcher, names });
      } catch {
        // Gone meanwhile: the change that removed it is heard in its parent.
      }
    }
    return folders.has(gitDir);
  };
  const heard = (folder: string, name: string | null) => {
    const watched = folders.get(folder);
    if (done || !watched) return;
    // Some platforms give no name: any change may be the one.
    if (name !== null && !watched.names.has(name)) {
      // Linux tells of a watched folder's removal as a change named after it.
      if (!existsSync(folder)) end();
      return;
    }
    if (!follow()) return end();
    events.moved();
  };
  if (!follow()) {
    close();
    return undefined;
  }
  return {
    dispose: () => {
      done = true;
      close();
    },
  };
}

/**
 * The folders to watch for `files`, each with the names in it that count: a file's own folder,
 * or, where that is missing, the nearest one above it (not above `roots`) with the name of the
 * folder to come.
 */
function watchedFolders(files: readonly string[], roots: readonly string[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const file of files) {
    let child = file;
    let folder = dirname(file);
    while (!isFolder(folder) && !roots.includes(folder) && dirname(folder) !== folder) {
      child = folder;
      folder = dirname(folder);
    }
    if (!isFolder(folder)) continue;
    const names = wanted.get(folder) ?? new Set<string>();
    names.add(basename(child));
    wanted.set(folder, names);
  }
  return wanted;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
