/**
 * `drplan render` when the file system says no: a read-only folder (no permission), a full disk,
 * a file system mounted read-only, a path through a file, a folder in the target's place. The
 * earlier file stays as it was, no temporary file is left behind, the exit status is 2 and the
 * message says why in plain words, in English and German. And a plan over the size limit is
 * refused, not rendered as an empty document. (Overwrite refusal without --force, a missing
 * folder and a failing final rename are in render.test.ts.)
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { nodeOutputFiles } from '../../server/src/io/nodeOutputFiles';
import { writeAtomically as writeAtomicallyTo } from '../../server/src/io/outputFile';
import { describeWriteFailure } from '../../server/src/core/i18n/fileMessages';
import { EXAMPLES, ROOT } from '../support/fixtures';
import { inMountNamespace } from '../support/mountNamespace';

const CLI = join(ROOT, 'dist', 'cli.js');
/** The atomic step of drplan render's writer, on the disk. */
const writeAtomically = (target: string, content: Uint8Array, force: boolean) => writeAtomicallyTo(nodeOutputFiles, target, content, force);
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const EARLIER = '<!DOCTYPE html><title>Stand vom Vormonat</title>';

function drplan(...args: string[]) {
  return drplanIn('C', ...args);
}

/** drplan with LANG set to `lang` (its messages follow it unless --lang says otherwise). */
function drplanIn(lang: string, ...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { env: { ...process.env, LANG: lang, LC_ALL: '' }, encoding: 'utf8' });
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

  it('a read-only folder: exit 2, "No permission to write in …", the earlier file intact, nothing added', () => {
    const folder = join(scratch, 'readonly');
    mkdirSync(folder);
    const target = join(folder, 'plone-intranet.html');
    writeFileSync(target, EARLIER);
    const undo = makeReadOnly(folder);
    try {
      const html = drplan('render', '--format', 'html', '--force', '-o', target, EXAMPLE);
      assert.equal(html.code, 2, html.stderr);
      assert.equal(html.stderr, `drplan: cannot write ${target}: No permission to write in ${folder}. The earlier file is unchanged.\n`);
      const pdf = drplan('render', '--format', 'pdf', '-o', join(folder, 'neu.pdf'), EXAMPLE);
      assert.equal(pdf.code, 2, pdf.stderr);
      assert.equal(pdf.stderr, `drplan: cannot write ${join(folder, 'neu.pdf')}: No permission to write in ${folder}.\n`);
      const german = drplan('render', '--lang', 'de', '--format', 'html', '--force', '-o', target, EXAMPLE);
      assert.equal(german.code, 2, german.stderr);
      assert.equal(german.stderr, `drplan: ${target} kann nicht geschrieben werden: Keine Schreibberechtigung für ${folder}. Die bisherige Datei ist unverändert.\n`);
      assert.equal(readFileSync(target, 'utf8'), EARLIER);
      assert.deepEqual(readdirSync(folder), ['plone-intranet.html']);
    } finally {
      undo();
    }
  });

  it('a full disk: exit 2, "The disk is full", the earlier file intact, no half or temporary file', () => {
    // A 256 KiB tmpfs, filled up.
    const disk = join(scratch, 'disk');
    mkdirSync(disk);
    const plan = join(scratch, 'plone-intranet.drplan.yaml');
    copyFileSync(EXAMPLE, plan);
    const report = inMountNamespace(
      `
set -e
mount -t tmpfs -o size=256k tmpfs "$DISK"
printf '%s' "$EARLIER" > "$DISK/plone-intranet.html"
head -c 1048576 /dev/zero > "$DISK/fill" 2>/dev/null || true
set +e
node "$CLI" render --format html --force -o "$DISK/plone-intranet.html" "$PLAN" 2> "$SCRATCH/stderr-html"
echo "html=$?"
node "$CLI" render --format pdf -o "$DISK/neu.pdf" "$PLAN" 2> "$SCRATCH/stderr-pdf"
echo "pdf=$?"
LANG=de_DE.UTF-8 node "$CLI" render --format html --force -o "$DISK/plone-intranet.html" "$PLAN" 2> "$SCRATCH/stderr-de"
echo "de=$?"
echo "earlier=$(cat "$DISK/plone-intranet.html")"
echo "files=$(ls -A "$DISK" | tr '\\n' ' ')"
echo "free=$(df -k "$DISK" | awk 'NR==2 {print $4}')"
`,
      { CLI, EARLIER, DISK: disk, PLAN: plan, SCRATCH: scratch },
    );
    assert.equal(report.free, '0', 'the disk was full');
    assert.deepEqual([report.html, report.pdf, report.de], ['2', '2', '2']);
    const stderr = (name: string) => readFileSync(join(scratch, `stderr-${name}`), 'utf8');
    assert.equal(stderr('html'), `drplan: cannot write ${disk}/plone-intranet.html: The disk is full; there is no space left in ${disk}. The earlier file is unchanged.\n`);
    assert.equal(stderr('pdf'), `drplan: cannot write ${disk}/neu.pdf: The disk is full; there is no space left in ${disk}.\n`);
    assert.equal(
      stderr('de'),
      `drplan: ${disk}/plone-intranet.html kann nicht geschrieben werden: Der Datenträger ist voll, in ${disk} ist kein Platz mehr frei. Die bisherige Datei ist unverändert.\n`,
    );
    assert.equal(report.earlier, EARLIER);
    assert.equal(report.files?.trim().split(' ').sort().join(' '), 'fill plone-intranet.html', 'no temporary file and no half file');
  });

  it('a file system mounted read-only: exit 2, "The file system is read-only", the earlier file intact', () => {
    const share = join(scratch, 'share');
    mkdirSync(share);
    const report = inMountNamespace(
      `
set -e
mount -t tmpfs -o size=256k tmpfs "$SHARE"
printf '%s' "$EARLIER" > "$SHARE/plone-intranet.html"
mount -o remount,ro "$SHARE"
set +e
touch "$SHARE/probe" 2>/dev/null
echo "probe=$?"
node "$CLI" render --format html --force -o "$SHARE/plone-intranet.html" "$PLAN" 2> "$SCRATCH/stderr-ro"
echo "html=$?"
node "$CLI" render --lang de --format pdf -o "$SHARE/neu.pdf" "$PLAN" 2> "$SCRATCH/stderr-ro-de"
echo "pdf=$?"
echo "earlier=$(cat "$SHARE/plone-intranet.html")"
echo "files=$(ls -A "$SHARE" | tr '\\n' ' ')"
`,
      { CLI, EARLIER, SHARE: share, PLAN: EXAMPLE, SCRATCH: scratch },
    );
    assert.notEqual(report.probe, '0', 'the file system refuses writes');
    assert.deepEqual([report.html, report.pdf], ['2', '2']);
    assert.equal(
      readFileSync(join(scratch, 'stderr-ro'), 'utf8'),
      `drplan: cannot write ${share}/plone-intranet.html: The file system is read-only: ${share} is on a file system mounted for reading only. The earlier file is unchanged.\n`,
    );
    assert.equal(
      readFileSync(join(scratch, 'stderr-ro-de'), 'utf8'),
      `drplan: ${share}/neu.pdf kann nicht geschrieben werden: Der Datenträger ist schreibgeschützt: ${share} liegt auf einem Dateisystem, das nur zum Lesen eingebunden ist.\n`,
    );
    assert.equal(report.earlier, EARLIER);
    assert.equal(report.files?.trim(), 'plone-intranet.html');
  });

  it('a path through a file: exit 2, "Part of the path … is a file"', () => {
    const file = join(scratch, 'notes.txt');
    writeFileSync(file, 'keine Ablage');
    const output = join(file, 'plan.pdf');
    const { code, stderr } = drplan('render', '-o', output, EXAMPLE);
    assert.equal(code, 2, stderr);
    assert.equal(stderr, `drplan: cannot write ${output}: Part of the path ${file} is a file, not a folder.\n`);
    assert.equal(readFileSync(file, 'utf8'), 'keine Ablage');
  });

  it('a folder where the file should go (made while rendering): the write fails with EISDIR, the folder and its files stay', async () => {
    // render refuses a folder given as -o before rendering (render.test.ts); this is the write
    // itself meeting one, as when a folder appears meanwhile.
    const folder = join(scratch, 'plan.html');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside.txt'), EARLIER);
    const error = await writeAtomically(folder, Buffer.from('<!DOCTYPE html>'), true).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.equal((error as NodeJS.ErrnoException | undefined)?.code, 'EISDIR');
    assert.equal(describeWriteFailure(error, { file: folder, folder: scratch, existed: true }, 'en'), `${folder} is a folder, not a file. The earlier file is unchanged.`);
    assert.equal(describeWriteFailure(error, { file: folder, folder: scratch }, 'de'), `${folder} ist ein Ordner, keine Datei.`);
    assert.deepEqual(readdirSync(folder), ['inside.txt']);
    assert.deepEqual(readdirSync(scratch).filter((name) => name.endsWith('.tmp')), [], 'no temporary file');
  });
});

