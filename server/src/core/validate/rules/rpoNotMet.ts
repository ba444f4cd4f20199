import { durationText, everyText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** rpo-not-met: the backup a scenario restores from runs at least as often as its RPO demands. */
export const rpoNotMet: Rule = ({ model, report }) => {
  const backups = new Map(model.backups.flatMap((backup) => (backup.id ? [[backup.id.value, backup] as const] : [])));
  for (const scenario of model.scenarios) {
    const rpo = scenario.rpo;
    if (!scenario.backup || rpo?.minutes === undefined) continue;
    const interval = backups.get(scenario.backup.value)?.interval;
    if (interval?.minutes === undefined || interval.minutes <= rpo.minutes) continue;
    report({
      code: 'rpo-not-met',
      span: rpo,
      message: messages.rpoNotMet(scenario.backup.value, everyText(interval), durationText(rpo)),
      data: { backup: scenario.backup.value },
    });
  }
};
