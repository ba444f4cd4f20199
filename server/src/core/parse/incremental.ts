import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, type YAMLSeq } from 'yaml';
import { lineStartsIn } from '../text';
import { textChange, type TextChange } from './textChange';
import { MAX_NESTING_DEPTH } from '../limits';
import { nestsDeeperThan, parseYaml, YamlDocument } from './yamlDocument';

/**
 * A new version's YAML made from the previous one by re-parsing only the list item that an edit
 * touched: the way a typing user is not kept waiting for a whole-document parse.
 */
export interface YamlPatch {
  readonly yaml: YamlDocument;
  /** The top-level key of the list whose item was parsed again (`scenarios`, `backups`, …). */
  readonly list: string;
  /** The list item that was parsed again, in the new tree; it took the old item's place. */
  readonly item: Node;
  /** Its position in the list. */
  readonly index: number;
  readonly replaced: Node;
  /** Offsets from `from` on (in the previous text) moved by `delta`; the item's own are new. */
  readonly from: number;
  readonly delta: number;
  /** The edit itself, inside the item. */
  readonly change: TextChange;
  /** How many lines the edit added (negative: removed). */
  readonly lineDelta: number;
  /** The list itself. */
  readonly seq: YAMLSeq;
  /**
   * The list's items after the re-parsed one, whose offsets the patch leaves as they were
   * (moveLaterItems moves them, see Analysis.settle): before anything reads those items, or in a
   * pause of typing.
   */
  readonly laterItems: readonly Node[];
  /**
   * Set when the edit lay in the item of `unmoved` (patchYaml): the later items then still wait
   * for the previous patches' moves, to which this one's adds `delta`.
   */
  readonly continued: boolean;
}

/**
 * The later items of a list that earlier patches left unmoved (YamlPatch.laterItems), as the
 * next patch may take them over: while keystrokes stay in one item, the items after it are moved
 * once, when something reads them, not once per keystroke.
 */
export interface UnmovedLaterItems {
  readonly list: string;
  readonly seq: YAMLSeq;
  /** The item that was parsed again; the items after it are unmoved. */
  readonly index: number;
  /** Where that item's lines end in the current text: the start of the next item's line. */
  readonly spanEnd: number;
  /** Moves them: afterwards the tree is in place. */
  settle(): void;
}

/**
 * Patches the previous version's tree for `text`, or answers undefined when only a whole parse is
 * safe: the previous version had YAML problems or aliases, the edit is not inside one item of a
 * top-level block list, or the re-parsed item is not exactly one clean item (an edit that ends
 * the list, adds a document marker, or breaks the item's syntax). The previous YamlDocument is
 * consumed: its tree now belongs to the new one. `unmoved`: what the previous patch left unmoved,
 * if nothing has moved it since.
 */
export function patchYaml(previous: YamlDocument, text: string, unmoved?: UnmovedLaterItems): YamlPatch | undefined {
  // (Where no patch is made, the caller analyses the text afresh: unmoved items need no move.)
  if (previous.problems.length > 0 || previous.nodeCount > 0 || text.includes('*')) return undefined;
  const change = textChange(previous.text, text);
  const root = previous.root;
  if (!change || !isMap(root)) return undefined;
  // An edit in the item that the previous patches parsed again takes their unmoved items over;
  // any other edit finds its item in a tree in place.
  const continued = unmoved && inUnmovedItem(previous.text, unmoved, change);
  if (!continued) unmoved?.settle();

  const place = continued ?? findItem(previous.text, root.items, change);
  if (!place) return undefined;
  const { list, seq, index, spanStart, spanEnd } = place;
  const delta = change.newEnd - change.oldEnd;

  const piece = ownCopy(text.slice(spanStart, spanEnd + delta));
  if (/^(?:---|\.\.\.|%)/m.test(piece)) return undefined;
  const parsed = parseYaml(piece);
  const pieceSeq = parsed.contents;
  if (parsed.errors.length > 0 || parsed.warnings.length > 0 || !isSeq(pieceSeq) || pieceSeq.flow || pieceSeq.items.length !== 1) {
    return undefined;
  }
  // The piece's list stands one level below the root mapping; a whole parse cuts what is too deep.
  if (nestsDeeperThan(pieceSeq, MAX_NESTING_DEPTH - 1)) return undefined;
  const item = pieceSeq.items[0] as Node;
  const replaced = seq.items[index] as Node;

  moveNode(item, 0, spanStart);
  // Everything from the end of the old item on moves by delta: later items (when asked, see
  // moveLaterItems), later sections, and the ends of the list, the root mapping and the document.
  const from = spanEnd;
  const laterItems = seq.items.slice(index + 1) as Node[];
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    if (pair.value !== seq) {
      moveNode(pair.key as Node | null, from, delta);
      moveNode(pair.value as Node | null, from, delta);
    }
  }
  moveRange(seq, from, delta);
  moveRange(root, from, delta);
  const docRange = previous.doc.range;
  for (let i = 0; i < docRange.length; i++) if ((docRange[i] as number) >= from) docRange[i] = (docRange[i] as number) + delta;
  seq.items[index] = item;

  const lines = lineStarts(previous, text, change, delta);
  return {
    list,
    index,
    yaml: new YamlDocument(text, { doc: previous.doc, lineCounter: lines.counter, changed: { start: change.start, end: change.newEnd } }),
    lineDelta: lines.delta,
    item,
    replaced,
    change,
    from,
    delta,
    seq,
    laterItems,
    continued: continued !== undefined,
  };
}

