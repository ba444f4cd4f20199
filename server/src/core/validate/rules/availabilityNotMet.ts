import { durationText } from '../../duration';
import { messages } from '../../i18n/messages';
import { percentText, periodText } from '../../i18n/availabilityMessages';
import { comparedAvailability, excludedMinutes, meetsTarget, validTarget } from '../../model/availability';
import type { Rule } from '../rule';

/**
 * availability-not-met: a period of `availability.results` measured less than
 * `availability.target`, the maintenance it excludes left out (model/availability.ts).
 */
export const availabilityNotMet: Rule = ({ model, report }) => {
  const target = validTarget(model);
  if (target === undefined) return;
  for (const result of model.availability?.results ?? []) {
    const measured = result.measured;
    if (!measured || meetsTarget(result, target) !== false) continue;
    const excluded = excludedMinutes(result);
    const period = result.days ? periodText(result.days) : { de: String(result.period?.value ?? '?'), en: String(result.period?.value ?? '?') };
    const compared = comparedAvailability(result) as number;
    report({
      code: 'availability-not-met',
      span: measured,
      message: messages.availabilityNotMet(
        period,
        percentText(measured.value),
        percentText(target),
        excluded > 0 ? { value: percentText(compared, true), excluded: durationText(excluded) } : undefined,
      ),
      data: { period: result.days?.id, measured: measured.value, target },
    });
  }
};
