import type { Position } from '../types';

/**
 * How a document lays out its YAML, so that inserted text looks as if the author wrote it: the
 * indentation of a nested mapping, and where the dashes of a list stand relative to its key
 * (`key:\n  - a`, or `key:\n- a` in the compact style).
 */
export interface Layout {
  /** Spaces from a key to the keys of its nested mapping. */
  readonly indent: number;
  /** Spaces from a key to the dashes of its list (0 in the compact style). */
  readonly sequenceIndent: number;
}

/** A line of the text with where it starts. */
export interface TextLine {
  readonly text: string;
  readonly start: number;
}

export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      lines.push({ text: text.slice(start), start });
      return lines;
    }
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    start = end + 1;
  }
}

/** The line holding `offset`. */
export function lineIndexAt(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle] as TextLine).start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The LSP position of an offset (UTF-16, as LSP counts by default). */
export function positionIn(lines: readonly TextLine[], offset: number): Position {
  const line = lineIndexAt(lines, offset);
  return { line, character: offset - (lines[line] as TextLine).start };
}

const PARENT_KEY = /^( *)((?:- +)*)(?:"[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:\s*(?:#.*)?$/;

/** Whether a line holds nothing but blanks or a comment. */
export function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** The layout of a document, read from its first nested mapping and its first nested list. */
export function layoutOf(text: string): Layout {
  const lines = linesOf(text);
  let indent: number | undefined;
  let sequenceIndent: number | undefined;
  for (let i = 0; i < lines.length - 1 && (indent === undefined || sequenceIndent === undefined); i++) {
    const parent = PARENT_KEY.exec((lines[i] as TextLine).text);
    if (!parent) continue;
    const keyColumn = (parent[1] as string).length + (parent[2] ?? '').length;
    const child = lines.slice(i + 1).find((line) => !isBlankOrComment(line.text));
    if (!child) break;
    const childIndent = child.text.length - child.text.trimStart().length;
    const isItem = /^-(\s|$)/.test(child.text.trimStart());
    if (isItem && sequenceIndent === undefined && childIndent >= keyColumn) sequenceIndent = childIndent - keyColumn;
    if (!isItem && indent === undefined && childIndent > keyColumn) indent = childIndent - keyColumn;
  }
  const mappingIndent = indent ?? 2;
  return { indent: mappingIndent, sequenceIndent: sequenceIndent ?? mappingIndent };
}

/**
 * A string as a YAML plain scalar where that reads back as the same string, otherwise double
 * quoted. Catalog texts contain `: ` now and then ("… starten: Storage, …").
 */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|[\t\n\r]/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Text for a snippet, with the snippet syntax characters escaped. */
export function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}
