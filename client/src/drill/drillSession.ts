/**
 * A recovery drill as a state machine: started, each recovery step marked done or skipped in
 * order, the recovery's end (the last step's mark), what the person found (data loss, result,
 * kind, notes), and recorded into the plan. Every transition is a pure function from one state
 * to the next, which the extension saves before it shows it (drillStore.ts): the state holds
 * times, not timers, so a drill goes on after a window reload or a crash of the extension host
 * as if nothing had happened. Pure (no `vscode`), so test/unit checks it.
 */
import { parseDuration } from '../../../server/src/core/duration';
import {
  DRILL_KINDS,
  DRILL_LIMITS,
  DRILL_RESULTS,
  drillPlanInfoOf,
  drillScenarioOf,
  isRecord,
  optionalText,
  type DrillChoice,
  type DrillDuration,
  type DrillKind,
  type DrillPlanInfo,
  type DrillResult,
  type DrillScenario,
  type ExerciseRecord,
} from '../../../server/src/core/drill/record';

/** The version of the saved state's shape. */
export const DRILL_STATE_FORMAT = 1;

/** A recovery step marked: done (its time is measured up to `at`) or skipped (with why). */
export interface StepMark {
  /** Milliseconds since 1970 (the extension's clock). */
  readonly at: number;
  readonly skipped: boolean;
  readonly note?: string;
}

/** What the person running the drill enters: as typed, '' for nothing yet. */
export interface DrillOutcome {
  /** The data loss found (RPA), a duration. */
  readonly dataLoss: string;
  readonly kind: DrillKind | '';
  readonly result: DrillResult | '';
  readonly notes: string;
  /** Who ran the drill (for the report). */
  readonly conductedBy: string;
}

export interface DrillState {
  readonly format: typeof DRILL_STATE_FORMAT;
  readonly id: string;
  /** Counts the transitions: of two saved copies of one drill, the higher is the newer. */
  readonly revision: number;
  /** The plan, as the text of its URI. */
  readonly plan: string;
  readonly planInfo: DrillPlanInfo;
  /** The scenario as the plan had it when the drill was begun: the drill runs these steps. */
  readonly scenario: DrillScenario;
  readonly kinds: readonly DrillChoice[];
  readonly results: readonly DrillChoice[];
  /** When the drill began, and the clock's offset from UTC then (minutes east), for `started`. */
  readonly started?: { readonly at: number; readonly offsetMinutes: number };
  /** One per step marked, in the steps' order. */
  readonly marks: readonly StepMark[];
  /** When the recovery was over: the last step's mark (or the end of a drill without steps). */
  readonly ended?: number;
  readonly outcome: DrillOutcome;
  /** When the exercise entry was written into the plan. */
  readonly recorded?: number;
}

export type DrillPhase = 'ready' | 'running' | 'finishing' | 'recorded';

export const EMPTY_OUTCOME: DrillOutcome = { dataLoss: '', kind: '', result: '', notes: '', conductedBy: '' };

/** A new drill of `scenario`, not yet started. */
export function newDrill(id: string, plan: string, planInfo: DrillPlanInfo, scenario: DrillScenario, kinds: readonly DrillChoice[], results: readonly DrillChoice[]): DrillState {
  return { format: DRILL_STATE_FORMAT, id, revision: 0, plan, planInfo, scenario, kinds, results, marks: [], outcome: EMPTY_OUTCOME };
}

export function phaseOf(state: DrillState): DrillPhase {
  if (state.recorded !== undefined) return 'recorded';
  if (!state.started) return 'ready';
  return state.ended === undefined ? 'running' : 'finishing';
}

/** Why a transition is not taken: the page's message came twice, or late. */
export type Refusal = 'phase' | 'step' | 'note';

type Transition = DrillState | { readonly refused: Refusal };

export function isRefused(result: Transition): result is { readonly refused: Refusal } {
  return 'refused' in result;
}

