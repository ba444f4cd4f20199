/**
 * `drplan render -o` on every kind of file a Unix user may name, made here (never the system's
 * own: device nodes are twins of /dev/full and /dev/null made with mknod in a temporary folder):
 * devices, FIFOs and sockets are written into and stay what they are; a symbolic link leads to
 * its file and stays a link; the plan itself is never written over; a dangling link, a block
 * device, someone else's file in a shared folder are refused. The rules themselves:
 * test/unit/outputFile.test.ts.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { EXAMPLES, ROOT, TODAY_ISO } from '../support/fixtures';
import { inMountNamespace } from '../support/mountNamespace';

const CLI = join(ROOT, 'dist', 'cli.js');
const ENV = { ...process.env, LANG: 'C', LC_ALL: '' };
const root = process.getuid?.() === 0;
const NEEDS_ROOT = root ? false : 'mknod and chown need root (CI runs as root)';
/** A user that is not this one (nobody). */
const OTHER_USER = 65534;

// realpath: a link's target is named as the folder really is (/tmp may be a link itself).
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'drplan-output-')));
after(() => rmSync(scratch, { recursive: true, force: true }));
const plan = join(scratch, 'plan.drplan.yaml');
copyFileSync(join(EXAMPLES, 'plone-intranet.drplan.yaml'), plan);
const PLAN_TEXT = readFileSync(plan, 'utf8');

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, 'render', '--today', TODAY_ISO, ...args], { env: ENV, cwd: scratch, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stderr: result.stderr };
}

const isPdf = (file: string) => readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';
const temporaries = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));
/** Linux's device number of major, minor (small numbers). */
const device = (major: number, minor: number) => (major << 8) | minor;

function folder(name: string): string {
  const path = join(scratch, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('drplan render -o: devices are written into, never replaced', { skip: NEEDS_ROOT }, () => {
  const dev = folder('dev');

  it('a full device: exit 2, "no space left on" it, never "wrote"; it stays the device it was', () => {
    const full = join(dev, 'full');
    execFileSync('mknod', [full, 'c', '1', '7']);
    const forced = drplan('--force', '-o', full, plan);
    assert.equal(forced.code, 2, forced.stderr);
    assert.equal(forced.stderr, `drplan: cannot write ${full}: There is no space left on ${full}.\n`);
    // Writing into a device replaces nothing: no --force needed, the same answer without.
    const german = drplan('--lang', 'de', '-o', full, plan);
    assert.equal(german.code, 2, german.stderr);
    assert.equal(german.stderr, `drplan: ${full} kann nicht geschrieben werden: Auf ${full} ist kein Platz mehr frei.\n`);
    const after = lstatSync(full);
    assert.ok(after.isCharacterDevice(), 'still a character device');
    assert.equal(after.rdev, device(1, 7));
    assert.deepEqual(temporaries(dev), []);
  });

  it('a null device takes the document without --force, and stays; so does a link to it', () => {
    const nul = join(dev, 'null');
    execFileSync('mknod', [nul, 'c', '1', '3']);
    const written = drplan('-o', nul, plan);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stderr, `drplan: wrote ${nul}\n`);
    const link = join(scratch, 'discard.pdf');
    symlinkSync(nul, link);
    assert.equal(drplan('-o', link, plan).code, 0);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(lstatSync(nul).rdev, device(1, 3));
    assert.ok(lstatSync(nul).isCharacterDevice());
    assert.deepEqual(temporaries(dev), []);
  });

  it('a block device is refused before anything is opened', () => {
    // Never opened: drplan refuses from what lstat says (a loop device number that need not exist).
    const disk = join(dev, 'disk');
    execFileSync('mknod', [disk, 'b', '7', '250']);
    const refused = drplan('--force', '-o', disk, plan);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `drplan: cannot write ${disk}: This is a block device (a disk); drplan writes no document onto it.\n`);
    assert.ok(lstatSync(disk).isBlockDevice());
  });
});

