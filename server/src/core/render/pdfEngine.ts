/**
 * pdfmake's layout engine and renderer with Roboto, set up once, behind one small typed
 * interface. A module of its own because the build makes it a bundle of its own
 * (dist/pdf-engine.js): the language server and the CLI start without reading or compiling 2 MB
 * of pdfkit and base64 fonts, and require it on the first PDF export.
 *
 * drplan drives pdfmake's parts itself (pdfmake's own `createPdf` lays out the whole document
 * before it renders a page, which holds every laid-out page in memory at once: 2.6 GB at 1.6 MB
 * of plan): pdfPaging.ts lays the document out a window of pages at a time and renders each
 * window into one pdfkit document. The parts are pdfmake 0.3's `js/` modules.
 */
import type { Content, DynamicContent, Style, TDocumentDefinitions } from 'pdfmake/interfaces';
import { base64ToBytes, concatBytes } from '../base64';
import { archivable, PDF_A, type ArchivedDocument } from './pdfArchive';
import { KEEP_WITH_NEXT_ROW, PAGES, ROOM_BELOW, ROW_ID_PREFIX, TRACK_PAGES } from './pdfLayout';
import { linearLineBuilder, type LineClass } from './pdfLines';
import { STRUCTURE, Tagging, type DrawingRenderer, type TaggedDocument } from './pdfTagging';

/** Where a laid-out node landed: pdfmake's positions, one per line or cell. */
export interface Positioned {
  positions?: { pageNumber: number }[];
}

/** One laid-out window: its pages (opaque, for rendering) and every node pdfmake laid out. */
export interface Layout {
  readonly pages: readonly object[];
  /** Every node in the order laid out, nested ones included (pdfmake's linear node list). */
  readonly nodes: readonly (Positioned & { id?: unknown })[];
}

export interface PdfSetup {
  readonly info: Record<string, string>;
  readonly language: string;
  readonly version: TDocumentDefinitions['version'];
  readonly displayTitle: boolean;
  readonly margins: [number, number, number, number];
  readonly styles: Record<string, Style>;
  readonly defaultStyle: Style;
  readonly watermark: TDocumentDefinitions['watermark'];
  /** A tagged PDF for screen readers (pdfTagging.ts). */
  readonly tagged: boolean;
}

/** One PDF being made: windows laid out, some of their pages rendered, then the bytes. */
export interface PdfWriter {
  layout(content: Content[], header: DynamicContent, footer: DynamicContent): Layout;
  /** Renders `count` pages of `layout` from its first, after those rendered before. */
  render(layout: Layout, count: number): void;
  finish(): Promise<Uint8Array>;
}

export interface PdfEngine {
  writer(setup: PdfSetup): PdfWriter;
}

let engineLoaded: Promise<PdfEngine> | undefined;

