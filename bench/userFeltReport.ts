/**
 * The section "What a user feels" of docs/benchmarks.md, from the figures of userFelt.ts, with
 * issue 18's targets beside them.
 */
import type { CheckTiming } from '../server/src/checkTimings';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../server/src/core/limits';
import { fraction, median, ms, percentile } from './stats';
import { BURST_KEYSTROKES, FRESH_SERVERS, KEYSTROKES, USER_FELT_SHAPE, WARM_UP_KEYSTROKES, type PlanFelt } from './userFelt';

/** Issue 18's targets, by plan name. */
export const USER_FELT_TARGETS = {
  /** drplan's first open (didOpen → diagnostics) at most this fraction of the peer's. */
  firstOpen: { '500 scenarios': 1 / 5 } as Readonly<Record<string, number>>,
  /** drplan's keystroke at most this fraction of the peer's. */
  keystroke: { '500 scenarios': 1 / 25, '2000 scenarios': 1 / 60 } as Readonly<Record<string, number>>,
  /** drplan's keystroke: p90 at most this many times the median, at every size. */
  p90OverMedian: 1.5,
  /** drplan's peak resident memory (MB) with the plan open, the burst included. */
  memoryMb: { '2000 scenarios': 150 } as Readonly<Record<string, number>>,
};

/** The steps of drplan's verbose trace (server/src/checkTimings.ts), as the report names them. */
export const TRACED_STEPS = [
  ['applyMs', 'applying the change'],
  ['waitMs', 'waiting (delay)'],
  ['analysisMs', 'analysis'],
  ['renderMs', 'rendering the diagnostics'],
  ['serialiseMs', 'serialising (JSON)'],
] as const satisfies readonly (readonly [keyof CheckTiming, string])[];

export interface StepShare {
  readonly step: string;
  readonly ms: number;
}

/**
 * The median of each traced step, and transport: what the untraced keystroke's median leaves
 * over the sum of those medians (the pipe both ways, the client reading the message, and what
 * no step covers).
 */
export function stepShares(keystrokeMedianMs: number, timings: readonly CheckTiming[]): StepShare[] {
  const steps = TRACED_STEPS.map(([key, step]) => ({ step, ms: median(timings.map((timing) => timing[key])) }));
  const traced = steps.reduce((sum, step) => sum + step.ms, 0);
  return [...steps, { step: 'transport and the rest', ms: keystrokeMedianMs - traced }];
}

/** `yes` when `value` is at most `limit` (`under`: below it), `no` otherwise, `–` without figures. */
function meets(value: number, limit: number, under = false): string {
  if (!Number.isFinite(value) || !Number.isFinite(limit)) return '–';
  return value < limit || (!under && value === limit) ? 'yes' : 'no';
}

const withP90 = (values: readonly number[]) => `${ms(median(values))} (${ms(percentile(values, 90))})`;
const asFraction = (limit: number) => `1/${Math.round(1 / limit)}`;

