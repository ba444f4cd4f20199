import type { Span } from '../types';
import { TextLines } from '../yaml/lines';
import { unquoted } from '../yaml/scalar';
import { isBlank, keyLine } from '../yaml/keyLine';

/**
 * Where the cursor is, structurally: which mapping it writes into, whether it types a key or a
 * value, and what is typed so far. Read from the lines of the text, by indentation, so it works
 * on half-typed YAML that does not parse (the usual state while typing); flow collections other
 * than a one-line `key: [a, b` are not followed.
 */
export interface CursorContext {
  /** Where a key, or the value of `key`, is being typed. */
  readonly position: 'key' | 'value';
  /** The path of the mapping the cursor is in: keys and list positions, e.g. ['scenarios', 2]. */
  readonly mapPath: readonly (string | number)[];
  /** For a value: its key. */
  readonly key: string | undefined;
  /** For a value inside `key: [a, b, …` on one line. */
  readonly inFlowSequence: boolean;
  /** The word typed so far (a key's or a value's beginning). */
  readonly prefix: string;
  /** What a completion replaces: the typed word (offsets). */
  readonly replace: Span;
  /** The column at which the keys of the mapping stand. */
  readonly column: number;
  /** The scalar values written in the same mapping, by key (e.g. the scenario's `category`). */
  readonly siblings: ReadonlyMap<string, string>;
  /** Whether the cursor's line begins a new list item (`- `). */
  readonly startsItem: boolean;
}

/** A structural line: where its content starts, its list dashes and its key. */
interface Shape {
  /** Column of the first dash, or of the key when there is none. */
  readonly indent: number;
  /** Column of the key (after any dashes). */
  readonly keyColumn: number;
  readonly dashes: number;
  readonly key: string | undefined;
  /** The scalar after `key:` (empty for a parent key), without a trailing comment. */
  readonly value: string | undefined;
}

function shapeOf(text: string): Shape | undefined {
  const withoutComment = stripComment(text);
  if (withoutComment.trim() === '') return undefined;
  // `key:` followed by nothing or by a blank and the value (yaml/keyLine.ts reads the key in one pass).
  const line = keyLine(withoutComment);
  const value = line && (line.rest === '' || isBlank(line.rest.charCodeAt(0))) ? line.rest.trim() : undefined;
  if (!line || value === undefined || /[\n\r\u2028\u2029]/.test(value)) {
    // A line without a key; `- text` is still an item of its list (prevention steps, affects).
    const [, blanks = '', dashText = ''] = /^( *)((?:- +|-$)*)/.exec(withoutComment) ?? [];
    const dashes = (dashText.match(/-/g) ?? []).length;
    return { indent: blanks.length, keyColumn: blanks.length + dashText.length, dashes, key: undefined, value: undefined };
  }
  const { indent, dashText, rawKey } = line;
  const dashes = (dashText.match(/-/g) ?? []).length;
  return { indent, keyColumn: indent + dashText.length, dashes, key: unquoted(rawKey.trim()), value };
}

function stripComment(text: string): string {
  // A '#' starts a comment at the line start or after a blank, outside quotes.
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.replace(/\r$/, '').trimEnd();
}

/** The cursor's context at `offset`, or undefined inside a comment or where nothing can be typed. */
export function cursorContext(source: string | TextLines, offset: number): CursorContext | undefined {
  const lines = typeof source === 'string' ? new TextLines(source) : source;
  const lineIndex = lines.indexAt(offset);
  const line = lines.at(lineIndex);
  const before = line.text.slice(0, offset - line.start);
  if (/(^|\s)#/.test(before) && !/["'][^"']*#/.test(before)) return undefined;

  const flow = /^( *)((?:- +)*)([\w-]+):\s*\[([^\]]*)$/.exec(before);
  // `\s*(\S.*)?$`, not `\s*.*$`: both match blanks, and a line break after a run of them made
  // the engine try each split of the run (quadratic; 200,000 blanks and a U+2028: seconds).
  const value = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[\w-]+)\s*:\s*(\S.*)?$/.exec(before);
  const key = /^( *)((?:- +)*)([\w-]*)$/.exec(before);

  let position: 'key' | 'value';
  let column: number;
  let dashText: string;
  let keyName: string | undefined;
  let prefix: string;
  let inFlowSequence = false;
  if (flow) {
    position = 'value';
    dashText = flow[2] ?? '';
    column = (flow[1] as string).length + dashText.length;
    keyName = flow[3];
    const items = (flow[4] as string).split(',');
    prefix = (items[items.length - 1] as string).trimStart();
    inFlowSequence = true;
  } else if (value) {
    position = 'value';
    dashText = value[2] ?? '';
    column = (value[1] as string).length + dashText.length;
    keyName = unquoted(value[3] as string);
    prefix = value[4] ?? '';
  } else if (key) {
    position = 'key';
    dashText = key[2] ?? '';
    column = (key[1] as string).length + dashText.length;
    keyName = undefined;
    prefix = key[3] as string;
  } else {
    return undefined;
  }
  const startsItem = dashText.length > 0;
  const dashColumn = startsItem ? column - dashText.length + dashText.lastIndexOf('-') : -1;

  const { path, itemStart } = pathTo(lines, lineIndex, column, startsItem ? dashColumn : -1);
  const siblings = siblingsOf(lines, itemStart ?? 0, lineIndex, column);

  return {
    position,
    mapPath: path,
    key: keyName,
    inFlowSequence,
    prefix,
    replace: { start: offset - prefix.length, end: offset + wordAfter(line.text, offset - line.start) },
    column,
    siblings,
    startsItem,
  };
}

