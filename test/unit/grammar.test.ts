import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { CATEGORIES, COMPONENT_KINDS, ENUMS, SCENARIO_TYPES } from '../../server/src/core/catalog';
import { parseDuration } from '../../server/src/core/duration';
import { FIXTURES, ROOT } from '../support/fixtures';

/**
 * The TextMate grammar (syntaxes/drplan.tmLanguage.json) tokenized with VS Code's own libraries.
 * Its YAML comes from `include: source.yaml`; here a test stub stands in for VS Code's YAML
 * grammar (test/fixtures/grammar/yaml-stub.tmLanguage.json) with the scope names the drplan
 * injection relies on. test/vscode/grammar.test.ts checks the same against the real one.
 */

const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'drplan.tmLanguage.json');
const GRAMMARS: Readonly<Record<string, string>> = {
  'source.drplan': GRAMMAR_PATH,
  'source.yaml': join(FIXTURES, 'grammar', 'yaml-stub.tmLanguage.json'),
};

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = GRAMMARS[scopeName];
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
  const loaded = await registry.loadGrammar('source.drplan');
  assert.ok(loaded);
  grammar = loaded;
});

/** The tokens of every line of `text`, whitespace-only tokens left out. */
function tokenize(text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }))
      .filter((t) => t.text.trim() !== '');
  });
}

