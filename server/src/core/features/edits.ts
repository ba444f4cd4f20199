import { isAlias, isMap, isPair, isScalar, isSeq, parse, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { YamlDocument } from '../parse/yamlDocument';
import type { TextIndex } from '../text';

/**
 * Minimal edits of a plan's text. Quick fixes insert or replace a few characters where the YAML
 * AST says; they never re-serialise the document, so comments, blank lines, quoting, key order
 * and line endings everywhere else stay byte for byte as the author wrote them. New text follows
 * the document's own habits: its line ending, its indentation, block or flow style.
 */

/** An edit in offsets of the text: replace [start, end) by `text` (an insertion when start = end). */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type LineEnding = '\n' | '\r\n';

/** The document's line ending, from its first line break (LF for a text without one). */
export function lineEndingOf(text: string): LineEnding {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * How the document indents its block collections, so inserted text looks as if the author wrote
 * it. Read from the AST: the most common distance of each kind, with 2 where the document shows
 * none.
 */
export interface BlockLayout {
  /** From a key to the keys of its nested mapping (`plan:` → `  title:`). */
  readonly mapIndent: number;
  /** From a key to the dashes of its list: 2 for `key:\n  - a`, 0 for the compact `key:\n- a`. */
  readonly sequenceIndent: number;
  /** From a list item's dash to its mapping's keys: 2 for `- id: a`, 4 for `-   id: a`. */
  readonly itemIndent: number;
}

/** Enough examples to know a habit; a long plan need not be walked to its end. */
const LAYOUT_SAMPLES = 64;

export function blockLayoutOf(yaml: YamlDocument): BlockLayout {
  const samples = { map: new Map<number, number>(), sequence: new Map<number, number>(), item: new Map<number, number>() };
  const count = (kind: keyof typeof samples, distance: number) => {
    if (distance < 0 || distance > 16) return;
    samples[kind].set(distance, (samples[kind].get(distance) ?? 0) + 1);
  };
  const enough = () => samples.map.size + samples.sequence.size + samples.item.size > 0 && total() >= LAYOUT_SAMPLES;
  const total = () => [...samples.map.values(), ...samples.sequence.values(), ...samples.item.values()].reduce((a, b) => a + b, 0);
  const column = (offset: number) => yaml.index.position(offset).character;

  const walk = (node: Node | null | undefined): void => {
    if (!node || enough()) return;
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !value?.range) continue;
        if (isMap(value) && !value.flow) {
          const first = firstKey(value);
          if (first?.range) count('map', column(first.range[0]) - column(key.range[0]));
        } else if (isSeq(value) && !value.flow) {
          const dash = dashBefore(yaml.text, value.items[0] as Node | null);
          if (dash !== undefined) count('sequence', column(dash) - column(key.range[0]));
        }
        walk(value);
      }
    } else if (isSeq(node) && !node.flow) {
      for (const item of node.items as (Node | null)[]) {
        if (isMap(item) && !item.flow) {
          const dash = dashBefore(yaml.text, item);
          const first = firstKey(item);
          if (dash !== undefined && first?.range) count('item', first.range[0] - dash);
        }
        walk(item);
      }
    }
  };
  walk(yaml.root);

  const mode = (counts: Map<number, number>, fallback: number) => {
    let best = fallback;
    let bestCount = 0;
    for (const [distance, n] of counts) {
      if (n > bestCount || (n === bestCount && distance < best)) {
        best = distance;
        bestCount = n;
      }
    }
    return best;
  };
  const mapIndent = mode(samples.map, 2) || 2;
  return {
    mapIndent,
    sequenceIndent: mode(samples.sequence, mapIndent),
    itemIndent: mode(samples.item, 2) || 2,
  };
}

function firstKey(map: YAMLMap): Node | null {
  const pair = map.items.find((item) => isPair(item));
  return (pair?.key as Node | null | undefined) ?? null;
}

