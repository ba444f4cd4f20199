import { chartHeight } from './chartSvg';
import { plainText, type Block, type Chart, type Heading, type Inline, type Table } from './tree';

/**
 * How the PDF lays blocks out on pages, from estimates (pdfmake measures only while it lays out):
 * what is kept together, how long a block is, how a column title fits its width.
 */

/** Rough height of a block in lines: only blocks well under a page may be kept unbroken. */
export const KEEP_WITH_NEXT_MAX_LINES = 24;

/** Points per estimated line, and the room for a table's header and first rows. */
export const LINE_HEIGHT = 14;
/** Paragraphs and list items up to this many lines are never split across pages (no line alone). */
export const SHORT_LINES = 5;
/** Table rows up to this many lines are never split across pages. */
export const ROW_KEPT_WHOLE = 20;
/** Items of a long list kept with its heading. */
export const LIST_HEAD = 2;
export const START_OF_NEXT = 90;
/**
 * The property of a pdfmake node that asks for this many points left on the page below its top,
 * else the node starts the next page (pdfEngine.ts reads it while laying out).
 */
export const ROOM_BELOW = 'drplanRoomBelow';
/**
 * A top-level pdfmake node marked with `TRACK_PAGES: true` gets the first and last page it is
 * on in `PAGES` when laid out (pdfmake's own `positions` are relative to the block inside an
 * unbreakable block, so they cannot say that).
 */
export const TRACK_PAGES = 'drplanTrackPages';
export const PAGES = 'drplanPages';
/**
 * The property of a table row's first cell that keeps the row on one page with the next row
 * (pdfEngine.ts): a group row with its first row, the last row with the one before.
 */
export const KEEP_WITH_NEXT_ROW = 'drplanKeepWithNextRow';
/**
 * Ids of the first text of each table row or list item of a window: pdfmake corrects the page of
 * a node with an id when it moves an unbreakable row to the next page (it must know it for page
 * references), so the id's first position says the row's page. Not link targets: taken off the
 * lines before they are rendered.
 */
export const ROW_ID_PREFIX = 'drplan-row-';

export function keepsNext(block: Block): boolean {
  return block.kind === 'heading' || (block.kind === 'paragraph' && block.style === 'label');
}

/**
 * A column title in its width: long words break at their soft hyphens (U+00AD) with a visible
 * hyphen; pdfmake itself does not hyphenate and would cut the word anywhere.
 */
export function fitTitle(title: string, width: number, fontSize: number): string {
  const charWidth = fontSize * 0.56;
  return title
    .split(' ')
    .map((word) => {
      const parts = word.split('\u00AD');
      if (parts.length === 1 || word.length * charWidth <= width) return parts.join('');
      const lines: string[] = [];
      let line = '';
      for (const part of parts) {
        if (line !== '' && (line.length + part.length + 1) * charWidth > width) {
          lines.push(`${line}-`);
          line = part;
        } else {
          line += part;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join(' ');
}

export function rowLines(row: Table['rows'][number]): number {
  if (row.kind === 'group') return 1;
  return Math.max(1, ...row.cells.map((cell) => Math.ceil(plainText(cell).length / 22) + (plainText(cell).match(/\n/g)?.length ?? 0)));
}

/** Lines a block takes, roughly, at about 95 characters a line. */
export function estimateLines(block: Block): number {
  const lines = (content: readonly Inline[], width = 95) => {
    const plain = plainText(content);
    return Math.max(1, Math.ceil(plain.length / width) + (plain.match(/\n/g)?.length ?? 0));
  };
  switch (block.kind) {
    case 'paragraph':
      return lines(block.content);
    case 'list':
      return block.items.reduce((sum, item) => sum + lines(item.content, 88), 0);
    case 'fields':
      return block.items.reduce((sum, item) => sum + lines(item.value, 70), 0);
    case 'table':
      return 2 + block.rows.reduce((sum, row) => sum + rowLines(row), 0);
    case 'note':
      return 2 + block.content.reduce((sum, child) => sum + estimateLines(child), 0);
    case 'title':
      return 6;
    case 'heading':
      return 3;
    case 'toc':
    case 'pageBreak':
      return 2;
    case 'section':
      return block.children.reduce((sum, child) => sum + estimateLines(child), 0);
    case 'chart':
      return chartLines(block) + block.alternative.reduce((sum, child) => sum + estimateLines(child), 0);
  }
}

/** Lines a chart's caption and drawing take (its text beside it apart). */
export function chartLines(chart: Chart): number {
  return 1 + Math.ceil(chartHeight(chart.bars) / LINE_HEIGHT);
}

/**
 * About how tall a table's header and the rows kept with it are (at least its first row; all of
 * a table that short), in points: each cell's text over its column's share of the line, at the table's type size.
 */
export function tableStartHeight(table: Table): number {
  const withHeader = Math.max(1, keptWithHeader(table.rows.map(rowLines)));
  // The last row goes with the one before: a table of one row more is one block.
  const kept = table.rows.length <= withHeader + 1 ? table.rows.length : withHeader;
  const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  // Characters of a full-width line and the height of a line, at 7.5 pt (compact) or 9 pt.
  const [fullLine, lineHeight] = table.size === 'compact' ? [125, 9] : [105, 11.5];
  const cellLines = (value: string, column: number) => {
    const perLine = Math.max(6, (fullLine * (table.columns[column]?.width ?? 1)) / total);
    return value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
  };
  const height = (cells: readonly string[]) => 6 + lineHeight * Math.max(1, ...cells.map(cellLines));
  const rows = table.rows.slice(0, kept).map((row) => (row.kind === 'group' ? height([row.text]) : height(row.cells.map((cell) => plainText(cell)))));
  return height(table.columns.map((column) => column.title)) + rows.reduce((sum, rowHeight) => sum + rowHeight, 0);
}

/** The rows kept with a table's header: the first two, as far as they are short. */
export function keptWithHeader(lines: readonly number[]): number {
  let kept = 0;
  let sum = 0;
  for (const count of lines.slice(0, 2)) {
    if (sum + count > ROW_KEPT_WHOLE) break;
    sum += count;
    kept++;
  }
  return kept;
}

/**
 * The rows (by index) that go to a page only with the next one: a group row with its first row,
 * and the row before the last, so that no row stands alone on a page; a run of rows kept
 * together stays short.
 */
export function rowsKeptWithNext(rows: Table['rows'], lines: readonly number[]): Set<number> {
  const joined = new Set<number>();
  let run = 0;
  for (let index = 0; index + 1 < rows.length; index++) {
    run = joined.has(index - 1) ? run : (lines[index] ?? 1);
    const next = lines[index + 1] ?? 1;
    const wanted = rows[index]?.kind === 'group' || index + 2 === rows.length;
    if (wanted && run + next <= ROW_KEPT_WHOLE) {
      joined.add(index);
      run += next;
    }
  }
  return joined;
}

/**
 * Whether `member` of a kept group may lead to the heading `next` in it: a heading above it (a
 * category's heading with its first scenario's) or their introduction. A label's group (Übungen:
 * noch nicht geübt) never takes in the heading of the next part.
 */
export function leads(member: Block, next: Heading): boolean {
  return (member.kind === 'heading' && member.level < next.level) || (member.kind === 'paragraph' && member.style !== 'label');
}