const next = (state: DrillState, changes: Partial<DrillState>): DrillState => ({ ...state, ...changes, revision: state.revision + 1 });

/** Starts the drill at `now`; the clock's offset makes `started` the local time it showed. */
export function start(state: DrillState, now: number, offsetMinutes: number): Transition {
  if (phaseOf(state) !== 'ready') return { refused: 'phase' };
  return next(state, { started: { at: now, offsetMinutes } });
}

/**
 * Marks step `step` done or skipped at `now`. Only the current step (the first unmarked one):
 * a click that arrives twice marks one step, not two. A skipped step needs its note (why).
 * The last step's mark ends the recovery.
 */
export function mark(state: DrillState, step: number, now: number, skipped: boolean, note: string | undefined): Transition {
  if (phaseOf(state) !== 'running') return { refused: 'phase' };
  if (step !== state.marks.length || step >= state.scenario.steps.length) return { refused: 'step' };
  const text = note?.trim() || undefined;
  if (skipped && text === undefined) return { refused: 'note' };
  const at = Math.max(now, lastTime(state));
  const marks = [...state.marks, text === undefined ? { at, skipped } : { at, skipped, note: text }];
  return next(state, marks.length === state.scenario.steps.length ? { marks, ended: at } : { marks });
}

/** Ends the recovery of a drill without steps. */
export function end(state: DrillState, now: number): Transition {
  if (phaseOf(state) !== 'running' || state.marks.length < state.scenario.steps.length) return { refused: 'phase' };
  return next(state, { ended: Math.max(now, lastTime(state)) });
}

/** Takes back the last mark (and the end it made), or the start when nothing is marked. */
export function undo(state: DrillState): Transition {
  const phase = phaseOf(state);
  if (phase !== 'running' && phase !== 'finishing') return { refused: 'phase' };
  if (state.ended !== undefined && state.scenario.steps.length === 0) return next(state, { ended: undefined });
  if (state.marks.length === 0) return next(state, { started: undefined });
  return next(state, { marks: state.marks.slice(0, -1), ended: undefined });
}

/** What the person entered; kept as typed (checked when recorded), until the drill is recorded. */
export function setOutcome(state: DrillState, outcome: DrillOutcome): Transition {
  if (phaseOf(state) === 'recorded') return { refused: 'phase' };
  return next(state, { outcome });
}

/** The exercise entry is in the plan. */
export function recorded(state: DrillState, now: number): Transition {
  if (phaseOf(state) !== 'finishing') return { refused: 'phase' };
  return next(state, { recorded: now });
}

function lastTime(state: DrillState): number {
  return state.marks.at(-1)?.at ?? state.started?.at ?? 0;
}

// ---------------------------------------------------------------------------
// what the drill measured

/** The time a step took: from the mark before it (or the start) to its own. */
export function stepSeconds(state: DrillState, step: number): number | undefined {
  const mark = state.marks[step];
  if (!mark || !state.started) return undefined;
  const before = step === 0 ? state.started.at : (state.marks[step - 1] as StepMark).at;
  return (mark.at - before) / 1000;
}

/** The recovery time measured (RTA), once the recovery is over. */
export function recoverySeconds(state: DrillState): number | undefined {
  return state.started && state.ended !== undefined ? (state.ended - state.started.at) / 1000 : undefined;
}

/** What is missing or wrong before the drill can be recorded. */
export type OutcomeProblem = 'kind' | 'result' | 'dataLoss';