describe('drplan render -o: FIFOs and sockets are written into', () => {
  it('a FIFO: its reader gets the document, without --force; the FIFO stays a FIFO', async () => {
    const fifo = join(scratch, 'feed.pdf');
    execFileSync('mkfifo', [fifo]);
    const copy = join(scratch, 'from-fifo.pdf');
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy]);
    const read = new Promise((done) => reader.on('exit', done));
    const written = drplan('-o', fifo, plan);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stderr, `drplan: wrote ${fifo}\n`);
    assert.equal(await read, 0);
    assert.ok(isPdf(copy));
    assert.ok(lstatSync(fifo).isFIFO());

    // A reader that goes away after ten bytes: the document did not arrive, and drplan says so.
    const early = spawn('sh', ['-c', 'head -c 10 "$1" > /dev/null', 'sh', fifo]);
    const gone = new Promise((done) => early.on('exit', done));
    const cut = drplan('-o', fifo, plan);
    await gone;
    assert.equal(cut.code, 2);
    assert.equal(cut.stderr, `drplan: cannot write ${fifo}: The reading end of ${fifo} was closed before the document was written in full.\n`);
    assert.ok(lstatSync(fifo).isFIFO());
  });

  it('a socket: the program listening there gets the document; where none listens, drplan says so', async () => {
    const path = join(scratch, 'render.sock');
    const received: Buffer[] = [];
    const server = createServer((connection) => connection.on('data', (chunk: Buffer) => received.push(chunk)));
    await new Promise<void>((listening) => server.listen(path, listening));
    try {
      // Run apart (not spawnSync), so this process can accept the connection meanwhile.
      const { stderr } = await promisify(execFile)('node', [CLI, 'render', '--today', TODAY_ISO, '-o', path, plan], { env: ENV });
      assert.equal(stderr, `drplan: wrote ${path}\n`);
      assert.equal(Buffer.concat(received).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(lstatSync(path).isSocket());
    } finally {
      await new Promise((closed) => server.close(closed));
    }
    // A socket file left by a program that ended without closing it.
    const orphan = join(scratch, 'orphan.sock');
    execFileSync('node', ['-e', 'require("net").createServer().listen(process.argv[1], () => process.exit(0))', orphan]);
    const refused = drplan('-o', orphan, plan);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `drplan: cannot write ${orphan}: No program is listening on the socket ${orphan}.\n`);
    assert.ok(lstatSync(orphan).isSocket());
  });

  it('/dev/stdout and /dev/fd/N are the open descriptor, written as it is: a file, a pipe', () => {
    const shell = (script: string) => spawnSync('bash', ['-c', script, 'bash', CLI, plan], { env: ENV, cwd: scratch, encoding: 'utf8' });
    const redirected = join(scratch, 'redirected.pdf');
    // Twice: the file the shell made is standard output, not an existing file to --force.
    for (let round = 0; round < 2; round++) {
      const result = shell(`node "$1" render -o /dev/stdout "$2" > redirected.pdf`);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(isPdf(redirected));
    }
    const third = shell(`node "$1" render --format html -o /dev/fd/3 "$2" 3> third.html`);
    assert.equal(third.status, 0, third.stderr);
    assert.match(readFileSync(join(scratch, 'third.html'), 'utf8'), /^<!DOCTYPE html>/);
    // As `-o -`: a reader that goes away early ends drplan quietly.
    const piped = shell(`node "$1" render -o /dev/stdout "$2" | head -c 5; echo " \${PIPESTATUS[0]}"`);
    assert.equal(piped.stdout, '%PDF- 0\n');
    assert.equal(piped.stderr, '');
    assert.deepEqual(temporaries(scratch), []);
  });
});

