import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { percentText, periodText } from '../../i18n/availabilityMessages';
import { latestEndedResult, provingResults, validTarget } from '../../model/availability';
import { reviewIntervalOf } from '../../model/queries';
import type { Rule } from '../rule';

/**
 * availability-unproven: `availability.target` is set, but no result of `availability.results`
 * covers a period that ended within the plan's review interval before today: the availability
 * is claimed, not shown.
 */
export const availabilityUnproven: Rule = ({ model, today, report }) => {
  const target = validTarget(model);
  const written = model.availability?.target;
  if (target === undefined || !written || provingResults(model, today).length > 0) return;
  const latest = latestEndedResult(model, today);
  const interval = model.plan?.reviewInterval?.minutes === undefined ? reviewIntervalOf(model) : model.plan.reviewInterval;
  report({
    code: 'availability-unproven',
    span: written,
    message: messages.availabilityUnproven(percentText(target), durationText(interval), latest?.days && periodText(latest.days)),
    data: { latest: latest?.days?.id },
  });
};
