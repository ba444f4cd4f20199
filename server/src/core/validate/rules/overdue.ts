import { dateText } from '../../date';
import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { isOverdue as overdueOn, latestRecoveryExercise, reviewDueDay, reviewIntervalOf } from '../../model/queries';
import type { Rule, ScenarioRule } from '../rule';

/** What durationText reads: a duration as written, or minutes. */
type DurationLike = Parameters<typeof durationText>[0];

/**
 * restore-test-overdue and review-overdue: restore tests, recovery exercises and the plan's own
 * review are repeated within the plan's review interval. A plan review or an alerting exercise
 * does not reset a scenario's clock: it proves no recovery.
 */
export const overdue: Rule = ({ model, today, report }) => {
  const interval = reviewIntervalOf(model);
  // As the author wrote it; without a valid one, the twelve months it defaults to.
  const written = model.plan?.reviewInterval?.minutes === undefined ? interval : model.plan.reviewInterval;
  const isOverdue = (day: number) => overdueOn(model, day, today);

  const lastReview = model.plan?.lastReview;
  const reviewDue = reviewDueDay(model);
  if (lastReview?.day !== undefined && reviewDue !== undefined && isOverdue(lastReview.day)) {
    report({
      code: 'review-overdue',
      span: lastReview,
      message: messages.reviewOverdue(dateText(reviewDue)),
    });
  }

  for (const backup of model.backups) {
    const tested = backup.lastRestoreTest;
    if (tested?.day === undefined || !isOverdue(tested.day)) continue;
    const date = dateText(tested.day);
    report({
      code: 'restore-test-overdue',
      span: tested,
      message: messages.restoreTestOverdue(date, durationText(written)),
    });
  }
};

/** restore-test-overdue of a scenario: its latest recovery exercise, within the review interval. */
export const scenarioOverdue: ScenarioRule<{ readonly isOverdue: (day: number) => boolean; readonly written: DurationLike }> = {
  prepare: ({ model, today }) => {
    const interval = reviewIntervalOf(model);
    return { isOverdue: (day) => overdueOn(model, day, today), written: model.plan?.reviewInterval?.minutes === undefined ? interval : model.plan.reviewInterval };
  },
  check(scenario, { isOverdue, written }, report) {
    const exercise = latestRecoveryExercise(scenario);
    const day = exercise?.date?.day;
    if (!exercise?.date || day === undefined || !isOverdue(day)) return;
    report({
      code: 'restore-test-overdue',
      span: exercise.date,
      message: messages.exerciseOverdue(dateText(day), durationText(written)),
    });
  },
};
