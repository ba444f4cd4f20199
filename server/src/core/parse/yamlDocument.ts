import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Alias,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { TextIndex } from '../text';

/** A YAML problem found while reading the text, before any drplan rule looks at it. */
export interface YamlProblem {
  readonly kind: 'parser' | 'unknown-anchor' | 'alias-expansion' | 'control-character';
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

  /**
   * Parses `text`; or, with `patched`, takes a document the incremental parser (incremental.ts)
   * already made of it by splicing a re-parsed piece into the previous version's tree.
   */
  constructor(
    readonly text: string,
    patched?: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter },
  ) {
    const lineCounter = patched?.lineCounter ?? new LineCounter();
    this.doc = patched?.doc ?? parseYaml(text, lineCounter);
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
    // Without an asterisk there is no alias to resolve: skip the walk (most plans).
    this.nodeCount = text.includes('*') ? this.resolveAnchors() : 0;
    this.findControlCharacter();
  }

  get root(): Node | null {
    const contents = this.doc.contents;
    return contents ?? null;
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
    const own = new Map<string, MapEntry>();
    const merged: Node[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (keyNode == null) continue;
      if (isScalar(keyNode) && isMergeKey(keyNode.value)) {
        const source = this.resolve(pair.value as Node | null);
        if (isSeq(source)) {
          for (const item of source.items) merged.push(this.resolve(item as Node) as Node);
        } else if (source) {
          merged.push(source);
        }
        continue;
      }
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (own.has(key)) continue; // a duplicate key: the parser reports it; the first counts
      const written = (pair.value as Node | null) ?? null;
      own.set(key, { key, keyNode, written, value: this.resolve(written) });
    }
    for (const source of merged) {
      if (!isMap(source)) continue;
      for (const [key, entry] of this.entries(source)) {
        if (!own.has(key)) own.set(key, entry);
      }
    }
    this.entriesCache.set(map, own);
    return own;
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
  private findControlCharacter(): void {
    const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(this.text);
    if (match) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.problems.push({
        kind: 'control-character',
        detail: `U+${code}`,
        start: match.index,
        end: match.index + 1,
      });
    }
  }
}

/** The one way drplan reads YAML: 1.2 core schema, merge keys, unique keys, positions kept. */
export function parseYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  return parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
}

function isMergeKey(value: unknown): boolean {
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}
