import type { LineCounter } from 'yaml';
import type { Position, Range, Span } from './types';

/**
 * Offsets ↔ LSP positions for one text: a binary search over the line starts (in a LineCounter,
 * found by lineStartsIn, not by yaml's parser, which misses line breaks inside some broken
 * tokens).
 */
export class TextIndex {
  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and \n of a line break is no position in LSP: it is the end of the line.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
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

/**
 * Adds to `counter` the starts of the lines that begin after a line break at an offset in
 * [from, to): as LSP counts lines, a break is `\n`, `\r\n` or a `\r` alone.
 */
export function lineStartsIn(text: string, counter: LineCounter, from = 0, to = text.length): void {
  from = Math.max(0, from);
  // A short range (a keystroke's) is read character by character: the search for a carriage
  // return would otherwise run on to the end of the text.
  const carriageReturn = to - from <= 4096 ? from : text.indexOf('\r', from);
  if (carriageReturn < 0 || carriageReturn >= to) {
    // Most texts: no carriage return in the range, and a native search finds the line feeds.
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
    return;
  }
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) counter.addNewLine(at + 1);
    else if (code === 13 && text.charCodeAt(at + 1) !== 10) counter.addNewLine(at + 1);
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}
