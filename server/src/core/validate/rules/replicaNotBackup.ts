import { REPLICATION_METHODS, scenarioTypeById } from '../../catalog';
import { messages } from '../../i18n/messages';
import type { BackupModel } from '../../model/plan';
import { itemsById } from '../../model/queries';
import type { ScenarioRule } from '../rule';

/** The categories whose failures a replica copies at once: a corruption, a deletion. */
const COPIED_FAILURES: ReadonlySet<string> = new Set(['software', 'operator']);

/**
 * replica-not-backup: a software or operator scenario does not restore from a replication. The
 * replica copies the corruption or the deletion at once; only a backup keeps the state before.
 * (Against hardware and site failures a replication is fine, and meets an RPO of 0.)
 */
export const replicaNotBackup: ScenarioRule<ReadonlyMap<string, BackupModel>> = {
  prepare: ({ model }) => itemsById(model.backups),
  check(scenario, backups, report) {
    if (!scenario.backup) return;
    // The type says what the scenario is; the category where the type is unknown.
    const type = scenario.type && scenarioTypeById(scenario.type.value);
    const category = type?.category ?? scenario.category?.value;
    if (category === undefined || !COPIED_FAILURES.has(category)) return;
    const method = backups.get(scenario.backup.value)?.method?.value;
    if (method === undefined || !REPLICATION_METHODS.has(method)) return;
    report({
      code: 'replica-not-backup',
      span: scenario.backup,
      message: messages.replicaNotBackup(scenario.backup.value, method, category === 'operator'),
      data: { backup: scenario.backup.value, method },
    });
  },
};
