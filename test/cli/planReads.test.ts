import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { ROOT, TODAY_ISO } from '../support/fixtures';

/**
 * How `drplan check` and `drplan render` read plans, on real files, links and devices made here
 * (issue 13: a committed `zero.drplan.yml -> /dev/zero` grew to 9.8 GB and still ran after
 * 60 s; a link out of the folder was read and its keys printed). A folder search takes regular
 * files only and follows no link; a file named on the command line is read through its links;
 * and no read goes beyond the size limit and one byte, whatever the file says of its size.
 */

const CLI = join(ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;
const scratch = mkdtempSync(join(tmpdir(), 'drplan-reads-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A plan whose one finding names `marker` (an unknown field), so that its being read shows in the output. */
function markedPlan(marker: string): string {
  return generatePlan(1).replace('drplan: "1"\n', `drplan: "1"\n${marker}: 1\n`);
}

interface Run {
  readonly result: SpawnSyncReturns<string>;
  readonly ms: number;
}

function drplan(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = performance.now();
  // The timeout is a hang guard: before, /dev/zero ran for minutes.
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env, maxBuffer: 64 * MB });
  return { result, ms: performance.now() - started };
}

function checkJson(...args: string[]): { code: number | null; files: Set<string>; messages: string[]; stderr: string; ms: number } {
  const { result, ms } = drplan(['check', '--format', 'json', '--lang', 'en', '--today', TODAY_ISO, ...args]);
  const found = JSON.parse(result.stdout || '[]') as { file: string; message: string }[];
  return { code: result.status, files: new Set(found.map((d) => d.file)), messages: found.map((d) => d.message), stderr: result.stderr, ms };
}

describe('a folder search', () => {
  const outside = join(scratch, 'outside');
  const folder = join(scratch, 'repository');
  mkdirSync(outside);
  mkdirSync(join(folder, 'plans'), { recursive: true });
  writeFileSync(join(outside, 'secret.drplan.yaml'), markedPlan('outside_secret'));
  writeFileSync(join(folder, 'plans', 'real.drplan.yaml'), markedPlan('inside_marker'));
  symlinkSync('/dev/zero', join(folder, 'zero.drplan.yml'));
  symlinkSync(join(outside, 'secret.drplan.yaml'), join(folder, 'secret.drplan.yaml'));
  symlinkSync('../outside', join(folder, 'linked-folder'));
  symlinkSync(join(folder, 'plans', 'real.drplan.yaml'), join(folder, 'again.drplan.yaml'));
  symlinkSync('.', join(folder, 'plans', 'loop'));
  symlinkSync('loop-b.drplan.yaml', join(folder, 'loop-a.drplan.yaml'));
  symlinkSync('loop-a.drplan.yaml', join(folder, 'loop-b.drplan.yaml'));
  symlinkSync(join(scratch, 'nothing'), join(folder, 'dangling.drplan.yaml'));

  it('reads the regular plan files under the folder, and nothing through a link: /dev/zero, a plan or folder outside, a link inside, loops', () => {
    const { code, files, messages, stderr, ms } = checkJson(folder);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.deepEqual([...files], [join(folder, 'plans', 'real.drplan.yaml')]);
    assert.ok(messages.some((m) => m.includes('inside_marker')));
    assert.ok(!messages.some((m) => m.includes('outside_secret')), 'nothing of the plan outside is printed');
    // "At once": a process start and one small plan, far from the minutes /dev/zero took.
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  });

  it('takes a linked folder given as the argument itself, but no link inside it', () => {
    const { code, files, stderr } = checkJson(join(folder, 'linked-folder'));
    assert.equal(code, 0, stderr);
    assert.deepEqual([...files], [join(folder, 'linked-folder', 'secret.drplan.yaml')]);
  });
});

describe('a file named on the command line', () => {
  it('is read through its link, also to a plan outside the folder', () => {
    const plan = join(scratch, 'elsewhere.drplan.yaml');
    writeFileSync(plan, markedPlan('named_through_link'));
    const link = join(scratch, 'named.drplan.yaml');
    symlinkSync(plan, link);
    const { code, files, messages } = checkJson(link);
    assert.equal(code, 0);
    assert.deepEqual([...files], [link]);
    assert.ok(messages.some((m) => m.includes('named_through_link')));
  });

  it('linked to /dev/zero: read up to the limit and one byte, and reported as more than the limit, at once', () => {
    const link = join(scratch, 'zero.drplan.yaml');
    symlinkSync('/dev/zero', link);
    const { code, messages, ms } = checkJson('--max-file-size', '1', link);
    assert.equal(code, 1);
    assert.equal(messages.length, 1);
    assert.match(messages[0] as string, /^File too large: more than 1 MB \(limit: 1 MB, set with drplan\.maxFileSize or drplan check --max-file-size\)/);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
    const text = drplan(['check', '--lang', 'de', '--max-file-size', '1', link]).result;
    assert.match(text.stdout, /yaml-syntax: Datei zu groß: mehr als 1 MB \(Grenze: 1 MB/);
  });

  it('whose size says nothing (/proc/self/environ says 0): read up to the limit and one byte, not to its end', () => {
    const link = join(scratch, 'environ.drplan.yaml');
    symlinkSync('/proc/self/environ', link);
    // The environment of the process that reads it: 2 MB of it, four times the limit.
    const env = { ...process.env, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`DRPLAN_FILLER_${i}`, 'x'.repeat(100 * 1024)])) };
    const { result } = drplan(['check', '--format', 'json', '--lang', 'en', '--max-file-size', '0.5', link], env);
    assert.equal(result.status, 1, result.stderr);
    const [finding] = JSON.parse(result.stdout) as { message: string }[];
    // Read to its end, it would say "2 MB".
    assert.match(finding?.message ?? '', /^File too large: more than 512 kB \(limit: 512 kB/);
  });

  it('of a sparse 20 GB: only its beginning is read, and its size from the file system is said', () => {
    const huge = join(scratch, 'huge.drplan.yaml');
    writeFileSync(huge, 'drplan: "1"\n');
    assert.equal(spawnSync('truncate', ['-s', '20G', huge]).status, 0);
    const link = join(scratch, 'huge-link.drplan.yaml');
    symlinkSync(huge, link);
    const { code, messages, ms } = checkJson(link);
    assert.equal(code, 1);
    assert.match(messages[0] as string, /^File too large: 20480 MB \(limit: 5 MB/);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  });

  it('is rendered the same bounded way: a link to /dev/zero is refused as too large, and nothing is written', () => {
    const link = join(scratch, 'zero-render.drplan.yaml');
    symlinkSync('/dev/zero', link);
    const output = join(scratch, 'zero.pdf');
    const { result, ms } = drplan(['render', '--lang', 'en', '--max-file-size', '1', '-o', output, link]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `drplan: ${link} is too large to render (more than 1 MB, limit 1 MB); nothing was written. --max-file-size raises the limit (in MB; 0 for none).\n`);
    assert.equal(existsSync(output), false, 'no output file');
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  });

  it('is rendered through its link to a plan outside the folder', () => {
    const plan = join(scratch, 'render-source.drplan.yaml');
    writeFileSync(plan, generatePlan(2));
    const link = join(scratch, 'render-link.drplan.yaml');
    symlinkSync(plan, link);
    const output = join(scratch, 'linked.html');
    const { result } = drplan(['render', '--today', TODAY_ISO, '-o', output, link]);
    assert.equal(result.status, 0, result.stderr);
  });
});
