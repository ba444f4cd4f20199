import { scenarioTypeById } from '../../catalog';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/** rpo-without-backup: a scenario that can lose data names the backup that restores it. */
export const rpoWithoutBackup = eachScenario((scenario, report) => {
  const type = scenario.type && scenarioTypeById(scenario.type.value);
  if (!type?.losesData || scenario.backup || scenario.node.has('backup')) return;
  report({ code: 'rpo-without-backup', span: scenario.firstLine, message: messages.rpoWithoutBackup(type.label) });
});
