import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/** steps-exceed-recovery-time: the durations of the recovery steps fit into the recovery time. */
export const stepsExceedRecoveryTime = eachScenario((scenario, report) => {
  const recovery = scenario.recoveryTime;
  if (recovery?.minutes === undefined) return;
  let sum = 0;
  for (const step of scenario.recovery) sum += step.duration?.minutes ?? 0;
  if (sum <= recovery.minutes) return;
  report({
    code: 'steps-exceed-recovery-time',
    span: scenario.firstLine,
    message: messages.stepsExceedRecoveryTime(durationText(sum), durationText(recovery)),
    data: { stepsMinutes: sum },
  });
});
