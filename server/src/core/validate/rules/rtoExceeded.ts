import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/** rto-exceeded: the recovery takes no longer than the RTO allows. */
export const rtoExceeded = eachScenario((scenario, report) => {
  const recovery = scenario.recoveryTime;
  const rto = scenario.rto;
  if (recovery?.minutes === undefined || rto?.minutes === undefined || recovery.minutes <= rto.minutes) return;
  report({
    code: 'rto-exceeded',
    span: recovery,
    message: messages.rtoExceeded(durationText(recovery), durationText(rto)),
  });
});
