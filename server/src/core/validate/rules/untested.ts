import { messages } from '../../i18n/messages';
import { isRecoveryExercise } from '../../model/queries';
import { eachScenario } from '../rule';

/**
 * untested: a scenario without a recovery exercise that measured the recovery time has an
 * unknown RTA (BSI 200-4). A plan review or an alerting exercise measures none.
 */
export const untested = eachScenario((scenario, report) => {
  const measured = scenario.exercises.some((exercise) => isRecoveryExercise(exercise) && exercise.node.has('recovery_time'));
  if (!measured) report({ code: 'untested', span: scenario.firstLine, message: messages.untested });
});