describe('drplan render -o: symbolic links lead to their file and stay links', () => {
  it('writes the file a link points to, only with --force when it exists; the link stays as it was', () => {
    const links = folder('links');
    const real = join(links, 'real.pdf');
    writeFileSync(real, 'earlier');
    chmodSync(real, 0o640);
    const link = join(scratch, 'latest.pdf');
    symlinkSync('links/real.pdf', link);
    const refused = drplan('-o', link, plan);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `drplan: ${link} already exists; use --force to overwrite it\n`);
    assert.equal(readFileSync(real, 'utf8'), 'earlier');

    const forced = drplan('--force', '-o', 'latest.pdf', plan);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(forced.stderr, 'drplan: wrote latest.pdf\n');
    assert.ok(isPdf(real));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(link), 'links/real.pdf');
    assert.equal(statSync(real).mode & 0o777, 0o640, 'the file keeps its permissions');
    assert.deepEqual([temporaries(scratch), temporaries(links)], [[], []]);
  });

  it('follows a chain of links, relative ones through a linked folder as the kernel does', () => {
    // alias → deep/inner (a folder); deep/inner/rel.pdf → ../target.pdf, which is deep/target.pdf
    // (not scratch/target.pdf, as reading "alias/../target.pdf" as text would say).
    const inner = folder('deep/inner');
    const target = join(scratch, 'deep', 'target.pdf');
    writeFileSync(target, 'earlier');
    symlinkSync('deep/inner', join(scratch, 'alias'));
    symlinkSync('../target.pdf', join(inner, 'rel.pdf'));
    symlinkSync('alias/rel.pdf', join(scratch, 'first.pdf'));
    const forced = drplan('--force', '-o', join(scratch, 'first.pdf'), plan);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(isPdf(target));
    assert.equal(readdirSync(scratch).includes('target.pdf'), false);
    assert.ok(lstatSync(join(scratch, 'first.pdf')).isSymbolicLink());
    assert.ok(lstatSync(join(inner, 'rel.pdf')).isSymbolicLink());
  });

  it('writes beside the file, not beside the link: onto another file system through a link', () => {
    // A tmpfs: were the temporary file made beside the link, the rename would fail (EXDEV).
    const disk = folder('disk');
    const report = inMountNamespace(
      `
set -e
mount -t tmpfs -o size=4m tmpfs "$DISK"
printf earlier > "$DISK/plan.pdf"
ln -s "$DISK/plan.pdf" "$SCRATCH/onto-disk.pdf"
set +e
node "$CLI" render --force --today "$TODAY" -o "$SCRATCH/onto-disk.pdf" "$PLAN" 2> "$SCRATCH/stderr-disk"
echo "code=$?"
echo "head=$(head -c 5 "$DISK/plan.pdf")"
echo "files=$(ls -A "$DISK" | tr '\\n' ' ')"
echo "link=$(readlink "$SCRATCH/onto-disk.pdf")"
`,
      { CLI, DISK: disk, SCRATCH: scratch, PLAN: plan, TODAY: TODAY_ISO },
    );
    assert.equal(report.code, '0', readFileSync(join(scratch, 'stderr-disk'), 'utf8'));
    assert.equal(report.head, '%PDF-');
    assert.equal(report.files?.trim(), 'plan.pdf', 'no temporary file left');
    assert.equal(report.link, join(disk, 'plan.pdf'));
  });

  it('keeps the owner of a file root replaces', { skip: NEEDS_ROOT }, () => {
    const file = join(scratch, 'owned.pdf');
    writeFileSync(file, 'earlier');
    chownSync(file, OTHER_USER, OTHER_USER);
    assert.equal(drplan('--force', '-o', file, plan).code, 0);
    assert.ok(isPdf(file));
    assert.deepEqual([statSync(file).uid, statSync(file).gid], [OTHER_USER, OTHER_USER]);
  });

  it('refuses a dangling link (with --force too) and creates nothing; a loop is an error; a link to a folder is a folder', () => {
    const dangling = join(scratch, 'dangling.pdf');
    symlinkSync('nowhere/missing.pdf', dangling);
    for (const args of [['-o', dangling], ['--force', '-o', dangling]]) {
      const refused = drplan(...args, plan);
      assert.equal(refused.code, 2);
      assert.equal(
        refused.stderr,
        `drplan: cannot write ${dangling}: This is a symbolic link to ${scratch}/nowhere/missing.pdf, which does not exist; drplan writes through a link only into an existing file.\n`,
      );
    }
    const german = drplan('--lang', 'de', '-o', dangling, plan);
    assert.equal(
      german.stderr,
      `drplan: ${dangling} kann nicht geschrieben werden: Das ist ein symbolischer Link auf ${scratch}/nowhere/missing.pdf, das es nicht gibt; durch einen Link schreibt drplan nur in eine vorhandene Datei.\n`,
    );
    assert.equal(readlinkSync(dangling), 'nowhere/missing.pdf');
    assert.equal(readdirSync(scratch).includes('nowhere'), false);

    const loop = join(scratch, 'loop-a.pdf');
    symlinkSync('loop-b.pdf', loop);
    symlinkSync('loop-a.pdf', join(scratch, 'loop-b.pdf'));
    const looped = drplan('--force', '-o', loop, plan);
    assert.equal(looped.code, 2);
    assert.equal(looped.stderr, `drplan: cannot write ${loop}: ${loop} is a loop of symbolic links.\n`);

    const toFolder = join(scratch, 'to-folder');
    symlinkSync(folder('some-folder'), toFolder);
    const folderRefused = drplan('--force', '-o', toFolder, plan);
    assert.equal(folderRefused.stderr, `drplan: ${toFolder} is a folder; -o wants the name of the file to write\n`);
    assert.ok(lstatSync(toFolder).isSymbolicLink());
  });
});

