/**
 * A recovery drill (DR-Übung) as plain data: what the drill panel is shown of a plan's scenarios,
 * and what a drill ends as: the exercise entry written into the plan and the drill report
 * (Übungsprotokoll). Plain shapes, so the language server, the VS Code client and the tests share
 * them without pulling the core in. What arrives from a client is checked here before the core
 * acts on it: a fresh object of exactly the fields named, or undefined.
 */
import { parseDate } from '../date';
import { parseDuration } from '../duration';

/** A duration of the plan as the drill shows it: as written, in minutes, in words of the service's language. */
export interface DrillDuration {
  readonly written: string;
  readonly minutes: number;
  readonly words: string;
}

/** A recovery step as the plan plans it. */
export interface DrillPlannedStep {
  readonly text: string;
  readonly duration?: DrillDuration;
  /** Who is responsible: the contact's name, else the id as written. */
  readonly responsible?: string;
}

/** A scenario that can be drilled: one with an id of its own, by which the entry finds it later. */
export interface DrillScenario {
  readonly id: string;
  readonly title: string;
  /** The scenario's first line (0-based), for the code lens above it. */
  readonly line: number;
  readonly recoveryTime?: DrillDuration;
  readonly rto?: DrillDuration;
  readonly rpo?: DrillDuration;
  readonly steps: readonly DrillPlannedStep[];
}

/** What a drill report names of the plan. */
export interface DrillPlanInfo {
  readonly title: string;
  readonly organisation?: string;
  readonly system?: string;
}

export interface DrillPlan extends DrillPlanInfo {
  readonly scenarios: readonly DrillScenario[];
  /** The kinds and results a drill can record, in the service's language (the catalog's). */
  readonly kinds: readonly DrillChoice[];
  readonly results: readonly DrillChoice[];
}

export interface DrillChoice {
  readonly id: string;
  readonly label: string;
  readonly explanation: string;
}

/** The kinds of exercise a drill is: both prove a recovery (format.md). */
export const DRILL_KINDS = ['functional-test', 'full-recovery'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];
export const DRILL_RESULTS = ['passed', 'partial', 'failed'] as const;
export type DrillResult = (typeof DRILL_RESULTS)[number];

/** A recovery step as it was carried out. */
export interface ExerciseStepRecord {
  readonly step: string;
  /** Measured, from the mark before (or the start) to its own; none for a skipped step. */
  readonly seconds?: number;
  readonly note?: string;
  readonly skipped?: boolean;
}

/** A finished drill: the exercise entry it becomes. */
export interface ExerciseRecord {
  /** When the drill began, local time with its offset: `2026-11-29T09:12:00+01:00`. */
  readonly started: string;
  /** The recovery time measured (RTA): from the start to the last step's mark. */
  readonly recoverySeconds: number;
  /** The data loss found (RPA), a duration as the person wrote it. */
  readonly dataLoss?: string;
  readonly kind: DrillKind;
  readonly result: DrillResult;
  readonly notes?: string;
  readonly steps: readonly ExerciseStepRecord[];
}

/** What the drill report (Übungsprotokoll) is made of: the drill as it ran, against the plan it ran. */
export interface DrillReportInput {
  readonly plan: DrillPlanInfo;
  readonly scenario: DrillScenario;
  readonly record: ExerciseRecord;
  /** Who ran the drill. */
  readonly conductedBy?: string;
}

/** Limits of what a client may send: texts a person types, steps a plan holds. */
export const DRILL_LIMITS = { text: 200, note: 2000, notes: 20_000, steps: 500, seconds: 366 * 24 * 3600 } as const;

/** `2026-11-29T09:12:00+01:00` (or `Z`): the start of a drill, with the day it falls on. */
const STARTED = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The day of a drill's start (`YYYY-MM-DD`), or undefined when `started` is no such time. */
export function startedDay(started: string): string | undefined {
  const match = STARTED.exec(started);
  return match && parseDate(match[1]) !== undefined ? match[1] : undefined;
}

/** The exercise record a client sent, checked; undefined for anything else. */
export function exerciseRecordOf(value: unknown): ExerciseRecord | undefined {
  if (!isRecord(value)) return undefined;
  const { started, recoverySeconds, dataLoss, kind, result, notes, steps } = value;
  if (typeof started !== 'string' || startedDay(started) === undefined) return undefined;
  if (!isSeconds(recoverySeconds)) return undefined;
  if (!DRILL_KINDS.includes(kind as DrillKind) || !DRILL_RESULTS.includes(result as DrillResult)) return undefined;
  const loss = optionalText(dataLoss, DRILL_LIMITS.text);
  if (loss === null || (loss !== undefined && !parseDuration(loss).ok)) return undefined;
  const noted = optionalText(notes, DRILL_LIMITS.notes);
  if (noted === null || !Array.isArray(steps) || steps.length > DRILL_LIMITS.steps) return undefined;
  const checked: ExerciseStepRecord[] = [];
  for (const step of steps as unknown[]) {
    const one = stepRecordOf(step);
    if (!one) return undefined;
    checked.push(one);
  }
  return {
    started,
    recoverySeconds,
    ...(loss === undefined ? {} : { dataLoss: loss }),
    kind: kind as DrillKind,
    result: result as DrillResult,
    ...(noted === undefined ? {} : { notes: noted }),
    steps: checked,
  };
}