/** The offset of the `-` that introduces a block list item, when it stands on the item's line. */
export function dashBefore(text: string, item: Node | null | undefined): number | undefined {
  const start = item?.range?.[0];
  if (start === undefined) return undefined;
  let at = start - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return at >= 0 && text[at] === '-' ? at : undefined;
}

// ---------------------------------------------------------------------------
// values to write

/** A value to write as YAML: a scalar (a string, or text written as it is), a list, a mapping. */
export type YamlValue =
  | { readonly kind: 'scalar'; readonly value: string; readonly verbatim: boolean }
  | { readonly kind: 'list'; readonly items: readonly YamlValue[] }
  | { readonly kind: 'map'; readonly entries: readonly YamlEntry[] };

export interface YamlEntry {
  readonly key: string;
  readonly value: YamlValue;
}

/** A string, quoted where YAML would read it otherwise. */
export const text = (value: string): YamlValue => ({ kind: 'scalar', value, verbatim: false });
/** YAML source written as it is: `4h`, `0`, `"1"`. */
export const verbatim = (source: string): YamlValue => ({ kind: 'scalar', value: source, verbatim: true });
export const list = (items: readonly YamlValue[]): YamlValue => ({ kind: 'list', items });
export const mapping = (entries: readonly YamlEntry[]): YamlValue => ({ kind: 'map', entries });
export const entry = (key: string, value: YamlValue): YamlEntry => ({ key, value });

/**
 * A string as a plain scalar where that reads back as the same string, otherwise double quoted
 * (JSON's escapes are YAML's). Catalog texts contain `: ` now and then, and inside `[…]` or `{…}`
 * commas and brackets need quotes too.
 */
export function scalarText(value: string, flow: boolean): string {
  return isPlainSafe(value, flow) ? value : JSON.stringify(value);
}

/** The same catalog texts come up again and again; parsing each once is enough. */
const plainSafe = new Map<string, boolean>();

function isPlainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\u0000-\u001f\u007f]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: | #|:$/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  let safe = plainSafe.get(value);
  if (safe === undefined) {
    try {
      safe = parse(value) === value; // not a number, boolean or null in disguise
    } catch {
      safe = false;
    }
    if (plainSafe.size >= 4096) plainSafe.clear();
    plainSafe.set(value, safe);
  }
  return safe;
}

/**
 * A new string value in place of `span`, quoted as the old one was (`"…"`, `'…'`), plain where
 * that was plain and reads back as the string, otherwise double quoted.
 */
export function replacementText(source: string, span: { start: number; end: number }, value: string): string {
  const first = source[span.start];
  if (first === '"') return JSON.stringify(value);
  if (first === "'") return `'${value.replace(/'/g, "''")}'`;
  return scalarText(value, true);
}

/** A scalar in block context (a list item, a key's value on its line). */
function blockScalar(value: Extract<YamlValue, { kind: 'scalar' }>): string {
  return value.verbatim ? value.value : scalarText(value.value, false);
}

function flowText(value: YamlValue): string {
  switch (value.kind) {
    case 'scalar':
      return value.verbatim ? value.value : scalarText(value.value, true);
    case 'list':
      return `[${value.items.map(flowText).join(', ')}]`;
    case 'map':
      return value.entries.length === 0 ? '{}' : `{ ${flowEntries(value.entries)} }`;
  }
}

/** `key: value, key: value`, as inside the braces of a flow mapping. */
export function flowEntries(entries: readonly YamlEntry[]): string {
  return entries.map((e) => `${e.key}: ${flowText(e.value)}`).join(', ');
}

/** A mapping as a flow mapping `{ key: value, … }`. */
export function flowMapping(entries: readonly YamlEntry[]): string {
  return flowText(mapping(entries));
}

