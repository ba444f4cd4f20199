import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * The server's open documents: what `vscode-languageserver-textdocument` keeps (the same text,
 * line offsets and positions, compared in test/unit/planTextDocument.test.ts), except that a
 * change does not copy the text. The library writes every change into a new string and reads
 * it at once, which copies the whole text (1.7 MB at 2,000 scenarios) per change; changes that
 * come in faster than they are checked (a burst of typing while a check runs, a replace in many
 * places) then leave a copy each, and every copy a young-generation collection finds is moved
 * to the old generation until a full collection. Here the text is kept in pieces (the last
 * text's parts and the inserted texts) until it is read, and joined once.
 */
export class PlanTextDocument implements TextDocument {
  /** The text as one string, or undefined while it is in `pieces`. */
  private content: string | undefined;
  private pieces: string[] = [];
  private length: number;
  private lineOffsets: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.content = content;
    this.length = content.length;
  }

  static create(uri: string, languageId: string, version: number, content: string): PlanTextDocument {
    return new PlanTextDocument(uri, languageId, version, content);
  }

  /** Applies `changes` in order (positions of each in the text after the ones before it); as TextDocument.update. */
  static update(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): PlanTextDocument {
    if (!(document instanceof PlanTextDocument)) throw new Error('PlanTextDocument.update: the document must be made by PlanTextDocument.create');
    for (const change of changes) document.apply(change);
    document.currentVersion = version;
    return document;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.offsets().length;
  }

  getText(range?: Range): string {
    const text = this.text();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.offsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if ((lineOffsets[mid] as number) > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const lineOffset = lineOffsets[line] as number;
    return { line, character: this.beforeLineBreak(offset, lineOffset) - lineOffset };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.offsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line] as number;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? (lineOffsets[position.line + 1] as number) : this.length;
    return this.beforeLineBreak(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.offsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - (lineOffsets[last] as number) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line] as number;
    const next = line + 1 < lineOffsets.length ? (lineOffsets[line + 1] as number) : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.offsets();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? (lineOffsets[line + 1] as number) : this.length;
    return this.text().substring(this.beforeLineBreak(next, lineOffsets[line] as number), next);
  }

  private apply(change: TextDocumentContentChangeEvent): void {
    if (!('range' in change) || change.range === undefined) {
      this.content = change.text;
      this.pieces = [];
      this.length = change.text.length;
      this.lineOffsets = undefined;
      return;
    }
    const range = wellFormed(change.range);
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    this.replace(start, end, change.text);
    const insertedEnd = start + change.text.length;
    // A CR LF pair across the edit's edge is not in the inserted text's line offsets.
    if ((this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF) || (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)) {
      this.lineOffsets = undefined;
      return;
    }
    const lineOffsets = this.lineOffsets;
    if (lineOffsets === undefined) return;
    // A position past the last line stands for the end of the text (offsetAt), on the last line.
    const lastLine = lineOffsets.length - 1;
    const startLine = Math.min(Math.max(range.start.line, 0), lastLine);
    const endLine = Math.min(Math.max(range.end.line, 0), lastLine);
    const added = lineStarts(change.text, false, start);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i] as number;
    } else if (added.length < 10_000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      // More than a call takes as arguments.
      this.lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
    }
    const diff = change.text.length - (end - start);
    if (diff !== 0) {
      const moved = this.lineOffsets as number[];
      for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i] = (moved[i] as number) + diff;
    }
  }

  /** Replaces [start, end) with `text` among the pieces: the parts of the old ones are slices, not copies. */
  private replace(start: number, end: number, text: string): void {
    const before: string[] = [];
    const after: string[] = [];
    let at = 0;
    for (const piece of this.content === undefined ? this.pieces : [this.content]) {
      const pieceEnd = at + piece.length;
      if (pieceEnd <= start) before.push(piece);
      else if (at >= end) after.push(piece);
      else {
        if (at < start) before.push(piece.substring(0, start - at));
        if (pieceEnd > end) after.push(piece.substring(end - at));
      }
      at = pieceEnd;
    }
    if (text !== '') before.push(text);
    this.length += text.length - (end - start);
    const pieces = before.concat(after);
    // Each change walks the pieces: a notification of thousands of changes (thousands of cursors)
    // would make that quadratic, so past a few dozen they are joined.
    if (pieces.length > MAX_PIECES) {
      this.content = pieces.join('');
      this.pieces = [];
    } else {
      this.content = undefined;
      this.pieces = pieces;
    }
  }

  private text(): string {
    if (this.content === undefined) {
      this.content = this.pieces.join('');
      this.pieces = [];
    }
    return this.content;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    if (this.content !== undefined) return this.content.charCodeAt(offset);
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return NaN;
  }

  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private offsets(): number[] {
    this.lineOffsets ??= lineStarts(this.text(), true, 0);
    return this.lineOffsets;
  }
}

/** Pieces a text is kept in at most before they are joined. */
const MAX_PIECES = 64;

const CR = 13;
const LF = 10;

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

/** Where the lines of `text` start (after each line break), offset by `offset`; with the first line's start when `atLineStart`. */
function lineStarts(text: string, atLineStart: boolean, offset: number): number[] {
  const result = atLineStart ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      if (code === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      result.push(offset + i + 1);
    }
  }
  return result;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
