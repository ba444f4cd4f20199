import type { LineCounter } from 'yaml';
import type { Position, Range, Span } from './types';

/**
 * Offsets ↔ LSP positions for one text. yaml's LineCounter already records line starts while
 * parsing, so positions cost a binary search and no second pass over the text.
 */
export class TextIndex {
  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.lines.linePos(clamped);
    return { line: line - 1, character: col - 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  rangeOf(span: Span): Range {
    return this.range(span.start, span.end);
  }

  /** From `offset` to the end of its line, without trailing blanks and line break. */
  restOfLine(offset: number): Span {
    let end = this.text.indexOf('\n', offset);
    if (end < 0) end = this.text.length;
    while (end > offset && isBlank(this.text.charCodeAt(end - 1))) end--;
    return { start: offset, end };
  }

  get lineCount(): number {
    return this.lines.lineStarts.length;
  }

  /** The offsets at which lines start, ascending (the first is 0). */
  get lineStarts(): readonly number[] {
    return this.lines.lineStarts;
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}
