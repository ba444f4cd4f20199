/**
 * What a user feels (issue 18), for drplan and its peer alike, over stdio as `run.ts` drives
 * them: plans in the shape (two thirds of the scenarios never exercised), the first open
 * in a fresh server, a keystroke that toggles an error, where drplan's time of such a keystroke
 * goes (its verbose trace), and memory through a burst of edits. The report is userFeltReport.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, LogTraceParams } from 'vscode-languageserver-protocol';
import { CHECK_TIMING_MESSAGE, type CheckTiming } from '../server/src/checkTimings';
import type { LspClient } from '../test/support/lspClient';
import { generatePlan, type PlanShape } from './generatePlan';
import { afterRecoveryTime, toggleErrorKeystroke } from './keystroke';
import { drplan, echoServer, processMemory, resetPeakMemory, yamlLanguageServer, type ServerUnderTest } from './servers';
import { median, ms, percentile } from './stats';

/** The shape: every third scenario exercised, two thirds `untested`. */
export const USER_FELT_SHAPE: PlanShape = { exercisedEvery: 3 };
/** Fresh server processes per plan for the first open. */
export const FRESH_SERVERS = { drplan: 9, peer: 5 } as const;
/** Keystrokes before the measured ones (the JIT warms up as in a while of editing). */
export const WARM_UP_KEYSTROKES = 10;
/** Measured keystrokes per series (the issue asks for at least 20). */
export const KEYSTROKES = 40;
/** Keystrokes sent at once, without waiting for diagnostics, before memory is read. */
export const BURST_KEYSTROKES = 50;
/** The peer publishes no versions: after a burst, it is done when it has published nothing for this long. */
const PEER_QUIET_MS = 1000;

export interface UserFeltPlan {
  readonly name: string;
  readonly text: string;
}

/** The generated plans of the shape at `sizes`, and the example as it is. */
export function userFeltPlans(sizes: readonly number[], example: string): UserFeltPlan[] {
  return [{ name: 'example', text: example }, ...sizes.map((size) => ({ name: `${size} scenarios`, text: generatePlan(size, USER_FELT_SHAPE) }))];
}

/** The first open in fresh processes: one figure per process. */
export interface FirstOpen {
  /** didOpen → that document's first diagnostics. */
  readonly openMs: number[];
  /** Spawning the process → those diagnostics (initialize and initialized on the way). */
  readonly spawnMs: number[];
  /** Diagnostics of that first publication. */
  readonly diagnostics: number;
}

/** A series of keystrokes toggling the error, in one process. */
export interface Typing {
  /** didChange → the diagnostics of that version (drplan) or the next publication (peer). */
  readonly keystrokeMs: number[];
  /** Diagnostics published for a version with the error, and for one without. */
  readonly diagnostics: { readonly withError: number; readonly without: number };
  readonly memory: TypingMemory;
}

/** The server process's memory (MB). */
export interface TypingMemory {
  /** Its peak from the start through the plan's first diagnostics. */
  readonly openingPeakMb: number;
  /** Its peak from the start through the untraced series of keystrokes (the opening included; the trace's own garbage not). */
  readonly typingPeakMb: number;
  /** Its peak during the burst of keystrokes, from the resident memory the burst began with (NaN where it cannot be reset). */
  readonly burstPeakMb: number;
  /** Its resident memory when the burst's last diagnostics arrived. */
  readonly residentMb: number;
}

export interface ServerFelt {
  readonly firstOpen: FirstOpen;
  readonly typing: Typing;
}

export interface PlanFelt {
  readonly name: string;
  readonly bytes: number;
  readonly drplan: ServerFelt;
  readonly peer: ServerFelt;
  /** drplan's second series of the same keystrokes with the verbose trace on: its steps, per keystroke. */
  readonly traced: { readonly keystrokeMs: number[]; readonly timings: CheckTiming[] };
  /** The same series against the echo server (echoServer.ts) answering with drplan's diagnostics: the pipe and the client alone. */
  readonly floorMs: number[];
}