/** Loaded once: the fonts go into pdfmake's virtual file system on the first export. */
export function loadPdfEngine(): Promise<PdfEngine> {
  engineLoaded ??= (async () => {
    const [vfsModule, documentModule, layoutModule, rendererModule, layoutsModule, svgModule, lineModule, tableModule] = await Promise.all([
      import('pdfmake/build/vfs_fonts'),
      // @ts-expect-error pdfmake's internal modules have no type declarations
      import('pdfmake/js/PDFDocument') as Promise<Module<PdfDocumentClass>>,
      // @ts-expect-error see above
      import('pdfmake/js/LayoutBuilder') as Promise<Module<LayoutBuilderClass>>,
      // @ts-expect-error see above
      import('pdfmake/js/Renderer') as Promise<Module<RendererClass>>,
      // @ts-expect-error see above
      import('pdfmake/js/tableLayouts') as Promise<{ tableLayouts: object } | { default: { tableLayouts: object } }>,
      // @ts-expect-error see above
      import('pdfmake/js/SVGMeasure') as Promise<Module<new () => object>>,
      // @ts-expect-error see above
      import('pdfmake/js/Line') as Promise<Module<LineClass>>,
      // @ts-expect-error see above
      import('pdfmake/js/TableProcessor') as Promise<Module<TableProcessorClass>>,
    ]);
    const fontData = ('default' in vfsModule ? vfsModule.default : vfsModule) as Record<string, string>;
    // The fonts are handed to pdfkit as bytes: no file is read from disk, nothing fetched, so the
    // bundle in dist/ needs nothing beside it.
    const fonts = new Map(Object.values(FONT_FILES).map((file) => [file, fontBytes(fontData, file)] as const));
    const PdfDocument = classOf(documentModule);
    const LayoutBuilder = classOf(layoutModule);
    const Renderer = classOf(rendererModule);
    const SvgMeasure = classOf(svgModule);
    const { tableLayouts } = 'tableLayouts' in layoutsModule ? layoutsModule : layoutsModule.default;
    extendLayout(LayoutBuilder, classOf(lineModule));
    keepRowsTogether(classOf(tableModule));
    const virtualFs = {
      existsSync: (file: string) => fonts.has(file),
      readFileSync: (file: string) => {
        const bytes = fonts.get(file);
        if (!bytes) throw new Error(`no file ${file} in drplan's PDF engine`);
        return bytes;
      },
    };
    return {
      writer(setup: PdfSetup): PdfWriter {
        const pdf = new PdfDocument({ Roboto: { ...FONT_FILES } }, {}, {}, {}, pdfOptions(setup), virtualFs, () => false);
        archivable(pdf as unknown as ArchivedDocument, setup.language);
        // The charts' SVG text asks pdfkit for a font by its file name (pdfmake's renderSVG): the
        // same bytes, from memory, so that nothing is read and each face is embedded once (PDF/A).
        // Opened here, before pdfmake opens them, pdfkit caches them under the file name too; else
        // it would parse the font again for every text of every chart.
        for (const [file, bytes] of fonts) {
          pdf.registerFont(file, bytes);
          pdf.font(file);
        }
        // pdfkit writes many small chunks, each a slice of a larger pooled buffer: joined now and
        // then, the pools are let go (a 25 MB PDF otherwise holds 150 MB).
        const chunks: Uint8Array[] = [];
        let small: Uint8Array[] = [];
        pdf.on('data', (chunk: Uint8Array) => {
          small.push(chunk);
          if (small.length < 4096) return;
          chunks.push(concatBytes(small));
          small = [];
        });
        letGoOfWrittenObjects(pdf);
        const builder = new LayoutBuilder(A4, marginsOf(setup.margins), new SvgMeasure());
        builder.registerTableLayouts(tableLayouts);
        const renderer = new Renderer(pdf, undefined);
        const tagging = setup.tagged ? new Tagging(pdf as unknown as TaggedDocument, renderer as unknown as DrawingRenderer) : undefined;
        return {
          layout(content, header, footer) {
            forgetWordLayouts(pdf);
            const pages = builder.layoutDocument(content, pdf, setup.styles, setup.defaultStyle, undefined, header, footer, setup.watermark, undefined);
            return { pages, nodes: builder.linearNodeList };
          },
          render(layout, count) {
            if (count <= 0) return;
            const pages = layout.pages.slice(0, count) as { items: { type: string; item: { id?: unknown } }[] }[];
            // The rows' ids only told the paging where rows are: no named destination for them.
            for (const page of pages) {
              for (const { type, item } of page.items) if (type === 'line' && typeof item.id === 'string' && item.id.startsWith(ROW_ID_PREFIX)) delete item.id;
            }
            renderer.renderPages(pages);
          },
          finish() {
            return new Promise((resolve, reject) => {
              pdf.on('end', () => resolve(concatBytes([...chunks, ...small])));
              pdf.on('error', reject);
              tagging?.finish();
              pdf.end();
            });
          },
        };
      },
    };
  })();
  return engineLoaded;
}

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

const A4 = { width: 595.28, height: 841.89, orientation: 'portrait' };

function fontBytes(fonts: Record<string, string>, file: string): Uint8Array {
  const data = fonts[file];
  if (data === undefined) throw new Error(`pdfmake's vfs_fonts lacks ${file}`);
  return base64ToBytes(data);
}

/** pdfkit's options, as pdfmake's Printer sets them; an archivable PDF (pdfArchive.ts). */
function pdfOptions(setup: PdfSetup): object {
  return {
    size: [A4.width, A4.height],
    pdfVersion: setup.version ?? '1.3',
    subset: PDF_A,
    // Tagged for screen readers (pdfTagging.ts): the structure tree and MarkInfo.
    tagged: setup.tagged,
    displayTitle: setup.displayTitle,
    compress: true,
    lang: setup.language,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info: { ...setup.info },
    font: null,
  };
}

