import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { breakToFit, linearLineBuilder, type Inline, type LineClass } from '../../server/src/core/render/pdfLines';

/**
 * drplan's line builder (render/pdfLines.ts) against pdfmake's own: the same lines for the same
 * words, in time and memory linear in the text instead of quadratic (a 240 kB paragraph took
 * pdfmake 7 minutes, a name of 10,000 digits 2.9 GB).
 */
const require = createRequire(import.meta.url);
type Built = { inlines: Inline[]; lastLineInParagraph?: boolean } | null;
type Builder = (this: { writer: { context(): { availableWidth: number } } }, node: { _inlines?: Inline[] }) => Built;
const Line = (require('pdfmake/js/Line') as { default: LineClass }).default;
const pdfmakeBuildNextLine = (require('pdfmake/js/LayoutBuilder') as { default: { prototype: { buildNextLine: Builder } } }).default.prototype.buildNextLine;
const drplanBuildNextLine = linearLineBuilder(Line) as unknown as Builder;

/** A font whose glyphs have fixed widths (no kerning), counting the characters it measures. */
function fakeFont() {
  const font = {
    measured: 0,
    widthOfString(text: string, size: number) {
      font.measured += text.length;
      let width = 0;
      for (const character of text) width += character === 'W' ? 900 : character === ' ' ? 250 : /\p{M}/u.test(character) ? 0 : 500;
      return (width * size) / 1000;
    },
  };
  return font;
}

/** pdfmake's inlines of a text: words with their trailing blank, as its TextBreaker cuts them. */
function inlinesOf(text: string, font = fakeFont()): Inline[] {
  return (text.match(/\S+\s*|\s+/g) ?? []).map((word) => ({ text: word, width: font.widthOfString(word, 10), fontSize: 10, font }));
}

function linesOf(build: Builder, inlines: Inline[], width: number): string[] {
  const node = { _inlines: inlines };
  const builder = { writer: { context: () => ({ availableWidth: width }) } };
  const lines: string[] = [];
  for (let line = build.call(builder, node); line; line = build.call(builder, node)) {
    lines.push(line.inlines.map((inline) => inline.text).join(''));
    if (line.lastLineInParagraph) break;
  }
  return lines;
}

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('PDF lines', () => {
  it('breaks lines where pdfmake breaks them: words, blanks, words longer than a line', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const words: string[] = [];
      for (let i = 0, count = 1 + Math.floor(next() * 40); i < count; i++) {
        const length = next() < 0.1 ? 20 + Math.floor(next() * 200) : 1 + Math.floor(next() * 12);
        words.push((next() < 0.2 ? 'W' : 'a').repeat(length) + ' '.repeat(next() < 0.9 ? 1 : 3));
      }
      const text = words.join('');
      const width = 30 + Math.floor(next() * 300);
      assert.deepEqual(linesOf(drplanBuildNextLine, inlinesOf(text), width), linesOf(pdfmakeBuildNextLine, inlinesOf(text), width), `round ${round}: ${JSON.stringify(text)} in ${width} pt`);
    }
  });

  it('lays out a long paragraph in time linear in its words', () => {
    const text = 'Wiederherstellung des Servers aus der Sicherung am Standort '.repeat(30_000);
    const inlines = inlinesOf(text);
    const started = performance.now();
    const lines = linesOf(drplanBuildNextLine, inlines, 450);
    const elapsed = performance.now() - started;
    assert.equal(lines.join(''), text);
    // pdfmake's own copies the rest of the paragraph for every word: minutes for these 240,000 words.
    assert.ok(elapsed < 5000, `${Math.round(elapsed)} ms for ${inlines.length} words`);
  });

  it('measures only what fits of a word far longer than its line', () => {
    const font = fakeFont();
    const word = '1234567890'.repeat(10_000);
    const inlines = inlinesOf(word, font);
    font.measured = 0;
    const lines = linesOf(drplanBuildNextLine, inlines, 450);
    assert.equal(lines.join(''), word);
    assert.ok(lines.slice(0, -1).every((line) => line.length === 90), 'full lines of 90 digits');
    // Each line measures its digits one by one and once as a whole, and the rest once it is short.
    assert.ok(font.measured < 4 * word.length, `${font.measured} characters measured for a word of ${word.length}`);
  });

  it('cuts a word at a character: never inside a surrogate pair or before a combining mark', () => {
    const font = fakeFont();
    const make = (text: string): Inline => ({ text, width: font.widthOfString(text, 10), fontSize: 10, font });
    const emoji = make('😀'.repeat(10));
    const rest = breakToFit(emoji, 22, 100);
    assert.equal(emoji.text, '😀'.repeat(4));
    assert.equal(rest?.text, '😀'.repeat(6));

    const marked = make('u\u0308'.repeat(10));
    const restOfMarked = breakToFit(marked, 12, 100);
    assert.equal(marked.text, 'u\u0308'.repeat(2));
    assert.equal(restOfMarked?.text, 'u\u0308'.repeat(8));
  });

  it('puts at least one character on a line too narrow for any', () => {
    const font = fakeFont();
    const inline: Inline = { text: 'WWW', width: 27, fontSize: 10, font };
    const rest = breakToFit(inline, 2, 2);
    assert.equal(inline.text, 'W');
    assert.equal(rest?.text, 'WW');
    assert.equal(inline.width, 9);
    assert.equal(rest?.width, 18);
  });

  it('keeps the width of a rest far wider than a line as an estimate, and measures it once it could fit', () => {
    const font = fakeFont();
    const long: Inline = { text: 'a'.repeat(1000), width: 5000, fontSize: 10, font };
    font.measured = 0;
    const rest = breakToFit(long, 50, 50);
    assert.equal(long.text.length, 10);
    assert.equal(rest?.width, 4950);
    assert.ok(font.measured < 100, `${font.measured} characters measured`);
    const short: Inline = { text: 'a'.repeat(15), width: 75, fontSize: 10, font };
    assert.equal(breakToFit(short, 50, 50)?.width, 25);
  });
});
