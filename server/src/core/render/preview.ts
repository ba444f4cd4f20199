/**
 * The plan document for the preview and the exports, from one analysis. The one place where the
 * server uses the render API (build, HTML, PDF), so a change there is a change here only.
 */
import type { Analysis } from '../analysis';
import { isoDay } from '../date';
import { buildDocument } from './build';
import type { ChangeHistory } from './changeHistory';
import { toHtml } from './html';
import { toPdf } from './pdf';
import type { PlanDocument } from './tree';

/**
 * The document tree of an analysis, built once per analysis, day and change history: the
 * preview of a version and its exports share it. (The day is part of the key because the cover
 * says "Stand"; the history, because a commit or a save changes it for the same text. The edge
 * hands the same history object while git's answer and the comparison stay the same.)
 */
const documents = new WeakMap<Analysis, { readonly day: string; readonly history: ChangeHistory | undefined; readonly document: PlanDocument }>();

export function planDocument(analysis: Analysis, today: Date, history?: ChangeHistory): PlanDocument {
  const day = isoDay(today);
  const cached = documents.get(analysis);
  if (cached?.day === day && cached.history === history) return cached.document;
  const document = buildDocument(analysis, { today, locale: 'de', history });
  documents.set(analysis, { day, history, document });
  return document;
}

/** Whether the document says ENTWURF: the plan is a draft or has errors. */
export function isDraft(document: PlanDocument): boolean {
  return document.meta.watermark !== undefined;
}

/**
 * The body of the document for a webview: the HTML emitter's fragment. Table columns carry their
 * widths as `data-width`, which the preview's script applies through the CSSOM: the preview's
 * Content-Security-Policy allows no inline style.
 */
export function previewFragment(document: PlanDocument): string {
  return toHtml(document, { fragment: true });
}

/** The self-contained HTML file: stylesheet and print CSS inside, nothing loaded from outside, its own CSP. */
export function htmlFile(document: PlanDocument): string {
  return toHtml(document);
}

/** The PDF file (A4, embedded fonts), made in-process; `progress` hears how far it is. */
export function pdfFile(document: PlanDocument, progress?: (done: number) => void): Promise<Uint8Array> {
  return toPdf(document, { progress });
}
