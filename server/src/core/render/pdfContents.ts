import type { Content, Style, TableCell } from 'pdfmake/interfaces';
import type { FlowItem } from './pdfPaging';
import { COLOR, TOC_LAYOUT, TOC_STYLES, tocMargin } from './pdfStyle';
import { STRUCTURE, tagged, type StructureTag } from './pdfTagging';
import { neutralise } from './safeText';
import { headingsOf, type Heading, type PlanDocument } from './tree';

/**
 * Where a heading of the contents is: pdfmake's renderer reads a page number from the
 * `positions` of the node a line refers to (`_pageRef`), as it does for its own contents. The
 * paging fills it in when the heading's page is final, before the contents are rendered.
 */
export interface PageHolder {
  positions: [{ pageNumber: number }];
}

/**
 * The PDF's contents: a line per heading with its page, laid out as pdfmake lays out its own
 * contents (a borderless table, titles left, page numbers right, both links). `headingPages`
 * holds each heading's page (pdfEmitter.ts).
 */
export function contentsRows(doc: PlanDocument, headingPages: ReadonlyMap<string, PageHolder>): Extract<FlowItem, { kind: 'rows' }> {
  const headings = headingsOf(doc.blocks).filter((heading) => heading.toc);
  const title = doc.blocks.flatMap((block) => (block.kind === 'section' ? block.children : [block])).find((block) => block.kind === 'toc');
  // Made afresh for each window: pdfmake changes the cells it lays out.
  const row = (heading: Heading): TableCell[] => {
    const margin = tocMargin(heading.level);
    const style: Style = TOC_STYLES[heading.level];
    const tag: StructureTag = { type: 'P', key: `toc:${heading.id}` };
    return [
      tagged({ text: headingLabel(heading), linkToDestination: heading.id, alignment: 'left', style, margin }, tag),
      {
        [STRUCTURE]: tag,
        // Replaced by the page number when rendered (pdfmake's page references), and as wide.
        text: '00000',
        linkToDestination: heading.id,
        alignment: 'right',
        style: { ...style, bold: false, color: COLOR.muted },
        margin: [0, margin[1], 0, margin[3]],
        _pageRef: { _nodeRef: headingPages.get(heading.id) },
      } as TableCell,
    ];
  };
  return {
    kind: 'rows',
    rowLines: [2, ...headings.map(() => 1)],
    make: (from, to) => {
      // Row 0 is the title; a window may begin the contents anywhere after it.
      const body = headings.slice(Math.max(0, from - 1), to - 1).map(row);
      const stack: Content[] = [];
      if (from === 0 && title?.kind === 'toc') stack.push(tagged({ text: neutralise(title.title), style: 'tocTitle' }, { type: 'H1', key: 'toc' }));
      if (body.length > 0) stack.push({ table: { dontBreakRows: true, widths: ['*', 'auto'], body }, layout: TOC_LAYOUT });
      return { node: { stack }, rows: [...(from === 0 ? [[stack[0] as object]] : []), ...body] };
    },
  };
}

/** "6.2.1  Ausfall aktiver Netzwerkkomponenten": a heading with its number. */
export function headingLabel(heading: Heading): string {
  return neutralise(heading.number ? `${heading.number}  ${heading.text}` : heading.text);
}