/** Measures every plan; `progress` hears of each plan when it is done. */
export async function measureUserFelt(plans: readonly UserFeltPlan[], progress: (plan: PlanFelt) => void = () => undefined): Promise<PlanFelt[]> {
  const measured: PlanFelt[] = [];
  for (const plan of plans) {
    const file = plan.name.replace(/\s+/g, '-');
    const firstOpen = await freshOpens(file, plan.text);
    const ours = await typing(drplan, `file:///bench/user-${file}.drplan.yaml`, plan.text, true);
    const peer = await typing(yamlLanguageServer, `file:///bench/user-${file}.drplan.yaml`, plan.text, false);
    const floor = await echoed(ours.opened, `file:///bench/user-${file}.drplan.yaml`, plan.text);
    const felt: PlanFelt = {
      name: plan.name,
      bytes: plan.text.length,
      drplan: { firstOpen: firstOpen.drplan, typing: ours.typing },
      peer: { firstOpen: firstOpen.peer, typing: peer.typing },
      traced: ours.traced,
      floorMs: floor.typing.keystrokeMs,
    };
    progress(felt);
    measured.push(felt);
  }
  return measured;
}

/** One line per server of a plan's figures, for the console. */
export function userFeltSummary(plan: PlanFelt): string {
  const line = (who: string, felt: ServerFelt) =>
    `  ${who}: first open ${ms(median(felt.firstOpen.openMs))} ms (p90 ${ms(percentile(felt.firstOpen.openMs, 90))}; from spawn ${ms(median(felt.firstOpen.spawnMs))}), ` +
    `keystroke ${ms(median(felt.typing.keystrokeMs))} ms (p90 ${ms(percentile(felt.typing.keystrokeMs, 90))}), ` +
    `${felt.typing.diagnostics.without}/${felt.typing.diagnostics.withError} diagnostics, ` +
    `peak ${felt.typing.memory.openingPeakMb.toFixed(0)} MB opening, ${felt.typing.memory.typingPeakMb.toFixed(0)} MB typing, ${felt.typing.memory.burstPeakMb.toFixed(0)} MB in the burst, then ${felt.typing.memory.residentMb.toFixed(0)} MB`;
  return `${plan.name} (issue 18's shape):\n${line('drplan', plan.drplan)}\n${line('peer', plan.peer)}`;
}

/** Fresh processes of drplan and the peer, taking turns (so that a busy moment of the machine falls on both). */
async function freshOpens(file: string, text: string): Promise<{ drplan: FirstOpen; peer: FirstOpen }> {
  const runs = { drplan: [] as OpenRun[], peer: [] as OpenRun[] };
  for (let run = 0; run < Math.max(FRESH_SERVERS.drplan, FRESH_SERVERS.peer); run++) {
    const uri = `file:///bench/first-${file}-${run}.drplan.yaml`;
    if (run < FRESH_SERVERS.drplan) runs.drplan.push(await openInFreshServer(drplan, uri, text));
    if (run < FRESH_SERVERS.peer) runs.peer.push(await openInFreshServer(yamlLanguageServer, uri, text));
  }
  const firstOpen = (of: OpenRun[]): FirstOpen => ({
    openMs: of.map((run) => run.openMs),
    spawnMs: of.map((run) => run.spawnMs),
    diagnostics: of[0]?.diagnostics ?? NaN,
  });
  return { drplan: firstOpen(runs.drplan), peer: firstOpen(runs.peer) };
}

interface OpenRun {
  openMs: number;
  spawnMs: number;
  diagnostics: number;
}

/** A new server process: spawn, initialize, initialized, then didOpen → the document's first diagnostics. */
async function openInFreshServer(server: ServerUnderTest, uri: string, text: string): Promise<OpenRun> {
  const spawnedAt = performance.now();
  const client = await server.start();
  try {
    const published = server.expectDiagnostics(client, uri, 1);
    const openedAt = performance.now();
    await client.open(uri, text, server.languageId);
    const diagnostics = await published;
    const end = performance.now();
    return { openMs: end - openedAt, spawnMs: end - spawnedAt, diagnostics: diagnostics.length };
  } finally {
    await client.stop();
  }
}

/**
 * One process: the plan opened, warm-up keystrokes, the measured series, for drplan (`traced`)
 * a second series with the verbose trace on, then a burst of keystrokes and the process's memory.
 */
