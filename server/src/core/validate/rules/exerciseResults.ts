import { dateText } from '../../date';
import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { latestExercise } from '../../model/queries';
import type { Rule } from '../rule';

/**
 * rta-exceeded, rpa-exceeded: what the latest exercise measured (recovery time actual, recovery
 * point actual) stays within the objectives.
 */
export const exerciseResults: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    const rto = scenario.rto?.minutes;
    const timed = latestExercise(scenario, (exercise) => exercise.recoveryTime?.minutes !== undefined);
    const rta = timed?.recoveryTime;
    if (timed?.date?.day !== undefined && rta?.minutes !== undefined && rto !== undefined && rta.minutes > rto) {
      report({
        code: 'rta-exceeded',
        span: rta,
        message: messages.rtaExceeded(dateText(timed.date.day), durationText(rta.minutes), durationText(rto)),
      });
    }
    const rpo = scenario.rpo?.minutes;
    const measured = latestExercise(scenario, (exercise) => exercise.dataLoss?.minutes !== undefined);
    const rpa = measured?.dataLoss;
    if (measured?.date?.day !== undefined && rpa?.minutes !== undefined && rpo !== undefined && rpa.minutes > rpo) {
      report({
        code: 'rpa-exceeded',
        span: rpa,
        message: messages.rpaExceeded(dateText(measured.date.day), durationText(rpa.minutes), durationText(rpo)),
      });
    }
  }
};
