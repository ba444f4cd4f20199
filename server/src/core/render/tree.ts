/**
 * The German plan document as a small typed tree, built once from the analysis
 * (`buildDocument`). The HTML and the PDF emitter both walk this tree, so the preview and the
 * exported PDF cannot disagree on content. Every string in it is plain text, never markup:
 * author strings stay exactly as written and each emitter escapes them for its output.
 */

/** Inline content of paragraphs, list items, fields and table cells. */
export type Inline =
  /** Plain text; a line break in it is a line break in the document. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'emphasis'; readonly children: readonly Inline[] }
  /** A link to the `id` of a heading of this document; there are no external links. */
  | { readonly kind: 'link'; readonly target: string; readonly children: readonly Inline[] }
  /** A scenario's status as a mark (✓, ○ or ✗); `label` says it in words (legend, screen readers). */
  | { readonly kind: 'status'; readonly mark: StatusMark; readonly label: string }
  /** A remark for the plan's author beside the reader's text (the line in the plan file): small and grey. */
  | { readonly kind: 'remark'; readonly text: string };

/**
 * ✓ proven and without findings, ○ not proven (never exercised), ✗ failed or with findings
 * (render/scenarioStatus.ts).
 */
export type StatusMark = 'ok' | 'untested' | 'failed';

/** The characters of the marks, where they are text (HTML, plain text). */
export const STATUS_CHARACTERS: Readonly<Record<StatusMark, string>> = { ok: '✓', untested: '○', failed: '✗' };

interface BlockBase {
  /** 0-based line of the plan this block was rendered from (LSP lines), for scroll sync. */
  readonly sourceLine?: number;
}

export interface Heading extends BlockBase {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  /** Target of links and of the table of contents; unique in the document, `[a-z0-9-]` only. */
  readonly id: string;
  /** Section number, e.g. "6.1.3"; empty for unnumbered headings. */
  readonly number: string;
  readonly text: string;
  /** Whether the heading appears in the table of contents and the PDF bookmarks. */
  readonly toc: boolean;
}

/** The big title of the cover page. */
export interface Title extends BlockBase {
  readonly kind: 'title';
  readonly text: string;
  readonly subtitle: string;
}

export interface Paragraph extends BlockBase {
  readonly kind: 'paragraph';
  readonly content: readonly Inline[];
  /** `small` for legends and remarks; `label` for a run-in subheading that is not in the contents. */
  readonly style?: 'small' | 'label';
}

export interface ListItem {
  readonly content: readonly Inline[];
  readonly sourceLine?: number;
}

export interface List extends BlockBase {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
}

/** Label–value pairs: the cover's metadata, a scenario's times. */
export interface Fields extends BlockBase {
  readonly kind: 'fields';
  readonly items: readonly { readonly label: string; readonly value: readonly Inline[] }[];
}

export interface TableColumn {
  readonly title: string;
  /** Relative width: the emitters share the page width out in these proportions. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Short values that read badly broken ("8 Stunden", dates, phone numbers). */
  readonly nowrap?: boolean;
}

export type TableRow =
  | { readonly kind: 'row'; readonly cells: readonly (readonly Inline[])[]; readonly sourceLine?: number }
  /** A row across all columns that starts a group (e.g. a component kind). */
  | { readonly kind: 'group'; readonly text: string; readonly sourceLine?: number };

export interface Table extends BlockBase {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** `compact` for wide tables and the emergency card: smaller type. */
  readonly size: 'normal' | 'compact';
}

/** A callout: a remark, a warning about the plan's state, a check's findings. */
export interface Note extends BlockBase {
  readonly kind: 'note';
  readonly tone: 'info' | 'warning' | 'error';
  readonly title: string;
  readonly content: readonly Block[];
}

/** Where the emitters put the table of contents, built from the headings with `toc`. */
export interface Toc extends BlockBase {
  readonly kind: 'toc';
  readonly title: string;
}

export interface PageBreak extends BlockBase {
  readonly kind: 'pageBreak';
}

