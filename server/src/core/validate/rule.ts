import { formatDate } from '../date';
import { DURATION, formatDuration } from '../duration';
import type { Message } from '../i18n/messages';
import type { DurationField, ExerciseModel, PlanModel, ScenarioModel } from '../model/plan';
import type { Finding } from './diagnostic';

/** What a semantic rule sees: the plan model, today's date, and where to report. */
export interface RuleContext {
  readonly model: PlanModel;
  /** Today as days since 1970-01-01: injected, so checks of dates are repeatable. */
  readonly today: number;
  report(finding: Finding): void;
}

/** A semantic rule: one module per rule, one code (or a family of codes) per module. */
export type Rule = (context: RuleContext) => void;

/** A duration in words, in both languages. */
export function durationText(minutes: number): Message {
  return { de: formatDuration(minutes, 'de'), en: formatDuration(minutes, 'en') };
}

export function dateText(day: number): Message {
  return { de: formatDate(day, 'de'), en: formatDate(day, 'en') };
}

/** The plan's review interval in minutes; format.md's default is 12 months. */
export function reviewIntervalOf(model: PlanModel): number {
  return model.plan?.reviewInterval?.minutes ?? 12 * DURATION.MONTH;
}

export function minutesOf(field: DurationField | undefined): number | undefined {
  return field?.minutes;
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