/** The lines of `entries` as a block mapping whose keys stand at `column`. */
export function blockEntryLines(entries: readonly YamlEntry[], column: number, layout: BlockLayout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const { key, value } of entries) {
    if (value.kind === 'scalar') {
      lines.push(`${pad}${key}: ${blockScalar(value)}`);
    } else if (value.kind === 'list' && value.items.length > 0) {
      lines.push(`${pad}${key}:`);
      for (const item of value.items) lines.push(...blockItemLines(item, column + layout.sequenceIndent, layout));
    } else if (value.kind === 'map' && value.entries.length > 0) {
      lines.push(`${pad}${key}:`, ...blockEntryLines(value.entries, column + layout.mapIndent, layout));
    } else {
      lines.push(`${pad}${key}: ${flowText(value)}`); // [] or {}
    }
  }
  return lines;
}

/** The lines of one block list item whose dash stands at `dashColumn`. */
export function blockItemLines(item: YamlValue, dashColumn: number, layout: BlockLayout, itemIndent = layout.itemIndent): string[] {
  const pad = ' '.repeat(dashColumn);
  if (item.kind === 'map' && item.entries.length > 0) {
    const lines = blockEntryLines(item.entries, dashColumn + itemIndent, layout);
    lines[0] = `${pad}-${' '.repeat(itemIndent - 1)}${(lines[0] as string).slice(dashColumn + itemIndent)}`;
    return lines;
  }
  return [`${pad}- ${item.kind === 'scalar' ? blockScalar(item) : flowText(item)}`];
}

// ---------------------------------------------------------------------------
// where to write

/**
 * Where a node's content ends: after its last character that is neither blank nor part of a
 * trailing comment. A block collection ends where its last item does; a block scalar's range
 * includes its line break, an empty value's range may start on the next comment.
 */
export function contentEnd(text: string, node: Node): number {
  let end: number | undefined;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    for (let i = node.items.length - 1; i >= 0 && end === undefined; i--) {
      const item = node.items[i] as unknown;
      if (isPair(item)) {
        const value = item.value as Node | null;
        const key = item.key as Node | null;
        if (value?.range) end = contentEnd(text, value);
        else if (key?.range) end = afterColon(text, key.range[1]);
      } else if (item && (item as Node).range) {
        end = contentEnd(text, item as Node);
      }
    }
  }
  if (end === undefined) end = node.range ? node.range[1] : 0;
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1] as string)) end--;
  return end;
}

/** The offset just after the `:` that follows a key ending at `keyEnd`. */
export function afterColon(text: string, keyEnd: number): number {
  const colon = text.indexOf(':', keyEnd);
  return colon < 0 ? keyEnd : colon + 1;
}

/** The end of the line holding `offset`, before its line break (after any trailing comment). */
export function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > offset && text[end - 1] === '\r') end--;
  return end;
}

/** The start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether the rest of the line after `offset` holds only blanks. */
export function restOfLineIsBlank(text: string, offset: number): boolean {
  return text.slice(offset, lineEnd(text, offset)).trim() === '';
}

/**
 * Inserts entries into a mapping after its last key: as `, key: value` inside the braces of a
 * flow mapping, as lines at the mapping's key column after its last line in a block mapping.
 */
export function insertIntoMapping(yaml: YamlDocument, map: YAMLMap, entries: readonly YamlEntry[], layout: BlockLayout, eol: LineEnding): OffsetEdit | undefined {
  const source = yaml.text;
  if (entries.length === 0 || !map.range) return undefined;
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (!last || !isPair(last)) {
      return { start: map.range[0], end: map.range[1], text: `{ ${flowEntries(entries)} }` };
    }
    const end = pairEnd(source, last.key as Node | null, last.value as Node | null);
    return { start: end, end, text: `, ${flowEntries(entries)}` };
  }
  const key = firstKey(map);
  if (!key?.range) return undefined;
  const column = yaml.index.position(key.range[0]).character;
  const at = lineEnd(source, contentEnd(source, map));
  const lines = blockEntryLines(entries, column, layout);
  return { start: at, end: at, text: lines.map((line) => eol + line).join('') };
}

