import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { planArbitrary } from '../support/planArbitrary';

/**
 * `drplan check` on a folder of 300 plans (generated here, in a temporary folder): checked by a
 * pool of threads, the output is byte for byte that of a sequential run (--jobs 1), with the
 * same exit status; files it cannot read are reported in the same order. (Without --jobs the
 * pool is used from 150 files a thread (cli/checkFiles.ts); the speed-up is measured by hand and
 * reported there, not asserted: it depends on the machine.)
 */

const CLI = join(ROOT, 'dist', 'cli.js');
/** GNU time, for the peak memory of a process and its threads. */
const TIME = '/usr/bin/time';

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, 'check', '--today', TODAY_ISO, '--lang', 'de', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('drplan check on a folder of 300 plans', () => {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-300-'));
  before(() => {
    // Random plans, with and without mistakes, in every style; some in subfolders.
    const plans = fc.sample(planArbitrary({ maxScenarios: 1 }), { seed: 200, numRuns: 300 });
    plans.forEach((plan, i) => {
      const sub = join(folder, `bereich-${i % 7}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `plan-${String(i).padStart(3, '0')}.drplan.yaml`), plan.text);
    });
    writeFileSync(join(folder, 'kaputt.drplan.yaml'), Buffer.from([0x64, 0x72, 0xff, 0xfe, 0x3a, 0x0a]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints what a sequential run prints', () => {
    const sequential = drplan('--format', 'json', '--jobs', '1', folder);
    assert.equal(sequential.code, 1);
    assert.ok(sequential.stdout.length > 100_000);
    // Three threads asked for (at most one per core): results come back out of order, and are printed in order.
    const parallel = drplan('--format', 'json', '--jobs', '3', folder);
    assert.equal(parallel.stdout, sequential.stdout);
    assert.equal(parallel.stderr, sequential.stderr);
    assert.equal(parallel.code, sequential.code);
    // Without --jobs: 300 files, two threads where there are two cores.
    assert.deepEqual(drplan('--format', 'json', folder), sequential);
  });

  it('says which files it cannot read, in order, whether in parallel or not', () => {
    const missing = [join(folder, 'fehlt-1.drplan.yaml'), join(folder, 'fehlt-2.drplan.yaml')];
    const some = join(folder, 'bereich-0');
    const sequential = drplan('--jobs', '1', missing[0] as string, some, missing[1] as string);
    const parallel = drplan('--jobs', '4', missing[0] as string, some, missing[1] as string);
    assert.equal(sequential.code, 2);
    assert.equal(parallel.stderr, sequential.stderr);
    assert.equal(parallel.stdout, sequential.stdout);
    assert.match(sequential.stderr, /fehlt-1\.drplan\.yaml: Datei oder Ordner nicht gefunden\n.*fehlt-2\.drplan\.yaml: Datei oder Ordner nicht gefunden/);
  });

  it('caps --jobs at the number of cores: --jobs 100000 costs the memory of one thread per core', { skip: !existsSync(TIME) && `no ${TIME}` }, () => {
    // Each file had a thread of its own before: 50 plans took 1 GB and 7 s, 300 plans 4.7 GB.
    const sequential = drplan('--format', 'json', '--jobs', '1', folder);
    const result = spawnSync(TIME, ['-f', '%M', 'node', CLI, 'check', '--today', TODAY_ISO, '--lang', 'de', '--format', 'json', '--jobs', '100000', folder], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(result.stdout, sequential.stdout);
    const peakMegabytes = Number(result.stderr.trim().split('\n').at(-1)) / 1024;
    const allowed = 200 + 60 * availableParallelism();
    assert.ok(peakMegabytes < allowed, `${peakMegabytes} MB, more than ${allowed} MB`);
  });

  it('rejects a number of jobs that is none', () => {
    const result = drplan('--jobs', '0', folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--jobs erwartet eine Anzahl von Threads, nicht '0'/);
  });
});
