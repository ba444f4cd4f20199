import { lastAtOrBefore } from '../search';
import type { Position } from '../types';

/** A line of the text with where it starts. */
export interface TextLine {
  readonly text: string;
  readonly start: number;
}

/**
 * The lines of a text, read on demand: line starts are found once (a fast scan), a line's text
 * is cut only when asked for. Completion and the cursor context walk a few lines around the
 * cursor, so a 2 MB plan must not be split into 60,000 strings for every keystroke.
 */
export class TextLines {
  private readonly starts: readonly number[];

  /** `lineStarts`: the line starts of this very text, when an analysis of it already knows them. */
  constructor(
    readonly source: string,
    lineStarts?: readonly number[],
  ) {
    if (lineStarts) {
      this.starts = lineStarts;
    } else {
      const starts = [0];
      for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
      this.starts = starts;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** The line's text, without its line break (LF or CRLF). */
  text(index: number): string {
    const start = this.starts[index] as number;
    let end = index + 1 < this.starts.length ? (this.starts[index + 1] as number) - 1 : this.source.length;
    if (end > start && this.source.charCodeAt(end - 1) === 13) end--;
    return this.source.slice(start, end);
  }

  at(index: number): TextLine {
    return { text: this.text(index), start: this.starts[index] as number };
  }

  start(index: number): number {
    return this.starts[index] as number;
  }

  /** Leading spaces of the line, or -1 for a blank or comment-only line. Reads no substring. */
  indent(index: number): number {
    const source = this.source;
    const end = index + 1 < this.starts.length ? (this.starts[index + 1] as number) : source.length;
    for (let at = this.starts[index] as number; at < end; at++) {
      const code = source.charCodeAt(at);
      if (code === 32) continue;
      if (code === 35 || code === 10 || code === 13) return -1; // '#', or the line ends
      return at - (this.starts[index] as number);
    }
    return -1;
  }

  /** The character after the indentation (for a quick look at '-' before any regex). */
  charAfterIndent(index: number): string {
    const indent = this.indent(index);
    return indent < 0 ? '' : this.source.charAt((this.starts[index] as number) + indent);
  }

  /** The line holding `offset`. */
  indexAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, offset, (start) => start));
  }

  /** The LSP position of an offset (UTF-16, as LSP counts by default). */
  positionOf(offset: number): Position {
    const line = this.indexAt(offset);
    return { line, character: offset - (this.starts[line] as number) };
  }
}

/** Whether a line holds nothing but blanks or a comment. */
export function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** The start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break (after any trailing comment). */
export function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > offset && text[end - 1] === '\r') end--;
  return end;
}

/** Whether the rest of the line after `offset` holds only blanks. */
export function restOfLineIsBlank(text: string, offset: number): boolean {
  return text.slice(offset, lineEnd(text, offset)).trim() === '';
}
