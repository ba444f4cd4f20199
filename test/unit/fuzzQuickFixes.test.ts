import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { analyze, type Locale } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND } from '../../server/src/core/features/codeActions';
import { TODAY } from '../support/fixtures';
import { checkProperty } from '../support/fuzz';
import { planArbitrary } from '../support/planArbitrary';

/**
 * Property tests of every quick fix (core/features/codeActions.ts) over random plans with
 * mistakes (test/support/planArbitrary.ts): the fixed text parses as YAML, keeps every comment,
 * keeps its line endings, and changes nothing outside the edits' own ranges: every key and value
 * the edits do not touch is still there, with the same text, under the same keys and in the same
 * list positions (so an insertion at a wrong indentation, which moves later keys into another
 * mapping, fails).
 */

const URI = 'file:///fuzz.drplan.yaml';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

/** A key or scalar value of the YAML, where it stands, and the keys and indices above it. */
interface Leaf {
  readonly start: number;
  readonly end: number;
  readonly source: string;
  /** Keys and list positions from the root; a key is `{ key, start }`, so a renamed one can be told. */
  readonly path: readonly (number | { readonly key: string; readonly start: number; readonly end: number })[];
}

function leaves(text: string): Leaf[] {
  const found: Leaf[] = [];
  const doc = parseDocument(text, { merge: true });
  const stack: [Node | null | undefined, Leaf['path']][] = [[doc.contents as Node | null, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [Node | null | undefined, Leaf['path']];
    if (!node || !node.range) continue;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const step = { key: String(key.value), start: key.range[0], end: key.range[1] };
        found.push({ start: key.range[0], end: key.range[1], source: text.slice(key.range[0], key.range[1]), path: [...path, step] });
        stack.push([pair.value as Node | null, [...path, step]]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (isPair(item)) return;
        stack.push([item as Node, [...path, index]]);
      });
    } else if (isScalar(node)) {
      found.push({ start: node.range[0], end: node.range[1], source: text.slice(node.range[0], node.range[1]), path });
    }
  }
  return found;
}

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

function offsetEdits(document: TextDocument, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits
    .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
}

/** Whether an edit touches [start, end): overlaps it, or inserts strictly inside it. */
function touches(edits: readonly OffsetEdit[], start: number, end: number): boolean {
  return edits.some((edit) => (edit.start < end && edit.end > start) || (edit.start === edit.end && start < edit.start && edit.start < end));
}

/** Where an offset outside every edit stands after the edits. */
function moved(edits: readonly OffsetEdit[], offset: number): number {
  let shift = 0;
  for (const edit of edits) if (edit.end <= offset && !(edit.start === edit.end && edit.start === offset)) shift += edit.newText.length - (edit.end - edit.start);
  return offset + shift;
}

function assertFixIsContained(before: string, beforeLeaves: readonly Leaf[], action: CodeAction, comments: readonly string[]): void {
  const edits = action.edit?.changes?.[URI] ?? [];
  assert.ok(edits.length > 0, `"${action.title}" has edits`);
  const document = TextDocument.create(URI, 'drplan', 1, before);
  const located = offsetEdits(document, edits);
  for (let i = 1; i < located.length; i++) {
    assert.ok((located[i - 1] as OffsetEdit).end <= (located[i] as OffsetEdit).start, `"${action.title}": edits overlap`);
  }
  for (const edit of located) assert.ok(edit.end <= before.length, `"${action.title}": edit beyond the end`);
  const after = TextDocument.applyEdits(document, edits);

  // It parses: the plans have no YAML error before.
  const errors = parseDocument(after, { merge: true, uniqueKeys: true }).errors;
  assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), [], `"${action.title}" gives YAML that parses`);
  // Every comment is kept.
  for (const comment of comments) {
    assert.equal(after.split(comment).length, before.split(comment).length, `"${action.title}" keeps the comment ${comment}`);
  }
  // The file keeps its line endings.
  if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), `"${action.title}" writes CRLF into a CRLF file`);
  else assert.ok(!after.includes('\r'), `"${action.title}" writes LF into an LF file`);

  // Nothing outside the edits changes: keys and values keep their text, keys and list positions.
  const afterLeaves = new Map(leaves(after).map((leaf) => [leaf.start, leaf]));
  for (const leaf of beforeLeaves) {
    if (touches(located, leaf.start, leaf.end)) continue;
    const now = afterLeaves.get(moved(located, leaf.start));
    assert.ok(now, `"${action.title}": '${leaf.source}' at ${leaf.start} is gone`);
    assert.equal(now.source, leaf.source, `"${action.title}": '${leaf.source}' changed`);
    assert.equal(now.path.length, leaf.path.length, `"${action.title}": '${leaf.source}' moved to another level`);
    leaf.path.forEach((step, i) => {
      const other = now.path[i];
      if (typeof step === 'number') assert.equal(other, step, `"${action.title}": '${leaf.source}' moved in its list`);
      else if (!touches(located, step.start, step.end)) {
        assert.ok(typeof other === 'object' && other.key === step.key, `"${action.title}": '${leaf.source}' moved from under '${step.key}'`);
      }
    });
  }
}

describe('quick fixes on random plans (property tests)', () => {
  it('give YAML that parses, keep every comment and line ending, and change nothing outside their edits', async () => {
    let applied = 0;
    await checkProperty(
      'quick fixes stay in their edits',
      fc.property(planArbitrary({ mistakes: true, maxScenarios: 8 }), fc.constantFrom<Locale>('de', 'en'), (plan, locale) => {
        const analysis = analyze(plan.text, { today: TODAY });
        fc.pre(parseDocument(plan.text, { merge: true, uniqueKeys: true }).errors.length === 0);
        const diagnostics = analysis.diagnostics(locale, URI);
        const options = { uri: URI, today: TODAY };
        // Each fix once: the same action comes for the whole document and for its own diagnostic.
        const actions = new Map<string, CodeAction>();
        for (const action of [
          ...codeActions(analysis, WHOLE, diagnostics, locale, options),
          ...codeActions(analysis, WHOLE, [], locale, { ...options, only: [FIX_ALL_KIND] }),
          ...diagnostics.filter((d) => d.code !== 'untested').flatMap((d) => codeActions(analysis, d.range, [d], locale, options)),
        ]) {
          actions.set(JSON.stringify(action.edit), action);
        }
        const beforeLeaves = leaves(plan.text);
        for (const action of actions.values()) {
          assertFixIsContained(plan.text, beforeLeaves, action, plan.comments);
          applied++;
        }
      }),
      15,
    );
    assert.ok(applied > 30, `only ${applied} quick fixes applied`);
  });
});