/** The drill as the exercise entry it becomes, or what the person still has to enter. */
export function exerciseRecord(state: DrillState): { readonly record: ExerciseRecord } | { readonly problems: readonly OutcomeProblem[] } {
  const { outcome } = state;
  const problems: OutcomeProblem[] = [];
  if (!DRILL_KINDS.includes(outcome.kind as DrillKind)) problems.push('kind');
  if (!DRILL_RESULTS.includes(outcome.result as DrillResult)) problems.push('result');
  const dataLoss = outcome.dataLoss.trim();
  if (dataLoss !== '' && !parseDuration(dataLoss).ok) problems.push('dataLoss');
  const seconds = recoverySeconds(state);
  if (problems.length > 0 || seconds === undefined || !state.started) return { problems };
  const notes = outcome.notes.trim();
  return {
    record: {
      started: localIsoTime(state.started.at, state.started.offsetMinutes),
      recoverySeconds: Math.round(seconds),
      ...(dataLoss === '' ? {} : { dataLoss }),
      kind: outcome.kind as DrillKind,
      result: outcome.result as DrillResult,
      ...(notes === '' ? {} : { notes }),
      steps: state.scenario.steps.map((step, index) => {
        const mark = state.marks[index] as StepMark;
        const note = mark.note === undefined ? {} : { note: mark.note };
        return mark.skipped ? { step: step.text, skipped: true, ...note } : { step: step.text, seconds: Math.round(stepSeconds(state, index) ?? 0), ...note };
      }),
    },
  };
}