function marginsOf([left, top, right, bottom]: [number, number, number, number]) {
  return { left, top, right, bottom };
}

type Module<T> = { default: T } | { default: { default: T } };

function classOf<T>(module: Module<T>): T {
  const exported = module.default as T | { default: T };
  return typeof exported === 'object' && exported !== null && 'default' in exported ? exported.default : (exported as T);
}

/** The parts of pdfmake 0.3's classes used here (js/PDFDocument.js, LayoutBuilder.js, Renderer.js). */
interface PdfKitDocument {
  /** pdfkit: an object has been written. */
  _refEnd(ref: { data: object }): void;
  /** pdfmake: the fonts used so far, by family and style. */
  fontCache: Record<string, Record<string, { layoutCache?: object }>>;
  /** pdfkit: a font by name, from its bytes; `font` makes it the current one (and caches it). */
  registerFont(name: string, src: Uint8Array): void;
  font(name: string): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: unknown) => void): void;
  end(): void;
}
type PdfDocumentClass = new (
  fonts: object,
  images: object,
  patterns: object,
  attachments: object,
  options: object,
  virtualFs: object,
  localAccessPolicy: () => boolean,
) => PdfKitDocument;
interface LayoutBuilderInstance {
  registerTableLayouts(layouts: object): void;
  layoutDocument(
    content: Content[],
    pdf: PdfKitDocument,
    styles: object,
    defaultStyle: object,
    background: undefined,
    header: DynamicContent,
    footer: DynamicContent,
    watermark: unknown,
    pageBreakBefore: undefined,
  ): object[];
  linearNodeList: (Positioned & { id?: unknown })[];
}
type LayoutBuilderClass = (new (pageSize: object, margins: object, svgMeasure: object) => LayoutBuilderInstance) & {
  prototype: {
    processNode(this: LayoutBuilderThis, node: Record<string, unknown>, ...rest: unknown[]): unknown;
    buildNextLine: ReturnType<typeof linearLineBuilder>;
  };
};
interface LayoutBuilderThis {
  writer: { context(): { availableHeight: number; availableWidth: number; y: number; page: number; pages: { items: unknown[] }[]; pageMargins: { top: number } } };
}
type RendererClass = new (pdf: PdfKitDocument, progress: undefined) => { renderPages(pages: object[]): void };

/**
 * pdfkit keeps every object it has written, with its content: the link annotations and page
 * dictionaries of every page (named destinations refer to the pages). Once written, only their
 * number is needed (to refer to them), not their content.
 */
function letGoOfWrittenObjects(pdf: PdfKitDocument): void {
  const refEnd = pdf._refEnd.bind(pdf);
  pdf._refEnd = (ref) => {
    refEnd(ref);
    // Only these: pdfkit reads some objects after writing them (the catalog, for one).
    const type = String((ref.data as { Type?: unknown }).Type);
    if (type === 'Annot' || type === 'Page') ref.data = {};
    // Of a structure element (pdfTagging.ts), pdfkit reads only the parent (P) once written.
    else if ('S' in ref.data && 'P' in ref.data) ref.data = { P: (ref.data as { P: unknown }).P };
  };
}

/**
 * pdfkit caches the glyph layout of every word it has measured, without bound; a plan of 20,000
 * scenarios has a few hundred thousand different words. Within a window the cache pays.
 */
