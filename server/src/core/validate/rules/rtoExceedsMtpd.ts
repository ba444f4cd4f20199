import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/** rto-exceeds-mtpd: the RTO fits inside the business process's maximum tolerable downtime. */
export const rtoExceedsMtpd = eachScenario((scenario, report) => {
  const rto = scenario.rto;
  const mtpd = scenario.mtpd;
  if (rto?.minutes === undefined || mtpd?.minutes === undefined || rto.minutes <= mtpd.minutes) return;
  report({ code: 'rto-exceeds-mtpd', span: rto, message: messages.rtoExceedsMtpd(durationText(rto), durationText(mtpd)) });
});
