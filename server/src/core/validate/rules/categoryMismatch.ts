import { categoryById, scenarioTypeById } from '../../catalog';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** category-mismatch: a scenario's `type` belongs to its `category`. */
export const categoryMismatch: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    if (!scenario.type || !scenario.category) continue;
    const type = scenarioTypeById(scenario.type.value);
    const category = categoryById(scenario.category.value);
    if (!type || !category || type.category === category.id) continue;
    const expected = categoryById(type.category);
    if (!expected) continue;
    report({
      code: 'category-mismatch',
      span: scenario.type,
      message: messages.categoryMismatch(type.id, type.label, category.id, expected.id, expected.label),
      data: { category: expected.id },
    });
  }
};