describe('drplan render and the size limit', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-render-limit-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('a plan over the limit is not rendered: exit 2, the sizes, nothing written, the earlier file intact', () => {
    // 6 MB: a plan and a long comment. Only its size is looked at.
    const plan = join(scratch, 'gross.drplan.yaml');
    writeFileSync(plan, `${readFileSync(EXAMPLE, 'utf8')}# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const html = join(scratch, 'gross.html');
    const refused = drplan('render', '--format', 'html', plan);
    assert.equal(refused.code, 2, refused.stderr);
    assert.equal(
      refused.stderr,
      `drplan: ${plan} is too large to render (6.01 MB, limit 5 MB); nothing was written. --max-file-size raises the limit (in MB; 0 for none).\n`,
    );
    assert.deepEqual(readdirSync(scratch), ['gross.drplan.yaml'], 'no empty document');

    writeFileSync(html, EARLIER);
    const german = drplanIn('de_DE.UTF-8', 'render', '--format', 'html', '--force', '--max-file-size', '2', plan);
    assert.equal(german.code, 2, german.stderr);
    assert.equal(
      german.stderr,
      `drplan: ${plan} ist zu groß für ein Dokument (6,01 MB, Grenze 2 MB); es wurde nichts geschrieben. --max-file-size hebt die Grenze an (in MB; 0 für keine).\n`,
    );
    assert.equal(readFileSync(html, 'utf8'), EARLIER);

    // Raised (or lifted with 0), the same plan is rendered in full.
    const rendered = drplan('render', '--format', 'html', '--force', '--max-file-size', '0', '--today', '2026-11-29', plan);
    assert.equal(rendered.code, 0, rendered.stderr);
    assert.match(readFileSync(html, 'utf8'), /<h1 class="doc-title"[^>]*>Notfallplan Plone-Intranet<\/h1>/);
  });
});
