import { parseDateTime } from '../../date';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/**
 * invalid-date: an exercise's `started` is an ISO 8601 date and time of a real day
 * (`2026-11-20T09:15:00+01:00`): a date, like the other date fields, only with the time.
 */
export const dateTimeSyntax = eachScenario((scenario, report) => {
  for (const exercise of scenario.exercises) {
    const started = exercise.started;
    if (!started || parseDateTime(started.value)) continue;
    report({
      code: 'invalid-date',
      span: started,
      message: started.value.trim() === '' ? messages.emptyDateTime('started') : messages.invalidDateTime('started', started.value),
      data: { field: 'started' },
    });
  }
});