function pairEnd(source: string, key: Node | null, value: Node | null): number {
  if (value?.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])) {
    return isMap(value) || isSeq(value) ? value.range[1] : contentEnd(source, value);
  }
  return key?.range ? afterColon(source, key.range[1]) : 0;
}

/**
 * Appends mappings to a list: after its last item, in the list's style. A block list gets block
 * items at its dashes' column (with a blank line between items where the list has them); a
 * flow list gets `, { … }`, on lines of their own where its items stand so.
 */
export function appendToList(
  yaml: YamlDocument,
  seq: YAMLSeq,
  items: readonly YamlEntry[][],
  layout: BlockLayout,
  eol: LineEnding,
): OffsetEdit | undefined {
  const source = yaml.text;
  const written = (seq.items as (Node | null)[]).filter((item): item is Node => item != null && item.range != null);
  const last = written[written.length - 1];
  if (items.length === 0 || !last || !seq.range) return undefined;
  if (seq.flow) {
    const end = isMap(last) || isSeq(last) ? (last.range as [number, number, number])[1] : contentEnd(source, last);
    const onOwnLines = lineStart(source, last.range![0]) !== lineStart(source, seq.range[0]);
    if (!onOwnLines) return { start: end, end, text: items.map((entries) => `, ${flowMapping(entries)}`).join('') };
    const column = yaml.index.position(last.range![0]).character;
    const pad = ' '.repeat(column);
    return { start: end, end, text: items.map((entries) => `,${eol}${pad}${wrappedFlowMapping(entries, column, eol)}`).join('') };
  }
  const first = written[0] as Node;
  const firstDash = dashBefore(source, first);
  if (firstDash === undefined) return undefined;
  const dashColumn = yaml.index.position(firstDash).character;
  // Items are written as block mappings even where the others are `- { … }`: a scenario with its
  // lists of steps would make a line of several hundred characters.
  const firstBlock = written.find((item): item is YAMLMap => isMap(item) && !item.flow);
  const firstBlockDash = firstBlock ? dashBefore(source, firstBlock) : undefined;
  const itemIndent = firstBlock?.range && firstBlockDash !== undefined ? firstBlock.range[0] - firstBlockDash : layout.itemIndent;
  const gap = blankLineBetweenItems(source, written) ? eol : '';
  const at = lineEnd(source, contentEnd(source, seq));
  const lines = items.map((entries) => blockItemLines(mapping(entries), dashColumn, layout, itemIndent));
  return { start: at, end: at, text: lines.map((itemLines) => gap + itemLines.map((line) => eol + line).join('')).join('') };
}

/**
 * A flow mapping over several lines, for flow lists whose items stand on lines of their own:
 * each list-valued entry on a line of its own, scalars together, continuation lines indented
 * two columns past the brace at `column`.
 */
function wrappedFlowMapping(entries: readonly YamlEntry[], column: number, eol: LineEnding): string {
  const lines: string[][] = [[]];
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    const breakBefore = i > 0 && (e.value.kind !== 'scalar' || (previous !== undefined && previous.value.kind !== 'scalar'));
    if (breakBefore) lines.push([]);
    (lines[lines.length - 1] as string[]).push(flowEntries([e]));
  });
  return `{ ${lines.map((line) => line.join(', ')).join(`,${eol}${' '.repeat(column + 2)}`)} }`;
}

/** Whether the list separates its items by a blank line (judged by its last two items). */
function blankLineBetweenItems(source: string, items: readonly Node[]): boolean {
  if (items.length < 2) return false;
  const previous = items[items.length - 2] as Node;
  const last = items[items.length - 1] as Node;
  const between = source.slice(lineEnd(source, contentEnd(source, previous)), lineStart(source, last.range![0]));
  return /\n[ \t]*\r?\n/.test(between);
}