function forgetWordLayouts(pdf: PdfKitDocument): void {
  for (const styles of Object.values(pdf.fontCache)) {
    for (const font of Object.values(styles)) if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
}

/**
 * Lines built in time linear in their text (pdfLines.ts), and two additions to pdfmake's layout,
 * made where it knows the page and the room left:
 * - a node with `ROOM_BELOW` starts a new page when less room is left below it (a heading before
 *   a long table must not end a page alone). pdfmake's own hook for this (`pageBreakBefore`)
 *   lays the whole document out again after every page break it inserts: quadratic.
 * - a top-level node with `TRACK_PAGES` gets its first and last page in `PAGES`.
 */
function extendLayout(builder: LayoutBuilderClass, line: LineClass): void {
  const prototype = builder.prototype;
  if ((prototype.processNode as { drplan?: true }).drplan) return;
  const buildNextLine = linearLineBuilder(line);
  // A line is what its text node is in the tagged PDF's structure (pdfTagging.ts).
  prototype.buildNextLine = function (this: ThisParameterType<typeof buildNextLine>, textNode: Parameters<typeof buildNextLine>[0] & { [STRUCTURE]?: unknown }) {
    const built = buildNextLine.call(this, textNode);
    if (built && textNode[STRUCTURE] !== undefined) (built as unknown as Record<string, unknown>)[STRUCTURE] = textNode[STRUCTURE];
    return built;
  };
  const processNode = prototype.processNode;
  prototype.processNode = Object.assign(
    function (this: LayoutBuilderThis, node: Record<string, unknown>, ...rest: unknown[]) {
      const room = node[ROOM_BELOW];
      if (typeof room === 'number' && node.pageBreak === undefined) {
        const context = this.writer.context();
        // Already at the top of a page, a new page would give no more room.
        if (context.availableHeight < room && context.y > context.pageMargins.top) node.pageBreak = 'before';
      }
      return node[TRACK_PAGES] === true ? tracked(this, node, () => processNode.call(this, node, ...rest)) : processNode.call(this, node, ...rest);
    },
    { drplan: true as const },
  );
}

interface UnbreakableWriter {
  beginUnbreakableBlock(): void;
  commitUnbreakableBlock(): void;
}
/** The parts of pdfmake 0.3's TableProcessor (js/TableProcessor.js) used here. */
interface TableProcessorThis {
  tableNode: { table: { body: Record<string, unknown>[][] } };
  dontBreakRows: boolean;
  /** The header rows and the rows kept with them: one unbreakable block of their own. */
  rowsWithoutPageBreak: number;
  drplanJoined?: boolean;
}
type TableProcessorClass = {
  prototype: {
    beginRow(this: TableProcessorThis, rowIndex: number, writer: UnbreakableWriter): void;
    endRow(this: TableProcessorThis, rowIndex: number, writer: UnbreakableWriter, pageBreaks: unknown): void;
  };
};

/**
 * A table row whose first cell has `KEEP_WITH_NEXT_ROW` goes to a page only together with the
 * next row: of a table whose rows are each unbreakable (`dontBreakRows`), the row's unbreakable
 * block stays open and takes in the next row, so pdfmake moves both to the next page when they
 * do not fit (a group row with its first row, the last row with the one before). Not for the
 * rows kept with the header, which are one block already.
 */
function keepRowsTogether(processor: TableProcessorClass): void {
  const prototype = processor.prototype;
  if ((prototype.endRow as { drplan?: true }).drplan) return;
  const { beginRow, endRow } = prototype;
  prototype.beginRow = function (rowIndex, writer) {
    if (!this.drplanJoined) return beginRow.call(this, rowIndex, writer);
    this.drplanJoined = false;
    withoutCall(writer, 'beginUnbreakableBlock', () => beginRow.call(this, rowIndex, writer));
  };
  prototype.endRow = Object.assign(
    function (this: TableProcessorThis, rowIndex: number, writer: UnbreakableWriter, pageBreaks: unknown) {
      const body = this.tableNode.table.body;
      const keep = this.dontBreakRows && rowIndex >= this.rowsWithoutPageBreak && rowIndex + 1 < body.length && body[rowIndex]?.[0]?.[KEEP_WITH_NEXT_ROW] === true;
      if (!keep) return endRow.call(this, rowIndex, writer, pageBreaks);
      this.drplanJoined = true;
      withoutCall(writer, 'commitUnbreakableBlock', () => endRow.call(this, rowIndex, writer, pageBreaks));
    },
    { drplan: true as const },
  );
}

/** Runs `action` with the writer's method `name` doing nothing. */
function withoutCall(writer: UnbreakableWriter, name: keyof UnbreakableWriter, action: () => void): void {
  writer[name] = () => undefined;
  try {
    action();
  } finally {
    delete (writer as Partial<UnbreakableWriter>)[name];
  }
}

/** Lays out with `layout` and notes on `target` the first and last page that got anything. */
function tracked<T>(builder: LayoutBuilderThis, target: Record<string, unknown>, layout: () => T): T {
  const context = builder.writer.context();
  const page = context.page;
  const items = context.pages[page]?.items.length ?? 0;
  const result = layout();
  const after = builder.writer.context();
  // Nothing added to the page it began on: it begins on the next.
  const first = (after.pages[page]?.items.length ?? 0) > items ? page : Math.min(page + 1, after.page);
  target[PAGES] = [first + 1, after.page + 1];
  return result;
}