/** `2026-11-29T09:12:00+01:00`: the time `at` on a clock `offsetMinutes` east of UTC. */
export function localIsoTime(at: number, offsetMinutes: number): string {
  const local = new Date(Math.floor(at / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// what the page is shown

export interface DrillStepView {
  readonly text: string;
  readonly planned?: DrillDuration;
  readonly responsible?: string;
  readonly status: 'pending' | 'current' | 'done' | 'skipped';
  readonly seconds?: number;
  readonly note?: string;
}

/** The drill as the page shows it: no more than it needs, computed here once. */
export interface DrillView {
  readonly id: string;
  readonly phase: DrillPhase;
  readonly planTitle: string;
  readonly scenarioTitle: string;
  readonly scenarioId: string;
  readonly recoveryTime?: DrillDuration;
  readonly rto?: DrillDuration;
  readonly rpo?: DrillDuration;
  /** Milliseconds since 1970. */
  readonly started?: number;
  readonly ended?: number;
  readonly recorded?: number;
  readonly steps: readonly DrillStepView[];
  readonly outcome: DrillOutcome;
  readonly kinds: readonly DrillChoice[];
  readonly results: readonly DrillChoice[];
}

export function drillView(state: DrillState): DrillView {
  const phase = phaseOf(state);
  const { scenario } = state;
  return {
    id: state.id,
    phase,
    planTitle: state.planInfo.title,
    scenarioTitle: scenario.title,
    scenarioId: scenario.id,
    ...(scenario.recoveryTime ? { recoveryTime: scenario.recoveryTime } : {}),
    ...(scenario.rto ? { rto: scenario.rto } : {}),
    ...(scenario.rpo ? { rpo: scenario.rpo } : {}),
    ...(state.started ? { started: state.started.at } : {}),
    ...(state.ended === undefined ? {} : { ended: state.ended }),
    ...(state.recorded === undefined ? {} : { recorded: state.recorded }),
    steps: scenario.steps.map((step, index): DrillStepView => {
      const mark = state.marks[index];
      const status = mark ? (mark.skipped ? 'skipped' : 'done') : phase === 'running' && index === state.marks.length ? 'current' : 'pending';
      const seconds = mark && !mark.skipped ? stepSeconds(state, index) : undefined;
      return {
        text: step.text,
        ...(step.duration ? { planned: step.duration } : {}),
        ...(step.responsible ? { responsible: step.responsible } : {}),
        status,
        ...(seconds === undefined ? {} : { seconds }),
        ...(mark?.note === undefined ? {} : { note: mark.note }),
      };
    }),
    outcome: state.outcome,
    kinds: state.kinds,
    results: state.results,
  };
}

// ---------------------------------------------------------------------------
// a saved state, read back

/**
 * A drill as saved (the extension's state, or the page's copy after a reload), checked: a fresh
 * object of exactly the fields named, or undefined for anything else (an older shape, a damaged
 * copy).
 */
export function drillStateOf(value: unknown): DrillState | undefined {
  if (!isRecord(value) || value.format !== DRILL_STATE_FORMAT) return undefined;
  const { id, revision, plan } = value;
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || !isCount(revision) || typeof plan !== 'string' || plan === '' || plan.length > 4096) return undefined;
  const planInfo = drillPlanInfoOf(value.planInfo);
  const scenario = drillScenarioOf(value.scenario);
  const kinds = choicesOf(value.kinds);
  const results = choicesOf(value.results);
  const outcome = outcomeOf(value.outcome);
  if (!planInfo || !scenario || !kinds || !results || !outcome || !Array.isArray(value.marks)) return undefined;
  let started: DrillState['started'];
  if (value.started !== undefined) {
    if (!isRecord(value.started) || !isTime(value.started.at) || !isOffset(value.started.offsetMinutes)) return undefined;
    started = { at: value.started.at, offsetMinutes: value.started.offsetMinutes };
  }
  const marks: StepMark[] = [];
  let last = started?.at ?? 0;
  for (const entry of value.marks as unknown[]) {
    if (!isRecord(entry) || !isTime(entry.at) || entry.at < last || typeof entry.skipped !== 'boolean') return undefined;
    const note = optionalText(entry.note, DRILL_LIMITS.note);
    if (note === null || (entry.skipped && note === undefined)) return undefined;
    marks.push(note === undefined ? { at: entry.at, skipped: entry.skipped } : { at: entry.at, skipped: entry.skipped, note });
    last = entry.at;
  }
  if (!started && marks.length > 0) return undefined;
  if (marks.length > scenario.steps.length) return undefined;
  const ended = value.ended;
  if (ended !== undefined && (!started || !isTime(ended) || ended < last || marks.length < scenario.steps.length)) return undefined;
  const recordedAt = value.recorded;
  if (recordedAt !== undefined && (!isTime(recordedAt) || ended === undefined)) return undefined;
  return {
    format: DRILL_STATE_FORMAT,
    id,
    revision,
    plan,
    planInfo,
    scenario,
    kinds,
    results,
    ...(started ? { started } : {}),
    marks,
    ...(ended === undefined ? {} : { ended: ended as number }),
    outcome,
    ...(recordedAt === undefined ? {} : { recorded: recordedAt as number }),
  };
}

/** What the person entered, checked: texts within their limits, a kind and a result of the catalog or none. */
export function outcomeOf(value: unknown): DrillOutcome | undefined {
  if (!isRecord(value)) return undefined;
  const dataLoss = rawText(value.dataLoss, DRILL_LIMITS.text);
  const notes = rawText(value.notes, DRILL_LIMITS.notes);
  const conductedBy = rawText(value.conductedBy, DRILL_LIMITS.text);
  const { kind, result } = value;
  if (dataLoss === undefined || notes === undefined || conductedBy === undefined) return undefined;
  if (kind !== '' && !DRILL_KINDS.includes(kind as DrillKind)) return undefined;
  if (result !== '' && !DRILL_RESULTS.includes(result as DrillResult)) return undefined;
  return { dataLoss, kind: kind as DrillOutcome['kind'], result: result as DrillOutcome['result'], notes, conductedBy };
}

function choicesOf(value: unknown): DrillChoice[] | undefined {
  if (!Array.isArray(value) || value.length > 10) return undefined;
  const choices: DrillChoice[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) return undefined;
    const { id, label, explanation } = entry;
    if (typeof id !== 'string' || typeof label !== 'string' || typeof explanation !== 'string' || id.length > 64 || label.length > 200 || explanation.length > 2000) return undefined;
    choices.push({ id, label, explanation });
  }
  return choices;
}

/** A text as typed (within its limit), or undefined when it is none. */
function rawText(value: unknown, limit: number): string | undefined {
  return typeof value === 'string' && value.length <= limit ? value : undefined;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isTime(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && Math.abs(value as number) <= 18 * 60;
}
