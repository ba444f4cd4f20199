import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { EXAMPLES, read, TODAY } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const problems = (text: string) =>
  analyze(text, { today: TODAY })
    .diagnostics('en')
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);

describe('the example plan', () => {
  it('has no error and no warning', () => {
    assert.deepEqual(problems(EXAMPLE), []);
  });
  it('gives the same diagnostics with CRLF line endings', () => {
    const lf = analyze(EXAMPLE, { today: TODAY }).diagnostics('en');
    const crlf = analyze(EXAMPLE.replace(/\n/g, '\r\n'), { today: TODAY }).diagnostics('en');
    assert.deepEqual(crlf, lf);
  });
  it('speaks German when asked, with umlauts intact', () => {
    const text = EXAMPLE.replace('rto: 4h\n    rpo: 0\n    responsible: rz-betreiber\n    escalation: stoerung\n    exercises', 'rto: 1h\n    rpo: 0\n    responsible: rz-betreiber\n    escalation: stoerung\n    exercises');
    const [first] = analyze(text, { today: TODAY }).diagnostics('de').filter((d) => d.code === 'rto-exceeded');
    assert.match(first?.message ?? '', /überschreitet damit die RTO, die maximal zulässige Ausfallzeit \(1 Stunde\)/);
  });
});

describe('bad input gets a diagnostic, never a crash or a hang', () => {
  it('an empty file is one finding that names every missing key', () => {
    const diagnostics = analyze('', { today: TODAY }).diagnostics('en');
    assert.deepEqual(diagnostics.map((d) => d.code), ['missing-field']);
    assert.deepEqual(diagnostics[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(diagnostics[0]?.message ?? '', /empty/);
    assert.deepEqual(diagnostics[0]?.data, { field: 'drplan', path: '', fields: ['drplan', 'plan', 'scenarios'] });
  });
  it('a file of comments, blanks, a lone --- or ~ is empty too: one finding', () => {
    for (const text of ['# nur ein Kommentar\n', '   \n\n\t\n', '---\n', '--- # Plan\n...\n', '~\n', '\r\n# a\r\n']) {
      const diagnostics = analyze(text, { today: TODAY }).diagnostics('de');
      assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['missing-field', 'Die Datei ist leer. Ein DR-Plan beginnt mit drplan: "1", plan: und scenarios:.']], JSON.stringify(text));
    }
  });
  it('a mapping without keys is not empty: each missing key is its own finding', () => {
    assert.deepEqual(analyze('{}\n', { today: TODAY }).diagnostics('en').map((d) => d.code), ['missing-field', 'missing-field', 'missing-field']);
  });
  it('a root that is not a mapping', () => {
    for (const text of ['- a\n- b\n', 'nur Text\n', '42\n']) {
      const diagnostics = analyze(text).diagnostics('en');
      assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-value'], text);
      assert.match(diagnostics[0]?.message ?? '', /mapping/);
    }
  });
  it('names the kind of a value in plain words: "a text value" / "ein Text"', () => {
    const messages = (text: string, locale: 'de' | 'en') => analyze(text).diagnostics(locale).filter((d) => d.code === 'invalid-value').map((d) => d.message);
    assert.deepEqual(messages('nur Text\n', 'en'), ['A DR plan is a YAML mapping of keys (drplan, plan, scenarios, …); the content of this file is a text value.']);
    assert.deepEqual(messages('nur Text\n', 'de'), ['Ein DR-Plan ist ein YAML-Abschnitt mit Schlüsseln (drplan, plan, scenarios, …); der Inhalt dieser Datei ist ein Text.']);
    assert.deepEqual(messages('- a\n', 'en'), ['A DR plan is a YAML mapping of keys (drplan, plan, scenarios, …); the content of this file is a list.']);
    const plan = 'drplan: "1"\nplan: {title: [a, b], organisation: b, system: c, version: "1"}\nscenarios:\n  - {id: s, category: hardware, type: vm-server, prevention: Zweiter Host, recovery: [a], recovery_time: 1h, rto: 4h, rpo: 0}\n';
    assert.deepEqual(messages(plan, 'en'), ["'title' must be a text value, but is a list.", "'prevention' must be a list, but is a text value."]);
    assert.deepEqual(messages(plan, 'de'), ['„title“ muss ein Text sein, ist aber eine Liste.', '„prevention“ muss eine Liste sein, ist aber ein Text.']);
  });
  it('binary garbage', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const diagnostics = analyze(bytes.toString('latin1')).diagnostics('en');
    assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax'));
  });
  it('an alias bomb (billion laughs)', () => {
    const lines = ['drplan: "1"', 'x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) {
      lines.push(`x-a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    }
    lines.push('plan: *a9');
    const diagnostics = analyze(lines.join('\n')).diagnostics('en');
    const bombs = diagnostics.filter((d) => d.code === 'yaml-syntax' && /alias bomb/.test(d.message));
    assert.ok(bombs.length > 0);
  });
  it('an alias to an unknown anchor is one diagnostic, not three', () => {
    const diagnostics = analyze('drplan: *nirgends\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios: []\n').diagnostics('en');
    assert.deepEqual(
      diagnostics.filter((d) => d.code !== 'missing-scenario').map((d) => d.code),
      ['yaml-syntax'],
    );
  });
  it('1,000 levels of nesting', () => {
    const deep = `drplan: "1"\nplan: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const diagnostics = analyze(deep).diagnostics('en');
    assert.ok(diagnostics.some((d) => d.code === 'invalid-value'));
    const block = `drplan: "1"\nplan:\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
    assert.ok(analyze(block).diagnostics('en').some((d) => d.code === 'unknown-field'));
  });
  it('a 5 MB plan', () => {
    const scenario = EXAMPLE.slice(EXAMPLE.indexOf('  - id: storage\n'), EXAMPLE.indexOf('  - id: rack\n'));
    const copies: string[] = [];
    for (let i = 0, length = 0; length < 5_000_000; i++) {
      copies.push(scenario.replace('id: storage\n', `id: storage-${i}\n`));
      length += scenario.length;
    }
    const text = EXAMPLE.replace('scenarios:\n', `scenarios:\n${copies.join('')}`);
    assert.ok(text.length > 5_000_000);
    assert.deepEqual(problems(text), []);
  });
  it('a broken line does not silence the rest of the plan', () => {
    const text = EXAMPLE.replace('  title: Notfallplan Plone-Intranet', '  title: [Notfallplan').replace('rto: 8h\n    mtpd: 24h', 'rto: 30h\n    mtpd: 24h');
    const codes = new Set(problems(text).map((d) => d.code));
    assert.ok(codes.has('yaml-syntax'));
    assert.ok(codes.has('rto-exceeds-mtpd'));
  });
});
