import { join } from 'node:path';

/**
 * The files under a repository's git folders that change when its HEAD moves: HEAD itself (a
 * checkout, a detached commit), the branch it names (a commit, a reset: git replaces the file),
 * the reflog, packed refs, a reftable, the shallow boundary. One list for the server's cache of
 * histories (gitHistory.ts: their `stat`) and the desktop client's watch of a previewed plan's
 * repository (client/src/gitHeadWatch.ts). `head`: the text of `gitDir/HEAD`. Nothing here runs git.
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
