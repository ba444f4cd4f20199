import { COMPONENT_KINDS, componentKindById } from '../../catalog';
import type { ComponentModel } from '../../model/plan';
import { cell, col, shown, table } from '../blocks';
import { LABELS, SEED } from '../texts';
import { emphasis, text, type Block, type TableRow } from '../tree';
import type { Chapter } from './chapter';

/** Verfügbarkeitskontrolle: the seed's requirements and the components, by kind. */
export const availabilityControl: Chapter = (context) => {
  const line = context.keyLine(context.model.keys.components);
  const blocks: Block[] = SEED.availabilityControl.map((sentence) => ({ kind: 'paragraph', content: [text(sentence)] }));
  const components = context.model.components;
  if (components.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Komponenten.'))] });
  } else {
    blocks.push({ kind: 'paragraph', content: [text('In diesem System sind folgende Komponenten eingesetzt, nach ihrer Art geordnet:')] });
    // Catalog order first, then kinds the catalog does not know, then components without a kind.
    const order = new Map<string, number>(COMPONENT_KINDS.map((kind, index) => [kind.id, index]));
    const groups = new Map<string, ComponentModel[]>();
    for (const component of components) {
      const kind = component.kind?.value ?? '';
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind)?.push(component);
    }
    const kinds = [...groups.keys()].sort((a, b) => (order.get(a) ?? (a === '' ? 2000 : 1000)) - (order.get(b) ?? (b === '' ? 2000 : 1000)));
    const rows: TableRow[] = [];
    for (const kind of kinds) {
      const members = groups.get(kind) ?? [];
      const first = members[0];
      rows.push({
        kind: 'group',
        text: kind === '' ? 'Ohne Angabe der Art' : (componentKindById(kind)?.label.de ?? kind),
        sourceLine: first && context.line(first.span.start),
      });
      for (const component of members) {
        rows.push({
          kind: 'row',
          sourceLine: context.line(component.span.start),
          cells: [
            [text(shown(component.nameText) ?? component.id?.value ?? LABELS.missing)],
            cell(shown(component.location)),
            cell(shown(component.redundancy)),
            cell(shown(component.notes)),
          ],
        });
      }
    }
    blocks.push(table([col('Komponente', 3), col('Standort', 2), col('Redundanz', 2), col('Anmerkungen', 2)], rows, 'normal', line));
  }
  return context.chapter('verfuegbarkeitskontrolle', 'Verfügbarkeitskontrolle', line, blocks);
};
