import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { analyze, type Analysis, type Locale } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND, type CodeActionOptions } from '../../server/src/core/features/codeActions';
import { fixtureFiles, FIXTURES, TODAY } from '../support/fixtures';

/**
 * Quick fixes, as golden files: each `test/fixtures/fixes/<name>.input.drplan.yaml` names the fix
 * to apply in a header comment,
 *
 *     # fix: <code> "<title>"                 a quick fix for the diagnostics of that code
 *     # fix: source.fixAll.drplan "<title>"   the action of that kind
 *
 * with the title exactly as offered, in German or in English (the locale is the title's). The
 * test asks for the code actions of all diagnostics of that code (as a client would for a
 * selection over all of them), applies the one action with that title, and compares the result
 * byte for byte with `<name>.expected.drplan.yaml` (CRLF files stay CRLF: see the folder's
 * .gitattributes). Then it analyses the result: the diagnostics the action names are gone, and no
 * error is there that was not there before, but for what a fix leaves for the author on purpose,
 * named in a second header line (one code for each such finding):
 *
 *     # leaves: <code>, …                     e.g. the empty `by:` of a new approval (invalid-value)
 */

const FOLDER = join(FIXTURES, 'fixes');
const URI = 'file:///plan.drplan.yaml';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const HEADER = /^# fix: (\S+) "(.+)"\r?$/m;
const LEAVES = /^# leaves: (.+?)\r?$/m;

const options = (only?: string[]): CodeActionOptions => ({
  uri: URI,
  only,
  today: TODAY,
});

/** The code actions for every diagnostic of `code` (or of no code, for a kind), in one locale. */
function actionsFor(analysis: Analysis, selector: string, locale: Locale): CodeAction[] {
  if (selector.startsWith('source')) return codeActions(analysis, WHOLE, [], locale, options([selector]));
  const diagnostics = analysis.diagnostics(locale, URI).filter((d) => d.code === selector);
  assert.ok(diagnostics.length > 0, `the input has no ${selector} diagnostic`);
  return codeActions(analysis, WHOLE, diagnostics, locale, options());
}

function apply(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length > 0, `"${action.title}" has no edits`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 1, text), edits);
}

