import { dateText } from '../../date';
import { messages } from '../../i18n/messages';
import type { DateField } from '../../model/plan';
import type { Rule, ScenarioRule } from '../rule';

/**
 * future-date: a date that records something done (the last review, an approval, the last
 * restore test, an exercise with a result or a measured value) does not lie after today. Usually
 * a typo (2062-03-01); it would also hide every overdue check. Today itself is not in the future.
 */
export const futureDate: Rule = ({ model, today, report }) => {
  const check = (field: string, date: DateField | undefined) => {
    if (date?.day === undefined || date.day <= today) return;
    report({ code: 'future-date', span: date, message: messages.futureDate(field, dateText(date.day), dateText(today)), data: { field } });
  };
  check('last_review', model.plan?.lastReview);
  for (const approval of model.plan?.approvals ?? []) check('date', approval.date);
  for (const backup of model.backups) check('last_restore_test', backup.lastRestoreTest);
};

/** future-date of a scenario's exercises that were done. */
export const scenarioFutureDate: ScenarioRule<number> = {
  prepare: ({ today }) => today,
  check(scenario, today, report) {
    for (const exercise of scenario.exercises) {
      // An exercise without a result or a measurement may be planned: a date ahead is fine then.
      const done = exercise.result !== undefined || exercise.recoveryTime !== undefined || exercise.dataLoss !== undefined;
      const date = exercise.date;
      if (!done || date?.day === undefined || date.day <= today) continue;
      report({ code: 'future-date', span: date, message: messages.futureDate('date', dateText(date.day), dateText(today)), data: { field: 'date' } });
    }
  },
};