describe('drplan render -o: a folder that takes no new files', () => {
  it('/proc/version.pdf: "No file can be created in /proc", not that /proc does not exist', () => {
    const refused = drplan('-o', '/proc/version.pdf', plan);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'drplan: cannot write /proc/version.pdf: No file can be created in /proc.\n');
    const missing = drplan('-o', join(scratch, 'no-such-folder', 'plan.pdf'), plan);
    assert.equal(missing.stderr, `drplan: cannot write ${join(scratch, 'no-such-folder', 'plan.pdf')}: The folder ${join(scratch, 'no-such-folder')} does not exist.\n`);
  });
});

describe('drplan render -o: never over the plan itself', () => {
  it('refuses the plan as output by its path, via ./, via a symbolic link, via a hard link: exit 2, the plan unchanged', () => {
    symlinkSync('plan.drplan.yaml', join(scratch, 'plan-link.pdf'));
    linkSync(plan, join(scratch, 'plan-hard.pdf'));
    for (const [output, planArgument] of [
      [plan, plan],
      ['./plan.drplan.yaml', 'plan.drplan.yaml'],
      ['plan-link.pdf', plan],
      ['plan-hard.pdf', 'plan.drplan.yaml'],
    ] as const) {
      const refused = drplan('--force', '--format', 'pdf', '-o', output, planArgument);
      assert.equal(refused.code, 2, output);
      assert.equal(refused.stderr, `drplan: cannot write ${output}: This is the plan file ${planArgument} itself; the document would replace the plan.\n`);
    }
    const german = drplan('--lang', 'de', '--force', '-o', 'plan-hard.pdf', plan);
    assert.equal(german.stderr, `drplan: plan-hard.pdf kann nicht geschrieben werden: Das ist die Plandatei ${plan} selbst; das Dokument würde den Plan ersetzen.\n`);
    assert.equal(readFileSync(plan, 'utf8'), PLAN_TEXT);
    assert.ok(lstatSync(join(scratch, 'plan-link.pdf')).isSymbolicLink());
    assert.equal(statSync(plan).nlink, 2);
  });
});

describe('drplan render -o: another user\'s file or link in a shared folder (/tmp)', { skip: NEEDS_ROOT }, () => {
  // Mode 1777 as /tmp: everyone may create, only owners may remove.
  const shared = folder('shared');
  chmodSync(shared, 0o1777);
  const victim = join(scratch, 'victim.txt');

  it('does not follow a link someone else planted there, nor write their file or FIFO, even as root with --force', () => {
    writeFileSync(victim, 'keep');
    const planted = join(shared, 'report.pdf');
    symlinkSync(victim, planted);
    lchownSync(planted, OTHER_USER, OTHER_USER);
    const refused = drplan('--force', '-o', planted, plan);
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      `drplan: cannot write ${planted}: This belongs to another user and is in the shared folder ${shared}; drplan does not write there, as Linux follows no one else's link there (fs.protected_symlinks).\n`,
    );
    assert.equal(readFileSync(victim, 'utf8'), 'keep');

    const theirs = join(shared, 'theirs.pdf');
    writeFileSync(theirs, 'theirs');
    chownSync(theirs, OTHER_USER, OTHER_USER);
    assert.equal(drplan('--force', '-o', theirs, plan).code, 2);
    assert.equal(readFileSync(theirs, 'utf8'), 'theirs');

    const fifo = join(shared, 'listening.pdf');
    execFileSync('mkfifo', [fifo]);
    chownSync(fifo, OTHER_USER, OTHER_USER);
    // Refused before it is opened: no reader needed (the time-out would say otherwise).
    assert.equal(drplan('-o', fifo, plan).code, 2);
  });

  it("follows one's own link there, and anyone's link in a folder that is not shared", () => {
    writeFileSync(victim, 'keep');
    const mine = join(shared, 'mine.pdf');
    symlinkSync(victim, mine);
    assert.equal(drplan('--force', '-o', mine, plan).code, 0);
    assert.ok(isPdf(victim));

    const elsewhere = join(folder('private'), 'theirs.pdf');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, elsewhere);
    lchownSync(elsewhere, OTHER_USER, OTHER_USER);
    assert.equal(drplan('--force', '-o', elsewhere, plan).code, 0);
    assert.ok(isPdf(victim));
  });
});
