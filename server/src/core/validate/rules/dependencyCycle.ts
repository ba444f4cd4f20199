import { messages } from '../../i18n/messages';
import { componentGraph, dependencyCycles, type ComponentGraph } from '../../model/components';
import type { Rule } from '../rule';

/**
 * Up to this many components on one cycle, each message walks the cycle from its component (a
 * search per component); beyond, the message names the count and the first few, so that a
 * hostile cycle of thousands costs linear time.
 */
const WALKED = 50;

/**
 * dependency-cycle: the components' `depends_on` form no cycle, so that an order exists in which
 * they can be restarted. Each component on a cycle is marked at its first `depends_on` entry that
 * leads back into the cycle; the message walks the cycle from there.
 */
export const dependencyCycle: Rule = ({ model, report }) => {
  if (model.components.length === 0) return;
  const graph = componentGraph(model);
  for (const members of dependencyCycles(graph)) {
    // In the order the components are listed.
    const listed = [...members].sort((a, b) => (graph.byId.get(a)?.index ?? 0) - (graph.byId.get(b)?.index ?? 0));
    const large = members.size > WALKED ? messages.largeDependencyCycle(members.size, listed.slice(0, 5)) : undefined;
    for (const id of listed) {
      const component = graph.byId.get(id);
      const entry = component?.dependsOn.find((dependency) => members.has(dependency.value));
      if (!component || !entry) continue;
      if (large) {
        report({ code: 'dependency-cycle', span: entry, message: large });
        continue;
      }
      const cycle = [id, ...shortestWay(graph, entry.value, id, members)];
      report({ code: 'dependency-cycle', span: entry, message: messages.dependencyCycle(cycle), data: { cycle } });
    }
  }
};

/** The shortest way from `from` to `to` inside the cycle's members (`from` … `to`), by depends_on. */
function shortestWay(graph: ComponentGraph, from: string, to: string, members: Set<string>): string[] {
  const previous = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !previous.has(to); i++) {
    const id = queue[i] as string;
    const component = graph.byId.get(id);
    for (const next of component ? graph.dependencies(component) : []) {
      if (!members.has(next) || previous.has(next)) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  const way: string[] = [];
  for (let id: string | undefined = to; id !== undefined; id = previous.get(id)) way.unshift(id);
  return way;
}
