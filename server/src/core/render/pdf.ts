import type { Content } from 'pdfmake/interfaces';
import { PdfEmitter } from './pdfEmitter';
import { paginate } from './pdfPaging';
import type { PlanDocument } from './tree';

export interface PdfOptions {
  /** Called as the work goes on, with the part done (0 to 1). */
  readonly progress?: (done: number) => void;
  /** Lines of the plan laid out at a time (pdfPaging.ts), about 45 pages by default. */
  readonly windowLines?: number;
}

/**
 * The plan document as PDF, made in-process with pdfmake (on pdfkit): A4, Roboto embedded (it
 * has every German glyph), cover, contents with page numbers and links, bookmarks, running
 * header and footer, tables that repeat their header row across pages, metadata in German.
 *
 * Laid out a window of pages at a time (pdfPaging.ts), so memory stays bounded and time grows
 * with the plan. A document of one window is laid out once. A longer one is laid out twice: the
 * first pass only counts pages (the contents and "Seite x von y" need the page of every heading
 * and the number of pages before the first page is written), the second renders. Between
 * windows the event loop runs, so a language server exporting a large plan keeps answering.
 */
export async function toPdf(doc: PlanDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  // Its own bundle (dist/pdf-engine.js, 2 MB of fonts and pdfkit): loaded on the first export.
  const { loadPdfEngine } = await import('./pdfEngine');
  const engine = await loadPdfEngine();
  const emitter = new PdfEmitter(doc);
  const flow = emitter.flow();
  const report = options.progress ?? (() => undefined);
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  const run = async (writer: ReturnType<typeof engine.writer>, total: number | undefined, share: [number, number]) => {
    let offset = 0;
    let pages = 0;
    let single = true;
    const layout = (content: Content[], before: number) => {
      offset = before;
      return writer.layout(
        content,
        (page) => emitter.header(offset + page),
        (page, count) => emitter.footer(offset + page, total ?? offset + count),
      );
    };
    pages = await paginate(
      flow,
      layout,
      (window) => {
        recordHeadingPages(emitter, window.layout.nodes, window.pages, window.offset);
        if (window.offset > 0 || window.done < flow.length) single = false;
        if (total !== undefined || (window.offset === 0 && window.done === flow.length)) writer.render(window.layout, window.pages);
        report(share[0] + (share[1] - share[0]) * (window.done / Math.max(1, flow.length)));
      },
      pause,
      options.windowLines,
    );
    return { pages, single };
  };

  // First pass: one window makes the whole document, rendered at once; more count the pages.
  const first = engine.writer(emitter.setup());
  const counted = await run(first, undefined, [0, 0.35]);
  if (counted.single) {
    report(1);
    return first.finish();
  }
  const writer = engine.writer(emitter.setup());
  await run(writer, counted.pages, [0.35, 1]);
  report(1);
  return writer.finish();
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
