import { dateText } from '../../date';
import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { latestMeasured } from '../../model/queries';
import { eachScenario } from '../rule';

/**
 * rta-exceeded, rpa-exceeded: what the latest exercise measured (recovery time actual, recovery
 * point actual) stays within the objectives.
 */
export const exerciseResults = eachScenario((scenario, report) => {
  const rto = scenario.rto;
  const rta = latestMeasured(scenario, 'recoveryTime');
  if (rta && rto?.minutes !== undefined && rta.minutes > rto.minutes) {
    report({ code: 'rta-exceeded', span: rta.field, message: messages.rtaExceeded(dateText(rta.day), durationText(rta.field), durationText(rto)) });
  }
  const rpo = scenario.rpo;
  const rpa = latestMeasured(scenario, 'dataLoss');
  if (rpa && rpo?.minutes !== undefined && rpa.minutes > rpo.minutes) {
    report({ code: 'rpa-exceeded', span: rpa.field, message: messages.rpaExceeded(dateText(rpa.day), durationText(rpa.field), durationText(rpo)) });
  }
});
