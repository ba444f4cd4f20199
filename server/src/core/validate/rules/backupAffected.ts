import { messages } from '../../i18n/messages';
import { componentGraph } from '../../model/components';
import { itemsById } from '../../model/queries';
import type { Rule } from '../rule';

/**
 * backup-affected: the backup a scenario restores from survives the scenario. It does not when
 * it is `stored_on` a component the scenario takes down: one of its `affects`, or a component
 * inside one of them through `in`, at any depth (the storage in the rack that fails).
 */
export const backupAffected: Rule = ({ model, report }) => {
  if (model.components.length === 0) return;
  const backups = itemsById(model.backups);
  const graph = componentGraph(model);
  for (const scenario of model.scenarios) {
    if (!scenario.backup || scenario.affects.length === 0) continue;
    const storedOn = backups.get(scenario.backup.value)?.storedOn?.value;
    if (storedOn === undefined || !graph.byId.has(storedOn)) continue;
    // From the component that holds the backup up through what holds it, to the first one that fails.
    const chain = graph.lostWith(storedOn, new Set(scenario.affects.map((reference) => reference.value)));
    if (!chain) continue;
    report({
      code: 'backup-affected',
      span: scenario.backup,
      message: messages.backupAffected(scenario.backup.value, chain),
      data: { backup: scenario.backup.value, storedOn, affected: chain[chain.length - 1] },
    });
  }
};
