import { durationText } from '../../duration';
import { allowedDowntime } from '../../model/queries';
import { messages } from '../../i18n/messages';
import type { ScenarioRule } from '../rule';

/** downtime-budget: no single outage may outlast the yearly downtime the availability target allows. */
export const downtimeBudget: ScenarioRule<{ readonly target: number; readonly budget: number } | undefined> = {
  prepare({ model }) {
    const target = model.availability?.target?.value;
    const budget = allowedDowntime(target);
    return target === undefined || budget === undefined ? undefined : { target, budget };
  },
  check(scenario, allowed, report) {
    const rto = scenario.rto;
    if (!allowed || rto?.minutes === undefined || rto.minutes <= allowed.budget) return;
    report({
      code: 'downtime-budget',
      span: rto,
      message: messages.downtimeBudget(durationText(rto), String(allowed.target), durationText(allowed.budget)),
      data: { budgetMinutes: allowed.budget },
    });
  },
};
