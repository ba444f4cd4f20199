import { addToDate } from '../date';
import { DURATION, type CalendarDuration } from '../duration';
import { partitionPoint } from '../search';
import type { DurationField, ExerciseModel, IdentifiedItem, ItemModel, PlanModel, ScenarioModel } from './plan';

/**
 * Questions several features ask of the plan model: the rules, hover and the document. Answered
 * here once, so they cannot answer differently.
 */

/** The plan's review interval in minutes (for messages); format.md's default is 12 months. */
export function reviewIntervalOf(model: PlanModel): number {
  return model.plan?.reviewInterval?.minutes ?? 12 * DURATION.MONTH;
}

const TWELVE_MONTHS: CalendarDuration = { months: 12, minutes: 0 };

/** The plan's review interval as a date counts it: months on the calendar. */
function reviewIntervalOnCalendar(model: PlanModel): CalendarDuration {
  const read = model.plan?.reviewInterval?.duration;
  return read?.ok ? read.calendar : TWELVE_MONTHS;
}

/**
 * The downtime an availability target (percent) allows per `period`, in minutes: (100 − target) %
 * of it (99.5 % → 43.8 hours a year). Undefined for a target that is no number in (0, 100].
 */
export function allowedDowntime(target: unknown, period: number = DURATION.YEAR): number | undefined {
  if (typeof target !== 'number' || !(target > 0 && target <= 100)) return undefined;
  return ((100 - target) / 100) * period;
}

/**
 * When something done on `day` (a review, a restore test, an exercise) is due again: the plan's
 * review interval later, counted on the calendar, in days, not rounded (an interval in hours
 * leaves a fraction). It is overdue from the day after: the one function for every due date.
 */
export function dueAfter(model: PlanModel, day: number): number {
  return addToDate(day, reviewIntervalOnCalendar(model));
}

/** Whether something done on `day` is overdue `today`: a due date that is today is not. */
export function isOverdue(model: PlanModel, day: number, today: number): boolean {
  return dueAfter(model, day) < today;
}

/** The day the plan's next review is due, when its last review has a valid date. */
export function reviewDueDay(model: PlanModel): number | undefined {
  const lastReview = model.plan?.lastReview?.day;
  return lastReview === undefined ? undefined : Math.floor(dueAfter(model, lastReview));
}

/**
 * The latest exercise (by date; the later one in the list on the same day) that has `measured`.
 * Exercises without a valid date are not placed in time and do not count.
 */
export function latestExercise(
  scenario: ScenarioModel,
  measured: (exercise: ExerciseModel) => boolean = () => true,
): ExerciseModel | undefined {
  let latest: ExerciseModel | undefined;
  for (const exercise of scenario.exercises) {
    const day = exercise.date?.day;
    if (day === undefined || !measured(exercise)) continue;
    if (!latest || day >= (latest.date?.day as number)) latest = exercise;
  }
  return latest;
}

/** The kinds of exercise that prove a recovery; an exercise without a kind counts as one too. */
const RECOVERY_KINDS: ReadonlySet<string> = new Set(['functional-test', 'full-recovery']);

/**
 * Whether an exercise is a recovery exercise (format.md): a functional test, a full recovery, or
 * one without a kind. A plan review or an alerting exercise is documented, but proves no
 * recovery: it neither times one nor resets the clock of the last one.
 */
export function isRecoveryExercise(exercise: ExerciseModel): boolean {
  const kind = exercise.kind?.value;
  return kind === undefined || RECOVERY_KINDS.has(kind);
}

/** The latest recovery exercise (as latestExercise) that has `measured`. */
export function latestRecoveryExercise(
  scenario: ScenarioModel,
  measured: (exercise: ExerciseModel) => boolean = () => true,
): ExerciseModel | undefined {
  return latestExercise(scenario, (exercise) => isRecoveryExercise(exercise) && measured(exercise));
}

/**
 * What the latest recovery exercise measured: the recovery time (RTA) or the data loss (RPA),
 * and when.
 */
export interface Measured {
  readonly exercise: ExerciseModel;
  readonly day: number;
  readonly field: DurationField;
  readonly minutes: number;
}

/** The latest recovery exercise that measured `what` (as a valid duration), with that measurement. */
export function latestMeasured(scenario: ScenarioModel, what: 'recoveryTime' | 'dataLoss'): Measured | undefined {
  const exercise = latestRecoveryExercise(scenario, (candidate) => candidate[what]?.minutes !== undefined);
  const field = exercise?.[what];
  const day = exercise?.date?.day;
  return exercise && field?.minutes !== undefined && day !== undefined ? { exercise, day, field, minutes: field.minutes } : undefined;
}

const byIdCache = new WeakMap<readonly IdentifiedItem[], ReadonlyMap<string, IdentifiedItem>>();

/**
 * The items of one list by id; the first definition wins, as for the reference rule (a later
 * one is a duplicate-id). Built once per list of a model, on first use.
 */
export function itemsById<T extends IdentifiedItem>(items: readonly T[]): ReadonlyMap<string, T> {
  let map = byIdCache.get(items) as ReadonlyMap<string, T> | undefined;
  if (map) return map;
  const built = new Map<string, T>();
  for (const item of items) if (item.id && !built.has(item.id.value)) built.set(item.id.value, item);
  byIdCache.set(items, built);
  map = built;
  return map;
}

/** The item at a position of its list: the model's items are in list order, mappings only. */
export function itemAt<T extends ItemModel>(items: readonly T[], position: number): T | undefined {
  const item = items[partitionPoint(items.length, (i) => (items[i] as T).index < position)];
  return item?.index === position ? item : undefined;
}
