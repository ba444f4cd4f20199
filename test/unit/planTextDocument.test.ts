import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Position, TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PlanTextDocument } from '../../server/src/planTextDocument';

/** Texts of few characters, line breaks of every kind among them, so that edits meet them often. */
const text = fc.array(fc.constantFrom('a', 'b', 'ä', ' ', '\n', '\r', '\r\n', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
/** A notification's changes, and whether the document is read before the next one comes. */
const step = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 4 }), read: fc.boolean(), offsets: fc.array(fc.integer({ min: -2, max: 60 }), { maxLength: 4 }), positions: fc.array(position, { maxLength: 4 }) });

function same(ours: TextDocument, theirs: TextDocument, offsets: readonly number[], positions: readonly { line: number; character: number }[]): void {
  assert.equal(ours.version, theirs.version);
  assert.equal(ours.lineCount, theirs.lineCount);
  for (const offset of offsets) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  for (const at of positions) {
    assert.equal(ours.offsetAt(at), theirs.offsetAt(at), `offsetAt(${JSON.stringify(at)})`);
    assert.deepEqual(ours.getLineRange(at.line), theirs.getLineRange(at.line));
    assert.equal(ours.getEOLCharacters(at.line), theirs.getEOLCharacters(at.line));
  }
}

describe('the server\'s text documents', () => {
  it('hold what vscode-languageserver-textdocument holds after any sequence of changes', () => {
    fc.assert(
      fc.property(text, fc.array(step, { maxLength: 12 }), (initial, steps) => {
        const ours = PlanTextDocument.create('file:///a.drplan.yaml', 'drplan', 1, initial);
        const theirs = TextDocument.create('file:///a.drplan.yaml', 'drplan', 1, initial);
        let version = 1;
        for (const { changes, read, offsets, positions } of steps) {
          version++;
          PlanTextDocument.update(ours, changes, version);
          // The library takes lines past the end as they come and then miscounts its lines; VS Code
          // sends none, and the server reads them as the end of the text: so does the library, given
          // the position each stands for.
          for (const change of changes) {
            const inRange = (at: Position) => theirs.positionAt(theirs.offsetAt(at));
            TextDocument.update(theirs, ['range' in change && change.range ? { range: { start: inRange(change.range.start), end: inRange(change.range.end) }, text: change.text } : change], version);
          }
          // Positions are answered from the pieces, before the text is joined.
          same(ours, theirs, offsets, positions);
          if (read) assert.equal(ours.getText(), theirs.getText());
        }
        assert.equal(ours.getText(), theirs.getText());
        same(ours, theirs, [0, 5, 1000], [{ line: 0, character: 3 }]);
      }),
      { numRuns: 3000 },
    );
  });

  it('joins the pieces of many changes once, when the text is read', () => {
    const line = 'recovery_time: 4h\n';
    const document = PlanTextDocument.create('file:///a.drplan.yaml', 'drplan', 1, line.repeat(1000));
    for (let version = 2; version < 52; version++) {
      const at = { line: 500, character: 17 };
      PlanTextDocument.update(document, [version % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: 500, character: 18 } }, text: '' }], version);
    }
    // 50 keystrokes, read once: the library would have written the whole text 50 times.
    assert.equal(document.getText(), line.repeat(1000));
    assert.equal(document.getText({ start: { line: 500, character: 0 }, end: { line: 501, character: 0 } }), line);
    assert.deepEqual(document.positionAt(line.length * 500 + 4), { line: 500, character: 4 });
  });

  it('takes thousands of changes in one notification (thousands of cursors) as the library does', () => {
    const line = 'recovery_time: 4h\n';
    const text = line.repeat(3000);
    const ours = PlanTextDocument.create('file:///a.drplan.yaml', 'drplan', 1, text);
    const theirs = TextDocument.create('file:///a.drplan.yaml', 'drplan', 1, text);
    // Every line's `4h` becomes `4 h`, from the last line up, as VS Code sends a multi-cursor edit.
    const changes = Array.from({ length: 3000 }, (_, i) => ({ range: { start: { line: 2999 - i, character: 16 }, end: { line: 2999 - i, character: 16 } }, text: ' ' }));
    PlanTextDocument.update(ours, changes, 2);
    TextDocument.update(theirs, changes, 2);
    assert.equal(ours.getText(), theirs.getText());
    assert.equal(ours.getText(), 'recovery_time: 4 h\n'.repeat(3000));
    assert.deepEqual(ours.positionAt(20 * 1500 + 3), theirs.positionAt(20 * 1500 + 3));
  });

  it('takes only its own documents', () => {
    assert.throws(() => PlanTextDocument.update(TextDocument.create('file:///a', 'drplan', 1, ''), [{ text: 'x' }], 2), /PlanTextDocument\.create/);
  });
});
