import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../core';
import { systemErrorReason } from '../core/i18n/fileMessages';

export const PLAN_FILE = /\.drplan\.ya?ml$/i;

/** The name of standard input on the command line: `drplan check -`. */
export const STDIN = '-';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

export type PathProblem = { readonly path: string; readonly reason: string };

/**
 * The plan files named by the command line: files as given (a FIFO too), folders searched
 * recursively for `*.drplan.yaml` / `*.drplan.yml` (skipping node_modules, .git and build
 * output), sorted; and the paths it cannot read, with the reason in `locale`. A search takes
 * regular files only: a FIFO would block it, a device or a link could lead anywhere.
 */
export async function findPlans(paths: readonly string[], locale: Locale): Promise<{ files: string[]; problems: PathProblem[] }> {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      files.push(path); // checkFiles.ts reads it
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await searchFolder(path)));
      else files.push(path);
    } catch (error) {
      problems.push({ path, reason: describeError(error, locale) });
    }
  }
  return { files, problems };
}

async function searchFolder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await searchFolder(path)));
    } else if (entry.isFile() && PLAN_FILE.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/** Why a file or folder could not be read, in words, in the language of the messages. */
export function describeError(error: unknown, locale: Locale): string {
  return systemErrorReason(error)[locale];
}
