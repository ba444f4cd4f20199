import { durationText } from '../../duration';
import { allowedDowntime } from '../../model/queries';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** downtime-budget: no single outage may outlast the yearly downtime the availability target allows. */
export const downtimeBudget: Rule = ({ model, report }) => {
  const target = model.availability?.target?.value;
  const budget = allowedDowntime(target);
  if (target === undefined || budget === undefined) return;
  for (const scenario of model.scenarios) {
    const rto = scenario.rto;
    if (rto?.minutes === undefined || rto.minutes <= budget) continue;
    report({
      code: 'downtime-budget',
      span: rto,
      message: messages.downtimeBudget(durationText(rto), String(target), durationText(budget)),
      data: { budgetMinutes: budget },
    });
  }
};
