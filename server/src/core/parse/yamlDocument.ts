import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Composer,
  CST,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type Alias,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { MAX_NESTING_DEPTH } from '../limits';
import { parseBlockYaml } from './blockYaml';
import { checkTree, hasMergeKey, isMergeKey } from './treeChecks';
import { lineStartsIn, TextIndex } from '../text';

/** A YAML problem found while reading the text, before any drplan rule looks at it. */
export interface YamlProblem {
  readonly kind: 'parser' | 'unknown-anchor' | 'alias-expansion' | 'merge-expansion' | 'control-character';
  /** yaml's error code, for `parser` problems. */
  readonly yamlCode?: string;
  readonly detail: string;
  readonly start: number;
  readonly end: number;
}

/** One entry of a mapping as drplan sees it: merge keys (`<<`) resolved, aliases followed. */
export interface MapEntry {
  readonly key: string;
  readonly keyNode: Node;
  /** The node as written: an alias stays an alias, so ranges point where the author wrote it. */
  readonly written: Node | null;
  /** The node the value stands for (aliases followed). */
  readonly value: Node | null;
  /** Taken over from a merge source (`<<: *base`), not written in this mapping. */
  readonly merged?: true;
}

/**
 * The parsed YAML of one text: the yaml AST with positions, a resolved anchor table and the
 * problems found. Built once per document version; everything else reads from it.
 */
export class YamlDocument {
  readonly doc: Document.Parsed;
  readonly index: TextIndex;
  readonly problems: YamlProblem[] = [];
  /**
   * Aliases that stand for nothing: unknown anchors and expansions refused as too large. They are
   * reported once as yaml-syntax; checks of the value they stand for would only repeat it.
   */
  readonly brokenAliases = new Set<Node>();
  /** Alias → the node its anchor names (the closest preceding definition, as YAML says). */
  private readonly aliasTargets = new Map<Alias, Node>();
  private readonly entriesCache = new WeakMap<YAMLMap, ReadonlyMap<string, MapEntry>>();
  /** How many nodes the text holds: the base of the alias-expansion budget. */
  readonly nodeCount: number;
  /** Entries taken over by merge keys so far, against the same budget as alias expansion. */
  private mergedEntries = 0;
  private mergeReports = 0;

