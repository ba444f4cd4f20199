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
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The LSP position of an offset (UTF-16, as LSP counts by default). */
  positionOf(offset: number): Position {
    const line = this.indexAt(offset);
    return { line, character: offset - (this.starts[line] as number) };
  }
}

const PARENT_KEY = /^( *)((?:- +)*)(?:"[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:\s*(?:#.*)?$/;

/** Whether a line holds nothing but blanks or a comment. */
export function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** The layout of a document, read from its first nested mapping and its first nested list. */
export function layoutOf(text: string | TextLines): Layout {
  const lines = typeof text === 'string' ? new TextLines(text) : text;
  let indent: number | undefined;
  let sequenceIndent: number | undefined;
  for (let i = 0; i < lines.length - 1 && (indent === undefined || sequenceIndent === undefined); i++) {
    if (lines.indent(i) < 0) continue;
    const parent = PARENT_KEY.exec(lines.text(i));
    if (!parent) continue;
    const keyColumn = (parent[1] as string).length + (parent[2] ?? '').length;
    let childIndex = i + 1;
    while (childIndex < lines.length && lines.indent(childIndex) < 0) childIndex++;
    if (childIndex >= lines.length) break;
    const childText = lines.text(childIndex);
    const childIndent = lines.indent(childIndex);
    const isItem = /^-(\s|$)/.test(childText.trimStart());
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