/** How much of a word continues after the cursor (so a completion replaces the whole word). */
function wordAfter(text: string, column: number): number {
  const match = /^[\w.-]*/.exec(text.slice(column));
  return match ? match[0].length : 0;
}

/**
 * The path of the mapping whose keys stand at `column` on line `lineIndex`, found by walking up
 * to each enclosing key or list item. `dashColumn` ≥ 0 when the line itself begins an item.
 */
function pathTo(
  lines: TextLines,
  lineIndex: number,
  column: number,
  dashColumn: number,
): { path: (string | number)[]; itemStart: number | undefined } {
  const path: (string | number)[] = [];
  let keyColumn = column;
  let itemDash = dashColumn;
  let itemStart: number | undefined = dashColumn >= 0 ? lineIndex : undefined;
  let firstItemStart: number | undefined = itemStart;
  let first = true;

  for (let i = lineIndex - 1; i >= 0; i--) {
    // Most lines above lie deeper than what the walk looks for: skip them without a regex.
    const indent = lines.indent(i);
    if (indent < 0) continue;
    if (itemDash < 0 ? indent > keyColumn : indent > itemDash || (indent === itemDash && lines.charAfterIndent(i) === '-')) continue;
    const shape = shapeOf(lines.text(i));
    if (!shape) continue;

    if (itemDash < 0) {
      // Inside a mapping whose keys stand at keyColumn: find what opens it.
      if (shape.keyColumn === keyColumn && shape.dashes > 0) {
        // the first line of a list item: `- key: …` with the key at our column
        itemDash = shape.keyColumn - 2;
        itemStart = i;
        if (first) firstItemStart = i;
        continue;
      }
      if (shape.keyColumn >= keyColumn) continue; // a sibling or deeper
      if (shape.key !== undefined && shape.value === '') {
        path.unshift(shape.key);
        keyColumn = shape.keyColumn;
        first = false;
        continue;
      }
      break; // not a parent: the structure above is broken
    } else {
      // Inside a list whose items' dashes stand at itemDash: count the items, find the list's key.
      if (shape.dashes > 0 && shape.indent === itemDash) continue;
      if (shape.indent > itemDash) continue;
      if (shape.key !== undefined && shape.value === '' && shape.keyColumn <= itemDash) {
        path.unshift(shape.key, countItems(lines, i, itemStart as number, itemDash));
        keyColumn = shape.keyColumn;
        itemDash = -1;
        first = false;
        continue;
      }
      break;
    }
  }
  return { path, itemStart: firstItemStart };
}

/** The position of the item starting at `itemStart` among the items of the list owned by line `owner`. */
function countItems(lines: TextLines, owner: number, itemStart: number, dashColumn: number): number {
  let index = 0;
  for (let i = owner + 1; i < itemStart; i++) {
    if (lines.indent(i) === dashColumn && lines.charAfterIndent(i) === '-') {
      const shape = shapeOf(lines.text(i));
      if (shape && shape.dashes > 0) index++;
    }
  }
  return index;
}

/** The scalar `key: value` pairs of the mapping with keys at `column` around line `at`. */
function siblingsOf(lines: TextLines, from: number, at: number, column: number): Map<string, string> {
  const siblings = new Map<string, string>();
  // Up to the mapping's start (an item's first line, or the line after its parent key) …
  for (let i = at - 1; i >= from; i--) {
    if (lines.indent(i) > column || lines.indent(i) < 0) continue;
    const shape = shapeOf(lines.text(i));
    if (!shape) continue;
    if (shape.keyColumn < column) break;
    if (shape.keyColumn === column && shape.key !== undefined) siblings.set(shape.key, unquoted(shape.value ?? ''));
    if (shape.keyColumn === column && shape.dashes > 0) break;
  }
  // … and down to its end.
  for (let i = at + 1; i < lines.length; i++) {
    if (lines.indent(i) > column || lines.indent(i) < 0) continue;
    const shape = shapeOf(lines.text(i));
    if (!shape) continue;
    if (shape.keyColumn < column || (shape.dashes > 0 && shape.keyColumn <= column)) break;
    if (shape.keyColumn === column && shape.key !== undefined) siblings.set(shape.key, unquoted(shape.value ?? ''));
  }
  const own = shapeOf(lines.text(at));
  if (own?.key !== undefined && own.keyColumn === column && own.value !== undefined) siblings.set(own.key, unquoted(own.value));
  return siblings;
}
