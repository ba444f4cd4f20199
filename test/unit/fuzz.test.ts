import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isNode } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, DIAGNOSTIC_CODES, reanalyze, type Analysis, type Locale } from '../../server/src/core';
import { codeActions } from '../../server/src/core/features/codeActions';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { references } from '../../server/src/core/features/references';
import { prepareRename } from '../../server/src/core/features/rename';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { applyChange, checkProperty, editAction, keystrokes, LONG } from '../support/fuzz';
import { TODAY } from '../support/fixtures';
import { planArbitrary } from '../support/planArbitrary';

/**
 * Property tests of the core over random plans (test/support/planArbitrary.ts) and random edit
 * sequences: nothing throws, every diagnostic lies inside its document and carries a code of
 * format.md, a valid plan has no error, a 100-scenario plan is analysed within a second, and the
 * incremental analysis of every keystroke equals a full analysis of the text. The quick fixes'
 * properties are in fuzzQuickFixes.test.ts. `npm test` runs a few seeded cases; `npm run fuzz`
 * runs them for minutes (test/support/fuzz.ts).
 */

const URI = 'file:///fuzz.drplan.yaml';
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Every diagnostic inside the document, with one of format.md's codes. */
function assertWellFormed(analysis: Analysis, diagnostics: readonly Diagnostic[]): void {
  const document = TextDocument.create(URI, 'drplan', 1, analysis.text);
  const lines = document.lineCount;
  for (const d of diagnostics) {
    assert.ok((DIAGNOSTIC_CODES as readonly unknown[]).includes(d.code), `code ${String(d.code)}`);
    assert.equal(d.source, 'drplan');
    assert.ok(d.message.length > 0);
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && start.character >= 0, `${d.code}: negative start`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.code}: range ends before it starts`);
    assert.ok(end.line < lines, `${d.code}: line ${end.line} of ${lines} lines`);
    for (const position of [start, end]) {
      const lineText = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
      assert.ok(position.character <= lineText.length, `${d.code}: character ${position.character} beyond line ${position.line} (${lineText.length})`);
    }
  }
}

/** Every feature at the given places: none may throw (codeActions reports what it caught). */
function useEveryFeature(analysis: Analysis, at: readonly number[], locale: Locale): void {
  const text = analysis.text;
  const offsets = at.map((f) => Math.floor(f * (text.length + 1)));
  documentSymbols(analysis, locale);
  foldingRanges(analysis);
  for (const offset of offsets) {
    hover(analysis, offset, locale);
    complete(analysis, text, offset, locale, { today: TODAY });
    definition(analysis, offset, URI);
    references(analysis, offset, URI, true);
    prepareRename(analysis, offset, locale);
  }
  const diagnostics = analysis.diagnostics(locale, URI);
  // codeActions throws what goes wrong (the language service logs it): the property fails then.
  codeActions(analysis, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, diagnostics, locale, { uri: URI, today: TODAY });
  for (const d of diagnostics.slice(0, 10)) codeActions(analysis, d.range, [d], locale, { uri: URI, today: TODAY });
}

/** The model without its YAML nodes, to compare an incremental analysis with a full one. */
function modelJson(analysis: Analysis): string {
  // JSON.stringify would call the nodes' toJSON (which throws on broken merges) before a replacer.
  const withoutNodes = (value: unknown): unknown => {
    if (isNode(value)) return undefined;
    if (Array.isArray(value)) return value.map(withoutNodes);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNodes(item)]));
    return value;
  };
  return JSON.stringify(withoutNodes(analysis.model));
}

describe('the core on random plans (property tests)', () => {
  it('analyses every plan without throwing; diagnostics lie inside the document; valid plans have no error', async () => {
    await checkProperty(
      'analyze random plans',
      fc.property(planArbitrary(), fc.array(fraction, { minLength: 1, maxLength: 4 }), fc.constantFrom<Locale>('de', 'en'), (plan, at, locale) => {
        const analysis = analyze(plan.text, { today: TODAY });
        const diagnostics = analysis.diagnostics(locale, URI);
        assertWellFormed(analysis, diagnostics);
        if (plan.mistakes.length === 0) {
          assert.deepEqual(diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`), [], 'a valid plan has no error');
        }
        useEveryFeature(analysis, at, locale);
      }),
      25,
    );
  });

  it('analyses a plan of 100 scenarios within a second', async () => {
    // Warm: the first analysis compiles the schema.
    analyze(fc.sample(planArbitrary({ minScenarios: 3, maxScenarios: 3 }), { seed: 1, numRuns: 1 })[0]!.text);
    await checkProperty(
      'analyze 100 scenarios',
      fc.property(planArbitrary({ minScenarios: 100, maxScenarios: 100 }), (plan) => {
        const started = performance.now();
        analyze(plan.text, { today: TODAY }).diagnostics('de', URI);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < 1000, `${elapsed.toFixed(0)} ms for 100 scenarios (${plan.text.length} characters)`);
      }),
      3,
    );
  });

  it('gives, keystroke by keystroke, the same incremental analysis as a full one, and never throws', async () => {
    await checkProperty(
      'reanalyze equals analyze over random edits',
      fc.property(planArbitrary({ maxScenarios: 6 }), fc.array(editAction, { minLength: 1, maxLength: LONG ? 12 : 6 }), fraction, (plan, actions, at) => {
        let document = TextDocument.create(URI, 'drplan', 1, plan.text);
        let previous = analyze(plan.text, { today: TODAY });
        for (const action of actions) {
          for (const change of keystrokes(document.getText(), action)) {
            document = applyChange(document, change).document;
            const text = document.getText();
            const incremental = reanalyze(previous, text, { today: TODAY });
            const full = analyze(text, { today: TODAY });
            const diagnostics = incremental.diagnostics('en', URI);
            assert.deepEqual(diagnostics, full.diagnostics('en', URI), 'diagnostics of the incremental analysis');
            assert.equal(modelJson(incremental), modelJson(full), 'model of the incremental analysis');
            assert.deepEqual(incremental.yaml.index.lineStarts, full.yaml.index.lineStarts, 'line starts');
            assertWellFormed(incremental, diagnostics);
            previous = incremental;
          }
        }
        useEveryFeature(previous, [at], 'de');
      }),
      12,
    );
  });
});