function countByCode(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

const inputs = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.input.drplan.yaml'))
  .sort();

describe('quick fixes (golden files in test/fixtures/fixes)', () => {
  const appliedCodes = new Set<string>();
  for (const input of inputs) {
    const name = input.replace('.input.drplan.yaml', '');
    it(name, () => {
      const text = readFileSync(join(FOLDER, input), 'utf8');
      const expectedFile = join(FOLDER, `${name}.expected.drplan.yaml`);
      assert.ok(existsSync(expectedFile), `${name}.expected.drplan.yaml is missing`);
      const header = HEADER.exec(text);
      assert.ok(header, `${input} names no fix: # fix: <code> "<title>"`);
      const [, selector, title] = header as unknown as [string, string, string];

      const analysis = analyze(text, { today: TODAY });
      const found = (['de', 'en'] as const).flatMap((locale) => actionsFor(analysis, selector, locale).filter((a) => a.title === title));
      const offered = (['de', 'en'] as const).flatMap((locale) => actionsFor(analysis, selector, locale).map((a) => a.title));
      assert.equal(found.length, 1, `exactly one action "${title}"; offered: ${JSON.stringify(offered)}`);
      const action = found[0] as CodeAction;

      const fixed = apply(text, action);
      assert.equal(fixed, readFileSync(expectedFile, 'utf8'));

      // The diagnostics the action names are gone; no error came in their place.
      const before = analysis.diagnostics('en');
      const after = analyze(fixed, { today: TODAY }).diagnostics('en');
      const claimed = countByCode(action.diagnostics ?? []);
      const left = countByCode((LEAVES.exec(text)?.[1] ?? '').split(',').flatMap((code) => (code.trim() ? [{ code: code.trim() } as Diagnostic] : [])));
      assert.ok(claimed.size > 0, 'the action names the diagnostics it fixes');
      const beforeCounts = countByCode(before);
      const afterCounts = countByCode(after);
      const errors = new Set([...before, ...after].filter((d) => d.severity === 1).map((d) => String(d.code)));
      for (const code of new Set([...claimed.keys(), ...errors, ...left.keys()])) {
        const allowed = (beforeCounts.get(code) ?? 0) - (claimed.get(code) ?? 0) + (left.get(code) ?? 0);
        assert.ok(
          (afterCounts.get(code) ?? 0) <= allowed,
          `${code}: ${afterCounts.get(code) ?? 0} after the fix, at most ${allowed} expected\n${after.map((d) => `${d.code} ${d.message}`).join('\n')}`,
        );
      }
      for (const code of claimed.keys()) appliedCodes.add(code);
    });
  }

  it('has a golden file for the fix of every code that has one', () => {
    const codes = ['missing-field', 'unknown-field', 'invalid-value', 'unknown-reference', 'invalid-duration', 'category-mismatch', 'missing-scenario', 'retention-too-short', 'approval-missing', 'no-deputy'];
    assert.deepEqual(codes.filter((code) => !appliedCodes.has(code)), []);
  });

  it('has no expected file without its input', () => {
    const orphans = readdirSync(FOLDER)
      .filter((name) => name.endsWith('.expected.drplan.yaml'))
      .filter((name) => !inputs.includes(name.replace('.expected.', '.input.')));
    assert.deepEqual(orphans, []);
  });
});

const PLAN = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1"
  owners: it
contacts:
  - id: it
    name: IT-Betrieb
scenarios:
  - id: vm
    category: hardwar
    type: vm-server
    prevention: [Zweiter Host]
    recovery: [VMs umziehen]
    recovery_time: 30m
    rto: 2h
`;

describe('codeActions', () => {
  const analysis = analyze(PLAN, { today: TODAY });
  const diagnostics = (code: string, locale: Locale = 'de') => analysis.diagnostics(locale, URI).filter((d) => d.code === code);

  it('offers the closest key, value and duration as preferred quick fixes, in German', () => {
    const titles = (code: string) => codeActions(analysis, WHOLE, diagnostics(code), 'de', options(['quickfix'])).map((a) => [a.title, a.kind, a.isPreferred === true]);
    assert.deepEqual(titles('unknown-field'), [['In „owner“ umbenennen', 'quickfix', true]]);
    assert.deepEqual(titles('invalid-value'), [['Durch „hardware“ ersetzen', 'quickfix', true]]);
    assert.deepEqual(titles('invalid-duration'), [['Durch „30 min“ ersetzen', 'quickfix', true]]);
  });

  it('speaks English when asked', () => {
    const actions = codeActions(analysis, WHOLE, diagnostics('missing-field', 'en'), 'en', options(['quickfix']));
    assert.deepEqual(actions.map((a) => a.title), ["Insert required field 'rpo'"]);
    assert.equal(actions[0]?.isPreferred, undefined, 'a placeholder is never applied without a look');
  });

  it('offers the skeleton of a plan, and only that, for the one finding of an empty file', () => {
    for (const text of ['', '# nur ein Kommentar\n', '---\n']) {
      const empty = analyze(text, { today: TODAY });
      const found = empty.diagnostics('en', URI);
      assert.equal(found.length, 1, JSON.stringify(text));
      const actions = codeActions(empty, WHOLE, found, 'en', options(['quickfix']));
      assert.deepEqual(actions.map((a) => a.title), ['Insert the skeleton of a DR plan'], JSON.stringify(text));
      const fixed = apply(text, actions[0] as CodeAction);
      assert.match(fixed, /^drplan: "1"\nplan:\n  title: Notfallplan\n[^]*\nscenarios: \[\]\n$/m);
      assert.deepEqual(analyze(fixed, { today: TODAY }).diagnostics('en').filter((d) => d.code === 'missing-field'), []);
    }
  });

  it("offers both readings of an open 'm' (an RTO of 2 m), neither preferred, and fix-all leaves it alone", () => {
    const text = PLAN.replace('rto: 2h', 'rto: 2 m').replace('30m', '30 min');
    const open = analyze(text, { today: TODAY });
    const found = open.diagnostics('en', URI).filter((d) => d.code === 'invalid-duration');
    const actions = codeActions(open, WHOLE, found, 'en', options(['quickfix']));
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred === true]), [["Replace with '2 min'", false], ["Replace with '2 Monate'", false]]);
    assert.equal(apply(text, actions[1] as CodeAction), text.replace('rto: 2 m', 'rto: 2 Monate'));
    const [fixAll] = codeActions(open, WHOLE, [], 'en', options([FIX_ALL_KIND]));
    assert.ok(!(fixAll?.diagnostics ?? []).some((d) => d.code === 'invalid-duration'));
  });

  it('still finds the fix when the client dropped the diagnostic’s data', () => {
    const [diagnostic] = diagnostics('unknown-field');
    const withoutData = { ...(diagnostic as Diagnostic), data: undefined };
    assert.deepEqual(codeActions(analysis, WHOLE, [withoutData], 'de', options(['quickfix'])).map((a) => a.title), ['In „owner“ umbenennen']);
  });

  it('offers nothing for a diagnostic of another version of the document', () => {
    const [diagnostic] = diagnostics('unknown-field');
    const moved = { ...(diagnostic as Diagnostic), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } };
    assert.deepEqual(codeActions(analysis, WHOLE, [moved], 'de', options(['quickfix'])), []);
  });

  it('without diagnostics from the client, fixes what lies in the range', () => {
    const line = PLAN.split('\n').findIndex((l) => l.includes('hardwar'));
    const character = (PLAN.split('\n')[line] as string).indexOf('hardwar') + 3;
    const range = { start: { line, character }, end: { line, character } };
    assert.deepEqual(codeActions(analysis, range, [], 'de', options(['quickfix'])).map((a) => a.title), ['Durch „hardware“ ersetzen']);
  });

  it('gives the fix-all action only to those who ask for its kind, or for all kinds', () => {
    const all = diagnostics('unknown-field');
    const kinds = (only?: string[]) => codeActions(analysis, WHOLE, all, 'de', options(only)).map((a) => a.kind);
    assert.deepEqual(kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(kinds(['source.fixAll']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['refactor']), []);
    assert.deepEqual(kinds(), ['quickfix', FIX_ALL_KIND]);
  });

  it('fix-all applies the key, the enumeration value and the duration, nothing that needs judgement', () => {
    const [fixAll] = codeActions(analysis, WHOLE, [], 'en', options([FIX_ALL_KIND]));
    assert.equal(fixAll?.title, 'Apply all unambiguous fixes (drplan)');
    const fixed = apply(PLAN, fixAll as CodeAction);
    assert.equal(fixed, PLAN.replace('owners:', 'owner:').replace('hardwar', 'hardware').replace('30m', '30 min'));
    assert.deepEqual([...new Set((fixAll?.diagnostics ?? []).map((d) => d.code))].sort(), ['invalid-duration', 'invalid-value', 'unknown-field']);
  });

  it('does not rename a key into one the mapping already has', () => {
    const text = 'drplan: "1"\nplan:\n  title: a\n  titel: b\n  organisation: o\n  system: s\n  version: "1"\nscenarios: []\n';
    const plan = analyze(text, { today: TODAY });
    const unknown = plan.diagnostics('de', URI).filter((d) => d.code === 'unknown-field');
    assert.equal(unknown.length, 1);
    assert.deepEqual(codeActions(plan, WHOLE, unknown, 'de', options(['quickfix'])), []);
  });

  it('does not insert a field into a mapping that an alias or a merge key brings in', () => {
    // The scenario is an alias of x-base: inserting there would change every use of the anchor.
    const text = [
      'drplan: "1"',
      'plan: {title: a, organisation: o, system: s, version: "1"}',
      'x-base: &base {id: vm, category: hardware, type: vm-server, prevention: [p], recovery: [r], recovery_time: 1h, rpo: 0}',
      'scenarios:',
      '  - *base',
      '',
    ].join('\n');
    const plan = analyze(text, { today: TODAY });
    const missing = plan.diagnostics('de', URI).filter((d) => d.code === 'missing-field');
    assert.equal(missing.length, 1);
    assert.deepEqual(codeActions(plan, WHOLE, missing, 'de', options(['quickfix'])), []);
  });

  it('fits placeholders to the scenario: recovery_time ≤ rto ≤ mtpd, the RPO its backup meets', () => {
    const text = [
      'drplan: "1"',
      'plan: {title: a, organisation: o, system: s, version: "1"}',
      'backups:',
      '  - {id: stunde, what: Daten, method: file-copy, interval: 1h}',
      'scenarios:',
      '  - {id: a, category: hardware, type: vm-server, prevention: [p], recovery: [r], recovery_time: 12h, backup: stunde}',
      '  - {id: b, category: hardware, type: storage-server, prevention: [p], recovery: [r], rto: 2h, rpo: 0}',
      '  - {id: c, category: hardware, type: server-rack, prevention: [p], recovery: [r], recovery_time: 1h, mtpd: 6 h}',
      '',
    ].join('\n');
    const plan = analyze(text, { today: TODAY });
    const missing = plan.diagnostics('en', URI).filter((d) => d.code === 'missing-field');
    const inserted = codeActions(plan, WHOLE, missing, 'en', options(['quickfix']))
      .filter((a) => a.title.startsWith('Insert all') || a.title.includes('recovery_time'))
      .map((a) => a.edit?.changes?.[URI]?.map((e) => e.newText).join(''));
    assert.deepEqual(inserted, [', rto: 12h, rpo: 1h', ', recovery_time: 2h', ', rto: 6 h, rpo: 24h']);
  });

  it('lists a missing scenario as not applicable, the reason a snippet tab stop in data for clients that take snippets', () => {
    const text = 'drplan: "1"\nplan:\n  title: T\n  organisation: O\n  system: S\n  version: "1"\n  not_applicable:\nscenarios: []\n';
    const plan = analyze(text, { today: TODAY });
    const rack = plan.diagnostics('en', URI).filter((d) => d.code === 'missing-scenario' && (d.data as { type?: string }).type === 'server-rack');
    const [action] = codeActions(plan, WHOLE, rack, 'en', options(['quickfix'])).filter((a) => a.title === "List 'Failure of the server rack' as not applicable");
    assert.ok(action, 'the action is offered');
    assert.equal(apply(text, action), text.replace('  not_applicable:\n', '  not_applicable:\n    - type: server-rack\n      reason: Begründung\n'));
    const [edit] = action.edit?.changes?.[URI] ?? [];
    assert.deepEqual(action.data, { snippets: [{ range: edit?.range, snippet: '\n    - type: server-rack\n      reason: ${1:Begründung}' }] });
    // the other fixes have no snippet
    const insert = codeActions(plan, WHOLE, rack, 'en', options(['quickfix'])).find((a) => a.title.startsWith('Insert scenario'));
    assert.equal(insert?.data, undefined);
  });

  it('adds an approval and a deputy with the cursor on the empty value, and asks for the suggestions there', () => {
    const text = 'drplan: "1"\nplan:\n  title: T\n  organisation: O\n  system: S\n  version: "2.0"\n  status: approved\n  owner: it\ncontacts:\n  - id: it\n    name: IT\nscenarios: []\n';
    const plan = analyze(text, { today: TODAY });
    const fixOf = (code: string) => {
      const [action, ...others] = codeActions(plan, WHOLE, plan.diagnostics('en', URI).filter((d) => d.code === code), 'en', options(['quickfix']));
      assert.ok(action, code);
      assert.deepEqual(others, [], 'one fix');
      assert.equal(action.isPreferred, undefined, 'who approved, and who stands in, are for the author to say');
      return action;
    };
    const approval = fixOf('approval-missing');
    assert.equal(approval.title, "Add an approval of version '2.0'");
    assert.equal(apply(text, approval), text.replace('  owner: it\n', '  owner: it\n  approvals:\n    - by:\n      date: 2026-11-29\n      version: "2.0"\n'));
    const [approvalEdit] = approval.edit?.changes?.[URI] ?? [];
    assert.deepEqual(approval.data, { snippets: [{ range: approvalEdit?.range, snippet: '\n  approvals:\n    - by: $1\n      date: 2026-11-29\n      version: "2.0"' }], suggest: true });

    const deputy = fixOf('no-deputy');
    assert.equal(deputy.title, "Add a deputy for 'it'");
    assert.equal(apply(text, deputy), text.replace('    name: IT\n', '    name: IT\n    deputy:\n'));
    const [deputyEdit] = deputy.edit?.changes?.[URI] ?? [];
    assert.deepEqual(deputy.data, { snippets: [{ range: deputyEdit?.range, snippet: '\n    deputy: $1' }], suggest: true });
  });

  it('inserts no deputy into a contact that an alias or a merge key writes elsewhere', () => {
    const text = 'drplan: "1"\nplan: { title: T, organisation: O, system: S, version: "1", owner: it }\nx-it: &it { id: it, name: IT }\ncontacts:\n  - *it\nscenarios: []\n';
    const plan = analyze(text, { today: TODAY });
    const noDeputy = plan.diagnostics('en', URI).filter((d) => d.code === 'no-deputy');
    assert.equal(noDeputy.length, 1);
    assert.deepEqual(codeActions(plan, WHOLE, noDeputy, 'en', options(['quickfix'])), []);
  });

  it('never throws on broken or half-typed plans, and every edit applies', () => {
    const sources = [...fixtureFiles('codes'), ...fixtureFiles('styles'), ...inputs.map((name) => join(FOLDER, name))].map((file) => readFileSync(file, 'utf8'));
    let offered = 0;
    for (const source of sources) {
      for (let cut = 0; cut <= source.length; cut += Math.max(1, Math.floor(source.length / 7))) {
        const text = source.slice(0, cut);
        const broken = analyze(text, { today: TODAY });
        const actions = codeActions(broken, WHOLE, broken.diagnostics('de', URI), 'de', options());
        for (const action of actions) {
          const edits = action.edit?.changes?.[URI] ?? [];
          assert.ok(edits.length > 0, action.title);
          apply(text, action);
          offered++;
        }
      }
    }
    assert.ok(offered > 50, `only ${offered} actions on the cut fixtures`);
  });
});
