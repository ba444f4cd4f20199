import { messages } from '../../i18n/messages';
import { componentGraph, type ComponentGraph } from '../../model/components';
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
  for (const members of cycles(graph)) {
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

/**
 * The strongly connected components of `depends_on` that hold a cycle (more than one component,
 * or one that depends on itself), in the order of their first component: Tarjan's algorithm,
 * iterative, so that a long chain of dependencies cannot overflow the stack.
 */
function cycles(graph: ComponentGraph): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: Set<string>[] = [];
  let counter = 0;
  const next = (id: string) => {
    const component = graph.byId.get(id);
    return component ? graph.dependencies(component) : [];
  };
  for (const root of graph.byId.keys()) {
    if (index.has(root)) continue;
    const frames: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; edge: number };
      const edges = next(frame.id);
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          frames.push({ id: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members = new Set<string>();
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        members.add(member);
      } while (member !== frame.id);
      if (members.size > 1 || edges.includes(frame.id)) found.push(members);
    }
  }
  return found.sort((a, b) => order(graph, a) - order(graph, b));
}

/** Where the first component of a cycle stands in the list. */
function order(graph: ComponentGraph, members: Set<string>): number {
  return Math.min(...[...members].map((id) => graph.byId.get(id)?.index ?? Infinity));
}

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