/** Moves the offsets of a patch's later items (YamlPatch.laterItems) at or after `from` by `delta`. */
export function moveLaterItems(items: readonly Node[], from: number, delta: number): void {
  items.forEach((later) => moveItem(later, from, delta));
}

/** The unmoved item's place when its lines hold the whole change (see findItem). */
function inUnmovedItem(text: string, unmoved: UnmovedLaterItems, change: TextChange): ItemPlace | undefined {
  const { seq, index, spanEnd, list } = unmoved;
  // The item itself was parsed again, in place; the one after it is not, hence spanEnd.
  const spanStart = itemLineStart(text, seq.items[index] as Node);
  return spanStart !== undefined && holdsChange(text, spanStart, spanEnd, change) ? { list, seq, index, spanStart, spanEnd } : undefined;
}

/** Whether the change lies after the item's dash and before the next item's line. */
function holdsChange(text: string, spanStart: number, spanEnd: number, change: TextChange): boolean {
  return change.start > text.indexOf('-', spanStart) && change.oldEnd < spanEnd;
}

/**
 * A copy of a slice that shares no memory with the text it was cut from. The values parsed from
 * the piece live on in the tree as long as the item is not edited again, and as slices of the
 * whole text they would keep that version's text (megabytes, for a large plan) alive with them.
 */
function ownCopy(slice: string): string {
  // Joined, then cut: V8 flattens the joined string into memory of its own before cutting.
  return `${slice}\u0000`.slice(0, -1);
}

/** A list item and its line span. */
interface ItemPlace {
  readonly list: string;
  readonly seq: YAMLSeq;
  readonly index: number;
  /** Where the item's first line starts, and where the next item's starts. */
  readonly spanStart: number;
  readonly spanEnd: number;
}

/** The item of a top-level block list whose lines hold the whole change, with its line span. */
function findItem(text: string, pairs: readonly unknown[], change: TextChange): ItemPlace | undefined {
  for (const pair of pairs) {
    if (!isPair(pair) || !isSeq(pair.value) || pair.value.flow) continue;
    const seq = pair.value;
    const range = seq.range;
    if (!range || change.start < range[0] || change.start > range[2]) continue;
    const items = seq.items as Node[];
    // The last item is left to a whole parse: the comments and blank lines after it belong to
    // the list, the root mapping or the document, depending on what follows.
    for (let i = 0; i + 1 < items.length; i++) {
      const spanStart = itemLineStart(text, items[i] as Node);
      const spanEnd = itemLineStart(text, items[i + 1] as Node);
      if (spanStart === undefined || spanEnd === undefined) return undefined;
      if (holdsChange(text, spanStart, spanEnd, change)) return { list: String(isScalar(pair.key) ? pair.key.value : ''), seq, index: i, spanStart, spanEnd };
      if (change.start < spanEnd) return undefined; // touches this item's first line or the boundary
    }
    return undefined;
  }
  return undefined;
}

