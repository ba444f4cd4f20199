import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlDocument } from '../parse/yamlDocument';
import type { Layout, LineEnding } from './layout';
import { lineEnd, lineStart, restOfLineIsBlank } from './lines';
import type { OffsetEdit } from './offsetEdits';
import { replacementText } from './scalar';
import { ownPair } from './pointer';
import { blockEntryLines, blockItemLines, entry, flowEntries, flowMapping, inlineText, list, mapping, type WriteOptions, type YamlEntry } from './write';

/**
 * Minimal edits of a plan's text. They insert or replace a few characters where the YAML AST
 * says; they never re-serialise the document, so comments, blank lines, quoting, key order and
 * line endings everywhere else stay byte for byte as the author wrote them. New text follows the
 * document's own habits: its line ending, its indentation (./layout.ts), block or flow style.
 */

/** Replaces the scalar at `span` by the string `value`, in the quotes the old value had. */
export function replaceScalar(source: string, span: { start: number; end: number }, value: string): OffsetEdit {
  return { start: span.start, end: span.end, text: replacementText(source, span, value) };
}

/**
 * Inserts entries into a mapping after its last key: as `, key: value` inside the braces of a
 * flow mapping, as lines at the mapping's key column after its last line in a block mapping.
 * `options.snippet` writes the text as a snippet (tab stops, the rest escaped), as the edits below.
 */
export function insertIntoMapping(
  yaml: YamlDocument,
  map: YAMLMap,
  entries: readonly YamlEntry[],
  layout: Layout,
  eol: LineEnding,
  options: WriteOptions = {},
): OffsetEdit | undefined {
  const source = yaml.text;
  if (entries.length === 0 || !map.range) return undefined;
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (!last || !isPair(last)) {
      return { start: map.range[0], end: map.range[1], text: `{ ${flowEntries(entries, options)} }` };
    }
    const end = pairEnd(source, last.key as Node | null, last.value as Node | null);
    return { start: end, end, text: `, ${flowEntries(entries, options)}` };
  }
  const key = firstKey(map);
  if (!key?.range) return undefined;
  const column = yaml.index.position(key.range[0]).character;
  const at = lineEnd(source, contentEnd(source, map));
  const lines = blockEntryLines(entries, column, layout, options);
  return { start: at, end: at, text: lines.map((line) => eol + line).join('') };
}

/**
 * Top-level entries for a document without content: in place of a lone `~` (or other empty
 * scalar), or after whatever comments there are.
 */
export function insertIntoEmptyDocument(yaml: YamlDocument, entries: readonly YamlEntry[], layout: Layout, eol: LineEnding): OffsetEdit {
  const text = yaml.text;
  const lines = blockEntryLines(entries, 0, layout).join(eol);
  const root = yaml.root;
  if (root?.range && root.range[1] > root.range[0]) return { start: root.range[0], end: root.range[1], text: lines };
  const separator = text.length > 0 && !text.endsWith('\n') ? eol : '';
  return { start: text.length, end: text.length, text: `${separator}${lines}${eol}` };
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
  layout: Layout,
  eol: LineEnding,
  options: WriteOptions = {},
): OffsetEdit | undefined {
  const source = yaml.text;
  const written = (seq.items as (Node | null)[]).filter((item): item is Node => item != null && item.range != null);
  const last = written[written.length - 1];
  if (items.length === 0 || !last || !seq.range) return undefined;
  if (seq.flow) {
    const end = isMap(last) || isSeq(last) ? (last.range as [number, number, number])[1] : contentEnd(source, last);
    const onOwnLines = lineStart(source, last.range![0]) !== lineStart(source, seq.range[0]);
    if (!onOwnLines) return { start: end, end, text: items.map((entries) => `, ${flowMapping(entries, options)}`).join('') };
    const column = yaml.index.position(last.range![0]).character;
    const pad = ' '.repeat(column);
    return { start: end, end, text: items.map((entries) => `,${eol}${pad}${wrappedFlowMapping(entries, column, eol, options)}`).join('') };
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
  const lines = items.map((entries) => blockItemLines(mapping(entries), dashColumn, layout, { ...options, itemIndent }));
  return { start: at, end: at, text: lines.map((itemLines) => gap + itemLines.map((line) => eol + line).join('')).join('') };
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
  layout: Layout,
  eol: LineEnding,
  inFlow: boolean,
  options: WriteOptions = {},
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
    const text = `[${items.map((entries) => flowMapping(entries, options)).join(', ')}]`;
    return tokenEnd > tokenStart ? [{ start: tokenStart, end: tokenEnd, text }] : [{ start: tokenStart, end: tokenStart, text: ` ${text}` }];
  }
  const keyColumn = yaml.index.position(key.range[0]).character;
  const dashColumn = keyColumn + layout.sequenceIndent;
  const block = items.map((entries) => blockItemLines(mapping(entries), dashColumn, layout, options).map((line) => eol + line).join('')).join('');
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

/**
 * Adds mappings to the list `key` of `map`, in the list's style: after its last item, in place
 * of an empty value (`key:`, `~`, `[]`), or, where `map` has no such key and `create` allows,
 * as a new `key:` with the list. Nothing where the value is something else (a text, a mapping).
 */
export function addToListOf(
  yaml: YamlDocument,
  map: YAMLMap,
  key: string,
  items: readonly YamlEntry[][],
  layout: Layout,
  eol: LineEnding,
  options: WriteOptions & { readonly create?: boolean } = {},
): OffsetEdit[] {
  const pair = ownPair(map, key);
  if (!pair) {
    if (options.create === false) return [];
    const edit = insertIntoMapping(yaml, map, [entry(key, list(items.map(mapping)))], layout, eol, options);
    return edit ? [edit] : [];
  }
  const value: Node | null = pair.value as Node | null;
  if (isSeq(value) && value.items.some((item) => item != null)) {
    const edit = appendToList(yaml, value, items, layout, eol, options);
    return edit ? [edit] : [];
  }
  const empty = value == null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null);
  if (!empty) return [];
  return fillEmptyValue(yaml, pair.key as Node, value, items, layout, eol, map.flow === true, options);
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

/** The offset of the `-` that introduces a block list item, when it stands on the item's line. */
export function dashBefore(text: string, item: Node | null | undefined): number | undefined {
  const start = item?.range?.[0];
  if (start === undefined) return undefined;
  let at = start - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return at >= 0 && text[at] === '-' ? at : undefined;
}

function firstKey(map: YAMLMap): Node | null {
  const pair = map.items.find((item) => isPair(item));
  return (pair?.key as Node | null | undefined) ?? null;
}

function pairEnd(source: string, key: Node | null, value: Node | null): number {
  if (value?.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])) {
    return isMap(value) || isSeq(value) ? value.range[1] : contentEnd(source, value);
  }
  return key?.range ? afterColon(source, key.range[1]) : 0;
}