  /**
   * Parses `text`; or, with `patched`, takes a document the incremental parser (incremental.ts)
   * already made of it by splicing a re-parsed piece into the previous version's tree.
   */
  constructor(
    readonly text: string,
    /**
     * A tree patched from the previous version's (parse/incremental.ts), whose text had no
     * problem: only `changed` (the new text's changed region) can hold a control character.
     */
    patched?: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter; readonly changed: { readonly start: number; readonly end: number } },
    unparsed = false,
  ) {
    const lineCounter = patched?.lineCounter ?? lineCounterOf(text);
    this.doc = patched?.doc ?? parseYaml(text);
    this.index = new TextIndex(text, lineCounter);
    for (const error of [...this.doc.errors, ...this.doc.warnings]) {
      this.problems.push({
        kind: 'parser',
        yamlCode: error.code,
        detail: error.message,
        start: error.pos[0],
        end: error.pos[1],
      });
    }
    if (unparsed) {
      this.nodeCount = 0;
      return;
    }
    // Without an asterisk there is no alias to resolve: skip the walk (most plans).
    this.nodeCount = text.includes('*') ? this.resolveAnchors() : 0;
    this.findControlCharacter(patched?.changed);
  }

  /**
   * The text without its YAML: for a text too large to be parsed (analysis.ts). The lines are
   * still known, so that a diagnostic can stand on the first.
   */
  static unparsed(text: string): YamlDocument {
    return new YamlDocument(text, { doc: parseYaml(''), lineCounter: lineCounterOf(text), changed: { start: 0, end: text.length } }, true);
  }

  get root(): Node | null {
    const contents = this.doc.contents;
    return contents ?? null;
  }

  /** A document without content: empty, only comments or blanks, a lone `---` or `~`. */
  get isBlank(): boolean {
    const root = this.root;
    return root == null || (isScalar(root) && (root.value === null || root.value === ''));
  }

  /** The node an alias stands for, or null when its anchor is unknown. */
  resolve(node: Node | null | undefined): Node | null {
    if (node == null) return null;
    if (isAlias(node)) return this.aliasTargets.get(node) ?? null;
    return node;
  }

  /**
   * The entries of a mapping by key. Own keys win over merged ones (`<<: *base`), as in YAML's
   * merge-key convention; later merge sources lose to earlier ones.
   */
  entries(map: YAMLMap): ReadonlyMap<string, MapEntry> {
    const cached = this.entriesCache.get(map);
    if (cached) return cached;
    // Most mappings merge nothing: their entries are their own pairs.
    if (!hasMergeKey(map)) {
      const own = this.entriesOf(map, false);
      this.entriesCache.set(map, own);
      return own;
    }
    // Merge sources first, without recursion: a chain of `<<: *previous` may be thousands long.
    const stack: [YAMLMap, boolean][] = [[map, false]];
    const visiting = new Set<YAMLMap>();
    while (stack.length > 0) {
      const [next, sourcesDone] = stack.pop() as [YAMLMap, boolean];
      if (this.entriesCache.has(next)) continue;
      if (sourcesDone) {
        this.entriesCache.set(next, this.entriesOf(next, true));
        continue;
      }
      if (visiting.has(next)) continue; // anchors precede their aliases: no cycle, but never loop
      visiting.add(next);
      stack.push([next, true]);
      for (const { source } of this.mergeSources(next)) if (!this.entriesCache.has(source)) stack.push([source, false]);
    }
    return this.entriesCache.get(map) ?? new Map();
  }

  /** The mappings a mapping merges in (`<<: *base`, `<<: [*a, *b]`), in order, with their key. */
  private mergeSources(map: YAMLMap): { source: YAMLMap; keyNode: Node }[] {
    const sources: { source: YAMLMap; keyNode: Node }[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (keyNode == null || !isScalar(keyNode) || !isMergeKey(keyNode.value)) continue;
      const value = this.resolve(pair.value as Node | null);
      for (const item of isSeq(value) ? value.items : [value]) {
        const source = this.resolve(item as Node | null);
        if (isMap(source)) sources.push({ source, keyNode });
      }
    }
    return sources;
  }

  /**
   * The entries of a mapping whose merge sources' entries are known already (`merges`: whether it
   * has a merge key). An indexed loop: this runs for every mapping of a plan's first check, in code
   * not yet optimised, where each step of an iterator is an object to collect.
   */
  private entriesOf(map: YAMLMap, merges: boolean): ReadonlyMap<string, MapEntry> {
    const own = new Map<string, MapEntry>();
    const items = map.items;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (keyNode == null || (isScalar(keyNode) && isMergeKey(keyNode.value))) continue;
      const key = isScalar(keyNode) ? String(keyNode.value) : this.complexKey(keyNode);
      if (own.has(key)) continue; // a duplicate key: the parser reports it; the first counts
      const written = (pair.value as Node | null) ?? null;
      own.set(key, { key, keyNode, written, value: this.resolve(written) });
    }
    if (!merges) return own;
    for (const { source, keyNode } of this.mergeSources(map)) {
      const merged = this.entriesCache.get(source);
      if (!merged) continue;
      // Merges multiply like aliases (each mapping takes over all keys of the one before): the
      // entries taken over count against the alias budget.
      if (this.mergedEntries + merged.size > Math.max(10_000, this.nodeCount * 4)) {
        if (this.mergeReports++ < 20) {
          const [start, end] = this.span(keyNode);
          this.problems.push({ kind: 'merge-expansion', detail: '<<', start, end });
        }
        continue;
      }
      this.mergedEntries += merged.size;
      for (const [key, entry] of merged) {
        if (!own.has(key)) own.set(key, entry.merged ? entry : { ...entry, merged: true });
      }
    }
    return own;
  }

  /**
   * A complex key (`? [a, b]`) by its source text: drplan knows no such key, it only has to
   * name it. (yaml's own string of it doubles with each level of `? ? ?`.)
   */
  private complexKey(keyNode: Node): string {
    const [start, end] = this.span(keyNode);
    return this.text.slice(start, Math.min(end, start + 200)).trim();
  }

  /** Where a node stands, as [start, end) offsets. */
  span(node: Node): [number, number] {
    const range = node.range;
    if (!range) return [0, 0];
    return [range[0], range[1]];
  }

  /**
   * Walks the AST once in document order, giving every alias the anchor defined last before it.
   * An anchor is registered after its own children, so an alias inside its own anchored node
   * cannot form a cycle.
   */
  private resolveAnchors(): number {
    const anchors = new Map<string, Node>();
    let count = 0;
    const walk = (node: unknown): void => {
      if (node == null || typeof node !== 'object') return;
      if (isAlias(node)) {
        count++;
        const target = anchors.get(node.source);
        if (target) {
          this.aliasTargets.set(node, target);
        } else {
          this.brokenAliases.add(node);
          const [start, end] = this.span(node);
          this.problems.push({ kind: 'unknown-anchor', detail: node.source, start, end });
        }
        return;
      }
      if (isScalar(node)) {
        count++;
        if (node.anchor) anchors.set(node.anchor, node);
        return;
      }
      if (isMap(node) || isSeq(node)) {
        count++;
        for (const item of node.items) {
          if (isPair(item)) {
            walk(item.key);
            walk(item.value);
          } else {
            walk(item);
          }
        }
        if (node.anchor) anchors.set(node.anchor, node);
      }
    };
    walk(this.doc.contents);
    return count;
  }

  /** YAML forbids C0 control characters (binary data pasted by mistake); say where the first is. */
  private findControlCharacter(within = { start: 0, end: this.text.length }): void {
    const part = within.start === 0 && within.end === this.text.length ? this.text : this.text.slice(within.start, within.end);
    const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(part);
    if (match) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      const start = within.start + match.index;
      this.problems.push({ kind: 'control-character', detail: `U+${code}`, start, end: start + 1 });
    }
  }
}

