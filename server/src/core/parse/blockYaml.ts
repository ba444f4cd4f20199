import { Document, isMap, isScalar, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { readBlockLines, type Line, type RunLine } from './blockLines';
import { MappingKeys } from './treeChecks';
import { BACKSLASH, CLOSE_BRACKET, COLON, COMMA, DASH, DOUBLE_QUOTE, FLOW_SPECIAL, GREATER, HASH, INDICATORS, MAYBE_NOT_STRING, OPEN_BRACKET, PIPE, RETURN, SINGLE_QUOTE, SPACE } from './charCodes';

/**
 * A fast path for the YAML that plans are written in: block mappings and lists, one-line plain
 * and quoted scalars, one-line flow lists of plain scalars, comments and blank lines. It makes
 * the same tree as yaml's parseDocument (the same node classes, values, tags, ranges; the
 * composer options of parseYaml) about four times faster, because it reads lines instead of
 * running yaml's general token parser, and it declines (undefined) whatever it does not know
 * exactly: anchors, aliases, tags, block scalars, multi-line scalars, flow mappings, nested
 * flow, escapes, tabs, document markers, directives, and every kind of error but one. Then
 * parseYaml takes yaml's own way. The one error it reports is a duplicate key, as checkTree
 * (treeChecks.ts) does on yaml's tree, found as the keys are read. test/unit/blockYaml.test.ts
 * compares the two trees on every fixture and on random plans with comments and blank lines
 * everywhere.
 *
 * Comments are not kept on the nodes (drplan never reads them), but where they sit still moves
 * the ends of ranges exactly as in yaml: a comment indented deeper than the innermost
 * collection, after a value, extends that value's range; comments left at the end of a
 * collection stay in its range when one of them is indented at least as deep as it.
 */
export function parseBlockYaml(text: string): Document.Parsed | undefined {
  if (UNSUPPORTED_TEXT.test(text)) return undefined;
  try {
    return new BlockYamlParser(text).parse();
  } catch {
    // Declined (DECLINE), or anything unforeseen: yaml's own parser decides either way.
    return undefined;
  }
}

/**
 * Tabs, control characters, byte-order marks, lone carriage returns, directives and document
 * markers: left to yaml. (Anchors, aliases, tags, block scalars and flow mappings are declined
 * where a node starts with their indicator.)
 */
const UNSUPPORTED_TEXT = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)|^(?:%|---|\.\.\.)/m;

const DECLINE = Symbol('decline');
function decline(): never {
  throw DECLINE;
}

/** The composer options of parseYaml (yamlDocument.ts). */
const OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

/** Comments and blank lines after a collection's last item that have not found their place. */
interface Trail {
  /** The deepest indentation of a comment in it, -1 for none. */
  deepestComment: number;
  /** Where it ends: the content of the next line, or the end of the text. */
  end: number;
}

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

const MAX_DEPTH = 64;
const MAX_KEY_LENGTH = 1000;

class BlockYamlParser {
  private readonly lines: readonly Line[];
  /** Comment and blank lines after the last content line. */
  private readonly finalRun: readonly RunLine[];
  private at = 0;
  private trail: Trail | null = null;
  private readonly doc = new Document(undefined, OPTIONS) as Document.Parsed;
  private readonly tags: readonly ScalarTag[];
  private readonly stringTag: ScalarTag;
  private depth = 0;
  /** The keys read so far of the mapping at each depth (reused by the next mapping there). */
  private readonly keysAt: MappingKeys[] = [];

  constructor(private readonly text: string) {
    this.tags = (this.doc.schema as unknown as { tags: ScalarTag[] }).tags;
    this.stringTag = this.tags.find((tag) => (tag as { tag?: string }).tag === 'tag:yaml.org,2002:str') ?? decline();
    ({ lines: this.lines, finalRun: this.finalRun } = readBlockLines(text));
  }

  parse(): Document.Parsed {
    const first = this.lines[0];
    if (!first) decline();
    const root = this.isItem(first) ? this.sequence(first.indent) : this.mapping(first, first.content);
    if (this.at < this.lines.length) decline();
    const contentEnd = (root.range as [number, number, number])[2];
    this.doc.contents = root as never;
    this.doc.range = [first.start, contentEnd, this.trail ? this.text.length : contentEnd];
    return this.doc;
  }

  private isItem(line: Line): boolean {
    return this.text.charCodeAt(line.content) === DASH && this.isSpaceOrEnd(line.content + 1, line.end);
  }

  private isSpaceOrEnd(offset: number, end: number): boolean {
    return offset >= end || this.text.charCodeAt(offset) === SPACE;
  }

