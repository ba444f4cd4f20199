import { closest } from '../../closest';
import { messages } from '../../i18n/messages';
import type { IdList, PlanModel, ReferenceModel } from '../../model/plan';
import { itemsOf, referencesOutsideScenarios } from '../../model/references';
import type { Finding } from '../diagnostic';
import type { Rule, ScenarioRule } from '../rule';

/**
 * unknown-reference: every reference (the field table says which keys are references, and to
 * which list) names an id that is defined in its list.
 */
export const references: Rule = ({ model, report }) => {
  const idsOf = idSets(model);
  for (const reference of referencesOutsideScenarios(model, 'before')) checkReference(reference, idsOf, report);
  for (const reference of referencesOutsideScenarios(model, 'after')) checkReference(reference, idsOf, report);
};

/**
 * unknown-reference in a scenario. No reference names a scenario (test/unit/ruleScopes.test.ts),
 * so the ids a scenario's references name lie outside the scenarios.
 */
export const scenarioReferences: ScenarioRule<(list: IdList) => ReadonlySet<string>> = {
  prepare: ({ model }) => idSets(model),
  check(scenario, idsOf, report) {
    for (const reference of scenario.references) checkReference(reference, idsOf, report);
  },
};

/** The ids of each list, made when first asked for. */
function idSets(model: PlanModel): (list: IdList) => ReadonlySet<string> {
  const known = new Map<IdList, Set<string>>();
  return (list) => {
    let ids = known.get(list);
    if (!ids) {
      ids = new Set();
      for (const item of itemsOf(model, list)) if (item.id) ids.add(item.id.value);
      known.set(list, ids);
    }
    return ids;
  };
}

function checkReference(reference: ReferenceModel, idsOf: (list: IdList) => ReadonlySet<string>, report: (finding: Finding) => void): void {
  const ids = idsOf(reference.list);
  if (ids.has(reference.value)) return;
  const suggestion = closest(reference.value, ids);
  report({
    code: 'unknown-reference',
    span: reference,
    message: messages.unknownReference(reference.value, reference.list, suggestion),
    data: { field: reference.key, list: reference.list, suggestion },
  });
}