async function typing(
  server: ServerUnderTest,
  uri: string,
  text: string,
  traced: boolean,
): Promise<{ typing: Typing; traced: PlanFelt['traced']; opened: Diagnostic[] }> {
  const client = await server.start();
  try {
    const published = server.expectDiagnostics(client, uri, 1);
    await client.open(uri, text, server.languageId);
    const opened = await published;
    const openingPeakMb = processMemory(client.process.pid).peakMb;
    const at = afterRecoveryTime(text);
    let version = 1;
    const diagnostics = { withError: NaN, without: NaN };
    const keystroke = async (): Promise<number> => {
      version++;
      const start = performance.now();
      const published = server.expectDiagnostics(client, uri, version);
      await client.change(uri, version, [toggleErrorKeystroke(at, version)]);
      const count = (await published).length;
      const elapsed = performance.now() - start;
      diagnostics[version % 2 === 0 ? 'withError' : 'without'] = count;
      return elapsed;
    };
    const series = async (count: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(await keystroke());
      return times;
    };

    await series(WARM_UP_KEYSTROKES);
    const keystrokeMs = await series(KEYSTROKES);
    const typingPeakMb = processMemory(client.process.pid).peakMb;
    const tracedSeries: PlanFelt['traced'] = { keystrokeMs: [], timings: [] };
    if (traced) {
      const timingOf = traceTimings(client, uri);
      await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
      for (let i = 0; i < KEYSTROKES; i++) {
        tracedSeries.keystrokeMs.push(await keystroke());
        // The trace follows its publication; the next keystroke waits for it, so that its
        // serialising falls in no measured keystroke.
        tracedSeries.timings.push(await timingOf(version));
      }
      await client.connection.sendNotification('$/setTrace', { value: 'off' });
    }

    const afterBurst = await burst(server, client, uri, at, version);
    return { typing: { keystrokeMs, diagnostics, memory: { openingPeakMb, typingPeakMb, ...afterBurst } }, traced: tracedSeries, opened };
  } finally {
    await client.stop();
  }
}

/** The keystrokes of `typing` against the echo server, which answers each with `diagnostics`. */
async function echoed(diagnostics: Diagnostic[], uri: string, text: string): Promise<{ typing: Typing }> {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-echo-'));
  try {
    const file = join(folder, 'diagnostics.json');
    writeFileSync(file, JSON.stringify(diagnostics));
    return await typing(echoServer(file), uri, text, false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** BURST_KEYSTROKES keystrokes sent at once after `version`: the process's peak during them, and its memory when their last diagnostics arrived. */
async function burst(
  server: ServerUnderTest,
  client: LspClient,
  uri: string,
  at: ReturnType<typeof afterRecoveryTime>,
  version: number,
): Promise<Pick<TypingMemory, 'burstPeakMb' | 'residentMb'>> {
  const peakReset = resetPeakMemory(client.process.pid);
  const last = version + BURST_KEYSTROKES;
  const published = server.expectDiagnostics(client, uri, last);
  for (let next = version + 1; next <= last; next++) await client.change(uri, next, [toggleErrorKeystroke(at, next)]);
  await published;
  // Without versions, the burst's last publication is the one no other follows.
  let more = !server.publishesVersions;
  while (more) more = await client.nextDiagnostics(uri, () => true, PEER_QUIET_MS).then(() => true, () => false);
  const memory = processMemory(client.process.pid);
  return { burstPeakMb: peakReset ? memory.peakMb : NaN, residentMb: memory.residentMb };
}

/** The verbose trace's timing of each published version of `uri`, as the server sends it after the publication. */
function traceTimings(client: LspClient, uri: string): (version: number) => Promise<CheckTiming> {
  const received = new Map<number, CheckTiming>();
  const waiting = new Map<number, (timing: CheckTiming) => void>();
  client.connection.onNotification('$/logTrace', (params: LogTraceParams) => {
    if (params.message !== `${CHECK_TIMING_MESSAGE}: ${uri}` || params.verbose === undefined) return;
    const timing = JSON.parse(params.verbose) as CheckTiming;
    const waiter = waiting.get(timing.version);
    waiting.delete(timing.version);
    if (waiter) waiter(timing);
    else received.set(timing.version, timing);
  });
  return (version) => {
    const known = received.get(version);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no timing trace of version ${version} of ${uri}`)), 30_000);
      waiting.set(version, (timing) => {
        clearTimeout(timer);
        resolve(timing);
      });
    });
  };
}
