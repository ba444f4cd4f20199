import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan } from '../../bench/generatePlan';
import type { Analysis } from '../../server/src/core';
import { codeActions } from '../../server/src/core/features/codeActions';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { references } from '../../server/src/core/features/references';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { createLanguageService } from '../../server/src/core/languageService';
import { planDocument } from '../../server/src/core/render/preview';
import { DocumentAnalyses } from '../../server/src/documentAnalyses';
import { TODAY } from '../support/fixtures';

/**
 * Closing a plan frees its analysis: the server's DocumentAnalyses forgets it, and nothing else
 * holds on to it (every cache of the features is a WeakMap keyed by the analysis). Proved with a
 * WeakRef and a full garbage collection, after every feature has filled its cache; also that an
 * older version's analysis goes once the next version is analysed.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Collects until `ref` is cleared (finalization may need more than one cycle), or gives up. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 10 && ref.deref() !== undefined; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

/** Every feature on the analysis, so that each fills whatever cache it keeps. */
function useEveryFeature(analysis: Analysis, uri: string): void {
  const offset = analysis.text.indexOf('rto: ') + 6;
  analysis.diagnostics('de', uri);
  hover(analysis, offset, 'de');
  complete(analysis, analysis.text, offset, 'de', { today: TODAY });
  definition(analysis, analysis.text.indexOf('backup: ') + 9, uri);
  references(analysis, analysis.text.indexOf('id: ') + 5, uri, true);
  documentSymbols(analysis, 'de');
  foldingRanges(analysis);
  planDocument(analysis, TODAY);
  codeActions(analysis, { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, analysis.diagnostics('de', uri), 'de', { uri, today: TODAY });
}

/** The server's cache over a language service of its own; a feature that fails fails the test. */
const documentAnalyses = () =>
  new DocumentAnalyses(createLanguageService({ locale: 'de', today: TODAY, logger: { failed: (_feature, _uri, error) => assert.fail(String(error)) } }));

describe('the analyses of open documents', () => {
  it('keep one analysis per version, and the same object while the version stays', () => {
    const analyses = documentAnalyses();
    const document = TextDocument.create('file:///a.drplan.yaml', 'drplan', 1, generatePlan(3));
    const first = analyses.get(document);
    assert.equal(analyses.get(document), first);
    assert.ok(analyses.has(document));
    TextDocument.update(document, [{ text: generatePlan(4) }], 2);
    assert.ok(!analyses.has(document));
    assert.notEqual(analyses.get(document), first);
  });

  it('free a closed document\'s analysis, with every cache the features filled', async () => {
    const analyses = documentAnalyses();
    const uri = 'file:///closed.drplan.yaml';
    const document = TextDocument.create(uri, 'drplan', 1, generatePlan(20).replace('rto: 8h', 'rto: 1h'));
    let analysis: Analysis | undefined = analyses.get(document);
    useEveryFeature(analysis, uri);
    const ref = new WeakRef(analysis);
    analysis = undefined;
    analyses.forget(uri);
    assert.ok(await collected(ref), 'the analysis is garbage once the document is closed');
  });

  it('free an older version\'s analysis once the next version is analysed from it', async () => {
    const analyses = documentAnalyses();
    const uri = 'file:///edited.drplan.yaml';
    const text = generatePlan(20);
    const document = TextDocument.create(uri, 'drplan', 1, text);
    let first: Analysis | undefined = analyses.get(document);
    useEveryFeature(first, uri);
    const ref = new WeakRef(first);
    first = undefined;
    // A keystroke in a value: the next version takes over the first one's tree (incremental.ts).
    const at = text.indexOf('rto: 8h', text.length / 2) + 5;
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 1) }, text: '9' }], 2);
    useEveryFeature(analyses.get(document), uri);
    assert.ok(await collected(ref), 'version 1 is garbage once version 2 is analysed');
  });

  it('drop every analysis when the size limit changes, and apply the new one', () => {
    const analyses = documentAnalyses();
    const document = TextDocument.create('file:///limit.drplan.yaml', 'drplan', 1, generatePlan(3));
    assert.equal(analyses.get(document).tooLarge, undefined);
    assert.equal(analyses.setMaxFileSize(1000), true);
    assert.ok(!analyses.has(document));
    assert.ok(analyses.get(document).tooLarge);
    assert.equal(analyses.setMaxFileSize(1000), false, 'the same limit again changes nothing');
    assert.ok(analyses.has(document));
  });
});
