import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core';
import { CATEGORIES, SCENARIO_TYPES, scenarioTypeById } from '../../server/src/core/catalog';
import { newPlanText } from '../../server/src/core/features/newPlan';
import { scalarText as yamlText } from '../../server/src/core/yaml/scalar';

/** 29 November 2026, local time: the day the plan is created. */
const TODAY = new Date(2026, 10, 29, 0, 30);
const CHECK_DAY = new Date('2026-11-29T12:00:00Z');

const DE = newPlanText('de', TODAY);
const EN = newPlanText('en', TODAY);

interface ScenarioValue {
  id: string;
  category: string;
  type: string;
  title: string;
  prevention: string[];
  recovery: string[];
  recovery_time: unknown;
  rto: unknown;
  rpo: unknown;
  backup?: string;
}

const scenariosOf = (text: string) => (parse(text) as { scenarios: ScenarioValue[] }).scenarios;

/** What an author would fill in: a valid value for every field the skeleton leaves empty. */
const FILLED: Readonly<Record<string, string>> = {
  organisation: 'Beispiel GmbH',
  system: 'Plone-Intranet',
  name: 'Erika Mustermann',
  what: 'ZODB und Blobs',
  method: 'volume-snapshot',
  interval: '4h',
  last_restore_test: '2026-11-01',
  recovery_time: '4h',
  rto: '8h',
  rpo: '4h',
  within: '1h',
  emergency_operation: '[Aushänge statt Intranet-Nachrichten]',
};

/** The empty fields of the skeleton: `key:` with nothing but a comment after it. */
const EMPTY_FIELD = /^(\s*)([a-z_]+):\s+#.*$/gm;

function fillIn(text: string): string {
  return text.replace(EMPTY_FIELD, (line, indent: string, key: string) => {
    const value = FILLED[key];
    return value === undefined ? line : `${indent}${key}: ${value}`;
  });
}

