import { componentGraph, dependencyCycles, type ComponentGraph } from '../../model/components';
import type { ComponentModel } from '../../model/plan';
import { col, componentKindLabel, componentName, table } from '../blocks';
import { LABELS } from '../texts';
import { emphasis, strong, text, type Block, type TableRow } from '../tree';
import type { Chapter } from './chapter';

/**
 * Wiederanlaufreihenfolge: the order in which the components can be started again, computed from
 * `depends_on`. Components that need each other in a cycle cannot be ordered: the chapter names
 * them (the rule dependency-cycle reports them) instead of failing. Left out when no component
 * has `depends_on`.
 */
export const restartOrder: Chapter = (context) => {
  const { model } = context;
  if (!model.components.some((component) => component.dependsOn.length > 0)) return undefined;
  const graph = componentGraph(model);
  const line = context.keyLine(model.keys.components);
  const { levels, cycles, blocked } = restartLevels(graph);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [
        text(
          'Nach einem Ausfall werden die Komponenten stufenweise wieder angefahren: die Komponenten einer Stufe können gemeinsam starten, sobald die der vorigen Stufen laufen. Stufe 1 benötigt keine andere Komponente. Komponenten ohne Abhängigkeiten, die auch keine andere benötigt, stehen nicht in der Liste.',
        ),
      ],
    },
  ];
  if (levels.length > 0) {
    const rows: TableRow[] = [];
    levels.forEach((level, index) => {
      rows.push({ kind: 'group', text: `Stufe ${index + 1}`, sourceLine: context.line((level[0] as ComponentModel).span.start) });
      for (const component of level) rows.push(componentRow(context.line(component.span.start), graph, component));
    });
    blocks.push(table([col('Komponente', 3), col('Art', 2.5), col('benötigt', 3.5)], rows, 'normal', line));
  }
  for (const cycle of cycles) {
    blocks.push({
      kind: 'note',
      tone: 'error',
      title: 'Zyklische Abhängigkeit',
      sourceLine: context.line((cycle[0] as ComponentModel).span.start),
      content: [
        {
          kind: 'paragraph',
          content: [
            text('Diese Komponenten benötigen einander und lassen sich nicht in eine Reihenfolge bringen: '),
            strong(text(cycle.map(labelled).join(', '))),
            text('.'),
          ],
        },
      ],
    });
  }
  if (blocked.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [emphasis(text(`Erst nach Auflösung der zyklischen Abhängigkeit einzuordnen, da sie davon abhängen: ${blocked.map(labelled).join(', ')}.`))],
    });
  }
  return context.chapter('wiederanlaufreihenfolge', 'Wiederanlaufreihenfolge', line, blocks);
};

function labelled(component: ComponentModel): string {
  const kind = componentKindLabel(component);
  return kind === undefined ? componentName(component) : `${componentName(component)} (${kind})`;
}

function componentRow(line: number, graph: ComponentGraph, component: ComponentModel): TableRow {
  const needs = graph.dependencies(component).map((id) => {
    const needed = graph.byId.get(id);
    return needed ? componentName(needed) : id;
  });
  return {
    kind: 'row',
    sourceLine: line,
    cells: [[text(componentName(component))], [text(componentKindLabel(component) ?? LABELS.missing)], [text(needs.length > 0 ? needs.join(', ') : LABELS.none)]],
  };
}

/** The restart order of the components that take part in `depends_on`, in the order they are listed. */
export interface RestartLevels {
  /** Level 1 depends on nothing; level k only on components of earlier levels. */
  readonly levels: ComponentModel[][];
  /** The components on each cycle: they cannot be ordered. */
  readonly cycles: ComponentModel[][];
  /** Components not on a cycle that wait, directly or through others, for one. */
  readonly blocked: ComponentModel[];
}

/** Levels by Kahn's algorithm: each round takes every component whose dependencies are all started. */
export function restartLevels(graph: ComponentGraph): RestartLevels {
  const listed = [...graph.byId.values()].sort((a, b) => a.index - b.index);
  const involved = listed.filter((component) => graph.dependencies(component).length > 0 || graph.directDependents(component.id?.value as string).length > 0);
  const waiting = new Map<ComponentModel, number>(involved.map((component) => [component, graph.dependencies(component).length]));
  const levels: ComponentModel[][] = [];
  let level = involved.filter((component) => waiting.get(component) === 0);
  while (level.length > 0) {
    levels.push(level);
    for (const component of level) waiting.delete(component);
    const next = new Set<ComponentModel>();
    for (const component of level) {
      for (const dependent of graph.directDependents(component.id?.value as string)) {
        const left = (waiting.get(dependent) ?? 0) - 1;
        waiting.set(dependent, left);
        if (left === 0) next.add(dependent);
      }
    }
    level = [...next].sort((a, b) => a.index - b.index);
  }
  const cycles = dependencyCycles(graph).map((members) => listed.filter((component) => members.has(component.id?.value as string)));
  const onCycle = new Set(cycles.flat());
  const blocked = involved.filter((component) => waiting.has(component) && !onCycle.has(component));
  return { levels, cycles, blocked };
}
