/**
 * Rewrites the generated blocks of docs/format.md from the code (`npm run docs:format`).
 * `--check`: only says whether the file is up to date (exit status 1 when it is not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_DOC, REGENERATE_COMMAND, regenerateFormatDoc } from './formatDoc';

const file = join(__dirname, '..', FORMAT_DOC);
const current = readFileSync(file, 'utf8');
const regenerated = regenerateFormatDoc(current);
if (process.argv.includes('--check')) {
  if (regenerated !== current) {
    process.stderr.write(`${FORMAT_DOC} is stale: run ${REGENERATE_COMMAND}\n`);
    process.exitCode = 1;
  }
} else if (regenerated !== current) {
  writeFileSync(file, regenerated);
  process.stdout.write(`wrote ${FORMAT_DOC}\n`);
} else {
  process.stdout.write(`${FORMAT_DOC} is up to date\n`);
}
