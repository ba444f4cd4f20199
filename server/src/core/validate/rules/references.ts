import { closest } from '../../closest';
import { messages } from '../../i18n/messages';
import type { IdentifiedItem, IdList } from '../../model/plan';
import type { Located } from '../../types';
import type { Rule } from '../rule';

/**
 * unknown-reference: `backup`, `affects`, `responsible`, `owner` and `alert` name ids that are
 * defined in their lists.
 */
export const references: Rule = ({ model, report }) => {
  const ids = (items: readonly IdentifiedItem[]) => new Set(items.flatMap((item) => (item.id ? [item.id.value] : [])));
  const known: Record<'contacts' | 'components' | 'backups', Set<string>> = {
    contacts: ids(model.contacts),
    components: ids(model.components),
    backups: ids(model.backups),
  };
  const check = (reference: Located<string> | undefined, list: Extract<IdList, keyof typeof known>, field: string) => {
    if (!reference || known[list].has(reference.value)) return;
    const suggestion = closest(reference.value, known[list]);
    report({
      code: 'unknown-reference',
      span: reference,
      message: messages.unknownReference(reference.value, list, suggestion),
      data: { field, list, suggestion },
    });
  };

  check(model.plan?.owner, 'contacts', 'owner');
  for (const measurement of model.availability?.measurements ?? []) check(measurement.alert, 'contacts', 'alert');
  for (const scenario of model.scenarios) {
    check(scenario.backup, 'backups', 'backup');
    check(scenario.responsible, 'contacts', 'responsible');
    for (const component of scenario.affects) check(component, 'components', 'affects');
    for (const step of scenario.recovery) check(step.responsible, 'contacts', 'responsible');
  }
};
