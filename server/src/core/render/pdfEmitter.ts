import type { Content, DynamicContent, TableCell } from 'pdfmake/interfaces';
import type { PdfSetup } from './pdfEngine';
import {
  estimateLines,
  fitTitle,
  keepsNext,
  keptWithHeader,
  KEEP_WITH_NEXT_MAX_LINES,
  KEEP_WITH_NEXT_ROW,
  chartLines,
  leads,
  LINE_HEIGHT,
  LIST_HEAD,
  ROOM_BELOW,
  ROW_KEPT_WHOLE,
  rowLines,
  rowsKeptWithNext,
  SHORT_LINES,
  START_OF_NEXT,
  tableStartHeight,
} from './pdfLayout';
import { contentsRows, headingLabel, type PageHolder } from './pdfContents';
import { node, startingPage, styled, whole, type FlowItem } from './pdfPaging';
import { COLOR, CONTENT_WIDTH, FIELDS_LAYOUT, MARGINS, NOTE_FILL, noteLayout, REMARK, STATUS_COLOR, statusMark, STYLES, TABLE_LAYOUT } from './pdfStyle';
import { STRUCTURE, tagged, type StructureTag } from './pdfTagging';
import { neutralise } from './safeText';
import { CHART_WIDTH, chartHeight, chartSvg } from './chartSvg';
export type { PageHolder } from './pdfContents';
import { headingsOf, type Block, type Chart, type Heading, type Inline, type List, type PlanDocument, type Section, type Table } from './tree';

/** A heading as pdfmake reads it: a link target and a bookmark. */
interface HeadingNode {
  [STRUCTURE]: StructureTag;
  text: string;
  style: string;
  id: string;
  outline: boolean;
  outlineParentId?: string;
}


/**
 * The plan document as pdfmake content: a flow of nodes for pdfPaging.ts to lay out window by
 * window, the running header and footer, and the document's settings.
 */
export class PdfEmitter {
  /** Ids of headings: the only link targets. */
  private readonly targets: ReadonlySet<string>;
  /** The latest heading per level, for the bookmark tree. */
  private readonly parents: (string | undefined)[] = [undefined, undefined, undefined];
  /** The page of each heading in the contents. */
  readonly headingPages = new Map<string, PageHolder>();
  /** The number of pages, for "Seite x von y": known after the first layout, read when rendered. */
  readonly pageCount: PageHolder = { positions: [{ pageNumber: 0 }] };
  /** Each block's key in the structure of the tagged PDF: the same in every window. */
  private readonly keys = new WeakMap<object, string>();

  constructor(private readonly doc: PlanDocument) {
    const headings = headingsOf(doc.blocks);
    this.targets = new Set(headings.map((heading) => heading.id));
    for (const heading of headings) if (heading.toc) this.headingPages.set(heading.id, { positions: [{ pageNumber: 0 }] });
  }

