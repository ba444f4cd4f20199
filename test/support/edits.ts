import type { Position, TextEdit } from 'vscode-languageserver-types';

/** The offset of an LSP position in a text (lines split at \n). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies non-overlapping text edits, as an editor would: all against the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  let previousStart = Infinity;
  for (const edit of located) {
    if (edit.end > previousStart) throw new Error('overlapping edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    previousStart = edit.start;
  }
  return result;
}

/** The text a range covers. */
export function textOf(text: string, range: { start: Position; end: Position }): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}