describe('newPlanText', () => {
  it('parses, and covers every scenario type of the catalog: no missing-scenario', () => {
    const diagnostics = analyze(DE, { today: CHECK_DAY }).diagnostics('en');
    assert.deepEqual(diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'missing-scenario'), []);
    assert.deepEqual(
      scenariosOf(DE).map((s) => s.type),
      SCENARIO_TYPES.map((type) => type.id),
    );
  });

  it('takes id, category, title and the suggested steps from the catalog, quoted where YAML needs it', () => {
    const scenarios = scenariosOf(DE);
    assert.equal(scenarios.length, SCENARIO_TYPES.length);
    for (const scenario of scenarios) {
      const type = scenarioTypeById(scenario.type);
      assert.ok(type, scenario.type);
      assert.equal(scenario.id, type.id);
      assert.equal(scenario.category, type.category);
      assert.equal(scenario.title, type.label.de);
      assert.deepEqual(scenario.prevention, type.prevention);
      assert.deepEqual(scenario.recovery, type.recovery);
      assert.equal(scenario.recovery_time, null);
      assert.equal(scenario.rto, null);
      assert.equal(scenario.rpo, null);
      assert.equal(scenario.backup, type.losesData ? 'backup' : undefined, `${type.id} names the backup exactly when it can lose data`);
    }
    // "…starten: Storage, …" is a step that would break as a plain scalar.
    assert.match(DE, /- "Nach Rückkehr der Stromversorgung Systeme in fester Reihenfolge starten: Storage, /);
  });

  it('leaves only the empty placeholders to fix, each diagnosed where it stands, and every scenario untested', () => {
    const diagnostics = analyze(DE, { today: CHECK_DAY }).diagnostics('en');
    const lines = DE.split('\n');
    const placeholders = diagnostics.filter((d) => d.code !== 'untested');
    for (const d of placeholders) {
      const line = lines[d.range.start.line] ?? '';
      assert.match(line, /^\s*[a-z_]+:\s+#/, `${d.code} on line ${d.range.start.line + 1} is not on an empty placeholder: ${line}`);
      assert.equal(d.severity, DiagnosticSeverity.Error);
    }
    const count = (code: string) => diagnostics.filter((d) => d.code === code).length;
    // organisation, system, the three contacts' names, the backup's what and method, what the
    // measurement watches, and the Notbetrieb of every scenario
    assert.equal(count('invalid-value'), 8 + SCENARIO_TYPES.length);
    // the backup's interval, by when each of the two levels notifies, and recovery_time, rto
    // and rpo of every scenario
    assert.equal(count('invalid-duration'), 1 + 2 + 3 * SCENARIO_TYPES.length);
    // the backup's last restore test
    assert.equal(count('invalid-date'), 1);
    assert.equal(count('untested'), SCENARIO_TYPES.length);
    assert.equal(diagnostics.length, 8 + SCENARIO_TYPES.length + 3 + 3 * SCENARIO_TYPES.length + 1 + SCENARIO_TYPES.length);
    assert.equal(lines.filter((line) => /^\s*[a-z_]+:\s+#/.test(line)).length, placeholders.length, 'every empty field is reported once');
  });

  it('filled in, checks clean: only untested remains (no exercise yet), as information', () => {
    const filled = fillIn(DE);
    assert.notEqual(filled, DE);
    const diagnostics = analyze(filled, { today: CHECK_DAY }).diagnostics('de');
    assert.deepEqual(
      diagnostics.filter((d) => d.code !== 'untested').map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`),
      [],
    );
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Information));
  });

  it('speaks the locale in its comments only: the plan itself is the same German plan', () => {
    assert.deepEqual(parse(EN), parse(DE));
    assert.notEqual(EN, DE);
    assert.match(DE, /# Leere Werte ausfüllen, Maßnahmen anpassen: Die Prüfung \(Ansicht „Probleme“\)/);
    assert.match(DE, /# RTO: maximal zulässige Ausfallzeit/);
    assert.match(EN, /# RTO: maximal tolerable downtime/);
    for (const category of CATEGORIES) {
      assert.ok(DE.includes(`  # ${category.label.de}\n`), category.label.de);
      assert.ok(EN.includes(`  # ${category.label.en}\n`), category.label.en);
    }
    assert.doesNotMatch(DE, /Massnahme|Pruefung|ausfuell|zulaessig|fuer /, 'umlauts, never ae/oe/ue');
  });

  it('dates the first history entry on the author\'s calendar day', () => {
    const history = (parse(DE) as { history: { version: string; date: string; changes: string }[] }).history;
    assert.deepEqual(history, [{ version: '0.1', date: '2026-11-29', changes: 'Plan angelegt' }]);
    assert.match(newPlanText('de', new Date(2027, 0, 5, 23, 59)), /date: 2027-01-05\n/);
    assert.equal(newPlanText('de', TODAY), DE, 'the same day gives the same text');
  });
});

describe('yamlText', () => {
  it('writes text plain where YAML reads it back unchanged, quoted everywhere else', () => {
    const texts = [
      'RAID-Storage',
      'Konfiguration versionieren (z. B. Git)',
      'starten: Storage, Datenbank',
      'endet mit:',
      '- beginnt wie ein Listeneintrag',
      '# kein Kommentar',
      'Text # mit Raute',
      'true',
      'no',
      '12',
      '1.5',
      '0x1f',
      '~',
      ' führendes Leerzeichen',
      '"zitiert"',
      '*kein Alias',
      '&kein Anker',
      '[Liste]',
      '{Abschnitt}',
      '@',
      '%',
      "Tab\tund\nZeile",
      'A/B-Einspeisung',
      'Übung',
      '',
    ];
    for (const text of texts) {
      const written = yamlText(text);
      assert.equal(parse(`key: ${written}\n`).key, text, `${JSON.stringify(text)} written as ${written}`);
    }
    assert.equal(yamlText('RAID-Storage'), 'RAID-Storage');
    assert.equal(yamlText('Übung'), 'Übung');
    assert.equal(yamlText('a: b'), '"a: b"');
  });
});
