import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generatePlan } from '../../bench/generatePlan';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';
import { planArbitrary } from '../support/planArbitrary';

/**
 * A workspace of 200 plans (generated here), opened and closed through the server ten at a time,
 * with diagnostics, symbols, folding, hover and completion asked for each: closing a plan frees
 * everything the server kept for it, so its resident memory stops growing once it is warm.
 *
 * The bounds, from measurements of this very test: after one plan the server holds about 60 MB;
 * after its first 50 plans, warm (code compiled, heap grown to its working size), about 110 MB,
 * and it stays near there to the 200th. If closing a plan kept its analysis (about 180 kB for
 * these 10-scenario plans), the last 150 plans would add about 27 MB. Resident memory moves by up
 * to 13 MB on a loaded machine while the heap after collection stays flat (measured), so: at most
 * 18 MB more after 200 plans than after 50, and under 150 MB in all.
 */

const SERVER = join(ROOT, 'dist', 'server.js');
const MB = 1024 * 1024;

/** Resident memory of a process, in bytes (Linux: /proc; elsewhere: ps). */
function residentMemory(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kilobytes) return Number(kilobytes) * 1024;
  } catch {
    // not Linux
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

/** The most the server's resident memory reached (Linux: VmHWM, restarted by `clear_refs`), in bytes. */
function peakMemory(pid: number): number | undefined {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The server collects garbage after a second without work (idleCollector.ts): wait for it. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1200));
}

describe('a workspace of 200 plans', () => {
  it('leaves the server\'s memory bounded once the plans are closed', async (t) => {
    const plans = fc.sample(planArbitrary({ minScenarios: 10, maxScenarios: 10 }), { seed: 6, numRuns: 200 });
    const client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, validationDelay: 5 });
    try {
      const pid = client.process.pid as number;
      const visit = async (batch: readonly { uri: string; text: string }[]): Promise<void> => {
        await Promise.all(
          batch.map(async ({ uri, text }) => {
            await client.open(uri, text);
            await client.diagnosticsOfVersion(uri, 1);
            const textDocument = { uri };
            const position = { line: text.split('\n').findIndex((l) => l.includes('rto:')), character: 8 };
            await Promise.all([
              client.connection.sendRequest('textDocument/documentSymbol', { textDocument }),
              client.connection.sendRequest('textDocument/foldingRange', { textDocument }),
              client.connection.sendRequest('textDocument/hover', { textDocument, position }),
              client.connection.sendRequest('textDocument/completion', { textDocument, position }),
            ]);
            await client.close(uri);
          }),
        );
      };
      const documents = plans.map((plan, i) => ({ uri: `file:///workspace/plan-${i}.drplan.yaml`, text: plan.text }));
      const visitAll = async (from: number, to: number) => {
        for (let i = from; i < to; i += 10) await visit(documents.slice(i, Math.min(i + 10, to)));
        await settle();
        return residentMemory(pid);
      };

      const one = await visitAll(0, 1);
      const warm = await visitAll(1, 50);
      const after = await visitAll(50, 200);
      const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
      t.diagnostic(`resident memory: ${mb(one)} after one plan, ${mb(warm)} after 50, ${mb(after)} after 200 opened and closed`);
      assert.ok(after < warm + 18 * MB, `grew from ${mb(warm)} to ${mb(after)} over the last 150 plans`);
      // In all, under the 150 MB that the benchmarks hold the server to with 2,000 scenarios open.
      // (Not relative to one plan: the server loads its parts lazily, so one plan now costs 60 MB, not 85.)
      assert.ok(after < 150 * MB, `${mb(after)} after 200 plans, ${mb(one)} after one`);
    } finally {
      await client.stop();
    }
  });
});

describe('typing without a pause in a large plan', () => {
  /**
   * 2,000 scenarios, 300 keystrokes one after the other, each waiting for its diagnostics and
   * none for a pause: the previous texts gather in V8's old generation (1.7 MB each, one
   * keystroke in five), and V8 would let them grow by 130 MB before collecting (measured). The
   * server collects once they pass their budget (idleCollector.ts): its peak stays within about
   * 30 MB of what it held with the plan open (measured: 15–25 MB).
   */
  it('keeps the server\'s memory bounded', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
    const text = generatePlan(2000, { exercisedEvery: 3 });
    const client = await LspClient.start('node', ['--max-semi-space-size=8', SERVER, '--stdio'], { today: TODAY_ISO });
    try {
      const pid = client.process.pid as number;
      const uri = 'file:///workspace/large.drplan.yaml';
      await client.open(uri, text);
      await client.diagnosticsOfVersion(uri, 1, 60_000);
      const opened = residentMemory(pid);
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const offset = text.indexOf('recovery_time: ', text.length >> 1) + 'recovery_time: 4h'.length;
      const before = text.slice(0, offset);
      const at = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
      for (let version = 2; version < 302; version++) {
        const diagnostics = client.diagnosticsOfVersion(uri, version, 60_000);
        const end = version % 2 === 0 ? at : { line: at.line, character: at.character + 1 };
        await client.change(uri, version, [{ range: { start: at, end }, text: version % 2 === 0 ? 'x' : '' }]);
        await diagnostics;
      }
      const peak = peakMemory(pid) as number;
      const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
      t.diagnostic(`resident memory: ${mb(opened)} with the plan open, at most ${mb(peak)} through 300 keystrokes`);
      assert.ok(peak < opened + 40 * MB, `grew from ${mb(opened)} to ${mb(peak)} while typing`);
    } finally {
      await client.stop();
    }
  });
});
