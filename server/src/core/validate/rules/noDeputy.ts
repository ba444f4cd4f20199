import { messages } from '../../i18n/messages';
import type { ContactModel } from '../../model/plan';
import { itemsById } from '../../model/queries';
import type { ScenarioReadingRule } from '../rule';

/** How many scenarios a message names; one more found says "and more". */
const NAMED = 3;

interface Roles {
  owner: boolean;
  declares: boolean;
  scenarios: string[];
}

/**
 * no-deputy: a contact the plan relies on in an emergency (a scenario's `responsible`, the
 * plan's `owner`, one who may declare the emergency) has a `deputy` (BSI 200-4:
 * Vertretungsregelung). Reported once per contact, at its first line, naming what it is.
 */
export const noDeputy: ScenarioReadingRule = {
  reads: (scenario) => [scenario.responsible?.value, scenario.id?.value],
  check: ({ model, report }) => {
    if (model.contacts.length === 0) return;
    const contacts = itemsById(model.contacts);
    const roles = new Map<ContactModel, Roles>();
    const rolesOf = (id: string | undefined): Roles | undefined => {
      const contact = id === undefined ? undefined : contacts.get(id);
      // A written deputy, even a broken one, is the schema's or the reference rule's business.
      if (!contact || contact.deputy || contact.node.has('deputy')) return undefined;
      let found = roles.get(contact);
      if (!found) roles.set(contact, (found = { owner: false, declares: false, scenarios: [] }));
      return found;
    };
    const owner = rolesOf(model.plan?.owner?.value);
    if (owner) owner.owner = true;
    for (const declarer of model.alerting?.declaredBy ?? []) {
      const found = rolesOf(declarer.value);
      if (found) found.declares = true;
    }
    for (const scenario of model.scenarios) {
      const found = rolesOf(scenario.responsible?.value);
      if (found) found.scenarios.push(scenario.id?.value ?? String(scenario.index + 1));
    }
    for (const [contact, found] of [...roles].sort(([a], [b]) => a.index - b.index)) {
      const id = contact.id?.value as string;
      const scenarios = [...new Set(found.scenarios)];
      report({
        code: 'no-deputy',
        span: contact.firstLine,
        message: messages.noDeputy(id, {
          owner: found.owner,
          declares: found.declares,
          scenarios: scenarios.slice(0, NAMED),
          more: scenarios.length > NAMED,
        }),
        data: { contact: id },
      });
    }
  },
};
