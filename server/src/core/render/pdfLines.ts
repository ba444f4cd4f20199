/**
 * pdfmake's line builder (`LayoutBuilder.buildNextLine`, 0.3), made linear in the text it lays
 * out. pdfmake's own costs time quadratic in a paragraph's words (it copies every remaining word
 * for each word it places: a 240 kB paragraph took 7 minutes) and time and memory quadratic in a
 * word too long for its line (it measures, and pdfkit caches, the whole rest of the word for every
 * line it breaks: a name of 10,000 digits took 52 s and 2.9 GB). This one gives the same lines:
 * words placed while they fit, a word that cannot fit broken where its line is full.
 */

/** pdfmake's inline: a word (or the part of one) with its style and measured width. */
export interface Inline {
  text: string;
  width: number;
  noWrap?: boolean | null;
  /** The next inline continues this word (different styles within one word): keep together. */
  noNewLine?: boolean;
  characterSpacing?: number;
  fontSize: number;
  fontFeatures?: unknown;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
}

interface Line {
  getAvailableWidth(): number;
  hasEnoughSpaceForInline(inline: Inline, nextInlines: readonly Inline[]): boolean;
  addInline(inline: Inline): void;
  lastLineInParagraph?: boolean;
}

export type LineClass = new (maxWidth: number) => Line;

interface LineBuilder {
  writer: { context(): { availableWidth: number } };
}

/**
 * A replacement for `LayoutBuilder.prototype.buildNextLine`, building pdfmake's `Line`s. pdfmake
 * takes the words off the front of the node's `_inlines` with `shift()`, which moves the whole
 * rest of a long paragraph for every word; here they are taken off a reversed copy (a stack),
 * made once per measured node. (Only the line builder reads `_inlines` once a node is measured;
 * pdfmake's snaking columns, which would put words back there, are not used by drplan.)
 */
export function linearLineBuilder(LineOfPdfmake: LineClass) {
  const stacks = new WeakMap<Inline[], Inline[]>();
  return function buildNextLine(this: LineBuilder, textNode: { _inlines?: Inline[] }): Line | null {
    const measured = textNode._inlines;
    if (!measured) return null;
    let words = stacks.get(measured);
    if (!words) stacks.set(measured, (words = measured.slice().reverse()));
    if (words.length === 0) return null;
    const maxWidth = this.writer.context().availableWidth;
    const line = new LineOfPdfmake(maxWidth);
    let continuesWord = false;
    while (words.length > 0 && (continuesWord || line.hasEnoughSpaceForInline(words[words.length - 1]!, gluedTo(words)))) {
      const inline = words.pop()!;
      let broken = false;
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        const rest = breakToFit(inline, line.getAvailableWidth(), maxWidth);
        if (rest) {
          words.push(rest);
          broken = true;
        }
      }
      line.addInline(inline);
      continuesWord = Boolean(inline.noNewLine) && !broken;
    }
    line.lastLineInParagraph = words.length === 0;
    return line;
  };
}

/** The words after the next (the stack's top) that belong to it: all `hasEnoughSpaceForInline` reads. */
function gluedTo(words: readonly Inline[]): readonly Inline[] {
  const top = words.length - 1;
  if (!words[top]?.noNewLine) return [];
  let end = top - 1;
  while (end > 0 && words[end]!.noNewLine) end--;
  return words.slice(Math.max(end, 0), top).reverse();
}

/**
 * Cuts `inline` to what fits in `available` (at least one character, never inside a surrogate
 * pair or before a combining mark) and returns the rest, or nothing if it all fits. Characters are
 * measured one by one (pdfkit caches each), so the cost is that of the part that fits, not of the
 * word. The rest's width is the word's less the part's while it is far wider than a line (it is
 * only compared with a line, never drawn), measured once it could fit.
 */
export function breakToFit(inline: Inline, available: number, lineWidth: number): Inline | undefined {
  const { text } = inline;
  const spacing = inline.characterSpacing ?? 0;
  const measure = (part: string) => inline.font.widthOfString(part, inline.fontSize, inline.fontFeatures) + spacing * (part.length - 1);
  let end = nextCharacter(text, 0);
  let width = measure(text.slice(0, end));
  while (end < text.length) {
    const next = nextCharacter(text, end);
    const added = measure(text.slice(end, next)) + spacing;
    if (width + added > available) break;
    width += added;
    end = next;
  }
  // Kerning makes the whole differ from the sum of its characters: the part as it will be drawn.
  let part = measure(text.slice(0, end));
  while (part > available) {
    const previous = previousCharacter(text, end);
    if (previous === 0) break;
    end = previous;
    part = measure(text.slice(0, end));
  }
  if (end >= text.length) return undefined;
  const rest: Inline = { ...inline, text: text.slice(end) };
  const estimate = inline.width - part;
  rest.width = estimate > 2 * lineWidth ? estimate : measure(rest.text);
  inline.text = text.slice(0, end);
  inline.width = part;
  return rest;
}

const JOINS_PREVIOUS = /^[\p{M}\u200d\ufe00-\ufe0f]$/u;

/** Where the character at `index` ends, with the marks that combine with it. */
function nextCharacter(text: string, index: number): number {
  const code = text.charCodeAt(index);
  let end = index + (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1);
  while (end < text.length && JOINS_PREVIOUS.test(text[end]!)) end++;
  return end;
}

/** Where the character before `index` begins, marks included. */
function previousCharacter(text: string, index: number): number {
  let start = index - 1;
  while (start > 0 && JOINS_PREVIOUS.test(text[start]!)) start--;
  const code = text.charCodeAt(start);
  if (start > 0 && code >= 0xdc00 && code <= 0xdfff) start--;
  return start;
}
