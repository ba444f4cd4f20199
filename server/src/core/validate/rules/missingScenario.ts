import { categoryById, SCENARIO_TYPES } from '../../catalog';
import { messages } from '../../i18n/messages';
import type { ScenarioReadingRule } from '../rule';

/**
 * missing-scenario: every scenario type of the catalog is covered by some scenario, or listed in
 * `plan.not_applicable` (an entry without its reason still counts: missing-field asks for it).
 */
export const missingScenario: ScenarioReadingRule = {
  reads: (scenario) => [scenario.type?.value],
  check: ({ model, report }) => {
    const span = model.keys.scenarios;
    if (!span) return; // without a `scenarios` key, missing-field says what is wrong
    const covered = new Set<string>();
    for (const scenario of model.scenarios) if (scenario.type) covered.add(scenario.type.value);
    for (const left of model.plan?.notApplicable ?? []) if (left.type) covered.add(left.type.value);
    for (const type of SCENARIO_TYPES) {
      if (covered.has(type.id)) continue;
      const category = categoryById(type.category);
      if (!category) continue;
      report({
        code: 'missing-scenario',
        span,
        message: messages.missingScenario(type.label, category.label),
        data: { category: category.id, type: type.id },
      });
    }
  },
};