/** Where the line of a block list item begins, when the item's line is `<spaces>- <item>`. */
function itemLineStart(text: string, item: Node): number | undefined {
  const start = item.range?.[0];
  if (start === undefined) return undefined;
  // What stands before the item on its line is ` *- +` (read backwards, without a slice per item).
  let at = start - 1;
  while (at >= 0 && text.charCodeAt(at) === 32) at--;
  if (at === start - 1 || text.charCodeAt(at) !== 45) return undefined;
  at--;
  while (at >= 0 && text.charCodeAt(at) === 32) at--;
  return at < 0 || text.charCodeAt(at) === 10 ? at + 1 : undefined;
}

/**
 * The ranges of each list item moved at least once, in one flat list: an item below the edit is
 * moved on every keystroke, and a walk through its nodes each time cost more than parsing the
 * edited item. Made on the first move; the item's nodes stay the same objects afterwards (an
 * edit inside the item replaces the item).
 */
const rangesOfItem = new WeakMap<Node, [number, number, number][]>();

/** Adds `delta` to every offset of a list item at or after `from`, by its flat list of ranges. */
function moveItem(item: Node | null | undefined, from: number, delta: number): void {
  if (!item || delta === 0) return;
  let ranges = rangesOfItem.get(item);
  if (!ranges) {
    ranges = [];
    collectRanges(item, ranges);
    rangesOfItem.set(item, ranges);
  }
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i] as [number, number, number];
    if (range[0] >= from) range[0] += delta;
    if (range[1] >= from) range[1] += delta;
    if (range[2] >= from) range[2] += delta;
  }
}

function collectRanges(node: Node | null | undefined, into: [number, number, number][]): void {
  if (!node) return;
  if (node.range) into.push(node.range);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        collectRanges(item.key as Node | null, into);
        collectRanges(item.value as Node | null, into);
      } else {
        collectRanges(item as Node, into);
      }
    }
  }
}

/** Adds `delta` to every offset of the node and its children at or after `from`. */
function moveNode(node: Node | null | undefined, from: number, delta: number): void {
  if (!node || delta === 0) return;
  moveRange(node, from, delta);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        moveNode(item.key as Node | null, from, delta);
        moveNode(item.value as Node | null, from, delta);
      } else {
        moveNode(item as Node, from, delta);
      }
    }
  }
}

function moveRange(node: Node, from: number, delta: number): void {
  const range = node.range;
  if (!range || delta === 0) return;
  if (range[0] >= from) range[0] += delta;
  if (range[1] >= from) range[1] += delta;
  if (range[2] >= from) range[2] += delta;
}

/**
 * The new text's line starts from the previous ones: only the changed region is scanned, and the
 * character before it (a `\r` there breaks a line or not depending on what follows it).
 */
function lineStarts(previous: YamlDocument, text: string, change: TextChange, delta: number): { counter: LineCounter; delta: number } {
  // The previous version's array, changed in place (the previous version is consumed): a
  // keystroke allocates no array of all the lines.
  let starts = previous.index.lineStarts as number[];
  // The lines before the change stay (the first, at 0, always): the first start at or after it, by halving.
  let kept = 1;
  for (let high = starts.length; kept < high; ) {
    const middle = (kept + high) >>> 1;
    if ((starts[middle] as number) < change.start) kept = middle + 1;
    else high = middle;
  }
  let after = kept;
  while (after < starts.length && (starts[after] as number) <= change.oldEnd) after++;
  const added = new LineCounter();
  lineStartsIn(text, added, change.start - 1, change.newEnd);
  const lines = added.lineStarts;
  if (lines.length === after - kept) for (let i = 0; i < lines.length; i++) starts[kept + i] = lines[i] as number;
  // (A pasted item of very many lines is joined, not spread into arguments.)
  else if (lines.length < 10_000) starts.splice(kept, after - kept, ...lines);
  else starts = starts.slice(0, kept).concat(lines, starts.slice(after));
  if (delta !== 0) for (let i = kept + lines.length; i < starts.length; i++) starts[i] = (starts[i] as number) + delta;
  const counter = new LineCounter();
  counter.lineStarts = starts;
  return { counter, delta: lines.length - (after - kept) };
}
