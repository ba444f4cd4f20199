import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readPlanFile } from '../../server/src/cli/checkFiles';
import { describeError, NOT_REGULAR } from '../../server/src/cli/findPlans';

/**
 * readPlanFile, the one way `drplan check` and `drplan render` read a plan: never more than the
 * limit and one byte, whatever the file says of its size; a file a folder search found is read
 * only if it is still a regular file, and its opening never waits (the CLI's tests,
 * test/cli/planReads.test.ts, show the same through the command line).
 */

const scratch = mkdtempSync(join(tmpdir(), 'drplan-read-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading a plan file', () => {
  it('reads a file of the limit whole, and of one byte more only its beginning, with its size', async () => {
    const file = join(scratch, 'exact.drplan.yaml');
    writeFileSync(file, `${'a'.repeat(999)}\n`);
    assert.deepEqual(await readPlanFile(file, 1000), { bytes: Buffer.from(`${'a'.repeat(999)}\n`), size: undefined });
    writeFileSync(file, `x\n${'a'.repeat(999)}`);
    const over = await readPlanFile(file, 1000);
    assert.equal(over.size, 1001);
    assert.equal(Buffer.from(over.bytes).toString(), 'x\n', 'whole lines of the beginning');
  });

  it('stops at the limit and one byte on what never ends (/dev/zero), also through a link', async () => {
    const link = join(scratch, 'zero.drplan.yaml');
    symlinkSync('/dev/zero', link);
    for (const file of ['/dev/zero', link]) {
      const { size } = await readPlanFile(file, 100_000);
      assert.equal(size, 100_001, file);
    }
  });

  it('reads a file of no limit to its end', async () => {
    const file = join(scratch, 'large.drplan.yaml');
    writeFileSync(file, 'b'.repeat(300_000));
    const { bytes, size } = await readPlanFile(file, Infinity);
    assert.equal(bytes.length, 300_000);
    assert.equal(size, undefined);
  });

  it('takes a found file only while it is a regular file: a link or a FIFO put there since the search is refused, at once', async () => {
    const plan = join(scratch, 'plan.drplan.yaml');
    writeFileSync(plan, 'drplan: "1"\n');
    const link = join(scratch, 'link.drplan.yaml');
    symlinkSync(plan, link);
    const fifo = join(scratch, 'fifo.drplan.yaml');
    execFileSync('mkfifo', [fifo]);
    assert.equal(Buffer.from((await readPlanFile(plan, 1000, true)).bytes).toString(), 'drplan: "1"\n');
    for (const file of [link, fifo]) {
      // No writer on the FIFO: an open that waited for one would never return.
      await assert.rejects(readPlanFile(file, 1000, true), (error: NodeJS.ErrnoException) => error.code === NOT_REGULAR, file);
    }
    // Named on the command line, the link is followed.
    assert.equal(Buffer.from((await readPlanFile(link, 1000)).bytes).toString(), 'drplan: "1"\n');
  });

  it('says why a found file was not read, in both languages', () => {
    const error = Object.assign(new Error('x'), { code: NOT_REGULAR });
    assert.equal(describeError(error, 'en'), 'no longer a regular file (a link, a FIFO or a device); a folder search reads regular files only');
    assert.equal(describeError(error, 'de'), 'keine gewöhnliche Datei mehr (ein Link, eine FIFO oder ein Gerät); die Suche in einem Ordner liest nur gewöhnliche Dateien');
  });
});
