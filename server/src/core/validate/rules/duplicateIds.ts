import { messages } from '../../i18n/messages';
import { ID_LISTS, itemsOf } from '../../model/references';
import type { Located } from '../../types';
import type { ScenarioReadingRule } from '../rule';

/** duplicate-id: within each list, an id names one item. Every later use is marked. */
export const duplicateIds: ScenarioReadingRule = {
  reads: (scenario) => [scenario.id?.value],
  check: ({ model, report }) => {
    for (const list of ID_LISTS) {
      const first = new Map<string, Located<string>>();
      for (const item of itemsOf(model, list)) {
        if (!item.id) continue;
        const earlier = first.get(item.id.value);
        if (!earlier) {
          first.set(item.id.value, item.id);
          continue;
        }
        report({
          code: 'duplicate-id',
          span: item.id,
          message: messages.duplicateId(item.id.value, list),
          data: { list, id: item.id.value },
          related: [{ span: earlier, message: messages.firstUse }],
        });
      }
    }
  },
};
