import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const WITH_ERRORS = join(FIXTURES, 'codes');
const scratch = mkdtempSync(join(tmpdir(), 'drplan-pipes-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A shell pipeline on real pipes: drplan's stdout into `reader`; drplan's status and stderr. */
function piped(args: readonly string[], reader: string): { code: number; stderr: string } {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('bash', ['-c', `node '${CLI}' ${quoted} 2>"$ERR" | ${reader} >/dev/null; echo "\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: { ...process.env, ERR: join(scratch, 'stderr'), LANG: 'C' },
  });
  return { code: Number(result.stdout.trim()), stderr: execFileSync('cat', [join(scratch, 'stderr')], { encoding: 'utf8' }) };
}

/** A character device that fails every write with ENOSPC, made here (not the system's own /dev/full). */
function fullDevice(): string {
  const device = join(scratch, 'full');
  if (!existsSync(device)) {
    const made = spawnSync('mknod', [device, 'c', '1', '7']);
    if (made.status !== 0) return '/dev/full'; // not root: the system's, only written to through a redirect
  }
  return device;
}

describe('drplan on pipes', () => {
  it('ends quietly when the reader goes away (EPIPE), with the status it has anyway', () => {
    // a plan without errors: 0, though `head` closed the pipe
    for (const format of ['text', 'json', 'sarif']) {
      const clean = piped(['check', '--format', format, '--today', TODAY_ISO, EXAMPLE, EXAMPLE, EXAMPLE], 'head -c 1');
      assert.deepEqual(clean, { code: 0, stderr: '' }, format);
    }
    // plans with errors: 1, as without the pipe; still no trace
    const errors = piped(['check', '--today', TODAY_ISO, WITH_ERRORS], 'head -n 1');
    assert.deepEqual(errors, { code: 1, stderr: '' });
    assert.deepEqual(piped(['--help'], 'true'), { code: 0, stderr: '' });
    const pdf = piped(['render', '-o', '-', '--today', TODAY_ISO, EXAMPLE], 'head -c 10');
    assert.equal(pdf.code, 0);
    assert.doesNotMatch(pdf.stderr, /\n\s+at |EPIPE/);
  });

  it('says so in one line and exits 2 when standard output cannot be written', () => {
    const device = fullDevice();
    for (const args of [['check', '--today', TODAY_ISO, EXAMPLE], ['render', '-o', '-', '--today', TODAY_ISO, EXAMPLE]]) {
      const result = spawnSync('bash', ['-c', `node '${CLI}' ${args.join(' ')} > '${device}'`], { encoding: 'utf8' });
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr, 'drplan: cannot write to standard output: no space left on the device\n');
    }
    const german = spawnSync('bash', ['-c', `node '${CLI}' check --lang de --today ${TODAY_ISO} '${EXAMPLE}' > '${device}'`], { encoding: 'utf8' });
    assert.equal(german.status, 2);
    // In German words, not Node's English message (issue 14).
    assert.equal(german.stderr, 'drplan: die Standardausgabe kann nicht geschrieben werden: kein Platz mehr frei auf dem Datenträger\n');
  });
});

describe('drplan check on a terminal', () => {
  it('shows control characters and text-reordering characters of the plan escaped; JSON escapes them its own way', () => {
    const plan = join(scratch, 'escape.drplan.yaml');
    writeFileSync(plan, 'drplan: "1"\n"x\\e[2J\\u202e": 1\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios: []\n');
    const text = spawnSync('node', [CLI, 'check', '--today', TODAY_ISO, plan], { encoding: 'utf8' });
    assert.doesNotMatch(text.stdout, /[\x1b\u202e]/);
    assert.ok(text.stdout.includes(`${plan}:2:1: warning unknown-field: Unknown field 'x\\x1b[2J\\u202e'.`), text.stdout);
    const json = JSON.parse(spawnSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, plan], { encoding: 'utf8' }).stdout) as { code: string; message: string }[];
    assert.equal(json.find((d) => d.code === 'unknown-field')?.message, "Unknown field 'x\u001b[2J\u202e'. Custom fields start with 'x-'.");
  });

  it('puts a message with a long run of blanks on one line at once (no regular-expression blow-up)', () => {
    const plan = join(scratch, 'blanks.drplan.yaml');
    writeFileSync(plan, `drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1", review_interval: "${' '.repeat(320_000)}x"}\nscenarios: []\n`);
    // The quadratic pattern took 107 s here, the JSON output 0.6 s: the text output now takes
    // what the JSON output takes (both with a process start), give or take a loaded machine.
    const timed = (format: string) => {
      const started = performance.now();
      const result = spawnSync('node', [CLI, 'check', '--format', format, '--today', TODAY_ISO, plan], { encoding: 'utf8', timeout: 60_000 });
      return { result, ms: performance.now() - started };
    };
    const json = timed('json');
    const text = timed('text');
    assert.equal(text.result.status, 1);
    assert.match(text.result.stdout, /invalid-duration/);
    assert.ok(text.ms < 2 * json.ms + 2000, `text ${text.ms.toFixed(0)} ms, JSON ${json.ms.toFixed(0)} ms`);
  });
});

describe('drplan render -o', () => {
  it('picks the format from the output name, unless --format says otherwise; a contradiction is a usage error', () => {
    const html = join(scratch, 'plan.html');
    const named = spawnSync('node', [CLI, 'render', '--today', TODAY_ISO, '-o', html, EXAMPLE], { encoding: 'utf8' });
    assert.equal(named.status, 0, named.stderr);
    assert.match(execFileSync('head', ['-c', '15', html], { encoding: 'utf8' }), /^<!DOCTYPE html>/);
    const pdf = join(scratch, 'plan.PDF');
    assert.equal(spawnSync('node', [CLI, 'render', '--today', TODAY_ISO, '-o', pdf, EXAMPLE]).status, 0);
    assert.equal(execFileSync('head', ['-c', '5', pdf], { encoding: 'latin1' }), '%PDF-');
    const contradiction = spawnSync('node', [CLI, 'render', '--format', 'pdf', '-o', join(scratch, 'other.html'), EXAMPLE], { encoding: 'utf8' });
    assert.equal(contradiction.status, 2);
    assert.match(contradiction.stderr, /^drplan: --format pdf contradicts the output file .*other\.html \(a \.html file\)\nTry 'drplan --help'\.\n$/);
    assert.equal(existsSync(join(scratch, 'other.html')), false);
  });

  it('refuses to write the document onto a terminal (-o - on a pseudo-terminal made by script(1))', () => {
    const result = spawnSync('script', ['-qec', `node '${CLI}' render -o - --today ${TODAY_ISO} '${EXAMPLE}'`, '/dev/null'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stdout, /drplan: standard output is a terminal; write the PDF document to a file \(-o FILE\) or into a pipe/);
    assert.doesNotMatch(result.stdout, /%PDF/);
  });
});

describe('drplan check on FIFOs, devices and links', () => {
  /** A device node made here, or undefined where that is not allowed (not root). */
  const device = (name: string, minor: number): string | undefined => {
    const path = join(scratch, name);
    return spawnSync('mknod', [path, 'c', '1', String(minor)]).status === 0 ? path : undefined;
  };

  it('a folder search takes regular plan files only: a FIFO, a device and a link are passed over, nothing blocks', () => {
    const folder = join(scratch, 'folder');
    execFileSync('mkdir', ['-p', folder]);
    execFileSync('cp', [EXAMPLE, join(folder, 'real.drplan.yaml')]);
    execFileSync('mkfifo', [join(folder, 'blocking.drplan.yaml')]);
    execFileSync('ln', ['-s', '/dev/zero', join(folder, 'zero.drplan.yml')]);
    const zero = device('zero-node', 5);
    if (zero) execFileSync('mv', [zero, join(folder, 'device.drplan.yaml')]);
    // A hang guard: before, the FIFO blocked the search for ever.
    const result = spawnSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, folder], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map((d) => d.file));
    assert.deepEqual([...files], [join(folder, 'real.drplan.yaml')]);
  });

  it('reads a FIFO named on the command line as a plan', () => {
    const fifo = join(scratch, 'named.drplan.yaml');
    execFileSync('mkfifo', [fifo]);
    const result = spawnSync('bash', ['-c', `cat '${EXAMPLE}' > '${fifo}' & node '${CLI}' check --format json --today ${TODAY_ISO} '${fifo}'; wait`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    const direct = spawnSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, EXAMPLE], { encoding: 'utf8' });
    const codes = (out: string) => (JSON.parse(out) as { code: string; range: unknown }[]).map((d) => [d.code, d.range]);
    assert.deepEqual(codes(result.stdout), codes(direct.stdout));
  });

  it('reads a plan from standard input for -, up to the size limit', () => {
    const piped = spawnSync('bash', ['-c', `cat '${EXAMPLE}' | node '${CLI}' check --format json --today ${TODAY_ISO} -`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(piped.status, 0, piped.stderr);
    const direct = spawnSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, EXAMPLE], { encoding: 'utf8' });
    const found = JSON.parse(piped.stdout) as { code: string; range: unknown; file: string }[];
    assert.deepEqual(found.map((d) => [d.code, d.range]), (JSON.parse(direct.stdout) as { code: string; range: unknown }[]).map((d) => [d.code, d.range]));
    assert.ok(found.every((d) => d.file === '-'));
    const endless = spawnSync('bash', ['-c', `head -c 3000000 /dev/zero | tr '\\0' 'a' | node '${CLI}' check --max-file-size 1 -`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(endless.status, 1, endless.stderr);
    assert.match(endless.stdout, /^-:1:1: error yaml-syntax: .*too large/i);
  });

  it('reads an endless device named on the command line only up to the size limit', { skip: process.getuid?.() !== 0 && 'mknod needs root' }, () => {
    const zero = device('endless.drplan.yaml', 5) as string;
    const result = spawnSync('node', [CLI, 'check', '--max-file-size', '1', '--today', TODAY_ISO, zero], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /yaml-syntax: .*too large/i);
    const render = spawnSync('node', [CLI, 'render', '--max-file-size', '1', '-o', join(scratch, 'endless.pdf'), zero], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(render.status, 2);
    assert.match(render.stderr, /too large/);
  });
});
