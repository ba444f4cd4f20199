import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures';

/**
 * The YAML of each block of docs/ci.md marked for a test (`<!-- ci.md test: NAME -->` above a
 * fenced yaml block), by its name: what test/cli/ciDocs.test.ts and test/pack/preCommit.test.ts run.
 */
export function testedBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8').matchAll(/<!-- ci\.md test: (\S+) -->\n```yaml\n([\s\S]*?)```/g)) {
    blocks.set(match[1] as string, match[2] as string);
  }
  return blocks;
}
