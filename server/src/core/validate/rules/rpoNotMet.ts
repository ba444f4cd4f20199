import { durationText, everyText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { BackupModel } from '../../model/plan';
import type { ScenarioRule } from '../rule';

/** rpo-not-met: the backup a scenario restores from runs at least as often as its RPO demands. */
export const rpoNotMet: ScenarioRule<ReadonlyMap<string, BackupModel>> = {
  prepare: ({ model }) => new Map(model.backups.flatMap((backup) => (backup.id ? [[backup.id.value, backup] as const] : []))),
  check(scenario, backups, report) {
    const rpo = scenario.rpo;
    if (!scenario.backup || rpo?.minutes === undefined) return;
    const interval = backups.get(scenario.backup.value)?.interval;
    if (interval?.minutes === undefined || interval.minutes <= rpo.minutes) return;
    report({
      code: 'rpo-not-met',
      span: rpo,
      message: messages.rpoNotMet(scenario.backup.value, everyText(interval), durationText(rpo)),
      data: { backup: scenario.backup.value },
    });
  },
};
