import type { TextEdit } from 'vscode-languageserver-types';
import type { TextIndex } from '../text';

/** An edit in offsets of the text: replace [start, end) by `text` (an insertion when start = end). */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Edits in offsets → LSP text edits. Sorted by position; identical edits count once; an edit
 * that overlaps one before it is dropped (never two edits of one spot); insertions at the same
 * offset are joined in the order given.
 */
export function toTextEdits(index: TextIndex, edits: readonly OffsetEdit[]): TextEdit[] {
  return combineEdits(edits).map((edit) => ({ range: index.range(edit.start, edit.end), newText: edit.text }));
}

export function combineEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const result: OffsetEdit[] = [];
  const seen = new Set<string>();
  let reachedEnd = -1;
  for (const { edit } of sorted) {
    const id = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = result[result.length - 1];
    if (previous && edit.start === edit.end && previous.start === previous.end && previous.start === edit.start) {
      result[result.length - 1] = { start: edit.start, end: edit.end, text: previous.text + edit.text };
      continue;
    }
    if (edit.start < reachedEnd) continue;
    result.push(edit);
    reachedEnd = Math.max(reachedEnd, edit.end);
  }
  return result;
}

/** Applies offset edits to a text (for tests and for checking a fix before offering it). */
export function applyEdits(source: string, edits: readonly OffsetEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of combineEdits(edits)) {
    result += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + source.slice(at);
}
