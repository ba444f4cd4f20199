import { dateText } from '../../date';
import { messages } from '../../i18n/messages';
import { latestRecoveryExercise } from '../../model/queries';
import { eachScenario } from '../rule';

/**
 * exercise-failed: the scenario's latest recovery exercise did not fail. Its recovery is not
 * proven until an exercise after it passes; a later plan review changes nothing.
 */
export const exerciseFailed = eachScenario((scenario, report) => {
  const latest = latestRecoveryExercise(scenario);
  const result = latest?.result;
  const day = latest?.date?.day;
  if (!result || result.value !== 'failed' || day === undefined) return;
  report({ code: 'exercise-failed', span: result, message: messages.exerciseFailed(dateText(day)) });
});
