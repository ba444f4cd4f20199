import { closest } from '../../closest';
import { messages } from '../../i18n/messages';
import type { IdList } from '../../model/plan';
import { allReferences, itemsOf } from '../../model/references';
import type { Rule } from '../rule';

/**
 * unknown-reference: every reference (the field table says which keys are references, and to
 * which list) names an id that is defined in its list.
 */
export const references: Rule = ({ model, report }) => {
  const known = new Map<IdList, Set<string>>();
  const idsOf = (list: IdList): Set<string> => {
    let ids = known.get(list);
    if (!ids) known.set(list, (ids = new Set(itemsOf(model, list).flatMap((item) => (item.id ? [item.id.value] : [])))));
    return ids;
  };
  for (const reference of allReferences(model)) {
    const ids = idsOf(reference.list);
    if (ids.has(reference.value)) continue;
    const suggestion = closest(reference.value, ids);
    report({
      code: 'unknown-reference',
      span: reference,
      message: messages.unknownReference(reference.value, reference.list, suggestion),
      data: { field: reference.key, list: reference.list, suggestion },
    });
  }
};
