import type { Content, DynamicContent, Style, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  estimateLines,
  fitTitle,
  keepsNext,
  KEEP_WITH_NEXT_MAX_LINES,
  LINE_HEIGHT,
  LIST_HEAD,
  ROW_KEPT_WHOLE,
  rowLines,
  START_OF_NEXT,
} from './pdfLayout';
import { COLOR, CONTENT_WIDTH, FIELDS_LAYOUT, MARGINS, NOTE_FILL, noteLayout, statusMark, STYLES, TABLE_LAYOUT, TOC_STYLES } from './pdfStyle';
import { neutralise } from './safeText';
import { headingsOf, type Block, type Heading, type Inline, type List, type PlanDocument, type Section, type Table } from './tree';

/**
 * The plan document as PDF, made in-process with pdfmake (on pdfkit): A4, Roboto embedded (it
 * has every German glyph), cover, contents with page numbers and links, bookmarks, running
 * header and footer, tables that repeat their header row across pages, metadata in German.
 * pdfmake and the fonts (pdfEngine.ts) are loaded on the first call, so a language server that
 * never exports does not pay for them.
 */
export async function toPdf(doc: PlanDocument): Promise<Uint8Array> {
  // Its own bundle (dist/pdf-engine.js, 2 MB of fonts and pdfkit): loaded on the first export.
  const { loadPdfmake } = await import('./pdfEngine');
  const pdfmake = await loadPdfmake();
  const definition = new PdfEmitter(doc).definition();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A heading as pdfmake reads it: a ToC entry that is also a link target and a bookmark. */
interface HeadingNode {
  text: string;
  style: string;
  id: string;
  tocItem: boolean;
  tocStyle: Style;
  tocNumberStyle: Style;
  tocMargin: [number, number, number, number];
  outline: boolean;
  outlineParentId?: string;
  headlineLevel?: number;
  pageBreak?: 'before';
}

class PdfEmitter {
  /** Ids of headings: the only link targets. */
  private readonly targets: ReadonlySet<string>;
  /** The latest heading per level, for the bookmark tree. */
  private readonly parents: (string | undefined)[] = [undefined, undefined, undefined];

  constructor(private readonly doc: PlanDocument) {
    this.targets = new Set(headingsOf(doc.blocks).map((heading) => heading.id));
  }

  definition(): TDocumentDefinitions {
    const { meta } = this.doc;
    const content: Content[] = [];
    let afterContents = false;
    for (const block of this.doc.blocks) {
      // The contents, the first chapter after them and the sections that ask for it begin on a
      // new page; their first heading needs no room check there.
      const newPage = block.kind === 'section' && (block.role === 'contents' || block.newPage === true || afterContents);
      const node = block.kind === 'section' ? this.section(block, newPage) : this.block(block);
      content.push(newPage ? { stack: [node], pageBreak: 'before' } : node);
      afterContents = block.kind === 'section' && block.role === 'contents';
    }
    const running = [meta.version ? `Version ${meta.version}` : '', meta.classification].filter(Boolean).join(' · ');
    const header: DynamicContent = (page) =>
      page === 1
        ? null
        : {
            columns: [
              { text: neutralise(meta.title), width: '*' },
              { text: neutralise(running), width: 'auto', alignment: 'right' },
            ],
            style: 'running',
            margin: [MARGINS[0], 28, MARGINS[2], 0],
          };
    const footer: DynamicContent = (page, pages) =>
      page === 1
        ? null
        : {
            columns: [
              { text: meta.classification ? neutralise(`Klassifizierung: ${meta.classification}`) : '', width: '*' },
              { text: `Seite ${page} von ${pages}`, width: 'auto', alignment: 'right' },
            ],
            style: 'running',
            margin: [MARGINS[0], 20, MARGINS[2], 0],
          };
    const definition: TDocumentDefinitions = {
      pageSize: 'A4',
      pageMargins: MARGINS,
      version: '1.7',
      language: meta.language,
      displayTitle: true,
      info: {
        title: neutralise(meta.title),
        author: neutralise(meta.author),
        subject: neutralise(meta.subject),
        keywords: meta.keywords.join(', '),
        creator: 'drplan',
        producer: 'drplan (pdfmake)',
      },
      header,
      footer,
      content,
      defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: COLOR.fg },
      styles: STYLES,
      // A heading before a long table or list cannot share one unbreakable block with it: it
      // carries the space it needs below its top (in `headlineLevel`, pdfmake's free number
      // for this hook) and moves to the next page when less is left.
      pageBreakBefore: (node) => {
        const need = node.headlineLevel;
        if (need === undefined || node.startPosition === undefined) return false;
        const { pageInnerHeight, verticalRatio } = node.startPosition;
        return pageInnerHeight * (1 - verticalRatio) < need;
      },
    };
    if (meta.watermark) {
      definition.watermark = { text: meta.watermark, color: COLOR.failed, opacity: 0.08, bold: true, fontSize: 96, angle: -45 };
    }
    return definition;
  }

  private section(section: Section, atPageTop: boolean): Content {
    return { stack: this.blocks(section.children, atPageTop), style: section.role === 'card' ? 'card' : undefined };
  }

  /**
   * A heading never ends a page alone: it is kept, unbreakable, with what follows it as far as
   * that is short (a heading with its introduction and first fields, a label with its list).
   * Only before a long table or list, which cannot be part of an unbreakable block, does the
   * heading carry the room it needs (`headlineLevel`, see `definition`); each page break that
   * hook inserts costs pdfmake a whole new layout, so it is kept to those few headings.
   */
  private blocks(blocks: readonly Block[], atPageTop = false): Content[] {
    const result: Content[] = [];
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as Block;
      if (!keepsNext(block)) {
        result.push(this.block(block));
        continue;
      }
      const start = index;
      const group: Block[] = [block];
      let lines = estimateLines(block);
      let next = index + 1;
      while (next < blocks.length) {
        const candidate = blocks[next] as Block;
        if (candidate.kind === 'section' || lines + estimateLines(candidate) > KEEP_WITH_NEXT_MAX_LINES) break;
        const previous = group[group.length - 1] as Block;
        const introduction = previous.kind === 'paragraph' && group.length >= 2 && keepsNext(group[group.length - 2] as Block);
        if (!keepsNext(previous) && !introduction) break;
        group.push(candidate);
        lines += estimateLines(candidate);
        next++;
      }
      // A short table or list after the introduction goes with it as well; of a long list, its
      // first items do (the rest continues below, numbered on).
      const after = blocks[next];
      const onlyTextSoFar = group.every((member) => member.kind === 'heading' || member.kind === 'paragraph');
      if ((after?.kind === 'table' || after?.kind === 'list') && lines + estimateLines(after) <= KEEP_WITH_NEXT_MAX_LINES) {
        group.push(after);
        lines += estimateLines(after);
        next++;
      } else if (
        after?.kind === 'list' &&
        onlyTextSoFar &&
        after.items.length > LIST_HEAD &&
        lines + estimateLines({ ...after, items: after.items.slice(0, LIST_HEAD) }) <= KEEP_WITH_NEXT_MAX_LINES
      ) {
        index = next;
        const head = { ...after, items: after.items.slice(0, LIST_HEAD) };
        const rest = { ...after, items: after.items.slice(LIST_HEAD) };
        result.push({ stack: [...group.map((member) => this.block(member)), this.block(head)], unbreakable: true });
        result.push(this.list(rest, LIST_HEAD + 1));
        continue;
      }
      index = next - 1;
      const following = blocks[next];
      const onlyText = group.every((member) => member.kind === 'heading' || member.kind === 'paragraph');
      if (onlyText && !(atPageTop && start === 0) && (following?.kind === 'table' || following?.kind === 'list')) {
        // The group and the first lines of the long table or list need this much room.
        const members = group.map((member) => this.block(member)) as (Content & { headlineLevel?: number })[];
        (members[0] as { headlineLevel?: number }).headlineLevel = lines * LINE_HEIGHT + START_OF_NEXT;
        result.push(...members);
        continue;
      }
      result.push(group.length === 1 ? this.block(block) : { stack: group.map((member) => this.block(member)), unbreakable: true });
    }
    return result;
  }

  private block(block: Block): Content {
    switch (block.kind) {
      case 'section':
        return this.section(block, false);
      case 'title':
        return {
          stack: [
            { text: neutralise(block.text), style: 'title' },
            { text: neutralise(block.subtitle), style: 'subtitle' },
          ],
          margin: [0, 150, 0, 0],
        };
      case 'heading':
        return this.heading(block) as unknown as Content;
      case 'paragraph':
        return this.paragraph(block.content, block.style === 'label' ? 'label' : block.style === 'small' ? 'small' : 'paragraph');
      case 'list':
        return this.list(block, 1);
      case 'fields':
        return {
          table: {
            // A fixed label column: pdfmake's 'auto' wraps long labels beside long values.
            widths: [Math.min(210, Math.max(60, ...block.items.map((item) => item.label.length * 5.1 + 6))), '*'],
            body: block.items.map((item) => [
              { text: neutralise(item.label), style: 'fieldLabel' },
              { text: this.text(item.value) },
            ]),
          },
          layout: FIELDS_LAYOUT,
          margin: [0, 0, 0, 8],
        };
      case 'table':
        return this.table(block);
      case 'note':
        return {
          table: {
            widths: ['*'],
            body: [[{ stack: [{ text: neutralise(block.title), style: 'noteTitle' }, ...this.blocks(block.content)], fillColor: NOTE_FILL[block.tone] }]],
          },
          layout: noteLayout(block.tone),
          margin: [0, 2, 0, 10],
          unbreakable: estimateLines(block) <= KEEP_WITH_NEXT_MAX_LINES,
        };
      case 'toc':
        return {
          toc: {
            title: { text: neutralise(block.title), style: 'tocTitle' },
            numberStyle: { color: COLOR.muted },
          },
        };
      case 'pageBreak':
        return { text: '', pageBreak: 'after' };
    }
  }

  private list(list: List, start: number): Content {
    const items = list.items.map((item) => ({ text: this.text(item.content), margin: [0, 0, 0, 2] as [number, number, number, number] }));
    return list.ordered ? { ol: items, start, style: 'list' } : { ul: items, style: 'list' };
  }

  private heading(heading: Heading): HeadingNode {
    const label = neutralise(heading.number ? `${heading.number}  ${heading.text}` : heading.text);
    const node: HeadingNode = {
      text: label,
      style: `h${heading.level}`,
      id: heading.id,
      tocItem: heading.toc,
      tocStyle: TOC_STYLES[heading.level],
      tocNumberStyle: { ...TOC_STYLES[heading.level], bold: false, color: COLOR.muted },
      tocMargin: [(heading.level - 1) * 14, heading.level === 1 ? 5 : 1.5, 0, 0],
      outline: heading.toc,
    };
    this.parents[heading.level - 1] = heading.id;
    for (let deeper = heading.level; deeper < this.parents.length; deeper++) this.parents[deeper] = undefined;
    const parent = heading.level > 1 ? this.parents[heading.level - 2] : undefined;
    if (parent) node.outlineParentId = parent;
    return node;
  }

  private paragraph(content: readonly Inline[], style: string): Content {
    const first = content[0];
    if (first?.kind === 'status') {
      // Roboto has no ✓/✗: the mark is drawn, the words follow beside it.
      return { columns: [{ ...statusMark(first.ok), margin: [0, 1, 0, 0] }, { text: this.text(content.slice(1)), width: '*' }], columnGap: 4, style };
    }
    return { text: this.text(content), style };
  }

  private table(table: Table): Content {
    const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
    const widths = table.columns.map((column) => Math.max(18, (column.width / total) * (CONTENT_WIDTH - table.columns.length * 8.5)));
    const fontSize = table.size === 'compact' ? 7.5 : 9;
    const header: TableCell[] = table.columns.map((column, index) => ({
      text: fitTitle(neutralise(column.title), (widths[index] ?? 40) - 8, fontSize),
      style: 'tableHeader',
      alignment: column.align ?? 'left',
    }));
    const body: TableCell[][] = [header];
    for (const row of table.rows) {
      if (row.kind === 'group') {
        body.push([
          { text: neutralise(row.text), colSpan: table.columns.length, style: 'groupRow', fillColor: COLOR.groupBg },
          ...table.columns.slice(1).map((): TableCell => ({})),
        ]);
        continue;
      }
      body.push(
        table.columns.map((column, index): TableCell => {
          const cell = row.cells[index] ?? [];
          const only = cell.length === 1 ? cell[0] : undefined;
          if (only?.kind === 'status') return { ...statusMark(only.ok), alignment: 'center' };
          return { text: this.text(cell), alignment: column.align ?? 'left' };
        }),
      );
    }
    return {
      // Rows stay whole on one page, and the header with the first row, unless a row is too long
      // for that (a long author text): pdfmake would cut what does not fit on the page.
      table: {
        headerRows: 1,
        keepWithHeaderRows: table.rows[0] !== undefined && rowLines(table.rows[0]) <= ROW_KEPT_WHOLE ? 1 : 0,
        dontBreakRows: table.rows.every((row) => rowLines(row) <= ROW_KEPT_WHOLE),
        widths,
        body,
      },
      layout: TABLE_LAYOUT,
      style: table.size === 'compact' ? 'tableCompact' : 'tableNormal',
      margin: [0, 2, 0, 10],
    };
  }

  /** Inline content as pdfmake text: a plain string where it is one (pdfmake styles every run). */
  private text(content: readonly Inline[]): string | Content[] {
    const only = content.length === 1 ? content[0] : undefined;
    return only?.kind === 'text' ? neutralise(only.text) : this.inlines(content);
  }

  /** Inline content as pdfmake text runs; links only to headings of this document. */
  private inlines(content: readonly Inline[], inherited: { bold?: boolean; italics?: boolean; link?: string } = {}): Content[] {
    const runs: Content[] = [];
    for (const inline of content) {
      switch (inline.kind) {
        case 'text': {
          const run: { text: string; bold?: boolean; italics?: boolean; linkToDestination?: string; color?: string } = { text: neutralise(inline.text) };
          if (inherited.bold) run.bold = true;
          if (inherited.italics) run.italics = true;
          if (inherited.link) {
            run.linkToDestination = inherited.link;
            run.color = COLOR.accent;
          }
          runs.push(run);
          break;
        }
        case 'strong':
          runs.push(...this.inlines(inline.children, { ...inherited, bold: true }));
          break;
        case 'emphasis':
          runs.push(...this.inlines(inline.children, { ...inherited, italics: true }));
          break;
        case 'link':
          runs.push(...this.inlines(inline.children, this.targets.has(inline.target) ? { ...inherited, link: inline.target } : inherited));
          break;
        case 'status':
          // Inside running text the mark becomes its words, in its colour.
          runs.push({ text: inline.label, bold: true, color: inline.ok ? COLOR.ok : COLOR.failed });
          break;
      }
    }
    return runs;
  }
}
