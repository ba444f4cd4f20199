/** The German plan document: one tree from the analysis, emitted as HTML or PDF. */
export { buildDocument, type BuildOptions } from './build';
export type { ChangeHistory, HistoryCommit, SourceCommit } from './changeHistory';
export { toHtml, DOCUMENT_CSS, type HtmlOptions } from './html';
export { toPdf } from './pdf';
export type * from './tree';
