import { DURATION, durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** downtime-budget: no single outage may outlast the yearly downtime the availability target allows. */
export const downtimeBudget: Rule = ({ model, report }) => {
  const target = model.availability?.target?.value;
  if (target === undefined || target <= 0 || target > 100) return;
  const budget = ((100 - target) / 100) * DURATION.YEAR; // 99.5 % → 43.8 h per year
  for (const scenario of model.scenarios) {
    const rto = scenario.rto;
    if (rto?.minutes === undefined || rto.minutes <= budget) continue;
    report({
      code: 'downtime-budget',
      span: rto,
      message: messages.downtimeBudget(durationText(rto.minutes), String(target), durationText(budget)),
      data: { budgetMinutes: budget },
    });
  }
};
