import { messages } from '../../i18n/messages';
import { componentGraph, type ComponentGraph } from '../../model/components';
import type { BackupModel } from '../../model/plan';
import { itemsById } from '../../model/queries';
import type { ScenarioRule } from '../rule';

/**
 * backup-affected: the backup a scenario restores from survives the scenario. It does not when
 * it is `stored_on` a component the scenario takes down: one of its `affects`, or a component
 * inside one of them through `in`, at any depth (the storage in the rack that fails).
 */
export const backupAffected: ScenarioRule<{ readonly backups: ReadonlyMap<string, BackupModel>; readonly graph: ComponentGraph } | undefined> = {
  prepare: ({ model }) => (model.components.length === 0 ? undefined : { backups: itemsById(model.backups), graph: componentGraph(model) }),
  check(scenario, plan, report) {
    if (!plan || !scenario.backup || scenario.affects.length === 0) return;
    const storedOn = plan.backups.get(scenario.backup.value)?.storedOn?.value;
    if (storedOn === undefined || !plan.graph.byId.has(storedOn)) return;
    // From the component that holds the backup up through what holds it, to the first one that fails.
    const chain = plan.graph.lostWith(storedOn, new Set(scenario.affects.map((reference) => reference.value)));
    if (!chain) return;
    report({
      code: 'backup-affected',
      span: scenario.backup,
      message: messages.backupAffected(scenario.backup.value, chain),
      data: { backup: scenario.backup.value, storedOn, affected: chain[chain.length - 1] },
    });
  },
};