  /** A block mapping whose first key starts at `offset` in `line` (after `- ` for a list item). */
  private mapping(line: Line, offset: number): YAMLMap {
    if (++this.depth > MAX_DEPTH) decline();
    const column = offset - line.start;
    const map = new YAMLMap(this.doc.schema);
    const keys = (this.keysAt[this.depth] ??= new MappingKeys());
    keys.clear();
    let here: Line = line;
    let from = offset;
    for (;;) {
      map.items.push(this.entry(here, from, column, keys));
      const next = this.lines[this.at];
      if (next && next.indent === column) {
        if (this.isItem(next)) decline();
        this.trail = null; // it becomes the next key's comment
        here = next;
        from = next.content;
        continue;
      }
      if (next && next.indent > column) decline();
      break;
    }
    this.close(map, offset, column, map.items[map.items.length - 1]?.value as Node);
    this.depth--;
    return map;
  }

  /**
   * A block list whose dashes stand in `column`, starting at the current line; `besideKey` when
   * it is the value of a key in the same column (then that mapping's next key ends it).
   */
  private sequence(column: number, besideKey = false): YAMLSeq {
    if (++this.depth > MAX_DEPTH) decline();
    const seq = new YAMLSeq(this.doc.schema);
    const first = this.lines[this.at] as Line;
    for (;;) {
      const line = this.lines[this.at] as Line;
      let offset = line.content + 1;
      while (offset < line.end && this.text.charCodeAt(offset) === SPACE) offset++;
      if (offset >= line.end || this.text.charCodeAt(offset) === HASH) decline(); // an empty item
      if (this.text.charCodeAt(offset) === DASH && this.isSpaceOrEnd(offset + 1, line.end)) decline(); // `- - x`
      const key = this.keyEnd(line, offset);
      if (key !== undefined) {
        seq.items.push(this.mapping(line, offset));
      } else {
        seq.items.push(this.value(line, offset, column));
      }
      const next = this.lines[this.at];
      if (next && next.indent === column && this.isItem(next)) {
        this.trail = null;
        continue;
      }
      if (next && (next.indent > column || (next.indent === column && !besideKey))) decline();
      break;
    }
    this.close(seq, first.content, column, seq.items[seq.items.length - 1] as Node);
    this.depth--;
    return seq;
  }

  /**
   * A collection's range when the line after it is not its own: its last item's end, and the
   * comments trailing it if one of them is indented at least as deep as the collection (yaml's
   * parser keeps them there; otherwise they move on to the parent).
   */
  private close(collection: YAMLMap | YAMLSeq, start: number, column: number, last: Node | null | undefined): void {
    const lastEnd = (last?.range as [number, number, number] | undefined)?.[2] ?? decline();
    const trail = this.trail;
    if (trail && column !== 0 && trail.deepestComment >= column) {
      collection.range = [start, lastEnd, trail.end];
      this.trail = null;
    } else {
      collection.range = [start, lastEnd, lastEnd];
    }
  }

  /**
   * One `key: value` of a block mapping at `column` whose `keys` are read so far; leaves `at` at
   * the next unread line. A duplicate key is reported before the value is read: the errors stay
   * in the order of the text.
   */
  private entry(line: Line, offset: number, column: number, keys: MappingKeys): Pair {
    const colon = this.keyEnd(line, offset);
    if (colon === undefined) decline(); // a scalar where a key belongs
    const key = this.keyScalar(line, offset, colon);
    const duplicate = keys.add(key);
    if (duplicate) this.doc.errors.push(duplicate);
    let valueAt = colon + 1;
    while (valueAt < line.end && this.text.charCodeAt(valueAt) === SPACE) valueAt++;
    if (valueAt < line.end && this.text.charCodeAt(valueAt) !== HASH) return new Pair(key, this.value(line, valueAt, column));
    // Nothing after the colon: a nested block on the next lines, or an empty value.
    this.at++;
    const next = this.lines[this.at];
    if (next && (next.indent > column || (next.indent === column && this.isItem(next)))) {
      this.trail = null;
      // A list may stand in the key's own column (`key:` / `- item`).
      const value = this.isItem(next) ? this.sequence(next.indent, next.indent === column) : this.mapping(next, next.content);
      return new Pair(key, value);
    }
    const before = next ? next.before : this.finalRun;
    if (valueAt !== colon + 1 || valueAt !== line.end || before.length > 0) decline();
    const empty = this.scalar('', 'PLAIN', colon + 1, colon + 1, colon + 1, false);
    this.trail = null;
    return new Pair(key, empty);
  }

