import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { CATEGORIES, COMPONENT_KINDS, ENUMS, SCENARIO_TYPES } from '../../server/src/core/catalog';
import { read, ROOT, TODAY, TODAY_ISO } from '../support/fixtures';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

const SNIPPETS_PATH = join(ROOT, 'snippets', 'drplan.code-snippets');
const SNIPPETS = JSON.parse(read(SNIPPETS_PATH)) as Record<string, Snippet>;

function snippet(prefix: string): Snippet {
  const found = Object.values(SNIPPETS).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

const VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: TODAY_ISO.slice(0, 4),
  CURRENT_MONTH: TODAY_ISO.slice(5, 7),
  CURRENT_DATE: TODAY_ISO.slice(8, 10),
};

/**
 * The text VS Code inserts when the author accepts every default: a choice becomes its first
 * option, a placeholder its default, a mirror (`$8`) the default of its tab stop.
 */
function expand(body: readonly string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  const variables = (s: string) => s.replace(/\$([A-Z_]+)/g, (_, name: string) => VARIABLES[name] ?? assert.fail(`unknown variable ${name}`));
  const once = text
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => remember(n, choices.split(',')[0] ?? ''))
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => remember(n, variables(value)));
  function remember(n: string, value: string): string {
    defaults.set(n, value);
    return value;
  }
  return once.replace(/\$\{?(\d+)\}?/g, (_, n: string) => defaults.get(n) ?? '');
}

/** The choices of the tab stop after `key: ` in a snippet's body. */
function choicesAfter(body: readonly string[], key: string): string[] {
  const line = body.find((l) => l.trimStart().replace(/^- /, '').startsWith(`${key}: \${`));
  const match = /\$\{\d+\|([^|]*)\|\}/.exec(line ?? '');
  assert.ok(match, `no choice after ${key}: in ${body.join(' / ')}`);
  return (match[1] as string).split(',');
}

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id).sort();

/** A valid plan with one item in each list; a snippet is added at the end of one of them. */
const BASE = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1.0"
  last_review: ${TODAY_ISO}
contacts:
  - id: it
    name: IT-Leitung
components:
  - id: usv
    kind: ups
backups:
  - id: snap
    what: ZODB
    method: volume-snapshot
    interval: 1h
scenarios:
  - id: netz
    category: hardware
    type: network-component
    prevention: [Redundanter Switch]
    recovery:
      - Switch tauschen
    recovery_time: 1h
    rto: 8h
    rpo: 0
    exercises:
      - date: ${TODAY_ISO}
        recovery_time: 1h
`;

/** BASE with the expanded snippet inserted after the line `after`, at `indent`. */
function insert(prefix: string, after: string, indent: string): string {
  const lines = expand(snippet(prefix).body).replace(/\n$/, '').split('\n').map((line) => indent + line);
  const at = BASE.indexOf(`${after}\n`);
  assert.ok(at >= 0, after);
  const cut = at + after.length + 1;
  return `${BASE.slice(0, cut)}${lines.join('\n')}\n${BASE.slice(cut)}`;
}

/**
 * Errors and warnings, as `code line`; but missing-scenario: a plan of one scenario leaves the
 * rest of the catalog to do, and says so (a warning since issue 14).
 */
function problems(text: string): string[] {
  return analyze(text, { today: TODAY })
    .diagnostics('en')
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .filter((d) => d.code !== 'missing-scenario')
    .map((d) => `${d.code} ${d.range.start.line + 1}`);
}

describe('snippets', () => {
  it('the base plan is clean, so that any problem below comes from the snippet', () => {
    assert.deepEqual(problems(BASE), []);
  });

  it('a new plan, with every default accepted, has no error and no warning', () => {
    const text = expand(snippet('notfallplan').body);
    assert.match(text, /backup: backup\n/, 'the scenario names the backup job (a mirrored tab stop)');
    assert.deepEqual(problems(text), []);
  });

  it('a scenario, a backup job, a contact, a component and an exercise fit where they belong', () => {
    assert.deepEqual(problems(insert('szenario', '        recovery_time: 1h', '  ')), []);
    assert.deepEqual(problems(insert('sicherung', '    interval: 1h', '  ')), []);
    assert.deepEqual(problems(insert('kontakt', '    name: IT-Leitung', '  ')), []);
    assert.deepEqual(problems(insert('komponente', '    kind: ups', '  ')), []);
    assert.deepEqual(problems(insert('übung', '        recovery_time: 1h', '      ')), []);
  });

  it('a recovery step fits into recovery; its responsible placeholder names no contact yet', () => {
    const text = insert('schritt', '      - Switch tauschen', '      ');
    assert.match(text, /- step: Wiederherstellungsschritt\n {8}duration: 30 min\n {8}responsible: id\n/);
    const line = text.split('\n').findIndex((l) => l.endsWith('responsible: id')) + 1;
    assert.deepEqual(problems(text), [`unknown-reference ${line}`]);
  });

  it('offers exactly the catalog ids as choices', () => {
    const plan = snippet('drplan').body;
    const scenario = snippet('scenario').body;
    const categoryIds = ids(CATEGORIES);
    const typeIds = ids(SCENARIO_TYPES);
    assert.deepEqual(choicesAfter(plan, 'category').sort(), categoryIds);
    assert.deepEqual(choicesAfter(scenario, 'category').sort(), categoryIds);
    assert.deepEqual(choicesAfter(plan, 'type').sort(), typeIds);
    assert.deepEqual(choicesAfter(scenario, 'type').sort(), typeIds);
    assert.deepEqual(choicesAfter(plan, 'status').sort(), ids(ENUMS.planStatus));
    assert.deepEqual(choicesAfter(plan, 'classification').sort(), ids(ENUMS.classification));
    assert.deepEqual(choicesAfter(plan, 'method').sort(), ids(ENUMS.backupMethod));
    assert.deepEqual(choicesAfter(snippet('backup').body, 'method').sort(), ids(ENUMS.backupMethod));
    assert.deepEqual(choicesAfter(snippet('component').body, 'kind').sort(), ids(COMPONENT_KINDS));
    assert.deepEqual(choicesAfter(snippet('exercise').body, 'kind').sort(), ids(ENUMS.exerciseKind));
    assert.deepEqual(choicesAfter(snippet('exercise').body, 'result').sort(), ids(ENUMS.exerciseResult));
  });

  it('describes each snippet in German, with the English in parentheses, and spells umlauts', () => {
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.match(name, /^DR-Plan: \S.* \([a-z ]+\)$/, name);
      assert.match(s.description, /\([a-z][^)]*\)/, `${name}: English in parentheses`);
      assert.doesNotMatch(`${name} ${s.description} ${s.body.join('\n')}`, /Uebung|Massnahme|ae[a-z]*nahme|fuer |Pruef|Schluessel/, name);
    }
    assert.ok(Object.keys(SNIPPETS).includes('DR-Plan: Übung (exercise)'));
    assert.match(snippet('scenario').body.join('\n'), /Vorsorgemaßnahme/);
  });
});
