import { execFileSync } from 'node:child_process';
import { MARGINS } from '../../server/src/core/render/pdfStyle';
import { headingsOf, type PlanDocument } from '../../server/src/core/render/tree';

/**
 * How full the pages of a PDF are, read back with poppler's `pdftotext -bbox-layout`: the
 * lowest text line between the running header and footer, as a part of the room between the
 * margins. The rules and fills of a table end a few points below its text, so a page reads a
 * little emptier than it is.
 */
export interface PageFill {
  /** 1-based. */
  readonly page: number;
  /** 0 (empty) to 1 (text down to the bottom margin). */
  readonly fill: number;
  /** The text of the first line below the running header. */
  readonly firstLine: string;
}

const PAGE_HEIGHT = 841.89;
const TOP = MARGINS[1];
const BOTTOM = PAGE_HEIGHT - MARGINS[3];

export function pageFills(pdf: string, watermark?: string): PageFill[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return xhtml
    .split('<page ')
    .slice(1)
    .map((page, index) => {
      const lines = [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
        .map((match) => ({ top: Number(match[1]), bottom: Number(match[2]), text: wordsOf(match[3] ?? '') }))
        // Between header and footer; not the draft's watermark across the page, which pdftotext
        // reads as a few tall lines of its letters.
        .filter((line) => line.top >= TOP - 8 && line.bottom <= BOTTOM + 4 && !(watermark && line.bottom - line.top > 20 && watermark.includes(line.text.replace(/\s/g, ''))))
        .sort((a, b) => a.top - b.top);
      const lowest = Math.max(TOP, ...lines.map((line) => line.bottom));
      return { page: index + 1, fill: (lowest - TOP) / (BOTTOM - TOP), firstLine: lines[0]?.text ?? '' };
    });
}

function wordsOf(line: string): string {
  return [...line.matchAll(/<word[^>]*>([^<]*)<\/word>/g)]
    .map((match) => (match[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join(' ');
}

/**
 * The first lines of the parts that begin a page whatever the room left before them: the
 * contents, the first chapter after them and the sections that ask for a new page (pdfEmitter.ts
 * flow), as pdftotext reads them ("6 Disaster-Recovery-Plan").
 */
export function pageStarts(doc: PlanDocument): Set<string> {
  const starts = new Set<string>();
  let afterContents = false;
  for (const block of doc.blocks) {
    if (block.kind !== 'section') continue;
    if (block.role === 'contents' || block.newPage === true || afterContents) {
      const [heading] = headingsOf(block.children);
      const toc = block.children.find((child) => child.kind === 'toc');
      if (heading) starts.add(heading.number ? `${heading.number} ${heading.text}` : heading.text);
      else if (toc?.kind === 'toc') starts.add(toc.title);
    }
    afterContents = block.role === 'contents';
  }
  return starts;
}
