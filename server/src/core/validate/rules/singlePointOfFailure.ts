import { messages } from '../../i18n/messages';
import { componentGraph } from '../../model/components';
import type { Rule } from '../rule';

/** How many dependents a message names; one more found says "and more". */
const NAMED = 3;

/**
 * single-point-of-failure: a component on which at least two others depend, directly or through
 * others, says how it is redundant. Without `redundancy`, its failure takes them all down.
 */
export const singlePointOfFailure: Rule = ({ model, report }) => {
  if (model.components.length === 0) return;
  const graph = componentGraph(model);
  for (const [id, component] of graph.byId) {
    if (component.redundancy && component.redundancy.value.trim() !== '') continue;
    if (graph.directDependents(id).length === 0) continue;
    // A walk that stops after a few: enough to know "two or more" and to name them.
    const dependents = graph.dependents(id, NAMED + 1).map((dependent) => dependent.id?.value as string);
    if (dependents.length < 2) continue;
    report({
      code: 'single-point-of-failure',
      span: component.firstLine,
      message: messages.singlePointOfFailure(id, dependents.slice(0, NAMED), dependents.length > NAMED),
      data: { component: id },
    });
  }
};
