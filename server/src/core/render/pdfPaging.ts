/**
 * The document laid out a window of pages at a time, so that memory holds one window, not the
 * whole document (pdfmake keeps every word of every laid-out page as an object: about 0.2 MB a
 * page). A window is laid out from a page top; its pages up to the last page boundary that no
 * node crosses are rendered, and the next window starts with what followed that boundary (where
 * there is none, the window is laid out again, larger). A
 * long table or list is a run of rows that a window can start in the middle of: it continues
 * at a page top, with its header row, as pdfmake would continue it.
 */
import type { Content } from 'pdfmake/interfaces';
import type { Layout } from './pdfEngine';
import { PAGES, ROW_ID_PREFIX, TRACK_PAGES } from './pdfLayout';

/** One node of the document's flow, made afresh for each layout (pdfmake changes the nodes). */
export type FlowItem =
  | { readonly kind: 'node'; readonly lines: number; make(): Content }
  /** A table or list, laid out from row `from` to `to` (exclusive): rows of the node made. */
  | { readonly kind: 'rows'; readonly rowLines: readonly number[]; make(from: number, to: number): RowsNode };

/** A node of rows, and the nodes of each row as pdfmake lays them out (a table row's cells, a list item). */
export interface RowsNode {
  readonly node: Content;
  readonly rows: readonly (readonly object[])[];
}

/** About 45 pages: small enough to hold, large enough that little is laid out twice. */
export const WINDOW_LINES = 2400;

/** Where the flow continues: an item, and for rows the first row still to lay out. */
interface Cursor {
  readonly item: number;
  readonly row: number;
}

/** One laid-out window and how many of its pages are final. */
export interface Window {
  readonly layout: Layout;
  /** Pages of the layout that are final, from its first. */
  readonly pages: number;
  /** The document's page number of the window's first page, minus one. */
  readonly offset: number;
  /** Items of the flow done after this window. */
  readonly done: number;
}

/**
 * Lays the flow out window by window and hands each window's final pages to `take`, in order.
 * `layout` lays out nodes from a page top, `offset` being the number of pages before them.
 */
export async function paginate(
  flow: readonly FlowItem[],
  layout: (content: Content[], offset: number) => Layout,
  take: (window: Window) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
  windowLines = WINDOW_LINES,
): Promise<number> {
  let cursor: Cursor = { item: 0, row: 0 };
  let offset = 0;
  let budget = windowLines;
  while (cursor.item < flow.length) {
    const pieces = windowFrom(flow, cursor, budget);
    track(pieces);
    const laidOut = layout(
      pieces.map((piece) => piece.content),
      offset,
    );
    const end = pieces[pieces.length - 1] as Piece;
    const last = end.item === flow.length - 1 && (end.to === undefined || end.to === rowCount(flow[end.item] as FlowItem));
    const cut = last ? undefined : lastCut(pieces, laidOut.pages.length);
    if (!last && !cut) {
      // No page boundary that nothing crosses (a window of one page, or one block longer than
      // the window): the same start again with a larger window.
      budget *= 2;
      continue;
    }
    const pages = cut ? cut.pages : laidOut.pages.length;
    take({ layout: laidOut, pages, offset, done: cut ? cut.next.item : flow.length });
    offset += pages;
    cursor = cut ? cut.next : { item: flow.length, row: 0 };
    budget = windowLines;
    await pause();
  }
  return offset;
}

interface Piece {
  readonly item: number;
  /** Rows laid out, for a rows item. */
  readonly from?: number;
  readonly to?: number;
  readonly content: Content;
  readonly rows?: RowsNode;
}

/**
 * The items from `cursor` on, as far as the window's budget of lines goes. The first node or row
 * is not counted: a window holds the budget's lines beyond it, so that one block longer than the
 * budget (a paragraph of 100 pages) is followed by a page boundary in its first layout, instead of
 * being laid out again and again in ever larger windows that hold only it.
 */
function windowFrom(flow: readonly FlowItem[], cursor: Cursor, budget: number): Piece[] {
  const pieces: Piece[] = [];
  let lines = 0;
  let first = true;
  const count = (more: number) => {
    if (first) first = false;
    else lines += more;
  };
  for (let item = cursor.item; item < flow.length && (pieces.length === 0 || lines < budget); item++) {
    const entry = flow[item] as FlowItem;
    if (entry.kind === 'node') {
      const content = entry.make();
      // The window starts on a new page anyway; a page break there would leave one empty.
      if (pieces.length === 0) delete (content as { pageBreak?: unknown }).pageBreak;
      pieces.push({ item, content });
      count(entry.lines);
      continue;
    }
    const from = item === cursor.item ? cursor.row : 0;
    let to = from;
    while (to < entry.rowLines.length && (to === from || lines < budget)) count(entry.rowLines[to++] as number);
    const rows = entry.make(from, to);
    if (pieces.length === 0) delete (rows.node as { pageBreak?: unknown }).pageBreak;
    pieces.push({ item, from, to, content: rows.node, rows });
  }
  return pieces;
}

