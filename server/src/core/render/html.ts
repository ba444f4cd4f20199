import { sha256 } from '@noble/hashes/sha2';
import { bytesToBase64 } from '../base64';
import { chartSvg } from './chartSvg';
import { neutralise } from './safeText';
import { headingsOf, STATUS_CHARACTERS, type Block, type Heading, type Inline, type PlanDocument, type Table, type TableColumn } from './tree';

export interface HtmlOptions {
  /**
   * `false` (default): one self-contained HTML file with its stylesheet, for export and print.
   * `true`: the body's content only, for a view that brings its own page and `DOCUMENT_CSS`.
   */
  readonly fragment?: boolean;
}

/**
 * The plan document as HTML. Every author string is escaped for its context and its bidi and
 * control characters neutralised; links go only to ids of this document; no script, no external
 * resource, no inline style attribute. Blocks carry `data-line` (0-based source line) for the
 * preview's scroll sync, table columns `data-width`.
 *
 * The file carries its own Content-Security-Policy ({@link documentPolicy}): opened later from
 * a disk or an intranet share, it may apply its one stylesheet and nothing else, so that even
 * markup that escaping let through by mistake could neither run nor load anything.
 */
export function toHtml(doc: PlanDocument, options: HtmlOptions = {}): string {
  const body = renderBody(doc);
  if (options.fragment) return body;
  const { meta } = doc;
  const stylesheet = `\n${DOCUMENT_CSS}\n${columnWidthCss(doc.blocks)}${printCss(doc)}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="de">`,
    '<head>',
    '<meta charset="utf-8">',
    // First in <head>: a policy in a <meta> covers only what the parser meets after it.
    `<meta http-equiv="Content-Security-Policy" content="${documentPolicy(stylesheet)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="drplan">`,
    `<title>${escapeText(meta.title)}</title>`,
    meta.author ? `<meta name="author" content="${escapeAttribute(meta.author)}">` : '',
    `<meta name="description" content="${escapeAttribute(meta.subject)}">`,
    `<meta name="keywords" content="${escapeAttribute(meta.keywords.join(', '))}">`,
    `<style>${stylesheet}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/**
 * The exported file's Content-Security-Policy: nothing may load or run (`default-src 'none'`
 * covers scripts, images, fonts, frames and connections; the document needs none of them),
 * no form may send and no `<base>` may redirect links, and the one stylesheet the file has,
 * `stylesheet` (the text of its `<style>` element), is allowed by its SHA-256 hash: another
 * `<style>` element or a `style` attribute is not. The links to anchors inside the document
 * are navigation, which a policy does not restrict.
 */
export function documentPolicy(stylesheet: string): string {
  const hash = bytesToBase64(sha256(new TextEncoder().encode(stylesheet)));
  return `default-src 'none'; style-src 'sha256-${hash}'; form-action 'none'; base-uri 'none'`;
}

function renderBody(doc: PlanDocument): string {
  const headings = headingsOf(doc.blocks).filter((heading) => heading.toc);
  const out: string[] = [];
  out.push(`<main class="drplan-document"${doc.meta.watermark ? ' data-draft="true"' : ''}>`);
  if (doc.meta.watermark) out.push(`<div class="watermark" aria-hidden="true">${escapeText(doc.meta.watermark)}</div>`);
  for (const block of doc.blocks) renderBlock(block, out, headings);
  out.push('</main>');
  return out.join('\n');
}

function renderBlock(block: Block, out: string[], headings: readonly Heading[]): void {
  const line = 'sourceLine' in block ? lineAttribute(block.sourceLine) : '';
  switch (block.kind) {
    case 'section':
      out.push(`<section class="${block.role}${block.newPage ? ' new-page' : ''}" id="${escapeAttribute(block.id)}"${line}>`);
      for (const child of block.children) renderBlock(child, out, headings);
      out.push('</section>');
      return;
    case 'title':
      out.push(
        `<h1 class="doc-title"${line}>${escapeText(block.text)}</h1>`,
        `<p class="doc-subtitle">${escapeText(block.subtitle)}</p>`,
      );
      return;
    case 'heading': {
      const tag = `h${block.level + 1}`;
      const number = block.number ? `<span class="number">${escapeText(block.number)}</span> ` : '';
      out.push(`<${tag} id="${escapeAttribute(block.id)}"${line}>${number}${escapeText(block.text)}</${tag}>`);
      return;
    }
    case 'paragraph':
      out.push(`<p${block.style ? ` class="${block.style}"` : ''}${line}>${renderInlines(block.content)}</p>`);
      return;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      out.push(`<${tag}${line}>`);
      for (const item of block.items) out.push(`<li${lineAttribute(item.sourceLine)}>${renderInlines(item.content)}</li>`);
      out.push(`</${tag}>`);
      return;
    }
    case 'fields':
      out.push(`<dl class="fields"${line}>`);
      for (const item of block.items) out.push(`<div><dt>${escapeText(item.label)}</dt><dd>${renderInlines(item.value)}</dd></div>`);
      out.push('</dl>');
      return;
    case 'table':
      renderTable(block, out, line);
      return;
    case 'note':
      out.push(`<aside class="note ${block.tone}" role="note"${line}>`, `<p class="note-title">${escapeText(block.title)}</p>`);
      for (const child of block.content) renderBlock(child, out, headings);
      out.push('</aside>');
      return;
    case 'toc':
      renderToc(block.title, headings, out);
      return;
    case 'pageBreak':
      out.push('<div class="page-break"></div>');
      return;
    case 'chart':
      // Inline SVG is markup: the policy that allows no script, no style attribute and no
      // loading lets it be. Its text alternative follows inside the figure.
      out.push(`<figure class="chart" id="${escapeAttribute(block.id)}"${line}>`, `<figcaption>${escapeText(block.title)}</figcaption>`, chartSvg(block));
      for (const child of block.alternative) renderBlock(child, out, headings);
      out.push('</figure>');
      return;
  }
}

/** The columns' shares of the table's width, as `23.5%`. */
function columnWidths(table: Table): string[] {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  return table.columns.map((column) => `${((column.width / total) * 100).toFixed(1)}%`);
}

/**
 * The file's rules for the columns' `data-width`: one per width used. (The preview's script
 * applies them instead; a `style` attribute would need 'unsafe-inline' in either policy.)
 */
function columnWidthCss(blocks: readonly Block[]): string {
  const widths = new Set<string>();
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'table') for (const width of columnWidths(block)) widths.add(width);
      else if (block.kind === 'section') walk(block.children);
      else if (block.kind === 'note') walk(block.content);
      else if (block.kind === 'chart') walk(block.alternative);
    }
  };
  walk(blocks);
  return [...widths]
    .sort((a, b) => parseFloat(a) - parseFloat(b))
    .map((width) => `.drplan-document col[data-width="${width}"] { width: ${width}; }\n`)
    .join('');
}

function renderTable(table: Table, out: string[], line: string): void {
  out.push(`<div class="table-wrap"><table class="${table.size}"${line}>`, '<colgroup>');
  for (const width of columnWidths(table)) out.push(`<col data-width="${width}">`);
  out.push('</colgroup>', '<thead><tr>');
  for (const column of table.columns) out.push(`<th scope="col"${alignClass(column.align)}>${escapeText(column.title)}</th>`);
  out.push('</tr></thead>', '<tbody>');
  for (const row of table.rows) {
    if (row.kind === 'group') {
      out.push(`<tr class="group"${lineAttribute(row.sourceLine)}><th colspan="${table.columns.length}" scope="colgroup">${escapeText(row.text)}</th></tr>`);
      continue;
    }
    const cells = table.columns.map((column, index) => `<td${cellClass(column)}>${renderInlines(row.cells[index] ?? [])}</td>`);
    out.push(`<tr${lineAttribute(row.sourceLine)}>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
}