/** The line starts of a text, as LSP counts lines. */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  lineStartsIn(text, counter);
  return counter;
}

/** Whether mappings and lists nest deeper than `limit` levels below `node` (counting it as 1). */
export function nestsDeeperThan(node: Node | null, limit: number): boolean {
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length > 0) {
    const [here, depth] = stack.pop() as [unknown, number];
    if (!isMap(here) && !isSeq(here)) continue;
    if (depth > limit) return true;
    for (const item of here.items) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else {
        stack.push([item, depth + 1]);
      }
    }
  }
  return false;
}

/**
 * The one way drplan reads YAML: 1.2 core schema, merge keys, unique keys, positions kept, and
 * the nesting limit. Plain block YAML takes the fast path of blockYaml.ts (the same tree);
 * anything else is read as by yaml's parseDocument, with a step between its parser and its composer:
 * collections nested deeper than MAX_NESTING_DEPTH are cut off in the parser's tokens, before
 * yaml's composer (which recurses) and every recursive walk of drplan's (the model, the
 * features) meet them. Cut in the tokens, the result does not depend on how much call stack is
 * left when parsing starts (the composer would stop at the stack's limit, wherever that is).
 */
export function parseYaml(text: string): Document.Parsed {
  // Most plans are plain block YAML: read line by line, to the same tree, without yaml's parser.
  // It reports duplicate keys itself, as checkTree does below.
  const fast = parseBlockYaml(text);
  if (fast) return fast;
  // Unique keys are checked by checkTree: yaml compares each key with every earlier one of its
  // mapping, which takes minutes for a mapping of 100,000 keys.
  const composer = new Composer({ merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const cuts: number[] = [];
  let doc: Document.Parsed | undefined;
  // yaml's errors are Errors, each capturing a call stack: of no use here, and most of the time
  // taken by a plan of a hundred thousand errors (a run of `"`: 3.3 s of 6 for 320 kB).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const next of composer.compose(shallow(parseTokens(text, cuts), cuts), true, text.length)) {
      if (!doc) {
        doc = next as Document.Parsed;
      } else {
        const [start, end] = next.range;
        doc.errors.push(new YAMLParseError([start, end], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const parsed = doc as Document.Parsed; // compose(…, true) ends with a document, an empty one at least
  checkTree(parsed, cuts);
  return parsed;
}

/**
 * How deep yaml's parser may nest. It closes levels by recursion (pop, then step again), so a
 * line that closes thousands at once overflowed the call stack: `: : : …` or `- - - …` on one
 * line, or thousands of lines each indented one more, followed by a line indented less. Twice
 * the nesting limit: what lies deeper than that limit is cut off anyway (cutDeep), so a plan is
 * read the same up to here.
 */
const PARSER_DEPTH = 2 * MAX_NESTING_DEPTH;

/** The lexemes that open a collection, and those that close one. */
const OPENS = new Set(['-', '?', ':', '[', '{']);
const CLOSES = new Set([']', '}']);

/**
 * yaml's parser, fed lexeme by lexeme (as its own `parse` does), never nesting deeper than
 * PARSER_DEPTH: there a lexeme that would open a collection is passed on as a blank (positions
 * stay), and so is every opening and closing bracket until the brackets blanked are closed; the
 * first such place goes to `cuts`. The deep part becomes text that opens nothing, inside a
 * collection cutDeep cuts off.
 */
function* parseTokens(text: string, cuts: number[]): Generator<CST.Token> {
  const parser = new Parser();
  let openBrackets = 0;
  let cut = false;
  let previous = '';
  for (const lexeme of new Lexer().lex(text)) {
    // The lexeme after CST.SCALAR is a scalar's text, whatever it looks like.
    const structural = previous !== CST.SCALAR;
    previous = lexeme;
    if (structural && OPENS.has(lexeme) && (openBrackets > 0 || parser.stack.length >= PARSER_DEPTH)) {
      if (!cut) cuts.push(parser.offset);
      cut = true;
      if (lexeme === '[' || lexeme === '{') openBrackets++;
      yield* parser.next(' ');
    } else if (structural && CLOSES.has(lexeme) && openBrackets > 0) {
      openBrackets--;
      yield* parser.next(' ');
    } else {
      yield* parser.next(lexeme);
    }
  }
  yield* parser.end();
}

/** The parser's tokens, each document's collections cut off below MAX_NESTING_DEPTH levels. */
function* shallow(tokens: Generator<CST.Token>, cuts: number[]): Generator<CST.Token> {
  for (const token of tokens) {
    if (token.type === 'document' && token.value) token.value = cutDeep(token.value, cuts);
    yield token;
  }
}

type Slot = { key?: CST.Token | null; value?: CST.Token };

/**
 * The token with every collection deeper than MAX_NESTING_DEPTH (the document's own collection is
 * level 1) replaced by an empty plain scalar where it began; the offsets of the cuts go to `cuts`.
 * Without recursion.
 */
function cutDeep(root: CST.Token, cuts: number[]): CST.Token {
  if (!CST.isCollection(root)) return root;
  const stack: [CST.BlockMap | CST.BlockSequence | CST.FlowCollection, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [collection, depth] = stack.pop() as [CST.BlockMap | CST.BlockSequence | CST.FlowCollection, number];
    for (const item of collection.items as Slot[]) {
      for (const side of ['key', 'value'] as const) {
        const child = item[side];
        if (!CST.isCollection(child)) continue;
        if (depth < MAX_NESTING_DEPTH) {
          stack.push([child, depth + 1]);
        } else {
          cuts.push(child.offset);
          item[side] = { type: 'scalar', offset: child.offset, indent: child.indent, source: '' };
        }
      }
    }
  }
  return root;
}
