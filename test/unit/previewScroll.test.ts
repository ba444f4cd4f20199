import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';

/** The pure line mapping of the preview's script (media/preview.js runs in the webview; here in Node). */
interface Block {
  readonly line: number;
  readonly top: number;
}
interface ScrollMapping {
  mainThread(blocks: readonly Block[]): boolean[];
  offsetForLine(blocks: readonly Block[], line: number): number;
  lineForOffset(blocks: readonly Block[], offset: number): number | undefined;
}
const { mainThread, offsetForLine, lineForOffset } = require(join(ROOT, 'media', 'preview.js')) as ScrollMapping;

const blocks = (...pairs: [line: number, top: number][]): Block[] => pairs.map(([line, top]) => ({ line, top }));

describe('preview scroll sync: source lines and page offsets', () => {
  // A document in file order: cover (line 4), a section (20) and its heading (20), a table row
  // (24), the next section (40).
  const inOrder = blocks([4, 80], [20, 1000], [20, 1010], [24, 1200], [40, 2000]);

  it('puts a block\'s own line at its top', () => {
    assert.equal(offsetForLine(inOrder, 4), 80);
    assert.equal(offsetForLine(inOrder, 20), 1000, 'the section, not its heading: the first block of the line');
    assert.equal(offsetForLine(inOrder, 40), 2000);
  });

  it('interpolates between blocks for the lines in between', () => {
    assert.equal(offsetForLine(inOrder, 22), 1000 + (1200 - 1000) * (2 / 4));
    assert.equal(offsetForLine(inOrder, 32), 1200 + (2000 - 1200) * (8 / 16));
  });

  it('goes to the top before the first block, and stays at the last block after it', () => {
    assert.equal(offsetForLine(inOrder, 0), 0);
    assert.equal(offsetForLine(inOrder, 2), 0);
    assert.equal(offsetForLine(inOrder, 90), 2000);
    assert.equal(offsetForLine([], 12), 0);
  });

  it('finds the line at the top of the view, the inverse of the above', () => {
    assert.equal(lineForOffset(inOrder, 0), 0, 'above the first block: the beginning of the plan');
    assert.equal(lineForOffset(inOrder, 79), 0);
    assert.equal(lineForOffset(inOrder, 80), 4);
    assert.equal(lineForOffset(inOrder, 1100), 20 + (24 - 20) * (90 / 190));
    assert.equal(lineForOffset(inOrder, 1600), 24 + (40 - 24) * 0.5);
    assert.equal(lineForOffset(inOrder, 5000), 40);
    assert.equal(lineForOffset([], 10), undefined);
    for (const line of [0, 4, 22, 32, 40]) {
      const offset = offsetForLine(inOrder, line);
      assert.ok(Math.abs((lineForOffset(inOrder, offset) ?? -1) - line) < 0.5, `line ${line} → ${offset} → ${lineForOffset(inOrder, offset)}`);
    }
  });

  // The plan document repeats scenarios: the overview matrix (lines 30, 50) before the scenario
  // sections (30…, 50…), the emergency card (30, 50) at the end.
  const repeated = blocks(
    [3, 50], // cover
    [28, 900], // DR plan chapter
    [30, 1000], // matrix row: scenario A
    [50, 1030], // matrix row: scenario B
    [30, 1400], // section of A
    [34, 1500], // A's steps
    [50, 2000], // section of B
    [54, 2100],
    [70, 3000], // contacts
    [30, 4000], // card row A
    [50, 4030], // card row B
  );

  it('knows the document\'s main thread from its repetitions', () => {
    assert.deepEqual(mainThread(repeated), [true, true, true, false, true, true, true, true, true, false, false]);
    assert.deepEqual(mainThread(inOrder), [true, true, true, true, true]);
    assert.deepEqual(mainThread([]), []);
  });

  it('scrolls to a scenario\'s own section, not to the matrix or the card that repeat it', () => {
    assert.equal(offsetForLine(repeated, 34), 1500);
    assert.equal(offsetForLine(repeated, 50), 2000);
    assert.equal(offsetForLine(repeated, 52), 2000 + (2100 - 2000) / 2);
  });

  it('reads the line of what the view shows, repetitions included', () => {
    assert.equal(lineForOffset(repeated, 1030), 50, 'the matrix row of B');
    assert.equal(lineForOffset(repeated, 4000), 30, 'the card row of A');
    assert.equal(lineForOffset(repeated, 1450), 32, 'between A\'s section and its steps');
  });

  it('takes a repetition when only it comes from a nearer line', () => {
    // Line 12 has no block of the main thread; the nearest line before it is a repetition.
    const onlyRepeated = blocks([10, 100], [40, 500], [45, 700], [12, 900], [50, 1300]);
    assert.deepEqual(mainThread(onlyRepeated), [true, true, true, false, true]);
    assert.equal(offsetForLine(onlyRepeated, 13), 900);
  });
});
