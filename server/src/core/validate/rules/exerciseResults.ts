import { dateText } from '../../date';
import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { latestMeasured } from '../../model/queries';
import type { Rule } from '../rule';

/**
 * rta-exceeded, rpa-exceeded: what the latest exercise measured (recovery time actual, recovery
 * point actual) stays within the objectives.
 */
export const exerciseResults: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    const rto = scenario.rto?.minutes;
    const rta = latestMeasured(scenario, 'recoveryTime');
    if (rta && rto !== undefined && rta.minutes > rto) {
      report({ code: 'rta-exceeded', span: rta.field, message: messages.rtaExceeded(dateText(rta.day), durationText(rta.minutes), durationText(rto)) });
    }
    const rpo = scenario.rpo?.minutes;
    const rpa = latestMeasured(scenario, 'dataLoss');
    if (rpa && rpo !== undefined && rpa.minutes > rpo) {
      report({ code: 'rpa-exceeded', span: rpa.field, message: messages.rpaExceeded(dateText(rpa.day), durationText(rpa.minutes), durationText(rpo)) });
    }
  }
};
