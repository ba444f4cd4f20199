import { categoryById, scenarioTypeById } from '../../catalog';
import { messages } from '../../i18n/messages';
import { eachScenario } from '../rule';

/** category-mismatch: a scenario's `type` belongs to its `category`. */
export const categoryMismatch = eachScenario((scenario, report) => {
  if (!scenario.type || !scenario.category) return;
  const type = scenarioTypeById(scenario.type.value);
  const category = categoryById(scenario.category.value);
  if (!type || !category || type.category === category.id) return;
  const expected = categoryById(type.category);
  if (!expected) return;
  report({
    code: 'category-mismatch',
    span: scenario.type,
    message: messages.categoryMismatch(type.id, type.label, category.id, expected.id, expected.label),
    data: { category: expected.id },
  });
});
