import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const EXAMPLES = join(ROOT, 'examples');
/** Every fixture is checked as of this day, so overdue rules give the same answer every day. */
export const TODAY = new Date('2026-11-29');
export const TODAY_ISO = '2026-11-29';

export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.drplan.yaml'))
    .sort()
    .map((name) => join(FIXTURES, folder, name));
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
