import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { buildDocument } from '../../server/src/core/render';
import { plainText, type Block, type Fields, type Inline, type PlanDocument, type Section, type Table } from '../../server/src/core/render/tree';
import { TODAY } from './fixtures';

/** Reading the document tree in tests: chapters, tables as text, fields, everything said. */

/** The document of a plan, checked on `today` and made on `day` (default: both the test day). */
export function documentOf(text: string, day: Date = TODAY, today: Date = TODAY): PlanDocument {
  return buildDocument(analyze(text, { today }), { today: day, locale: 'de' });
}

/** The top-level section with an id; fails the test, naming those there are, when it is missing. */
export function section(doc: PlanDocument, id: string): Section {
  const found = sectionOrUndefined(doc, id);
  assert.ok(found, `section ${id} in ${doc.blocks.map((b) => (b.kind === 'section' ? b.id : b.kind)).join(', ')}`);
  return found;
}

export function sectionOrUndefined(doc: PlanDocument, id: string): Section | undefined {
  return doc.blocks.find((block): block is Section => block.kind === 'section' && block.id === id);
}

/** The ids of the top-level sections, in order. */
export function sectionIds(doc: PlanDocument): string[] {
  return doc.blocks.flatMap((block) => (block.kind === 'section' ? [block.id] : []));
}

/** Every block of a list, sections, notes and charts (their text beside them) opened, in document order. */
export function flatten(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) =>
    block.kind === 'section'
      ? [block, ...flatten(block.children)]
      : block.kind === 'note'
        ? [block, ...flatten(block.content)]
        : block.kind === 'chart'
          ? [block, ...flatten(block.alternative)]
          : [block],
  );
}

export function tables(blocks: readonly Block[]): Table[] {
  return flatten(blocks).filter((block): block is Table => block.kind === 'table');
}

/** The table's rows as text; a group row as `[its text]`. */
export function rowsText(table: Table | undefined): string[][] {
  return (table?.rows ?? []).map((row) => (row.kind === 'group' ? [`[${row.text}]`] : row.cells.map((cell) => plainText(cell))));
}

/** Column titles without soft hyphens. */
export function titles(table: Table): string[] {
  return table.columns.map((column) => column.title.replace(/\u00AD/g, ''));
}

export function fieldsOf(blocks: readonly Block[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const block of flatten(blocks)) {
    if (block.kind === 'fields') for (const item of (block as Fields).items) result.set(item.label, plainText(item.value));
  }
  return result;
}

/** Everything the blocks say, a line per block (tables a line per row, notes by their title). */
export function allText(blocks: readonly Block[]): string {
  return flatten(blocks)
    .map((block) => {
      switch (block.kind) {
        case 'heading':
        case 'title':
          return block.text;
        case 'paragraph':
          return plainText(block.content);
        case 'list':
          return block.items.map((item) => plainText(item.content)).join('\n');
        case 'fields':
          return block.items.map((item) => `${item.label}: ${plainText(item.value)}`).join('\n');
        case 'table':
          return rowsText(block).map((row) => row.join(' | ')).join('\n');
        case 'note':
        case 'chart':
          return block.title;
        default:
          return '';
      }
    })
    .join('\n');
}

/** The targets of every link in the blocks. */
export function linkTargets(blocks: readonly Block[]): string[] {
  const targets: string[] = [];
  const walk = (content: readonly Inline[]) => {
    for (const inline of content) {
      if (inline.kind === 'link') targets.push(inline.target);
      if (inline.kind === 'link' || inline.kind === 'strong' || inline.kind === 'emphasis') walk(inline.children);
    }
  };
  for (const block of flatten(blocks)) {
    if (block.kind === 'paragraph') walk(block.content);
    if (block.kind === 'list') block.items.forEach((item) => walk(item.content));
    if (block.kind === 'fields') block.items.forEach((item) => walk(item.value));
    if (block.kind === 'table') block.rows.forEach((row) => row.kind === 'row' && row.cells.forEach(walk));
  }
  return targets;
}
