import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { lastAtOrBefore } from '../search';

/**
 * Folding ranges of a plan. An editor that gets ranges from a language server stops folding by
 * indentation (VS Code's `editor.foldingStrategy: auto`), so these cover what indentation gave
 * and what it did not:
 *
 * - every key whose value spans lines, and every list item (also a list written at the same
 *   indentation as its key, `scenarios:\n- id: a`, which indentation cannot fold);
 * - multi-line flow collections (`affects: [a,\n  b]`), block scalars (`scope: >-`) and
 *   multi-line quoted texts;
 * - blocks of consecutive comment lines (not `#` lines inside a block scalar, which are text);
 * - `# region` … `# endregion` markers (as language-configuration.json declares them).
 *
 * Structure comes from the YAML the analysis parsed (whatever of it the parser recovered, on
 * broken YAML); comments and markers from the lines of the text.
 */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { text } = analysis;
  const lineStarts = lineStartsOf(analysis);
  // The walk asks for lines in document order (a node's header, its children, its end, the next
  // node): a cursor moves forward a few lines at a time; a search only for jumps.
  let cursor = 0;
  const lineOf = (offset: number): number => {
    for (let step = 0; step < 8; step++) {
      const next = lineStarts[cursor + 1];
      if (next === undefined || next > offset) {
        if ((lineStarts[cursor] as number) <= offset) return cursor;
        break;
      }
      cursor++;
    }
    cursor = lineAt(lineStarts, offset);
    return cursor;
  };
  /** Lines inside multi-line scalars: a `#` there is text, not a comment. */
  const inScalar = new Set<number>();
  // At most one range per start line (`- recovery:` is an item and a key: the larger range folds),
  // kept by line in arrays: thousands of ranges, no object each until the end.
  const endLines = new Int32Array(lineStarts.length);
  const kinds: (FoldingRangeKind | undefined)[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine <= startLine || (endLines[startLine] as number) >= endLine) return;
    endLines[startLine] = endLine;
    if (kind !== undefined || kinds[startLine] !== undefined) kinds[startLine] = kind;
  };

  /** The offset after a node's last character that is no blank or line break. */
  const contentEnd = (range: readonly number[]): number => {
    const start = range[0] as number;
    let end = range[1] as number;
    while (end > start && isBlankOrBreak(text.charCodeAt(end - 1))) end--;
    return end;
  };

  /** Folds a mapping or a list from the line of `header` (its key, its `-`) to its last line, and what it holds. */
  const walkCollection = (node: YAMLMap | YAMLSeq, header: number): void => {
    const headerLine = lineOf(header);
    walkItems(node.items);
    // The end last, after the children: so the lines are asked for in document order.
    const range = node.range;
    if (range) add(headerLine, lineOf(Math.max(range[0], contentEnd(range) - 1)));
  };
  const walkItems = (items: readonly unknown[]): void => {
    for (const item of items) {
      if (isPairNode(item)) {
        const value = item.value;
        // Most values are one-line scalars: decided without looking at their key.
        if (isScalarNode(value)) {
          if (value.range && isMultiLine(value.range)) foldText(value.range, (item.key as Node | null)?.range?.[0] ?? value.range[0]);
        } else if (isMapNode(value) || isSeqNode(value)) {
          walkCollection(value, (item.key as Node | null)?.range?.[0] ?? value.range?.[0] ?? 0);
        }
      } else if (isMapNode(item) || isSeqNode(item)) {
        walkCollection(item, dashBefore(text, item.range?.[0] ?? 0));
      } else if (isScalarNode(item) && item.range && isMultiLine(item.range)) {
        foldText(item.range, dashBefore(text, item.range[0]));
      }
    }
  };
  const isMultiLine = (range: readonly number[]): boolean => {
    // Within the scalar only: a search to the next line break costs the rest of the line for each
    // of the 200,000 items of a one-line list.
    const end = contentEnd(range);
    for (let at = range[0] as number; at < end; at++) if (text.charCodeAt(at) === 10) return true;
    return false;
  };
  /** A scalar over several lines: folded from its header, and its lines are text, never comments. */
  const foldText = (range: readonly number[], header: number): void => {
    const headerLine = lineOf(header);
    const first = lineOf(range[0] as number);
    const last = lineOf(contentEnd(range) - 1);
    for (let line = first + 1; line <= last; line++) inScalar.add(line);
    add(headerLine, last);
  };
  // The document itself is no range to fold: start below it.
  const root = analysis.yaml.root;
  if (isMapNode(root) || isSeqNode(root)) walkItems(root.items);

  // Comment blocks and region markers: the lines whose first character (after blanks) is `#`,
  // found by jumping from `#` to `#` (a plan has far fewer of them than lines).
  const regions: number[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const closeBlock = () => {
    if (blockStart >= 0) add(blockStart, blockEnd, FoldingRangeKind.Comment);
    blockStart = -1;
  };
  for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', hash + 1)) {
    let before = hash - 1;
    while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
    if (before >= 0 && text.charCodeAt(before) !== 10) continue;
    const line = lineOf(hash);
    if (inScalar.has(line)) continue;
    let end = text.indexOf('\n', hash);
    if (end < 0) end = text.length;
    const comment = text.slice(hash, end);
    hash = end;
    if (blockStart >= 0 && line !== blockEnd + 1) closeBlock();
    if (REGION_START.test(comment)) {
      closeBlock();
      regions.push(line);
    } else if (REGION_END.test(comment)) {
      closeBlock();
      const open = regions.pop();
      if (open !== undefined) add(open, line, FoldingRangeKind.Region);
    } else {
      if (blockStart < 0) blockStart = line;
      blockEnd = line;
    }
  }
  closeBlock();

  const ranges: FoldingRange[] = [];
  for (let line = 0; line < endLines.length; line++) {
    const endLine = endLines[line] as number;
    if (endLine === 0) continue;
    const kind = kinds[line];
    ranges.push(kind === undefined ? { startLine: line, endLine } : { startLine: line, endLine, kind });
  }
  return ranges;
}

// Read once: bundled, yaml's exports are getters, and these run for every node of the plan.
const isMapNode = isMap;
const isSeqNode = isSeq;
const isPairNode = isPair;
const isScalarNode = isScalar;

/** As language-configuration.json's folding markers (here on the comment, from its `#`). */
const REGION_START = /^#\s*region\b/;
const REGION_END = /^#\s*endregion\b/;

function isBlankOrBreak(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A block list item's header is its `-`, which may stand on the line before a nested mapping. */
function dashBefore(text: string, start: number): number {
  let at = start - 1;
  while (at >= 0 && isBlankOrBreak(text.charCodeAt(at))) at--;
  return at >= 0 && text.charCodeAt(at) === 45 /* - */ ? at : start;
}

/** Where each line of the analysed text starts, ascending (as LSP counts lines: the analysis's). */
function lineStartsOf(analysis: Analysis): readonly number[] {
  return analysis.yaml.index.lineStarts;
}

/** The line of an offset: the last line that starts at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(starts, offset, (start) => start));
}
