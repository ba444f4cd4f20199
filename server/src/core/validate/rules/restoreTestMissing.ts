import { messages } from '../../i18n/messages';
import { itemsById } from '../../model/queries';
import type { ScenarioReadingRule } from '../rule';

/**
 * restore-test-missing: a backup that some scenario restores from has a `last_restore_test`.
 * Without one, nobody knows whether it can be restored. Reported once per backup, naming the
 * scenarios that rely on it.
 */
export const restoreTestMissing: ScenarioReadingRule = {
  reads: (scenario) => [scenario.backup?.value, scenario.id?.value],
  check: ({ model, report }) => {
    const backups = itemsById(model.backups);
    const namedBy = new Map<string, string[]>();
    for (const scenario of model.scenarios) {
      const id = scenario.backup?.value;
      if (id === undefined || !backups.has(id)) continue;
      const scenarios = namedBy.get(id) ?? [];
      scenarios.push(scenario.id?.value ?? String(scenario.index + 1));
      namedBy.set(id, scenarios);
    }
    for (const [id, scenarios] of namedBy) {
      const backup = backups.get(id);
      // A written but broken date is an invalid-date (or a wrong type) already; the model has
      // what a merge key (<<) brings in.
      if (!backup || backup.lastRestoreTest || backup.node.has('last_restore_test')) continue;
      report({
        code: 'restore-test-missing',
        span: backup.firstLine,
        message: messages.restoreTestMissing(id, scenarios),
        data: { backup: id },
      });
    }
  },
};