function renderToc(title: string, headings: readonly Heading[], out: string[]): void {
  out.push('<nav class="toc" aria-labelledby="toc-title">', `<h2 id="toc-title">${escapeText(title)}</h2>`, '<ol>');
  for (const heading of headings) {
    const number = heading.number ? `<span class="number">${escapeText(heading.number)}</span> ` : '';
    out.push(`<li class="level-${heading.level}"><a href="#${escapeAttribute(heading.id)}">${number}${escapeText(heading.text)}</a></li>`);
  }
  out.push('</ol>', '</nav>');
}

function renderInlines(content: readonly Inline[]): string {
  let html = '';
  for (const inline of content) {
    switch (inline.kind) {
      case 'text':
        html += escapeText(inline.text);
        break;
      case 'strong':
        html += `<strong>${renderInlines(inline.children)}</strong>`;
        break;
      case 'emphasis':
        html += `<em>${renderInlines(inline.children)}</em>`;
        break;
      case 'link':
        // Only ids this document made: anything else is shown as text, never as a link.
        html += SAFE_ID.test(inline.target)
          ? `<a href="#${inline.target}">${renderInlines(inline.children)}</a>`
          : renderInlines(inline.children);
        break;
      case 'status':
        html += `<span class="status ${inline.mark}" role="img" aria-label="${escapeAttribute(inline.label)}" title="${escapeAttribute(inline.label)}">${STATUS_CHARACTERS[inline.mark]}</span>`;
        break;
      case 'remark':
        html += `<span class="remark">${escapeText(inline.text)}</span>`;
        break;
    }
  }
  return html;
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

function lineAttribute(line: number | undefined): string {
  return line === undefined || !Number.isInteger(line) || line < 0 ? '' : ` data-line="${line}"`;
}

function cellClass(column: TableColumn): string {
  const classes = [column.align && column.align !== 'left' ? column.align : '', column.nowrap ? 'nowrap' : ''].filter(Boolean);
  return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
}

function alignClass(align: 'left' | 'center' | 'right' | undefined): string {
  return align && align !== 'left' ? ` class="${align}"` : '';
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content: escaped, bidi and control characters neutralised, line breaks kept. */
export function escapeText(value: string): string {
  return neutralise(value)
    .replace(/[&<>"']/g, (char) => ENTITIES[char] as string)
    .replace(/\n/g, '<br>');
}

/** An attribute value (always written in double quotes). */
export function escapeAttribute(value: string): string {
  return neutralise(value)
    .replace(/[&<>"']/g, (char) => ENTITIES[char] as string)
    .replace(/\n/g, '&#10;');
}

/**
 * A CSS string literal: everything but letters and digits as a six-digit hex escape, so no
 * author string can close the string, the rule or the <style> element. (Spaces too: CSS
 * swallows one space after an escape.)
 */
export function cssString(value: string): string {
  const escaped = [...neutralise(value).replace(/\n/g, ' ')]
    .map((char) => (/^[\p{L}\p{N}]$/u.test(char) ? char : `\\${(char.codePointAt(0) ?? 0xfffd).toString(16).padStart(6, '0')}`))
    .join('');
  return `"${escaped}"`;
}

/** The running header and footer of printed pages: title, version, classification, page X of Y. */
function printCss(doc: PlanDocument): string {
  const { meta } = doc;
  const right = [meta.version ? `Version ${meta.version}` : '', meta.classification].filter(Boolean).join(' · ');
  return `@media print {
  @page {
    @top-left { content: ${cssString(meta.title)}; }
    @top-right { content: ${cssString(right)}; }
    @bottom-left { content: ${cssString(meta.classification ? `Klassifizierung: ${meta.classification}` : '')}; }
    @bottom-right { content: "Seite " counter(page) " von " counter(pages); }
  }
  @page :first {
    @top-left { content: none; } @top-right { content: none; }
    @bottom-left { content: none; } @bottom-right { content: none; }
  }
}
`;
}

/**
 * The document's stylesheet. Colours are custom properties, so a view (the preview in a dark
 * theme) can override them without touching the rules.
 */
export const DOCUMENT_CSS = `:root {
  --drplan-fg: #1d1d1f;
  --drplan-bg: #ffffff;
  --drplan-muted: #5b6270;
  --drplan-accent: #1f4e8c;
  --drplan-rule: #c9ced6;
  --drplan-head-bg: #e9eef5;
  --drplan-group-bg: #f4f6f9;
  --drplan-ok: #1a7f37;
  --drplan-failed: #c62828;
  --drplan-info-bg: #eef4fb;
  --drplan-warning-bg: #fff6e0;
  --drplan-warning-rule: #d49b00;
  --drplan-error-bg: #fdecec;
  --drplan-watermark: rgba(198, 40, 40, 0.10);
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--drplan-bg); color: var(--drplan-fg); }
.drplan-document {
  font-family: Roboto, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 10.5pt; line-height: 1.45;
  max-width: 52rem; margin: 0 auto; padding: 2rem 2.5rem 4rem;
  color: var(--drplan-fg); background: var(--drplan-bg);
  hyphens: manual; overflow-wrap: break-word;
}
.drplan-document h1, .drplan-document h2, .drplan-document h3, .drplan-document h4 {
  color: var(--drplan-accent); line-height: 1.25; break-after: avoid; page-break-after: avoid;
}
.drplan-document h2 { font-size: 17pt; margin: 2.2rem 0 0.8rem; border-bottom: 1.5px solid var(--drplan-accent); padding-bottom: 0.2rem; }
.drplan-document h3 { font-size: 13.5pt; margin: 1.8rem 0 0.6rem; }
.drplan-document h4 { font-size: 11.5pt; margin: 1.6rem 0 0.5rem; }
.drplan-document .number { color: var(--drplan-muted); font-weight: normal; margin-right: 0.35em; }
.drplan-document p { margin: 0 0 0.7rem; }
.drplan-document p.small { font-size: 8.5pt; color: var(--drplan-muted); }
.drplan-document p.label { font-weight: bold; margin: 0.9rem 0 0.3rem; break-after: avoid; page-break-after: avoid; }
.drplan-document a { color: var(--drplan-accent); }
.drplan-document ul, .drplan-document ol { margin: 0 0 0.8rem; padding-left: 1.5rem; }
.drplan-document li { margin: 0.15rem 0; }
.drplan-document .cover { padding: 1rem 0 2rem; break-after: page; page-break-after: always; }
.drplan-document .doc-title { font-size: 28pt; margin: 0 0 0.4rem; border: 0; }
.drplan-document .doc-subtitle { font-size: 14pt; color: var(--drplan-muted); margin: 0 0 2.5rem; }
.drplan-document .contents { break-after: page; page-break-after: always; }
.drplan-document .card { break-before: page; page-break-before: always; font-size: 9pt; }
.drplan-document .card h2 { margin-top: 0; }
.drplan-document dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.2rem; margin: 0 0 1rem; }
.drplan-document dl.fields > div { display: contents; }
.drplan-document dl.fields dt { font-weight: bold; color: var(--drplan-muted); }
.drplan-document dl.fields dd { margin: 0; }
.drplan-document .table-wrap { overflow-x: auto; margin: 0 0 1rem; }
.drplan-document table { width: 100%; border-collapse: collapse; }
.drplan-document td.nowrap { white-space: nowrap; }
.drplan-document table.compact { font-size: 8.5pt; }
.drplan-document th, .drplan-document td { border: 1px solid var(--drplan-rule); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
.drplan-document thead th { background: var(--drplan-head-bg); font-weight: bold; }
.drplan-document thead { display: table-header-group; }
.drplan-document tr { break-inside: avoid; page-break-inside: avoid; }
.drplan-document tr.group th { background: var(--drplan-group-bg); color: var(--drplan-accent); }
.drplan-document .center { text-align: center; }
.drplan-document .right { text-align: right; }
.drplan-document .status { font-weight: bold; font-size: 1.15em; }
.drplan-document .status.ok { color: var(--drplan-ok); }
.drplan-document .status.failed { color: var(--drplan-failed); }
.drplan-document .status.untested { color: var(--drplan-muted); }
.drplan-document td .status { margin-right: 0.3em; }
.drplan-document .remark { font-size: 0.8em; color: var(--drplan-muted); white-space: nowrap; }
.drplan-document .note { border-left: 4px solid var(--drplan-accent); background: var(--drplan-info-bg); padding: 0.6rem 0.9rem; margin: 0 0 1rem; break-inside: avoid; }
.drplan-document .note.warning { border-color: var(--drplan-warning-rule); background: var(--drplan-warning-bg); }
.drplan-document .note.error { border-color: var(--drplan-failed); background: var(--drplan-error-bg); }
.drplan-document .note-title { font-weight: bold; margin-bottom: 0.3rem; }
.drplan-document .note ul { margin-bottom: 0; }
.drplan-document .toc ol { list-style: none; padding: 0; }
.drplan-document .toc li.level-2 { padding-left: 1.5rem; }
.drplan-document .toc li.level-3 { padding-left: 3rem; font-size: 0.95em; }
.drplan-document .toc a { text-decoration: none; }
.drplan-document .page-break { break-after: page; page-break-after: always; }
.drplan-document .new-page { break-before: page; page-break-before: always; }
.drplan-document .watermark {
  position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-45deg);
  font-size: 110pt; font-weight: bold; letter-spacing: 0.1em; color: var(--drplan-watermark);
  pointer-events: none; user-select: none; z-index: 0; white-space: nowrap;
}
.drplan-document figure.chart { margin: 0.4rem 0 1rem; break-inside: avoid; }
.drplan-document figure.chart figcaption { font-weight: bold; font-size: 9pt; margin-bottom: 0.2rem; }
.drplan-document .chart-svg { display: block; width: 100%; max-width: 40rem; height: auto; margin-bottom: 0.3rem; }
.drplan-document .chart-svg text { fill: var(--drplan-fg); }
.drplan-document .chart-svg .tick { fill: var(--drplan-muted); }
.drplan-document .chart-svg .grid { stroke: var(--drplan-rule); }
.drplan-document .chart-svg .ground { fill: var(--drplan-bg); }
.drplan-document .chart-svg .axis { stroke: var(--drplan-muted); }
.drplan-document .chart-svg .limit { stroke: var(--drplan-fg); }
.drplan-document .chart-svg .bar.ok { stroke: var(--drplan-chart-ok, var(--drplan-ok)); }
.drplan-document .chart-svg .bar.over { stroke: var(--drplan-chart-over, var(--drplan-failed)); }
.drplan-document .chart-svg .bar.neutral { stroke: var(--drplan-chart-neutral, var(--drplan-accent)); }
.drplan-document .chart-svg .bar.solid.ok { fill: var(--drplan-chart-ok, var(--drplan-ok)); }
.drplan-document .chart-svg .bar.solid.over { fill: var(--drplan-chart-over, var(--drplan-failed)); }
.drplan-document .chart-svg .bar.solid.neutral { fill: var(--drplan-chart-neutral, var(--drplan-accent)); }
.drplan-document .chart-svg .hatch.ok { stroke: var(--drplan-chart-ok, var(--drplan-ok)); }
.drplan-document .chart-svg .hatch.over { stroke: var(--drplan-chart-over, var(--drplan-failed)); }
.drplan-document .chart-svg .hatch.neutral { stroke: var(--drplan-chart-neutral, var(--drplan-accent)); }
@media print {
  @page { size: A4; margin: 20mm 18mm 20mm 18mm; }
  body { background: #ffffff; }
  .drplan-document { max-width: none; padding: 0; font-size: 10pt; }
  .drplan-document .cover { min-height: 22cm; padding-top: 5cm; }
  .drplan-document .table-wrap { overflow: visible; }
  .drplan-document a { color: inherit; text-decoration: none; }
}
`;