  /**
   * Where the colon of a `key:` on this line is, if the text at `offset` is an implicit key:
   * a plain or quoted scalar on this line followed by `:` and a space or the end of the line.
   */
  private keyEnd(line: Line, offset: number): number | undefined {
    const text = this.text;
    const first = text.charCodeAt(offset);
    let after: number;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      after = this.quoteEnd(line, offset) + 1;
      while (after < line.end && text.charCodeAt(after) === SPACE) after++;
      if (after < line.end && text.charCodeAt(after) === COLON && this.isSpaceOrEnd(after + 1, line.end)) return after;
      return undefined;
    }
    for (let i = offset; i < line.end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && this.isSpaceOrEnd(i + 1, line.end)) return i;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }

  private keyScalar(line: Line, offset: number, colon: number): Scalar {
    if (colon - offset > MAX_KEY_LENGTH) decline();
    const first = this.text.charCodeAt(offset);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.quoteEnd(line, offset);
      return this.quoted(offset, close, close + 1, true);
    }
    let end = colon;
    while (end > offset && this.text.charCodeAt(end - 1) === SPACE) end--;
    this.checkPlainStart(offset, end);
    return this.scalar(this.text.slice(offset, end), 'PLAIN', offset, end, end, true);
  }

  /**
   * The value at `offset` of a mapping entry or list item whose collection stands in `column`:
   * on this line, or a block scalar on the lines below. Leaves `at` at the next unread line.
   */
  private value(line: Line, offset: number, column: number): Scalar | YAMLSeq {
    const first = this.text.charCodeAt(offset);
    if (first === PIPE || first === GREATER) {
      const scalar = this.blockScalar(line, offset, column);
      const end = (scalar.range as [number, number, number])[2];
      while (this.at < this.lines.length && (this.lines[this.at] as Line).start < end) this.at++;
      this.afterValue(scalar, column, end, false);
      return scalar;
    }
    const value = this.inlineValue(line, offset);
    this.at++;
    this.afterValue(value, column, line.next, true);
    return value;
  }

  /**
   * `|` or `>` (with `-` or none as chomping) and the lines indented deeper than `column` below.
   * yaml folds the text (a small parse of just these lines); its range ends after the last line
   * that is not empty.
   */
  private blockScalar(line: Line, header: number, column: number): Scalar {
    const text = this.text;
    let i = header + 1;
    if (text.charCodeAt(i) === DASH) i++;
    this.expectLineEnd(line, i); // declines `|+` and `|2` (keep chomping, explicit indentation)
    let contentIndent = -1;
    let leadingEmpty = 0;
    let end = line.next;
    for (let start = line.next; start < text.length; ) {
      let lineEnd = text.indexOf('\n', start);
      const next = lineEnd < 0 ? text.length : lineEnd + 1;
      if (lineEnd < 0) lineEnd = text.length;
      const contentEnd = lineEnd > start && text.charCodeAt(lineEnd - 1) === RETURN ? lineEnd - 1 : lineEnd;
      let indent = 0;
      while (start + indent < contentEnd && text.charCodeAt(start + indent) === SPACE) indent++;
      if (start + indent === contentEnd) {
        if (contentIndent < 0 && indent > leadingEmpty) leadingEmpty = indent;
      } else {
        if (contentIndent < 0) {
          // An empty block scalar, or empty lines before the text indented deeper than it.
          if (indent <= column || leadingEmpty > indent) decline();
          contentIndent = indent;
        } else if (indent < contentIndent) {
          break;
        }
        end = next;
      }
      start = next;
    }
    if (contentIndent < 0) decline();
    const fragment = parseDocument(`k: ${text.slice(header, end)}`, OPTIONS);
    const pair = isMap(fragment.contents) ? fragment.contents.items[0] : undefined;
    if (fragment.errors.length > 0 || fragment.warnings.length > 0 || !pair || !isScalar(pair.value) || typeof pair.value.value !== 'string') decline();
    const folded = text.charCodeAt(header) === GREATER;
    return this.scalar(pair.value.value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', header, end, end, false, true);
  }

  /** A value that stands on this one line: plain, quoted, or a flow list of plain scalars. */
  private inlineValue(line: Line, offset: number): Scalar | YAMLSeq {
    const text = this.text;
    const first = text.charCodeAt(offset);
    if (first === OPEN_BRACKET) return this.flowList(line, offset);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.quoteEnd(line, offset);
      this.expectLineEnd(line, close + 1);
      return this.quoted(offset, close, line.next, false);
    }
    let end = line.end;
    for (let i = offset; i < line.end; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      if (c === COLON && this.isSpaceOrEnd(i + 1, line.end)) decline(); // a mapping in a value: an error
    }
    while (end > offset && text.charCodeAt(end - 1) === SPACE) end--;
    this.checkPlainStart(offset, end);
    return this.scalar(text.slice(offset, end), 'PLAIN', offset, end, line.next, false);
  }

  /** `[a, b, c]` on one line, plain scalars only. */
  private flowList(line: Line, open: number): YAMLSeq {
    const text = this.text;
    const seq = new YAMLSeq(this.doc.schema);
    seq.flow = true;
    let i = open + 1;
    const skipSpaces = () => {
      while (i < line.end && text.charCodeAt(i) === SPACE) i++;
    };
    skipSpaces();
    if (text.charCodeAt(i) !== CLOSE_BRACKET) {
      for (;;) {
        const start = i;
        while (i < line.end && !FLOW_SPECIAL.has(text.charCodeAt(i))) {
          if (text.charCodeAt(i) === COLON && (i + 1 >= line.end || text.charCodeAt(i + 1) === SPACE || FLOW_SPECIAL.has(text.charCodeAt(i + 1)))) decline();
          i++;
        }
        let end = i;
        while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
        if (end === start) decline();
        this.checkPlainStart(start, end);
        const item = this.scalar(text.slice(start, end), 'PLAIN', start, end, i, false);
        seq.items.push(item);
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i++;
          skipSpaces();
          if (text.charCodeAt(i) === CLOSE_BRACKET) decline(); // a trailing comma
          continue;
        }
        if (c === CLOSE_BRACKET) break;
        decline();
      }
    }
    if (i >= line.end) decline();
    this.expectLineEnd(line, i + 1);
    seq.range = [open, i + 1, line.next];
    return seq;
  }

  /** Only spaces and a comment may follow a value on its line. */
  private expectLineEnd(line: Line, offset: number): void {
    let i = offset;
    while (i < line.end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < line.end && !(this.text.charCodeAt(i) === HASH && i > offset)) decline();
  }

  private checkPlainStart(start: number, end: number): void {
    if (end <= start) decline();
    const first = this.text.charCodeAt(start);
    if (INDICATORS.has(first)) decline();
    if ((first === DASH || first === COLON || first === 63) && this.isSpaceOrEnd(start + 1, end)) decline();
  }

  /** The offset of the closing quote of the quoted scalar at `open`, on the same line. */
  private quoteEnd(line: Line, open: number): number {
    const text = this.text;
    const quote = text.charCodeAt(open);
    for (let i = open + 1; i < line.end; i++) {
      const c = text.charCodeAt(i);
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) decline(); // escapes: yaml reads them
      if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          i++;
          continue;
        }
        return i;
      }
    }
    return decline(); // a quoted scalar over several lines
  }

  private quoted(open: number, close: number, nodeEnd: number, atKey: boolean): Scalar {
    const inner = this.text.slice(open + 1, close);
    if (this.text.charCodeAt(open) === SINGLE_QUOTE) return this.scalar(inner.replaceAll("''", "'"), 'QUOTE_SINGLE', open, close + 1, nodeEnd, atKey, true);
    return this.scalar(inner, 'QUOTE_DOUBLE', open, close + 1, nodeEnd, atKey, true);
  }

  /** A scalar as yaml's composer makes it: the core schema's tag found by its test, for plain ones. */
  private scalar(source: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number, atKey: boolean, quoted = false): Scalar {
    let tag = this.stringTag;
    if (!quoted && (source === '' || MAYBE_NOT_STRING.has(source.charCodeAt(0)))) {
      tag = this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source)) ?? this.stringTag;
    }
    const resolved = tag.resolve(source, () => decline(), this.doc.options);
    const node = isScalar(resolved) ? resolved : new Scalar(resolved);
    node.range = [start, valueEnd, nodeEnd];
    node.source = source;
    node.type = type;
    if (tag.format) node.format = tag.format;
    return node;
  }

  /**
   * After a value that ended its line: the comment and blank lines up to the next content line.
   * A comment indented deeper than the innermost collection (`column`), with nothing but blank
   * lines between it and the value, belongs to the value's range (yaml's parser appends it to the
   * end of a scalar or flow list on one line, not to a block scalar); the others trail the
   * collection until the next line says where they go.
   */
  private afterValue(value: Scalar | YAMLSeq, column: number, valueEnd: number, joinable: boolean): void {
    const next = this.lines[this.at];
    const run = next ? next.before : this.finalRun;
    const range = value.range as [number, number, number];
    if (range[2] !== valueEnd) decline();
    let trail: Trail | null = null;
    let commented = false;
    // Indexed: after most values the run is empty, and for…of would still make an iterator.
    for (let i = 0; i < run.length; i++) {
      const runLine = run[i] as RunLine;
      if (runLine.start < valueEnd) continue; // a line of a block scalar
      if (joinable && runLine.indent > column && !commented) {
        range[2] = runLine.next;
        trail = null;
        continue;
      }
      trail ??= { deepestComment: -1, end: 0 };
      if (runLine.indent >= 0) {
        commented = true;
        if (runLine.indent > trail.deepestComment) trail.deepestComment = runLine.indent;
      }
    }
    if (next && next.indent > 0) trail ??= { deepestComment: -1, end: 0 };
    if (trail) trail.end = next ? next.content : this.text.length;
    this.trail = trail;
  }
}
