import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** rto-exceeded: the recovery takes no longer than the RTO allows. */
export const rtoExceeded: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    const recovery = scenario.recoveryTime;
    const rto = scenario.rto?.minutes;
    if (recovery?.minutes === undefined || rto === undefined || recovery.minutes <= rto) continue;
    report({
      code: 'rto-exceeded',
      span: recovery,
      message: messages.rtoExceeded(durationText(recovery.minutes), durationText(rto)),
    });
  }
};