/**
 * Writes block list items as the value of `key`, whose value is now empty (`key:`), `~` or an
 * empty flow list `[]`: the empty token goes, the items follow on the next lines; a comment after
 * the token stays on the key's line. Inside a flow collection, a flow list is written instead.
 */
export function fillEmptyValue(
  yaml: YamlDocument,
  key: Node,
  value: Node | null,
  items: readonly YamlEntry[][],
  layout: BlockLayout,
  eol: LineEnding,
  inFlow: boolean,
): OffsetEdit[] {
  const source = yaml.text;
  if (!key.range || items.length === 0) return [];
  let tokenStart = afterColon(source, key.range[1]);
  let tokenEnd = tokenStart;
  if (value?.range && value.range[1] > value.range[0]) {
    tokenStart = value.range[0];
    tokenEnd = value.range[1];
  }
  if (inFlow) {
    const text = `[${items.map((entries) => flowMapping(entries)).join(', ')}]`;
    return tokenEnd > tokenStart ? [{ start: tokenStart, end: tokenEnd, text }] : [{ start: tokenStart, end: tokenStart, text: ` ${text}` }];
  }
  const keyColumn = yaml.index.position(key.range[0]).character;
  const dashColumn = keyColumn + layout.sequenceIndent;
  const block = items.map((entries) => blockItemLines(mapping(entries), dashColumn, layout).map((line) => eol + line).join('')).join('');
  // The blanks before the token go with it, so that no trailing blank stays on the key's line.
  let deleteFrom = tokenStart;
  while (deleteFrom > 0 && (source[deleteFrom - 1] === ' ' || source[deleteFrom - 1] === '\t')) deleteFrom--;
  const colonEnd = afterColon(source, key.range[1]);
  if (deleteFrom < colonEnd) deleteFrom = colonEnd;
  if (restOfLineIsBlank(source, tokenEnd)) {
    return [{ start: deleteFrom, end: lineEnd(source, tokenEnd), text: block }];
  }
  const edits: OffsetEdit[] = [];
  if (tokenEnd > tokenStart) edits.push({ start: deleteFrom, end: tokenEnd, text: '' });
  const at = lineEnd(source, tokenEnd);
  edits.push({ start: at, end: at, text: block });
  return edits;
}

// ---------------------------------------------------------------------------
// finding the place

/** A node named by a JSON pointer, and whether it is written where the path leads. */
export interface PointerTarget {
  readonly value: Node | null;
  /** The key whose value it is (undefined for the root and list items). */
  readonly keyNode: Node | undefined;
  /**
   * False when the way led through an alias or a merge key: the text stands elsewhere (at the
   * anchor), and an insertion there would change every place that uses it.
   */
  readonly own: boolean;
}

/** Follows a JSON pointer (as ajv's `instancePath`) through the YAML. */
export function nodeAtPointer(yaml: YamlDocument, pointer: string): PointerTarget | undefined {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let own = !isAlias(yaml.root);
  let here: PointerTarget = { value: yaml.resolve(yaml.root), keyNode: undefined, own };
  for (const segment of segments) {
    const node = here.value;
    if (isMap(node)) {
      const found = yaml.entries(node).get(segment);
      if (!found) return undefined;
      const ownPair = node.items.some((item) => isPair(item) && item.key === found.keyNode);
      own = own && ownPair && !isAlias(found.written);
      here = { value: found.value, keyNode: found.keyNode, own };
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) return undefined;
      own = own && !isAlias(item);
      here = { value: yaml.resolve(item), keyNode: undefined, own };
    } else {
      return undefined;
    }
  }
  return here;
}

/** The own pair of `key` in a mapping (not one merged in through `<<`). */
export function ownPair(map: YAMLMap, key: string): { key: Node; value: Node | null } | undefined {
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as Node | null;
    if (keyNode && isScalar(keyNode) && String(keyNode.value) === key) return { key: keyNode, value: (item.value as Node | null) ?? null };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// applying

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
