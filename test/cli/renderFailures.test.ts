/**
 * `drplan render` when the file system says no: a read-only folder and a full disk. The earlier
 * file stays as it was, no temporary file is left behind, the exit status is 2 and the message
 * says why. (Overwrite refusal without --force and a failing final rename are in render.test.ts.)
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLES, ROOT } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const EARLIER = '<!DOCTYPE html><title>Stand vom Vormonat</title>';

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '' }, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

/**
 * Makes a folder unwritable and returns how to undo it: file mode 0555, and where that does not
 * stop the process (root), the immutable attribute (chattr +i: ext2/3/4, XFS, Btrfs, tmpfs).
 * Checked by trying to create a file there, so the test cannot pass on a folder that is writable.
 */
function makeReadOnly(folder: string): () => void {
  const probe = join(folder, '.probe');
  const writable = () => {
    try {
      writeFileSync(probe, '');
    } catch {
      return false;
    }
    rmSync(probe, { force: true });
    return true;
  };
  chmodSync(folder, 0o555);
  if (!writable()) return () => chmodSync(folder, 0o755);
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'pipe' });
  } catch (error) {
    chmodSync(folder, 0o755);
    throw new Error(`cannot make ${folder} read-only: mode 0555 does not stop this process (root?) and chattr +i failed: ${(error as Error).message}`);
  }
  const undo = () => {
    execFileSync('chattr', ['-i', folder]);
    chmodSync(folder, 0o755);
  };
  if (writable()) {
    undo();
    throw new Error(`cannot make ${folder} read-only: neither mode 0555 nor chattr +i stops writes here`);
  }
  return undo;
}

describe('drplan render when writing fails', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-render-fail-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('a read-only folder: exit 2, "permission denied", the earlier file intact, nothing added', () => {
    const folder = join(scratch, 'readonly');
    mkdirSync(folder);
    const target = join(folder, 'plone-intranet.html');
    writeFileSync(target, EARLIER);
    const undo = makeReadOnly(folder);
    try {
      for (const [format, output] of [['html', target], ['pdf', join(folder, 'neu.pdf')]] as const) {
        const { code, stderr } = drplan('render', '--format', format, '--force', '-o', output, EXAMPLE);
        assert.equal(code, 2, stderr);
        assert.equal(stderr, `drplan: cannot write ${output}: permission denied\n`);
      }
      assert.equal(readFileSync(target, 'utf8'), EARLIER);
      assert.deepEqual(readdirSync(folder), ['plone-intranet.html']);
    } finally {
      undo();
    }
  });

  it('a full disk: exit 2, "no space left on device", the earlier file intact, no half or temporary file', () => {
    // A 256 KiB tmpfs, filled up, in a mount namespace of its own (unshare: as root or as a
    // user with user namespaces): it disappears with the process, even if the test dies.
    const disk = join(scratch, 'disk');
    mkdirSync(disk);
    const plan = join(scratch, 'plone-intranet.drplan.yaml');
    copyFileSync(EXAMPLE, plan);
    const script = `
set -e
mount -t tmpfs -o size=256k tmpfs "$DISK"
printf '%s' "$EARLIER" > "$DISK/plone-intranet.html"
head -c 1048576 /dev/zero > "$DISK/fill" 2>/dev/null || true
set +e
node "$CLI" render --format html --force -o "$DISK/plone-intranet.html" "$PLAN" 2> "$SCRATCH/stderr-html"
echo "html=$?"
node "$CLI" render --format pdf -o "$DISK/neu.pdf" "$PLAN" 2> "$SCRATCH/stderr-pdf"
echo "pdf=$?"
echo "earlier=$(cat "$DISK/plone-intranet.html")"
echo "files=$(ls -A "$DISK" | tr '\\n' ' ')"
echo "free=$(df -k "$DISK" | awk 'NR==2 {print $4}')"
`;
    const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
      env: { ...process.env, LANG: 'C', LC_ALL: '', DISK: disk, CLI, PLAN: plan, SCRATCH: scratch, EARLIER },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `unshare and mount -t tmpfs must work here: ${result.stderr}`);
    const report = Object.fromEntries(result.stdout.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    assert.equal(report.free, '0', 'the disk was full');
    assert.equal(report.html, '2');
    assert.equal(report.pdf, '2');
    for (const format of ['html', 'pdf']) {
      const stderr = readFileSync(join(scratch, `stderr-${format}`), 'utf8');
      assert.match(stderr, new RegExp(`^drplan: cannot write ${disk}/(plone-intranet|neu)\\.${format}: .*no space left on device`, 'i'));
    }
    assert.equal(report.earlier, EARLIER);
    assert.equal(report.files?.trim().split(' ').sort().join(' '), 'fill plone-intranet.html', 'no temporary file and no half file');
  });
});
