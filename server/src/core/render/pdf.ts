import type { Content } from 'pdfmake/interfaces';
import type { PdfWriter } from './pdfEngine';
import { PdfEmitter } from './pdfEmitter';
import { paginate, type FlowItem, type Window } from './pdfPaging';
import type { PlanDocument } from './tree';

export interface PdfOptions {
  /** Called as the work goes on, with the part done (0 to 1). */
  readonly progress?: (done: number) => void;
  /** Lines of the plan laid out at a time (pdfPaging.ts), about 45 pages by default. */
  readonly windowLines?: number;
  /**
   * A document of up to this many pages is kept laid out after the first pass and rendered from
   * it (about 0.2 MB a page); a longer one is laid out a second time. Default 500.
   */
  readonly keptPages?: number;
  /** A document laid out twice is tagged for screen readers up to this many pages. Default 3000. */
  readonly taggedPages?: number;
}

const KEPT_PAGES = 500;
/**
 * Documents of up to this many pages are tagged for screen readers. The structure tree is
 * written at the end and holds about 35 kB a page until then: a plan at the size limit (10,000
 * pages) would need 400 MB more; nobody reads a document that long with a screen reader.
 */
const TAGGED_PAGES = 3000;
/** Estimated lines a page holds, to guess how many digits the number of pages has. */
const LINES_PER_PAGE = 45;

/**
 * The plan document as PDF/A-2b, made in-process with pdfmake (on pdfkit): A4, Roboto embedded
 * (it has every German glyph), cover, contents with page numbers and links, bookmarks, running
 * header and footer, tables that repeat their header row across pages, metadata in German,
 * tagged for screen readers up to TAGGED_PAGES.
 *
 * Laid out a window of pages at a time (pdfPaging.ts), so memory stays bounded and time grows
 * with the plan. The contents and "Seite x von y" need the page of every heading and the number
 * of pages before the first page is written: pdfmake fills them in as it renders (page
 * references), so a document of up to `keptPages` is laid out once, kept, and rendered. A
 * longer one is laid out twice: first only to count, then rendered window by window. Between
 * windows the event loop runs.
 */
export async function toPdf(doc: PlanDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  // Its own bundle (dist/pdf-engine.js, 2 MB of fonts and pdfkit): loaded on the first export.
  const { loadPdfEngine } = await import('./pdfEngine');
  const engine = await loadPdfEngine();
  const emitter = new PdfEmitter(doc);
  const flow = emitter.flow();
  const report = options.progress ?? (() => undefined);
  const pass = (writer: PdfWriter, digits: number, take: (window: Window) => void) =>
    paginate(
      flow,
      (content: Content[], offset: number) =>
        writer.layout(
          content,
          (page) => emitter.header(offset + page),
          (page) => emitter.footer(offset + page, digits),
        ),
      (window) => {
        recordHeadingPages(emitter, window.layout.nodes, window.pages, window.offset);
        take(window);
      },
      () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
      options.windowLines,
    );

  const guess = String(Math.max(1, Math.round(estimatedLines(flow) / LINES_PER_PAGE))).length;
  const first = engine.writer(emitter.setup());
  let kept: Window[] | undefined = [];
  let keptPages = 0;
  const pages = await pass(first, guess, (window) => {
    keptPages += window.layout.pages.length;
    if (kept && keptPages <= (options.keptPages ?? KEPT_PAGES)) kept.push(window);
    else kept = undefined;
    report((0.4 * window.done) / Math.max(1, flow.length));
  });
  emitter.pageCount.positions[0].pageNumber = pages;
  const digits = String(pages).length;
  if (kept && digits === guess) {
    kept.forEach((window, index) => {
      first.render(window.layout, window.pages);
      report(0.4 + (0.6 * (index + 1)) / (kept?.length ?? 1));
    });
    return first.finish();
  }
  const writer = engine.writer({ ...emitter.setup(), tagged: pages <= (options.taggedPages ?? TAGGED_PAGES) });
  await pass(writer, digits, (window) => {
    writer.render(window.layout, window.pages);
    report(0.4 + (0.6 * window.done) / Math.max(1, flow.length));
  });
  return writer.finish();
}

function estimatedLines(flow: readonly FlowItem[]): number {
  return flow.reduce((sum, item) => sum + (item.kind === 'node' ? item.lines : item.rowLines.reduce((rows, lines) => rows + lines, 0)), 0);
}

/** The page of each heading of the contents on the window's final pages. */
function recordHeadingPages(emitter: PdfEmitter, nodes: readonly { id?: unknown; positions?: { pageNumber: number }[] }[], pages: number, offset: number): void {
  for (const node of nodes) {
    if (typeof node.id !== 'string') continue;
    const holder = emitter.headingPages.get(node.id);
    const page = node.positions?.[0]?.pageNumber;
    if (holder && page !== undefined && page <= pages) holder.positions[0].pageNumber = offset + page;
  }
}