/** The scopes of the token with exactly this text on the single line `line`. */
function scopesOf(line: string, text: string): readonly string[] {
  const token = (tokenize(line)[0] ?? []).find((t) => t.text === text);
  assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(tokenize(line)[0])}`);
  return token.scopes;
}

/** The drplan scope (ending in .drplan, but not the root) a token got, if any. */
function drplanScope(line: string, text: string): string | undefined {
  return scopesOf(line, text).find((scope) => scope.endsWith('.drplan') && scope !== 'source.drplan');
}

/** Whether the whole value after `key: ` is highlighted as a duration. */
function isDurationToken(value: string): boolean {
  const tokens = (tokenize(`    rto: ${value}`)[0] ?? []).filter((t) => !t.scopes.includes('meta.map.key.yaml') && t.text !== ':');
  return tokens.length > 0 && tokens.every((t) => t.scopes.some((s) => s.startsWith('constant.numeric.duration')));
}

const rawGrammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as {
  repository: Record<string, { patterns: { match: string }[] }>;
};

describe('the drplan grammar', () => {
  it('highlights durations after the duration keys, with their unit', () => {
    const cases: [string, string][] = [
      ['    rto: 4h', '4'],
      ['    rpo:   0', '0'],
      ['    mtpd: 8 Stunden', '8 '],
      ['  review_interval: 12 Monate', '12 '],
      ['    recovery_time: 1.5 Std. # gemessen', '1.5 '],
      ['    retention: 14 Tage', '14 '],
      ['    interval: 30 min', '30 '],
      ['      - step: x\n        duration: 2 d', '2 '],
      ['        data_loss: 0', '0'],
      ['      within: 15 min', '15 '],
      ['      downtime: 39 min', '39 '],
      ['      excluded: 2h', '2'],
    ];
    for (const [line, number] of cases) {
      const last = line.split('\n').pop() as string;
      assert.equal(drplanScope(last, number), 'constant.numeric.duration.drplan', last);
    }
    assert.deepEqual(scopesOf('    rto: 4h', 'h').slice(-2), ['constant.numeric.duration.drplan', 'keyword.other.unit.drplan']);
    assert.deepEqual(scopesOf('  review_interval: 12 Monate', 'Monate').slice(-1), ['keyword.other.unit.drplan']);
    assert.equal(drplanScope('    mtpd: PT4H', 'PT4H'), 'constant.numeric.duration.iso8601.drplan');
    assert.equal(drplanScope('    x: {rto: 8h, rpo: 0}', '0'), 'constant.numeric.duration.drplan', 'in a flow mapping too');
  });

  it('leaves what is not a valid duration, or not after a duration key, to YAML', () => {
    assert.equal(drplanScope('    rto: 3 m', '3 m'), undefined, '`m` alone is invalid (minutes or months?)');
    assert.equal(drplanScope('    rto: 4', '4'), undefined, 'a bare number is invalid');
    assert.equal(drplanScope('    title: 4h', '4h'), undefined, 'title is not a duration');
    assert.equal(drplanScope('    rto: 4h Ausfall', '4h Ausfall'), undefined);
    assert.ok(scopesOf('    rto: 3 m', '3 m').includes('string.unquoted.plain.out.yaml'));
  });

  it('highlights exactly the durations the checker accepts', () => {
    const samples = ['0', '4h', '4 h', '4H', '1.5 h', '1,5 Std.', '30 min', '30 Min.', '2 Tage', '1 Jahr', '2 wochen', '12 Monate', '45 Sekunden', 'PT4H', 'P1D', 'P1Y', 'PT30M', 'P1DT12H', 'p1d', '4', '3 m', 'm', '4 hx', 'PT', 'P', 'P1DT', '-4h', '4 Stunden.', 'h4', '4 hours', '1 mo'];
    for (const sample of samples) {
      assert.equal(isDurationToken(sample), parseDuration(sample).ok, `"${sample}": grammar and checker disagree`);
    }
  });

  it('knows only unit words the checker knows', () => {
    const pattern = rawGrammar.repository.duration?.patterns.map((p) => p.match).find((m) => m.includes('(?i:'));
    const units = /\(\?i:([^)]*)\)/.exec(pattern ?? '')?.[1]?.split('|') ?? [];
    assert.ok(units.length > 20, `units: ${units.join(', ')}`);
    for (const unit of units) {
      assert.ok(parseDuration(`2 ${unit}`).ok, `the grammar's unit "${unit}" is no unit of the checker`);
      assert.ok(isDurationToken(`2 ${unit}`), unit);
    }
  });

  it('highlights catalog ids after category, type, kind and the enumeration keys', () => {
    assert.equal(drplanScope('    category: hardware', 'hardware'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('    type: storage-server', 'storage-server'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('    kind: raid-storage', 'raid-storage'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('        kind: full-recovery', 'full-recovery'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('  status: approved', 'approved'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('    function: dpo', 'dpo'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('        result: partial # nur teilweise', 'partial'), 'support.constant.catalog.drplan');
    assert.equal(drplanScope('    category: hardwares', 'hardwares'), undefined, 'an unknown id stays plain');
    assert.equal(drplanScope('    type: hardware', 'hardware'), undefined, 'a category is no scenario type');
    assert.equal(drplanScope('    title: hardware', 'hardware'), undefined);
  });

  it('knows exactly the catalog: every id, and nothing else', () => {
    const expected: Record<string, string[]> = {
      category: CATEGORIES.map((c) => c.id),
      type: SCENARIO_TYPES.map((t) => t.id),
      kind: [...COMPONENT_KINDS, ...ENUMS.exerciseKind].map((k) => k.id),
      status: ENUMS.planStatus.map((e) => e.id),
      classification: ENUMS.classification.map((e) => e.id),
      function: ENUMS.contactFunction.map((e) => e.id),
      strategy: ENUMS.databaseStrategy.map((e) => e.id),
      method: [...new Set([...ENUMS.backupMethod, ...ENUMS.loadBalancingMethod].map((e) => e.id))],
      result: ENUMS.exerciseResult.map((e) => e.id),
    };
    const actual: Record<string, string[]> = {};
    for (const { match } of rawGrammar.repository['catalog-id']?.patterns ?? []) {
      const parsed = /\(\?:([a-z_]+)\):\[ \\t\]\+\)\(\?:([a-z0-9|-]+)\)/.exec(match);
      assert.ok(parsed, match);
      actual[parsed[1] as string] = (parsed[2] as string).split('|').sort();
    }
    for (const ids of Object.values(expected)) ids.sort();
    assert.deepEqual(actual, expected);
  });

  it('highlights references after backup, responsible, owner, alert, in, stored_on, deputy, by, escalation, source, and in a flow list after affects, depends_on, declared_by or notify', () => {
    assert.equal(drplanScope('    backup: zodb-snapshot', 'zodb-snapshot'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('      source: http-check', 'http-check'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('    responsible: it-leitung', 'it-leitung'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('  owner: it-leitung', 'it-leitung'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('      alert: bereitschaft', 'bereitschaft'), 'variable.other.reference.drplan');
    const affects = '    affects: [switch-1, psu,  rack-a3]';
    for (const id of ['switch-1', 'psu', 'rack-a3']) assert.equal(drplanScope(affects, id), 'variable.other.reference.drplan', id);
    assert.ok(scopesOf(affects, 'psu').includes('meta.flow.sequence.yaml'), 'inside YAML\'s flow sequence');
    assert.equal(drplanScope('    in: rack-a3', 'rack-a3'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('    stored_on: backup-1', 'backup-1'), 'variable.other.reference.drplan');
    const dependsOn = '    depends_on: [storage-1, vm-host-1]';
    for (const id of ['storage-1', 'vm-host-1']) assert.equal(drplanScope(dependsOn, id), 'variable.other.reference.drplan', id);
    assert.equal(drplanScope('    deputy: stv-it-leitung', 'stv-it-leitung'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('    - by: geschaeftsfuehrung', 'geschaeftsfuehrung'), 'variable.other.reference.drplan');
    assert.equal(drplanScope('    escalation: notfall', 'notfall'), 'variable.other.reference.drplan');
    for (const line of ['  declared_by: [it-leitung, gf]', '      notify: [it-leitung, gf]']) {
      for (const id of ['it-leitung', 'gf']) assert.equal(drplanScope(line, id), 'variable.other.reference.drplan', `${line}: ${id}`);
    }
    assert.equal(drplanScope('  owner: Erika Mustermann', 'Erika Mustermann'), undefined, 'not an id');
    assert.equal(drplanScope('    id: storage', 'storage'), undefined);
  });

  it('leaves keys, strings, comments and block scalars to YAML', () => {
    const lines = tokenize(
      [
        'scenarios:',
        '  - id: a',
        '    rto: 4h # maximal zulässige Ausfallzeit',
        '    title: "rto: 4h"',
        '    description: |',
        '      rto: 4h',
        '      backup: x',
        '    rpo: 0',
      ].join('\n'),
    );
    const all = lines.flat();
    assert.ok(all.every((t) => t.scopes[0] === 'source.drplan'));
    const rto = lines[2] ?? [];
    assert.ok(rto.find((t) => t.text === 'rto')?.scopes.includes('entity.name.tag.yaml'));
    assert.ok(rto.find((t) => t.text.includes('maximal zulässige'))?.scopes.includes('comment.line.number-sign.yaml'));
    assert.ok((lines[3] ?? []).find((t) => t.text === 'rto: 4h')?.scopes.includes('string.quoted.double.yaml'));
    for (const line of [lines[5] ?? [], lines[6] ?? []]) {
      assert.ok(line.length > 0);
      assert.ok(line.every((t) => t.scopes.includes('string.unquoted.block.yaml') && !t.scopes.some((s) => s.endsWith('.drplan') && s !== 'source.drplan')), JSON.stringify(line));
    }
    assert.equal(((lines[7] ?? []).find((t) => t.text === '0')?.scopes ?? []).at(-1), 'constant.numeric.duration.drplan', 'after the block scalar');
  });
});