function stepRecordOf(value: unknown): ExerciseStepRecord | undefined {
  if (!isRecord(value)) return undefined;
  const step = optionalText(value.step, DRILL_LIMITS.note);
  const note = optionalText(value.note, DRILL_LIMITS.note);
  if (step === undefined || step === null || note === null) return undefined;
  if (value.skipped !== undefined && typeof value.skipped !== 'boolean') return undefined;
  const skipped = value.skipped === true;
  // A skipped step has no measured duration; one carried out has one.
  if (skipped ? value.seconds !== undefined : !isSeconds(value.seconds)) return undefined;
  return {
    step,
    ...(skipped ? {} : { seconds: value.seconds as number }),
    ...(note === undefined ? {} : { note }),
    ...(skipped ? { skipped: true } : {}),
  };
}

/** The drill report's input a client sent, checked; undefined for anything else. */
export function drillReportInputOf(value: unknown): DrillReportInput | undefined {
  if (!isRecord(value)) return undefined;
  const plan = drillPlanInfoOf(value.plan);
  const scenario = drillScenarioOf(value.scenario);
  const record = exerciseRecordOf(value.record);
  const conductedBy = optionalText(value.conductedBy, DRILL_LIMITS.text);
  if (!plan || !scenario || !record || conductedBy === null) return undefined;
  return { plan, scenario, record, ...(conductedBy === undefined ? {} : { conductedBy }) };
}

/** What a drill names of its plan, checked. */
export function drillPlanInfoOf(value: unknown): DrillPlanInfo | undefined {
  if (!isRecord(value)) return undefined;
  const title = optionalText(value.title, DRILL_LIMITS.note);
  const organisation = optionalText(value.organisation, DRILL_LIMITS.note);
  const system = optionalText(value.system, DRILL_LIMITS.note);
  if (title === undefined || title === null || organisation === null || system === null) return undefined;
  return { title, ...(organisation === undefined ? {} : { organisation }), ...(system === undefined ? {} : { system }) };
}

/** A scenario as the drill took it from the plan (its snapshot), checked. */
export function drillScenarioOf(value: unknown): DrillScenario | undefined {
  if (!isRecord(value) || !Array.isArray(value.steps) || value.steps.length > DRILL_LIMITS.steps) return undefined;
  const id = optionalText(value.id, DRILL_LIMITS.note);
  const title = optionalText(value.title, DRILL_LIMITS.note);
  if (id === undefined || id === null || title === undefined || title === null) return undefined;
  if (!Number.isSafeInteger(value.line) || (value.line as number) < 0) return undefined;
  const durations: Partial<Record<'recoveryTime' | 'rto' | 'rpo', DrillDuration>> = {};
  for (const key of ['recoveryTime', 'rto', 'rpo'] as const) {
    if (value[key] === undefined) continue;
    const duration = drillDurationOf(value[key]);
    if (!duration) return undefined;
    durations[key] = duration;
  }
  const steps: DrillPlannedStep[] = [];
  for (const step of value.steps as unknown[]) {
    if (!isRecord(step)) return undefined;
    const text = optionalText(step.text, DRILL_LIMITS.note);
    const responsible = optionalText(step.responsible, DRILL_LIMITS.note);
    const duration = step.duration === undefined ? undefined : drillDurationOf(step.duration);
    if (text === undefined || text === null || responsible === null || (step.duration !== undefined && !duration)) return undefined;
    steps.push({ text, ...(duration ? { duration } : {}), ...(responsible === undefined ? {} : { responsible }) });
  }
  return { id, title, line: value.line as number, ...durations, steps };
}

function drillDurationOf(value: unknown): DrillDuration | undefined {
  if (!isRecord(value)) return undefined;
  const written = optionalText(value.written, DRILL_LIMITS.text);
  const words = optionalText(value.words, DRILL_LIMITS.text);
  if (written === undefined || written === null || words === undefined || words === null) return undefined;
  const read = parseDuration(written);
  // The minutes are the plan's reading of what is written, never the client's own.
  if (!read.ok || value.minutes !== read.minutes) return undefined;
  return { written, minutes: read.minutes, words };
}

/** A text of at most `limit` characters, trimmed; undefined when absent or blank; null when it is no text. */
export function optionalText(value: unknown, limit: number): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > limit) return null;
  return value.trim() === '' ? undefined : value.trim();
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= DRILL_LIMITS.seconds;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
