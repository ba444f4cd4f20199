import { HASH, RETURN, SPACE } from './charCodes';

/** The lines of a text as the fast block-YAML path (blockYaml.ts) reads them. */
export interface BlockLines {
  /** The lines with content, each with the comment and blank lines before it. */
  readonly lines: readonly Line[];
  /** Comment and blank lines after the last content line. */
  readonly finalRun: readonly RunLine[];
}

/** A line with content, and the comment and blank lines before it. */
export interface Line {
  readonly start: number;
  readonly indent: number;
  /** start + indent */
  readonly content: number;
  /** Where the content ends, before the line break. */
  readonly end: number;
  /** Where the next line starts (the text's length on the last line). */
  readonly next: number;
  /** Comment lines and blank lines right before this line. */
  readonly before: readonly RunLine[];
}

/** A comment line (indent ≥ 0) or a blank line (indent -1). */
export interface RunLine {
  readonly start: number;
  readonly indent: number;
  readonly next: number;
}

/** The run before a content line that follows another. */
const NO_RUN: readonly RunLine[] = [];

/** The text's lines: where each starts, is indented, has its content and ends. */
export function readBlockLines(text: string): BlockLines {
  const lines: Line[] = [];
  // Most content lines follow another: they share one empty run rather than each making one.
  let run: RunLine[] | undefined;
  let start = 0;
  while (start < text.length) {
    let lineEnd = text.indexOf('\n', start);
    const next = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === RETURN ? lineEnd - 1 : lineEnd;
    let content = start;
    while (content < end && text.charCodeAt(content) === SPACE) content++;
    if (content === end) {
      (run ??= []).push({ start, indent: -1, next });
    } else if (text.charCodeAt(content) === HASH) {
      (run ??= []).push({ start, indent: content - start, next });
    } else {
      lines.push({ start, indent: content - start, content, end, next, before: run ?? NO_RUN });
      run = undefined;
    }
    start = next;
  }
  return { lines, finalRun: run ?? [] };
}
