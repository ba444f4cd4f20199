import type { ComponentModel, PlanModel, ScenarioModel } from './plan';
import { itemsById } from './queries';

/**
 * How the components of a plan hang together: what holds what (`in`: a rack in a room in a site)
 * and what needs what (`depends_on`). The rules (backup-affected, dependency-cycle,
 * single-point-of-failure), hover and the document ask the same questions here. Ids name the
 * first component of that id, as everywhere; references to no component are left out (the
 * unknown-reference rule reports them). Every walk keeps a visited set: `in` and `depends_on` may
 * form cycles, which must not hang anything.
 */
export interface ComponentGraph {
  readonly byId: ReadonlyMap<string, ComponentModel>;
  /** The holders of a component through `in`, nearest first (its rack, the rack's room, …). */
  holders(id: string): ComponentModel[];
  /** The components inside a component through `in`, at any depth, nearest first. */
  contents(id: string): ComponentModel[];
  /** The components whose `depends_on` names `id`. */
  directDependents(id: string): readonly ComponentModel[];
  /**
   * The components that depend on `id`, directly or through others, nearest first; at most
   * `limit` of them (a walk over a hub of thousands stops early where a few are enough).
   */
  dependents(id: string, limit?: number): ComponentModel[];
  /** The components a scenario takes down: its `affects`, and everything inside them through `in`. */
  takenDown(scenario: ScenarioModel): ComponentModel[];
  /** The ids a component's `depends_on` names that are components, in order, each once. */
  dependencies(component: ComponentModel): readonly string[];
  /**
   * Whether what is stored on `storedOn` is lost when a scenario takes `affected` down: the way
   * from `storedOn` up through what holds it to the first affected component (`storedOn` alone
   * when it is affected itself), or undefined when it survives.
   */
  lostWith(storedOn: string, affected: ReadonlySet<string>): string[] | undefined;
}

const graphs = new WeakMap<PlanModel, ComponentGraph>();

/** The component graph of a model, built on first use. */
export function componentGraph(model: PlanModel): ComponentGraph {
  let graph = graphs.get(model);
  if (!graph) {
    graph = buildGraph(model);
    graphs.set(model, graph);
  }
  return graph;
}

function buildGraph(model: PlanModel): ComponentGraph {
  const byId = itemsById(model.components);
  const inside = new Map<string, ComponentModel[]>();
  const dependentsOf = new Map<string, ComponentModel[]>();
  const dependenciesOf = new Map<ComponentModel, string[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  for (const component of byId.values()) {
    const holder = component.in?.value;
    if (holder !== undefined && byId.has(holder)) push(inside, holder, component);
    const needs: string[] = [];
    for (const dependency of component.dependsOn) {
      if (!byId.has(dependency.value) || needs.includes(dependency.value)) continue;
      needs.push(dependency.value);
      push(dependentsOf, dependency.value, component);
    }
    dependenciesOf.set(component, needs);
  }

  /** Breadth first from the components `next` gives for `start`, each once, `start` itself left out. */
  const walk = (start: string, next: (id: string) => readonly ComponentModel[], limit = Infinity): ComponentModel[] => {
    const seen = new Set<string>([start]);
    const found: ComponentModel[] = [];
    for (let i = -1; i < found.length && found.length < limit; i++) {
      const from = i < 0 ? start : ((found[i] as ComponentModel).id?.value as string);
      for (const component of next(from)) {
        const id = component.id?.value as string;
        if (seen.has(id)) continue;
        seen.add(id);
        found.push(component);
        if (found.length >= limit) break;
      }
    }
    return found;
  };

  const holders = (id: string): ComponentModel[] => {
    const chain: ComponentModel[] = [];
    const seen = new Set<string>([id]);
    for (let holder = byId.get(id)?.in?.value; holder !== undefined && !seen.has(holder); holder = byId.get(holder)?.in?.value) {
      const component = byId.get(holder);
      if (!component) break;
      seen.add(holder);
      chain.push(component);
    }
    return chain;
  };

  return {
    byId,
    holders,
    contents: (id) => walk(id, (from) => inside.get(from) ?? []),
    directDependents: (id) => dependentsOf.get(id) ?? [],
    dependents: (id, limit) => walk(id, (from) => dependentsOf.get(from) ?? [], limit),
    takenDown(scenario) {
      const result: ComponentModel[] = [];
      const seen = new Set<string>();
      for (const affected of scenario.affects) {
        const component = byId.get(affected.value);
        if (!component || seen.has(affected.value)) continue;
        seen.add(affected.value);
        result.push(component);
        for (const content of walk(affected.value, (from) => inside.get(from) ?? [])) {
          const id = content.id?.value as string;
          if (seen.has(id)) continue;
          seen.add(id);
          result.push(content);
        }
      }
      return result;
    },
    dependencies: (component) => dependenciesOf.get(component) ?? [],
    lostWith(storedOn, affected) {
      if (affected.has(storedOn)) return [storedOn];
      const way = [storedOn];
      for (const holder of holders(storedOn)) {
        const id = holder.id?.value as string;
        way.push(id);
        if (affected.has(id)) return way;
      }
      return undefined;
    },
  };
}

/**
 * The cycles of `depends_on` (the rule dependency-cycle and the restart order ask): the strongly
 * connected components that hold a cycle (more than one component,
 * or one that depends on itself), in the order of their first component: Tarjan's algorithm,
 * iterative, so that a long chain of dependencies cannot overflow the stack.
 */
export function dependencyCycles(graph: ComponentGraph): Set<string>[] {
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