function rowCount(item: FlowItem): number | undefined {
  return item.kind === 'rows' ? item.rowLines.length : undefined;
}

/**
 * The last page boundary of the layout that no node crosses, before a node (or a row) that
 * begins the next page: the pages before it are final, the flow continues with that node. None
 * when the boundary would be before the first page.
 */
function lastCut(pieces: readonly Piece[], pageCount: number): { pages: number; next: Cursor } | undefined {
  let best: { pages: number; next: Cursor } | undefined;
  /** The last page anything laid out so far reaches. */
  let reached = 0;
  const consider = (start: number | undefined, next: Cursor) => {
    if (start !== undefined && start > reached && start >= 2 && start <= pageCount) best = { pages: start - 1, next };
  };
  for (const piece of pieces) {
    if (!piece.rows || piece.from === undefined) {
      const pages = (piece.content as { [PAGES]?: [number, number] })[PAGES];
      if (!pages) continue;
      consider(pages[0], { item: piece.item, row: 0 });
      reached = Math.max(reached, pages[1]);
      continue;
    }
    const from = piece.from;
    piece.rows.rows.forEach((cells, index) => {
      const pages = rowPages(cells);
      if (!pages) return;
      consider(pages[0], { item: piece.item, row: from + index });
      reached = Math.max(reached, pages[1]);
    });
  }
  return best;
}

interface Laid {
  id?: string;
  text?: unknown;
  positions?: { pageNumber: number }[];
}

/** Marks what the cut needs to find: top-level nodes, and the first text of every row. */
function track(pieces: readonly Piece[]): void {
  let row = 0;
  for (const piece of pieces) {
    if (!piece.rows) {
      (piece.content as unknown as Record<string, unknown>)[TRACK_PAGES] = true;
      continue;
    }
    for (const cells of piece.rows.rows) {
      const first = cells.find((cell) => (cell as Laid).text !== undefined) as Laid | undefined;
      if (first && first.id === undefined) first.id = `${ROW_ID_PREFIX}${row++}`;
    }
  }
}

/**
 * The first and last page of a laid-out row: the first from its text with an id (see
 * ROW_ID_PREFIX), the last from the positions of its cells, which are the page's for a row that
 * may break (one that may not is on one page).
 */
function rowPages(cells: readonly object[]): [number, number] | undefined {
  const first = cells.find((cell) => typeof (cell as Laid).id === 'string' && (cell as Laid).id!.startsWith(ROW_ID_PREFIX)) as Laid | undefined;
  const start = first?.positions?.[0]?.pageNumber;
  if (start === undefined) return undefined;
  let end = start;
  for (const cell of cells) {
    const positions = (cell as Laid).positions;
    const last = positions?.[positions.length - 1]?.pageNumber;
    if (last !== undefined && last > end) end = last;
  }
  return [start, end];
}

/** A node of the flow, `lines` long by the estimate. */
export function node(lines: number, make: () => Content): FlowItem {
  return { kind: 'node', lines, make };
}

/** Every node of items, each whole. */
export function whole(items: readonly FlowItem[]): Content[] {
  return items.map((item) => (item.kind === 'node' ? item.make() : item.make(0, item.rowLines.length).node));
}

/** The item, starting a new page. */
export function startingPage(item: FlowItem): FlowItem {
  if (item.kind === 'node') return node(item.lines, () => ({ stack: [item.make()], pageBreak: 'before' }));
  return {
    ...item,
    make: (from, to) => {
      const rows = item.make(from, to);
      return from === 0 ? { node: { stack: [rows.node], pageBreak: 'before' }, rows: rows.rows } : rows;
    },
  };
}

/** The item in a style (the emergency card's smaller type). */
export function styled(item: FlowItem, style: string): FlowItem {
  if (item.kind === 'node') return node(item.lines, () => ({ stack: [item.make()], style }));
  return { ...item, make: (from, to): RowsNode => {
    const rows = item.make(from, to);
    return { node: { stack: [rows.node], style }, rows: rows.rows };
  } };
}

