import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../core';
import { systemErrorReason } from '../core/i18n/fileMessages';

export const PLAN_FILE = /\.drplan\.ya?ml$/i;

/** The name of standard input on the command line: `drplan check -`. */
export const STDIN = '-';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

export type PathProblem = { readonly path: string; readonly reason: string };

/** A plan file to read: named on the command line, or found by a folder search (then read only if still a regular file). */
export interface PlanFile {
  readonly path: string;
  readonly found: 'named' | 'searched';
}

/**
 * The plan files named by the command line: files as given (a FIFO or a link too: whoever names
 * one means it), folders searched recursively for `*.drplan.yaml` / `*.drplan.yml` (skipping
 * node_modules, .git and build output), sorted; and the paths it cannot read, with the reason in
 * `locale`. A search takes regular files only and follows no link, to a file or a folder: a FIFO
 * would block it, a device or a link could lead anywhere (`/dev/zero`, a plan outside the folder,
 * a loop), and a plan the folder holds is found under its own name anyway.
 */
export async function findPlans(paths: readonly string[], locale: Locale): Promise<{ files: PlanFile[]; problems: PathProblem[] }> {
  const files: PlanFile[] = [];
  const problems: PathProblem[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      files.push({ path, found: 'named' }); // checkFiles.ts reads it
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) await searchFolder(path, files);
      else files.push({ path, found: 'named' });
    } catch (error) {
      problems.push({ path, reason: describeError(error, locale) });
    }
  }
  return { files, problems };
}

/** Adds the plan files under `folder` to `found`. (Entries of a link are links: neither isDirectory nor isFile.) */
async function searchFolder(folder: string, found: PlanFile[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await searchFolder(path, found);
    } else if (entry.isFile() && PLAN_FILE.test(entry.name)) {
      found.push({ path, found: 'searched' });
    }
  }
}

/** The code of the error for a file a folder search found that is no longer a regular file when it is read. */
export const NOT_REGULAR = 'DRPLAN_NOT_REGULAR';

/** Why a file or folder could not be read, in words, in the language of the messages. */
export function describeError(error: unknown, locale: Locale): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === NOT_REGULAR) {
    return locale === 'de'
      ? 'keine gewöhnliche Datei mehr (ein Link, eine FIFO oder ein Gerät); die Suche in einem Ordner liest nur gewöhnliche Dateien'
      : 'no longer a regular file (a link, a FIFO or a device); a folder search reads regular files only';
  }
  return systemErrorReason(error)[locale];
}
