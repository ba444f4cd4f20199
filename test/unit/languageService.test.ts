/**
 * The language-service object (core/languageService.ts): what the server and the CLI call. Its
 * one error policy (a failing feature is logged and answers empty), its answers for a plan over
 * the size limit (none), its settings, and that it answers what the features answer.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core';
import { definition } from '../../server/src/core/features/definition';
import { hover } from '../../server/src/core/features/hover';
import { newPlanText } from '../../server/src/core/features/newPlan';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { createLanguageService, type LanguageService } from '../../server/src/core/languageService';
import { EXAMPLES, read, TODAY } from '../support/fixtures';

const URI = 'file:///plaene/plan.drplan.yaml';
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

interface Failure {
  readonly feature: string;
  readonly uri: string;
  readonly error: unknown;
}

function serviceWithLog(options: { maxFileSize?: number } = {}): { service: LanguageService; failures: Failure[] } {
  const failures: Failure[] = [];
  const service = createLanguageService({ locale: 'de', today: TODAY, ...options, logger: { failed: (feature, uri, error) => failures.push({ feature, uri, error }) } });
  return { service, failures };
}

/** An analysis whose YAML and model cannot be read: every feature that reads them throws. */
function brokenAnalysis(): Analysis {
  const broken = { ...analyze(EXAMPLE, { today: TODAY }) };
  const fail = () => {
    throw new Error('broken on purpose');
  };
  return Object.defineProperties(broken, { yaml: { get: fail }, model: { get: fail } });
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Each feature of the service on an analysis, with its empty answer and the name it is logged under. */
const FEATURES: readonly { readonly method?: string; readonly feature: string; readonly none: unknown; readonly ask: (service: LanguageService, analysis: Analysis) => unknown }[] = [
  { feature: 'definition', none: [], ask: (s, a) => s.definition(a, EXAMPLE.indexOf('backup: ') + 9, URI) },
  { feature: 'references', none: [], ask: (s, a) => s.references(a, EXAMPLE.indexOf('id: ') + 5, URI, true) },
  { method: 'prepareRename', feature: 'rename', none: null, ask: (s, a) => s.prepareRename(a, EXAMPLE.indexOf('id: ') + 5, URI) },
  { method: 'rename', feature: 'rename', none: null, ask: (s, a) => s.rename(a, EXAMPLE.indexOf('id: ') + 5, 'neu', URI) },
  { feature: 'symbols', none: [], ask: (s, a) => s.documentSymbols(a, URI) },
  { feature: 'folding', none: [], ask: (s, a) => s.foldingRanges(a, URI) },
  {
    feature: 'code actions',
    none: [],
    ask: (s, a) => s.codeActions(a, WHOLE, [{ range: WHOLE, message: 'x', code: 'unknown-field', source: 'drplan' }], URI),
  },
  { feature: 'hover', none: null, ask: (s, a) => s.hover(a, EXAMPLE.indexOf('rto: ') + 6, URI) },
  { feature: 'completion', none: [], ask: (s, a) => s.complete(a, EXAMPLE, EXAMPLE.indexOf('rto: ') + 6, URI) },
];

describe('the language service', () => {
  describe('a feature that fails is logged and answers empty', () => {
    for (const { method, feature, none, ask } of FEATURES) {
      it(method ?? feature, () => {
        const { service, failures } = serviceWithLog();
        assert.deepEqual(ask(service, brokenAnalysis()), none);
        assert.equal(failures.length, 1, `one failure logged, not ${failures.length}`);
        const [failure] = failures as [Failure];
        assert.equal(failure.feature, feature);
        assert.equal(failure.uri, URI);
        assert.match(String(failure.error), /broken on purpose/);
      });
    }
  });

  it('answers nothing for a plan over the size limit, and logs nothing', () => {
    const { service, failures } = serviceWithLog({ maxFileSize: 1024 });
    const analysis = service.analyze(EXAMPLE, { uri: URI });
    assert.ok(analysis.tooLarge);
    for (const { none, ask } of FEATURES) assert.deepEqual(ask(service, analysis), none);
    assert.deepEqual(failures, []);
    assert.equal(service.diagnostics(analysis, URI).length, 1, 'only the one diagnostic that says so');
  });

  it('takes a new size limit, and says whether it changed', () => {
    const { service } = serviceWithLog();
    assert.equal(service.analyze(EXAMPLE).tooLarge, undefined);
    assert.equal(service.configure({ maxFileSize: 1024 }), true);
    assert.ok(service.analyze(EXAMPLE).tooLarge);
    assert.equal(service.configure({ maxFileSize: 1024 }), false, 'the same limit again changes nothing');
    assert.equal(service.configure({}), false, 'nothing said, nothing changed');
    assert.equal(service.configure({ maxFileSize: Infinity }), true);
    assert.equal(service.analyze(EXAMPLE).tooLarge, undefined);
  });

  it('answers what the features answer, in its language and as of its day', () => {
    const { service, failures } = serviceWithLog();
    const analysis = service.analyze(EXAMPLE, { uri: URI });
    const direct = analyze(EXAMPLE, { today: TODAY, uri: URI });
    assert.deepEqual(service.diagnostics(analysis, URI), direct.diagnostics('de', URI));
    const rto = EXAMPLE.indexOf('rto: ') + 6;
    assert.deepEqual(service.hover(analysis, rto, URI), hover(direct, rto, 'de'));
    const backup = EXAMPLE.indexOf('backup: ') + 9;
    assert.deepEqual(service.definition(analysis, backup, URI), definition(direct, backup, URI));
    assert.deepEqual(service.documentSymbols(analysis, URI), documentSymbols(direct, 'de'));
    assert.equal(service.newPlan(), newPlanText('de', TODAY));
    assert.equal(createLanguageService({ locale: 'en', today: TODAY, logger: { failed: () => assert.fail() } }).newPlan(), newPlanText('en', TODAY));
    assert.deepEqual(failures, []);
  });
});
