/**
 * What the preview shows for a plan over the size limit (drplan.maxFileSize) instead of the
 * document: such a plan is not parsed, and a document built from nothing would look like an
 * empty plan. Rendered by the same emitter as the document, so it is escaped and styled alike;
 * its title is the page's `.doc-title`, which the preview reports to the extension.
 */
import { fileMessages, type TooLarge } from '../i18n/fileMessages';
import type { Locale } from '../types';
import { toHtml } from './html';
import { text, type PlanDocument } from './tree';

export function tooLargeDocument(tooLarge: TooLarge, locale: Locale): PlanDocument {
  const title = fileMessages.tooLargeForPreview(tooLarge)[locale];
  return {
    kind: 'document',
    meta: {
      title,
      subject: title,
      author: '',
      keywords: [],
      version: '',
      classification: '',
      language: 'de-DE',
      watermark: undefined,
      generated: '',
    },
    blocks: [
      { kind: 'title', text: title, subtitle: fileMessages.tooLargeExplained[locale], sourceLine: 0 },
      { kind: 'paragraph', content: [text(fileMessages.tooLargeRaiseLimit[locale])] },
    ],
  };
}

/** The preview's body for a plan over the size limit. */
export function tooLargeFragment(tooLarge: TooLarge, locale: Locale): string {
  return toHtml(tooLargeDocument(tooLarge, locale), { fragment: true });
}
