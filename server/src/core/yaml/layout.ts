import { TextLines } from './lines';
import { keyLine } from './keyLine';

/**
 * How a document lays out its block collections, so that inserted text looks as if the author
 * wrote it. One reader serves completion (on half-typed text that may not parse) and quick fixes
 * alike, so both indent the same insertion the same way.
 */
export interface Layout {
  /** From a key to the keys of its nested mapping (`plan:` → `  title:`). */
  readonly mapIndent: number;
  /** From a key to the dashes of its list: 2 for `key:\n  - a`, 0 for the compact `key:\n- a`. */
  readonly sequenceIndent: number;
  /** From a list item's dash to its mapping's keys: 2 for `- id: a`, 4 for `-   id: a`. */
  readonly itemIndent: number;
}

/** What a document that shows no habit gets, and what drplan writes on its own (a new plan). */
export const DEFAULT_LAYOUT: Layout = { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 };

export type LineEnding = '\n' | '\r\n';

/** The document's line ending, from its first line break (LF for a text without one). */
export function lineEndingOf(text: string): LineEnding {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Enough examples to know a habit; a long plan need not be read to its end. */
const LAYOUT_SAMPLES = 64;
/** Distances beyond this are no habit but an accident (or a block scalar's text). */
const MAX_DISTANCE = 16;

/** After a key's colon, nothing but a comment: a key whose value follows below. */
const NOTHING_BUT_COMMENT = /^\s*(?:#.*)?$/;
/** A line that starts with a key (`key:`, `key: value`), as the first line of a nested mapping does. */
const KEY_LINE = /^ *(?:"[^"]*" *|'[^']*' *|[^\s#:'"{}[\],&*!|>-][^:#]*):(?:\s|$)/;
/** `-   key:`: a list item that is a block mapping with its first key on the dash's line. */
const ITEM_KEY = /^ *-( +)(?:"[^"]*" *|'[^']*' *|[^\s#:'"{}[\],&*!|>-][^:#]*):(?:\s|$)/;
/** The header of a block scalar at the end of a line (`key: |`, `- >-`, `key: |2 # note`). */
const BLOCK_SCALAR_HEADER = /(?:^|[:-])[ \t]*[|>][1-9+-]{0,2}[ \t]*$/;

/**
 * The layout of a document: for each distance, the most common one among the first nested
 * mappings, lists and list items (the one seen first, of equally common ones); 2 where the
 * document shows none, and for lists the mapping's distance.
 */
export function layoutOf(text: string | TextLines): Layout {
  const lines = typeof text === 'string' ? new TextLines(text) : text;
  const samples = { map: new Tally(), sequence: new Tally(), item: new Tally() };
  let blockScalarColumn = -1;
  for (let i = 0; i < lines.length && samples.map.total + samples.sequence.total + samples.item.total < LAYOUT_SAMPLES; i++) {
    const indent = lines.indent(i);
    if (indent < 0) continue;
    // The text of a block scalar is no structure, whatever it looks like.
    if (indent > blockScalarColumn && blockScalarColumn >= 0) continue;
    blockScalarColumn = -1;
    const text = lines.text(i);
    if (!text.includes(':') && !text.includes('|') && !text.includes('>')) continue; // quick: no regex
    const item = ITEM_KEY.exec(text);
    if (item) samples.item.add((item[1] as string).length + 1);
    if (opensBlockScalar(text)) {
      const dashes = /^ *((?:- +)*)/.exec(text)?.[1] ?? '';
      blockScalarColumn = /^ *(?:- +)*[|>]/.test(text) ? indent : indent + dashes.length;
      continue;
    }
    const parent = keyLine(text);
    if (!parent || !NOTHING_BUT_COMMENT.test(parent.rest)) continue;
    const keyColumn = parent.indent + parent.dashText.length;
    let childIndex = i + 1;
    while (childIndex < lines.length && lines.indent(childIndex) < 0) childIndex++;
    if (childIndex >= lines.length) break;
    const childIndent = lines.indent(childIndex);
    if (lines.charAfterIndent(childIndex) === '-' && /^ *-(\s|$)/.test(lines.text(childIndex))) {
      if (childIndent >= keyColumn) samples.sequence.add(childIndent - keyColumn);
    } else if (childIndent > keyColumn && KEY_LINE.test(lines.text(childIndex))) {
      samples.map.add(childIndent - keyColumn);
    }
  }
  const mapIndent = samples.map.mostCommon() ?? DEFAULT_LAYOUT.mapIndent;
  return {
    mapIndent,
    sequenceIndent: samples.sequence.mostCommon() ?? mapIndent,
    itemIndent: samples.item.mostCommon() ?? DEFAULT_LAYOUT.itemIndent,
  };
}

function opensBlockScalar(text: string): boolean {
  if (!text.includes('|') && !text.includes('>')) return false;
  const comment = text.indexOf(' #');
  return BLOCK_SCALAR_HEADER.test(comment < 0 ? text : text.slice(0, comment));
}

/** How often each distance was seen, in the order first seen. */
class Tally {
  private readonly counts = new Map<number, number>();
  total = 0;

  add(distance: number): void {
    if (distance < 0 || distance > MAX_DISTANCE) return;
    this.counts.set(distance, (this.counts.get(distance) ?? 0) + 1);
    this.total++;
  }

  mostCommon(): number | undefined {
    let best: number | undefined;
    let bestCount = 0;
    for (const [distance, count] of this.counts) {
      if (count > bestCount) {
        best = distance;
        bestCount = count;
      }
    }
    return best;
  }
}
