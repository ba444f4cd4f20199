import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** rto-exceeds-mtpd: the RTO fits inside the business process's maximum tolerable downtime. */
export const rtoExceedsMtpd: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    const rto = scenario.rto;
    const mtpd = scenario.mtpd;
    if (rto?.minutes === undefined || mtpd?.minutes === undefined || rto.minutes <= mtpd.minutes) continue;
    report({ code: 'rto-exceeds-mtpd', span: rto, message: messages.rtoExceedsMtpd(durationText(rto), durationText(mtpd)) });
  }
};