/**
 * A flow mapping over several lines, for flow lists whose items stand on lines of their own:
 * each list-valued entry on a line of its own, scalars together, continuation lines indented
 * two columns past the brace at `column`.
 */
function wrappedFlowMapping(entries: readonly YamlEntry[], column: number, eol: LineEnding, options: WriteOptions = {}): string {
  const lines: string[][] = [[]];
  // A tab stop or a choice stands for a scalar.
  const scalar = (value: YamlEntry['value']) => value.kind === 'scalar' || value.kind === 'tabStop' || value.kind === 'choice' || value.kind === 'empty';
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    const breakBefore = i > 0 && (!scalar(e.value) || (previous !== undefined && !scalar(previous.value)));
    if (breakBefore) lines.push([]);
    (lines[lines.length - 1] as string[]).push(flowEntries([e], options));
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

// ---------------------------------------------------------------------------
// values set and keys removed in place (the availability import: drplan measure --write)

/**
 * Sets `entries` in a mapping as values on their keys' lines: a key the mapping has of its own
 * gets the new value in place of the old one (comments after it stay); a key it lacks (or has
 * only through a merge key) is inserted after its last key. For scalars and flow values: an
 * entry whose value is a block list or mapping is inserted only, never set.
 */
export function setMappingValues(
  yaml: YamlDocument,
  map: YAMLMap,
  entries: readonly YamlEntry[],
  layout: Layout,
  eol: LineEnding,
): OffsetEdit[] {
  const source = yaml.text;
  const edits: OffsetEdit[] = [];
  const missing: YamlEntry[] = [];
  for (const wanted of entries) {
    const pair = ownPair(map, wanted.key);
    if (!pair?.key.range) {
      missing.push(wanted);
      continue;
    }
    const written = inlineText(wanted.value, map.flow === true);
    const value = pair.value;
    if (value?.range && value.range[1] > value.range[0]) {
      const end = isMap(value) || isSeq(value) ? (value.flow ? value.range[1] : contentEnd(source, value)) : contentEnd(source, value);
      edits.push({ start: value.range[0], end, text: written });
    } else {
      // `key:` with nothing after it: the value follows the colon.
      const at = afterColon(source, pair.key.range[1]);
      edits.push({ start: at, end: at, text: ` ${written}` });
    }
  }
  const inserted = insertIntoMapping(yaml, map, missing, layout, eol);
  return inserted ? [...edits, inserted] : edits;
}

/**
 * Removes `key` and its value from a mapping: in a block mapping its lines (a comment on them
 * goes too), or, where it stands first on a list item's dash line, up to the next key, which
 * takes its place after the dash; in a flow mapping, the entry and one comma. Nothing when the
 * mapping has no such key of its own, or it is the mapping's only key (an empty item would stay).
 */
export function removeFromMapping(yaml: YamlDocument, map: YAMLMap, key: string): OffsetEdit | undefined {
  const source = yaml.text;
  const pairs = map.items.filter((item) => isPair(item));
  const index = pairs.findIndex((item) => isScalar(item.key) && String(item.key.value) === key);
  const pair = pairs[index];
  const keyNode = pair?.key as Node | null | undefined;
  if (!pair || !keyNode?.range || pairs.length < 2) return undefined;
  const end = pairEnd(source, keyNode, pair.value as Node | null);
  const next = pairs[index + 1]?.key as Node | null | undefined;
  if (map.flow) {
    // `a: 1, key: 2, b: 3` → `a: 1, b: 3`; the last entry takes the comma before it.
    if (next?.range) return { start: keyNode.range[0], end: next.range[0], text: '' };
    const previous = pairs[index - 1] as (typeof pairs)[number];
    return { start: pairEnd(source, previous.key as Node | null, previous.value as Node | null), end, text: '' };
  }
  const start = lineStart(source, keyNode.range[0]);
  if (source.slice(start, keyNode.range[0]).trim() !== '') {
    // `- key: v` on the dash's line: the next key moves up behind the dash.
    return next?.range ? { start: keyNode.range[0], end: next.range[0], text: '' } : undefined;
  }
  const lineAfter = source.indexOf('\n', lineEnd(source, end));
  return { start, end: lineAfter < 0 ? source.length : lineAfter + 1, text: '' };
}