/**
 * A part of the document with its own page layout: the cover, a chapter, the one-page
 * emergency card (compact type, starts on a new page).
 */
export interface Section extends BlockBase {
  readonly kind: 'section';
  readonly role: 'cover' | 'contents' | 'chapter' | 'card';
  readonly id: string;
  /** Begins on a new page when printed (the plan's main part, the appendices). */
  readonly newPage?: boolean;
  readonly children: readonly Block[];
}

/**
 * A chart drplan draws itself as SVG (render/chartSvg.ts): horizontal bars, one per row, against
 * a limit (the RTO, the availability target, the yearly downtime budget). The emitters draw it
 * from this data and put `alternative` beside it: the same values as text or a table, for screen
 * readers, pdftotext and a reader of a grey print.
 */
export interface Chart extends BlockBase {
  readonly kind: 'chart';
  /** Unique in the document, `[a-z0-9-]` only: the prefix of the SVG's own ids. */
  readonly id: string;
  /** What the chart shows: its caption and accessible name. */
  readonly title: string;
  readonly bars: BarChart;
  readonly alternative: readonly Block[];
}

export interface BarChart {
  readonly rows: readonly BarRow[];
  /** Where the bars start and where the axis ends, with the ticks written under it. */
  readonly axis: { readonly from: number; readonly to: number; readonly ticks: readonly { readonly value: number; readonly label: string }[] };
  /** The line every bar is measured against (RTO, target, budget). */
  readonly limit?: { readonly value: number; readonly label: string };
}

/**
 * One bar: its label, its value (none: nothing measured, only the text), the text beside it.
 * `look` tells bars apart without colour (a grey print): solid, hatched, or an outline; `tone`
 * gives the colour: within the limit, beyond it, or neither.
 */
export interface BarRow {
  readonly label: string;
  readonly value: number | undefined;
  readonly text: string;
  readonly look: 'solid' | 'hatched' | 'outline';
  readonly tone: 'ok' | 'over' | 'neutral';
}

export type Block = Heading | Title | Paragraph | List | Fields | Table | Note | Toc | PageBreak | Section | Chart;

export interface DocumentMeta {
  readonly title: string;
  /** What the document is, for the PDF's Subject. */
  readonly subject: string;
  /** The plan's owner (a contact's name), else the organisation; the PDF's Author. */
  readonly author: string;
  readonly keywords: readonly string[];
  readonly version: string;
  /** German label of the classification ("intern"), empty when the plan names none. */
  readonly classification: string;
  /** BCP 47 tag of the document's language. */
  readonly language: 'de-DE';
  /** "ENTWURF" when the plan is a draft or has errors; shown across every page. */
  readonly watermark: string | undefined;
  /** The day the document was made, as 28.11.2026. */
  readonly generated: string;
}

/** The root of the tree. */
export interface PlanDocument {
  readonly kind: 'document';
  readonly meta: DocumentMeta;
  readonly blocks: readonly Block[];
}

/** Inline helpers, so the builder reads like the document it writes. */
export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const strong = (...children: Inline[]): Inline => ({ kind: 'strong', children });
export const emphasis = (...children: Inline[]): Inline => ({ kind: 'emphasis', children });
export const link = (target: string, ...children: Inline[]): Inline => ({ kind: 'link', target, children });
export const remark = (value: string): Inline => ({ kind: 'remark', text: value });

/** The plain text of inline content (for bookmarks, sizes and tests). */
export function plainText(content: readonly Inline[]): string {
  let result = '';
  for (const inline of content) {
    if (inline.kind === 'text' || inline.kind === 'remark') result += inline.text;
    else if (inline.kind === 'status') result += STATUS_CHARACTERS[inline.mark];
    else result += plainText(inline.children);
  }
  return result;
}

/** Every heading of the tree in document order, also those inside sections and notes. */
export function headingsOf(blocks: readonly Block[]): Heading[] {
  const result: Heading[] = [];
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'heading') result.push(block);
      else if (block.kind === 'section') walk(block.children);
      else if (block.kind === 'note') walk(block.content);
    }
  };
  walk(blocks);
  return result;
}