export function userFeltSection(plans: readonly PlanFelt[]): string {
  const rows = (cells: (plan: PlanFelt) => string[]) => plans.map((plan) => `| ${[plan.name, ...cells(plan)].join(' | ')} |`).join('\n');
  const publishedBy = (who: 'drplan' | 'peer') =>
    plans
      .map((plan) => `${plan[who].typing.diagnostics.without} for ${plan.name === 'example' ? 'the example' : plan.name} (${plan[who].typing.diagnostics.withError} with the error)`)
      .join(', ');
  const peerPublishesNone = plans.every(({ peer: { typing } }) => typing.diagnostics.without === 0 && typing.diagnostics.withError === 0);
  const keystroke = (plan: PlanFelt) => median(plan.drplan.typing.keystrokeMs);
  const columns = plans.map((plan) => plan.name);

  const firstOpenTarget = (plan: PlanFelt) => {
    const limit = USER_FELT_TARGETS.firstOpen[plan.name];
    return limit === undefined ? '–' : `≤ ${asFraction(limit)}: ${meets(median(plan.drplan.firstOpen.openMs) / median(plan.peer.firstOpen.openMs), limit)}`;
  };
  const keystrokeTargets = (plan: PlanFelt) => {
    const limit = USER_FELT_TARGETS.keystroke[plan.name];
    const spread = `p90 ≤ ${USER_FELT_TARGETS.p90OverMedian}×: ${meets(percentile(plan.drplan.typing.keystrokeMs, 90) / keystroke(plan), USER_FELT_TARGETS.p90OverMedian)}`;
    return limit === undefined ? spread : `≤ ${asFraction(limit)}: ${meets(keystroke(plan) / median(plan.peer.typing.keystrokeMs), limit)}; ${spread}`;
  };
  const memoryTarget = (plan: PlanFelt) => {
    const limit = USER_FELT_TARGETS.memoryMb[plan.name];
    const { typingPeakMb, burstPeakMb, residentMb } = plan.drplan.typing.memory;
    return limit === undefined ? '–' : `< ${limit} MB: ${meets(Math.max(typingPeakMb, burstPeakMb, residentMb), limit, true)}`;
  };
  const shareRows = () => {
    const shares = plans.map((plan) => stepShares(keystroke(plan), plan.traced.timings));
    const lines = shares[0]?.map((_, row) => {
      const cells = shares.map((steps, column) => `${ms(steps[row]!.ms)} (${((steps[row]!.ms / keystroke(plans[column]!)) * 100).toFixed(0)} %)`);
      return `| ${shares[0]![row]!.step} | ${cells.join(' | ')} |`;
    }) ?? [];
    lines.push(`| **the keystroke (untraced series)** | ${plans.map((plan) => `**${ms(keystroke(plan))}** (100 %)`).join(' | ')} |`);
    lines.push(`| the keystroke with the trace on | ${plans.map((plan) => ms(median(plan.traced.keystrokeMs))).join(' | ')} |`);
    return lines.join('\n');
  };

  return `## What a user feels

Issue 18's measurement; the figures come from this one run. drplan and its peer are driven over
stdio as in the sections below, on plans of the issue's shape: generated plans in which two thirds
of the scenarios were never exercised (\`generatePlan(n, { exercisedEvery: ${USER_FELT_SHAPE.exercisedEvery} })\`: only every
third scenario has an exercise), and the example as it is. drplan publishes an \`untested\`
information diagnostic for every scenario without an exercise, with every version. The
diagnostics it publishes per version:
${publishedBy('drplan')}.
It publishes at most ${MAX_PUBLISHED_DIAGNOSTICS} (the most severe, the last with a note of how many more there
are). The peer publishes
${peerPublishesNone ? 'no diagnostic for these plans, with the error or without' : publishedBy('peer')}:
its schema checks the plan's shape, and leaves durations and exercises to drplan.

The keystroke: in the scenario in the middle of the plan, \`x\` typed after \`recovery_time: 4h\`
(\`4hx\` is no duration: an error) and deleted again, alternating, one keystroke per version.

### First open in a fresh server

${FRESH_SERVERS.drplan} new processes of drplan and ${FRESH_SERVERS.peer} of the peer per plan, taking turns, each spawned and initialized
(\`initialize\`, \`initialized\`), then \`didOpen\` → that document's first diagnostics; and from
spawning the process to those diagnostics: what the user waits for when the first plan opens.
Medians, p90 in brackets (nearest rank: of ${FRESH_SERVERS.drplan} or ${FRESH_SERVERS.peer} processes, the slowest). Target: the first
open of 500 scenarios at most 1/5 of the peer's.

| plan | didOpen → diagnostics: drplan | peer | drplan / peer | target | spawn → diagnostics: drplan | peer | drplan / peer |
| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |
${rows((plan) => [
  withP90(plan.drplan.firstOpen.openMs),
  withP90(plan.peer.firstOpen.openMs),
  fraction(median(plan.drplan.firstOpen.openMs), median(plan.peer.firstOpen.openMs)),
  firstOpenTarget(plan),
  withP90(plan.drplan.firstOpen.spawnMs),
  withP90(plan.peer.firstOpen.spawnMs),
  fraction(median(plan.drplan.firstOpen.spawnMs), median(plan.peer.firstOpen.spawnMs)),
])}

### A keystroke that toggles an error

One process per server and plan: the plan opened, ${WARM_UP_KEYSTROKES} keystrokes to warm up, then ${KEYSTROKES} keystrokes, each
\`didChange\` → the diagnostics of that version (the peer, which publishes no versions: its next
publication, after its validation delay of 200 ms). Targets: drplan at most 1/25 of the peer's
at 500 scenarios and 1/60 at 2,000, p90 at most ${USER_FELT_TARGETS.p90OverMedian}× the median.

| plan | drplan median | drplan p90 | p90 / median | peer median | peer p90 | drplan / peer | targets met |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows((plan) => [
  ms(keystroke(plan)),
  ms(percentile(plan.drplan.typing.keystrokeMs, 90)),
  `${(percentile(plan.drplan.typing.keystrokeMs, 90) / keystroke(plan)).toFixed(2)}×`,
  ms(median(plan.peer.typing.keystrokeMs)),
  ms(percentile(plan.peer.typing.keystrokeMs, 90)),
  fraction(keystroke(plan), median(plan.peer.typing.keystrokeMs)),
  keystrokeTargets(plan),
])}

### The floor of a keystroke

The same keystrokes in a process of a server that checks nothing (\`bench/echoServer.ts\`: the same
LSP library, transport and Node options as drplan's), answering every change at once with drplan's
diagnostics of the plan. What it takes is the pipe both ways and the client reading the message:
the part of drplan's keystroke, and of its spread, that no server sending these diagnostics avoids.

| plan | floor median | floor p90 | p90 / median | drplan median | drplan over the floor |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows((plan) => [
  ms(median(plan.floorMs)),
  ms(percentile(plan.floorMs, 90)),
  `${(percentile(plan.floorMs, 90) / median(plan.floorMs)).toFixed(2)}×`,
  ms(keystroke(plan)),
  ms(keystroke(plan) - median(plan.floorMs)),
])}

### Where drplan's time of a keystroke goes

The same keystrokes once more in the same process, a second series of ${KEYSTROKES} with the verbose trace on
(\`$/setTrace\`: after each publication drplan sends the steps of that check as \`$/logTrace\`,
\`server/src/checkTimings.ts\`): the median of each step, and its share of the untraced series'
median. Transport is the rest: the untraced median minus the sum of the steps' medians, that is
the pipe both ways, the client reading the message, and whatever no step covers (timers, garbage
collection between the steps). The figures above are the untraced series: the trace adds a
second serialisation of every publication.

| step | ${columns.join(' | ')} |
| --- | ${columns.map(() => '---:').join(' | ')} |
${shareRows()}

### Memory through a burst of edits

The server process's resident memory in the process of the keystrokes, in MB (drplan / peer):
its peak from the start through the plan's first diagnostics, and through the warm-up and the
untraced series of keystrokes (VmHWM); after the traced series, ${BURST_KEYSTROKES} keystrokes sent at once
without waiting for diagnostics, and its peak during them (VmHWM, started afresh at the resident
memory the burst began with: Linux's \`clear_refs\`); its resident memory when the last
version's diagnostics arrived (the peer: its last publication; VmRSS). Target: drplan under
150 MB with the 2,000-scenario plan open, its peaks while typing and during the burst included.

| plan | peak while opening | peak through the series | peak during the burst | resident after it | target |
| --- | ---: | ---: | ---: | ---: | --- |
${rows((plan) => [
  `${plan.drplan.typing.memory.openingPeakMb.toFixed(0)} / ${plan.peer.typing.memory.openingPeakMb.toFixed(0)}`,
  `${plan.drplan.typing.memory.typingPeakMb.toFixed(0)} / ${plan.peer.typing.memory.typingPeakMb.toFixed(0)}`,
  `${plan.drplan.typing.memory.burstPeakMb.toFixed(0)} / ${plan.peer.typing.memory.burstPeakMb.toFixed(0)}`,
  `${plan.drplan.typing.memory.residentMb.toFixed(0)} / ${plan.peer.typing.memory.residentMb.toFixed(0)}`,
  memoryTarget(plan),
])}
`;
}