  setup(): PdfSetup {
    const { meta } = this.doc;
    return {
      info: {
        Title: neutralise(meta.title),
        Author: neutralise(meta.author),
        Subject: neutralise(meta.subject),
        Keywords: meta.keywords.join(', '),
        Creator: 'drplan',
        Producer: 'drplan (pdfmake)',
      },
      language: meta.language,
      version: '1.7',
      displayTitle: true,
      tagged: true,
      margins: MARGINS,
      styles: STYLES,
      defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: COLOR.fg },
      watermark: meta.watermark ? { text: meta.watermark, color: COLOR.failed, opacity: 0.08, bold: true, fontSize: 96, angle: -45 } : undefined,
    };
  }

  /** The running header of the document's page `page` (none on the cover). */
  header(page: number): ReturnType<DynamicContent> {
    const { meta } = this.doc;
    const running = [meta.version ? `Version ${meta.version}` : '', meta.classification].filter(Boolean).join(' · ');
    if (page === 1) return null;
    return {
      columns: [
        { text: neutralise(meta.title), width: '*' },
        { text: neutralise(running), width: 'auto', alignment: 'right' },
      ],
      style: 'running',
      margin: [MARGINS[0], 28, MARGINS[2], 0],
    };
  }

  /**
   * The running footer of page `page`. The number of pages is filled in when the page is rendered
   * (`pageCount`); it is laid out as `digits` digits, which are all as wide in Roboto.
   */
  footer(page: number, digits: number): ReturnType<DynamicContent> {
    const { meta } = this.doc;
    if (page === 1) return null;
    const count = { text: '0'.repeat(digits), _pageRef: { _nodeRef: this.pageCount } } as Content;
    return {
      columns: [
        { text: meta.classification ? neutralise(`Klassifizierung: ${meta.classification}`) : '', width: '*' },
        { text: [`Seite ${page} von `, count], width: 'auto', alignment: 'right' },
      ],
      style: 'running',
      margin: [MARGINS[0], 20, MARGINS[2], 0],
    };
  }

  /** The document as a flow of top-level nodes; chapters are taken apart into their blocks. */
  flow(): FlowItem[] {
    const flow: FlowItem[] = [];
    let afterContents = false;
    for (const block of this.doc.blocks) {
      // The contents, the first chapter after them and the sections that ask for it begin on a
      // new page; their first heading needs no room check there.
      const newPage = block.kind === 'section' && (block.role === 'contents' || block.newPage === true || afterContents);
      const items = block.kind === 'section' ? this.sectionFlow(block, newPage) : this.items([block]);
      const first = items[0];
      if (newPage && first) items[0] = startingPage(first);
      // Not push(...items): a chapter of a plan at the size limit has more items than a call takes arguments.
      for (const item of items) flow.push(item);
      afterContents = block.kind === 'section' && block.role === 'contents';
    }
    return flow;
  }

  private sectionFlow(section: Section, atPageTop: boolean): FlowItem[] {
    const items = this.items(section.children, atPageTop);
    return section.role === 'card' ? items.map((item) => styled(item, 'card')) : items;
  }

  private section(section: Section, atPageTop: boolean): Content {
    return { stack: whole(this.items(section.children, atPageTop)), style: section.role === 'card' ? 'card' : undefined };
  }

  /**
   * A heading never ends a page alone: it is kept, unbreakable, with what follows it as far as
   * that is short (a heading with its introduction and first fields, a label with its list).
   * Only before a long table or list, which cannot be part of an unbreakable block, does the
   * heading carry the room it needs (`ROOM_BELOW`, read while laying out: pdfEngine.ts). Inside
   * a note (a table cell) nothing may start a page, so there the heading goes as it is.
   */
  private items(blocks: readonly Block[], atPageTop = false, inCell = false): FlowItem[] {
    const result: FlowItem[] = [];
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as Block;
      if (block.kind === 'chart') {
        // The drawing with its caption, unbroken; then its text, which may run on.
        result.push(node(chartLines(block), () => this.chart(block)), ...this.items(block.alternative, false, inCell));
        continue;
      }
      if (!keepsNext(block)) {
        result.push(this.item(block));
        continue;
      }
      const start = index;
      const group: Block[] = [block];
      let lines = estimateLines(block);
      let next = index + 1;
      while (next < blocks.length) {
        const candidate = blocks[next] as Block;
        if (candidate.kind === 'section' || candidate.kind === 'chart' || lines + estimateLines(candidate) > KEEP_WITH_NEXT_MAX_LINES) break;
        const previous = group[group.length - 1] as Block;
        const introduction = previous.kind === 'paragraph' && group.length >= 2 && keepsNext(group[group.length - 2] as Block);
        if (!keepsNext(previous) && !introduction) break;
        if (candidate.kind === 'heading' && !group.every((member) => leads(member, candidate))) break;
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
        const groupLines = lines + estimateLines(head);
        result.push(node(groupLines, () => ({ stack: [...group.map((member) => this.block(member)), this.block(head)], unbreakable: true })));
        result.push(this.listRows(after, LIST_HEAD));
        continue;
      }
      index = next - 1;
      const following = blocks[next];
      const onlyText = group.every((member) => member.kind === 'heading' || member.kind === 'paragraph');
      if (onlyText && !inCell && !(atPageTop && start === 0) && (following?.kind === 'table' || following?.kind === 'list' || following?.kind === 'chart')) {
        // The group and the start of the long table or list need this much room: of a table, its
        // header with the rows kept with it (pdfEngine.ts keeps them together), however tall; of
        // a chart, its drawing.
        const next = following.kind === 'table' ? tableStartHeight(following) : following.kind === 'chart' ? chartLines(following) * LINE_HEIGHT : 0;
        const room = lines * LINE_HEIGHT + Math.max(START_OF_NEXT, next);
        group.forEach((member, position) =>
          result.push(
            node(estimateLines(member), () => {
              const content = this.block(member);
              if (position === 0) (content as { [ROOM_BELOW]?: number })[ROOM_BELOW] = room;
              return content;
            }),
          ),
        );
        continue;
      }
      const members = [...group];
      result.push(
        members.length === 1 ? this.item(block) : node(lines, () => ({ stack: members.map((member) => this.block(member)), unbreakable: true })),
      );
    }
    return result;
  }

  /** A block as an item of the flow: tables and lists as rows a window may begin in. */
  private item(block: Block): FlowItem {
    if (block.kind === 'table') return this.tableRows(block);
    if (block.kind === 'list') return this.listRows(block, 0);
    if (block.kind === 'toc') return contentsRows(this.doc, this.headingPages);
    return node(estimateLines(block), () => this.block(block));
  }

  private block(block: Block): Content {
    switch (block.kind) {
      case 'section':
        return this.section(block, false);
      case 'title':
        return {
          stack: [
            tagged({ text: neutralise(block.text), style: 'title' }, { type: 'H1', key: this.key(block) }),
            tagged({ text: neutralise(block.subtitle), style: 'subtitle' }, { type: 'P', key: `${this.key(block)}:sub` }),
          ],
          margin: [0, 150, 0, 0],
        };
      case 'heading':
        return this.heading(block) as unknown as Content;
      case 'paragraph':
        return this.paragraph(block.content, block.style === 'label' ? 'label' : block.style === 'small' ? 'small' : 'paragraph', this.key(block), estimateLines(block) <= SHORT_LINES);
      case 'list':
        return this.listRows(block, 0).make(0, block.items.length).node;
      case 'fields': {
        const key = this.key(block);
        return {
          table: {
            // A fixed label column: pdfmake's 'auto' wraps long labels beside long values.
            widths: [Math.min(210, Math.max(60, ...block.items.map((item) => item.label.length * 5.1 + 6))), '*'],
            body: block.items.map((item, row) => [
              tagged({ text: neutralise(item.label), style: 'fieldLabel' }, { type: 'TD', key: `${key}:${row}:0`, table: key, row }),
              tagged({ text: this.text(item.value) }, { type: 'TD', key: `${key}:${row}:1`, table: key, row }),
            ]),
          },
          layout: FIELDS_LAYOUT,
          margin: [0, 0, 0, 8],
          unbreakable: estimateLines(block) <= KEEP_WITH_NEXT_MAX_LINES,
        };
      }
      case 'table':
        return this.tableRows(block).make(0, block.rows.length).node;
      case 'note':
        return {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [tagged({ text: neutralise(block.title), style: 'noteTitle' }, { type: 'P', key: this.key(block) }), ...whole(this.items(block.content, false, true))],
                  fillColor: NOTE_FILL[block.tone],
                },
              ],
            ],
          },
          layout: noteLayout(block.tone),
          margin: [0, 2, 0, 10],
          unbreakable: estimateLines(block) <= KEEP_WITH_NEXT_MAX_LINES,
        };
      case 'toc': {
        const rows = contentsRows(this.doc, this.headingPages);
        return rows.make(0, rows.rowLines.length).node;
      }
      case 'pageBreak':
        return { text: '', pageBreak: 'after' };
      case 'chart':
        return { stack: [this.chart(block), ...whole(this.items(block.alternative, false, true))] };
    }
  }

  /**
   * A chart's caption and its drawing (render/chartSvg.ts) as one unbreakable node. pdfmake draws
   * the SVG with svg-to-pdfkit, as an artifact of the tagged PDF: what it shows is in the text
   * beside it, which is tagged.
   */
  private chart(chart: Chart): Content {
    const height = chartHeight(chart.bars);
    return {
      stack: [
        tagged({ text: neutralise(chart.title), style: 'chartTitle' }, { type: 'P', key: this.key(chart) }),
        { svg: chartSvg(chart), width: CHART_WIDTH, height },
      ],
      unbreakable: true,
      margin: [0, 2, 0, 4],
    };
  }

  /** A list whose items from `skip` on are rows; numbering goes on from the items before. */
  private listRows(list: List, skip: number): Extract<FlowItem, { kind: 'rows' }> {
    const items = list.items.slice(skip);
    const rowLines = items.map((item) => estimateLines({ kind: 'paragraph', content: item.content }));
    const key = this.key(list);
    return {
      kind: 'rows',
      rowLines,
      make: (from, to) => {
        const nodes = items.slice(from, to).map((item, index) =>
          tagged(
            { text: this.text(item.content), margin: [0, 0, 0, 2] as [number, number, number, number], unbreakable: (rowLines[from + index] ?? 1) <= SHORT_LINES },
            { type: 'LI', key: `${key}:${skip + from + index}`, list: key },
          ),
        );
        const node: Content = list.ordered ? { ol: nodes, start: skip + from + 1, style: 'list' } : { ul: nodes, style: 'list' };
        return { node, rows: nodes.map((item) => [item]) };
      },
    };
  }

  private heading(heading: Heading): HeadingNode {
    const node: HeadingNode = { text: headingLabel(heading), style: `h${heading.level}`, id: heading.id, outline: heading.toc, [STRUCTURE]: { type: `H${heading.level}`, key: heading.id } };
    this.parents[heading.level - 1] = heading.id;
    for (let deeper = heading.level; deeper < this.parents.length; deeper++) this.parents[deeper] = undefined;
    const parent = heading.level > 1 ? this.parents[heading.level - 2] : undefined;
    if (parent) node.outlineParentId = parent;
    return node;
  }

  /** `unbreakable`: a short paragraph, never split across pages. */
  private paragraph(content: readonly Inline[], style: string, key: string, unbreakable = false): Content {
    const first = content[0];
    const tag: StructureTag = { type: 'P', key };
    if (first?.kind === 'status') {
      // Roboto has no ✓/✗: the mark is drawn, the words follow beside it.
      return { columns: [{ ...statusMark(first.mark), margin: [0, 1, 0, 0] }, tagged({ text: this.text(content.slice(1)), width: '*' }, tag)], columnGap: 4, style, unbreakable };
    }
    return tagged({ text: this.text(content), style, unbreakable }, tag);
  }

  /** The key of a block of the tree in the tagged PDF's structure. */
  private key(block: object): string {
    let key = this.keys.get(block);
    if (key === undefined) this.keys.set(block, (key = `b${this.keyCount++}`));
    return key;
  }
  private keyCount = 0;

  private tableRows(table: Table): Extract<FlowItem, { kind: 'rows' }> {
    const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
    const widths = table.columns.map((column) => Math.max(18, (column.width / total) * (CONTENT_WIDTH - table.columns.length * 8.5)));
    const fontSize = table.size === 'compact' ? 7.5 : 9;
    const lines = table.rows.map(rowLines);
    // Rows stay whole on one page, and the header with the first two rows, unless a row is too
    // long for that (a long author text): pdfmake would cut what does not fit on the page.
    const dontBreakRows = lines.every((count) => count <= ROW_KEPT_WHOLE);
    const keepWithHeaderRows = keptWithHeader(lines);
    const joined = dontBreakRows ? rowsKeptWithNext(table.rows, lines) : new Set<number>();
    const key = this.key(table);
    return {
      kind: 'rows',
      rowLines: lines,
      make: (from, to) => {
        const header: TableCell[] = table.columns.map((column, index) =>
          tagged(
            { text: fitTitle(neutralise(column.title), (widths[index] ?? 40) - 8, fontSize), style: 'tableHeader', alignment: column.align ?? 'left' },
            { type: 'TH', key: `${key}:h:${index}`, table: key, row: -1 },
          ),
        );
        const rows = table.rows.slice(from, to).map((row, index) => {
          const cells = this.tableRow(table, row, (column) => ({ type: 'TD', key: `${key}:${from + index}:${column}`, table: key, row: from + index }));
          if (joined.has(from + index) && from + index + 1 < to) (cells[0] as Record<string, unknown>)[KEEP_WITH_NEXT_ROW] = true;
          return cells;
        });
        const node: Content = {
          // A fresh array: pdfmake turns the widths it is given into its own objects.
          table: { headerRows: 1, keepWithHeaderRows, dontBreakRows, widths: [...widths], body: [header, ...rows] },
          layout: TABLE_LAYOUT,
          style: table.size === 'compact' ? 'tableCompact' : 'tableNormal',
          // Continued on a new page (a window begins in it), as pdfmake continues a table: no space above.
          margin: [0, from > 0 ? 0 : 2, 0, 10],
        };
        return { node, rows };
      },
    };
  }

  /** A row's cells; `tag`: what the cell of a column is in the tagged PDF. */
  private tableRow(table: Table, row: Table['rows'][number], tag: (column: number) => StructureTag): TableCell[] {
    if (row.kind === 'group') {
      return [
        tagged({ text: neutralise(row.text), colSpan: table.columns.length, style: 'groupRow', fillColor: COLOR.groupBg }, tag(0)),
        ...table.columns.slice(1).map((): TableCell => ({})),
      ];
    }
    return table.columns.map((column, index): TableCell => {
      const cell = row.cells[index] ?? [];
      const only = cell.length === 1 ? cell[0] : undefined;
      if (only?.kind === 'status') return { ...statusMark(only.mark), alignment: 'center' };
      const first = cell[0];
      if (first?.kind === 'status') {
        // A mark with its words (the overview's status): drawn mark, words beside it.
        return { columns: [{ ...statusMark(first.mark), width: 7.5, height: 7.5, margin: [0, 1, 0, 0] }, tagged({ text: this.text(cell.slice(1)), width: '*' }, tag(index))], columnGap: 3 };
      }
      return tagged({ text: this.text(cell), alignment: column.align ?? 'left' }, tag(index));
    });
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
          runs.push({ text: inline.label, bold: true, color: STATUS_COLOR[inline.mark] });
          break;
        case 'remark':
          runs.push({ text: neutralise(inline.text), ...REMARK });
          break;
      }
    }
    return runs;
  }
}
