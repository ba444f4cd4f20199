import type { Analysis } from '../analysis';
import { formatDate, todayInDays } from '../date';
import { CHAPTERS } from './chapters';
import { DocumentContext, type BuildOptions } from './context';
import { documentMeta } from './meta';
import { LABELS } from './texts';
import { text, type Block, type PlanDocument } from './tree';

export type { BuildOptions } from './context';

/**
 * The German plan document of one analysed plan: the chapters of `CHAPTERS`, in order. Works on
 * any analysis, also of broken or half-written plans: what is missing is left out or marked,
 * never thrown.
 */
export function buildDocument(analysis: Analysis, options: BuildOptions = {}): PlanDocument {
  try {
    const context = new DocumentContext(analysis, options);
    const blocks: Block[] = [];
    for (const chapter of CHAPTERS) {
      const section = chapter(context);
      if (section) blocks.push(section);
    }
    return { kind: 'document', meta: documentMeta(context), blocks };
  } catch (error) {
    // A safety net for a bug in the builder: the author still sees why nothing rendered.
    return failedDocument(error, options);
  }
}

function failedDocument(error: unknown, options: BuildOptions): PlanDocument {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'document',
    meta: {
      title: LABELS.untitled,
      subject: LABELS.subtitle,
      author: '',
      keywords: [],
      version: '',
      classification: '',
      language: 'de-DE',
      watermark: LABELS.watermark,
      generated: formatDate(todayInDays(options.today), 'de'),
    },
    blocks: [
      {
        kind: 'note',
        tone: 'error',
        title: 'Dokument nicht erzeugt',
        content: [{ kind: 'paragraph', content: [text(`Das Dokument konnte aus dieser Plandatei nicht erzeugt werden: ${reason}`)] }],
      },
    ],
  };
}
