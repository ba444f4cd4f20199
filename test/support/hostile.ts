import { generatePlan } from '../../bench/generatePlan';

/**
 * Hostile and absurd plans, for the core (test/unit/hostile.test.ts), the server
 * (test/lsp/hostile.test.ts) and the CLI (test/cli/hostile.test.ts): what a file named
 * *.drplan.yaml may hold when someone means harm or pastes the wrong thing. Each must be
 * answered, quickly, with diagnostics, and leave the server serving.
 */
export interface HostileCase {
  readonly name: string;
  readonly text: () => string;
  /** A diagnostic message (English) that must be among the answers. */
  readonly expect: RegExp;
}

const LEVELS = 10_000;

/** Billion laughs: nine levels of nine aliases, 9^9 nodes once expanded. */
export function aliasBomb(): string {
  const lines = ['drplan: "1"', 'x-a0: &a0 [lol]'];
  for (let i = 1; i <= 9; i++) lines.push(`x-a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push('scenarios:', '  - id: boom', '    recovery: *a9', '    prevention: *a9');
  return `${lines.join('\n')}\n`;
}

/** A chain of merge keys: each mapping takes over all keys of the one before (quadratic). */
export function mergeChain(length = 20_000): string {
  const lines = ['drplan: "1"', 'x-m0: &m0 {a: 1}'];
  for (let i = 1; i <= length; i++) lines.push(`x-m${i}: &m${i} {<<: *m${i - 1}, k${i}: 1}`);
  lines.push('scenarios:', `  - <<: *m${length}`, '    id: a');
  return `${lines.join('\n')}\n`;
}

/** `scenarios` followed by `levels` nested flow lists. */
export function deepFlow(levels = LEVELS): string {
  return `drplan: "1"\nscenarios: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
}

/** Nested block lists written compactly on one line: `- - - - x`. */
export function deepBlock(levels = LEVELS): string {
  return `drplan: "1"\nscenarios:\n  ${'- '.repeat(levels)}x\n`;
}

/** Nested complex keys, `? ? ? x`: yaml's own string of such a key doubles with each level. */
export function deepComplexKeys(levels = LEVELS): string {
  return `drplan: "1"\n${'? '.repeat(levels)}x\n`;
}

/** A mapping of many keys, all the same (yaml's own check of unique keys is quadratic). */
export function manyDuplicateKeys(count = 100_000): string {
  return `drplan: "1"\n${'a: 1\n'.repeat(count)}`;
}

/** A valid plan with NUL bytes in a value. */
export function nulBytes(): string {
  return generatePlan(3).replace('ZODB und Blobs', 'ZODB\u0000und\u0000Blobs');
}

/** A description of a million characters on one line. */
export function millionCharacterLine(): string {
  return generatePlan(3).replace('description: ', `description: ${'Ausfall '.repeat(125_000)}`);
}

/** A flow list of 200,000 items on one line. */
export function millionCharacterFlowLine(items = 200_000): string {
  return `drplan: "1"\nx-liste: [${Array(items).fill('abcd').join(', ')}]\n`;
}

/**
 * `count` scenarios, each with an error (recovery time over the RTO) and an information (never
 * exercised): 2 × count diagnostics, in a text of about 100 bytes a scenario.
 */
export function scenariosWithErrors(count = 20_000): string {
  const lines = ['drplan: "1"', 'plan: {title: T, organisation: O, system: S, version: "1"}', 'scenarios:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - {id: s${i}, category: hardware, type: vm-server, prevention: [p], recovery: [r], recovery_time: 2h, rto: 1h, rpo: 0}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `levels` mappings opened on one line (`: : : …`) and closed at once by the next line: yaml's
 * parser closes levels by recursion, and overflowed the call stack at about 2,500 (issue 13's
 * timing property found it).
 */
export function deepOnOneLine(levels = LEVELS, unit = ': '): string {
  return `drplan: "1"\nplan:\n  ${unit.repeat(levels)}x\nscenarios: []\n`;
}

/** A value of `count` double quotes: one YAML error for every two, more than drplan reports. */
export function manyYamlErrors(count = 200_000): string {
  return `drplan: "1"\nplan:\n  title: ${'"'.repeat(count)}\nscenarios: []\n`;
}

/** A valid plan of `megabytes` MB, give or take a scenario (1 kB). */
export function planOfSize(megabytes: number): string {
  const bytes = megabytes * 1024 * 1024;
  const text = generatePlan(Math.ceil(bytes / 700));
  return text.slice(0, text.indexOf('\n  - id: ', bytes) + 1);
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'an alias bomb', text: aliasBomb, expect: /alias bomb/ },
  { name: 'a chain of 3,000 merge keys', text: () => mergeChain(3_000), expect: /merge \(<<\) would blow the file up/ },
  { name: '10,000 nested flow lists', text: () => deepFlow(), expect: /Nested too deeply: more than 256 levels/ },
  { name: '10,000 nested block lists', text: () => deepBlock(), expect: /Nested too deeply/ },
  { name: '10,000 nested complex keys', text: () => deepComplexKeys(), expect: /Nested too deeply/ },
  { name: '10,000 duplicate keys', text: () => manyDuplicateKeys(10_000), expect: /This key already appears/ },
  { name: 'NUL bytes', text: nulBytes, expect: /control character \(U\+0000\)/ },
  { name: 'a line of a million characters', text: millionCharacterLine, expect: /No scenario covers/ },
  { name: 'a flow list of 20,000 items on one line', text: () => millionCharacterFlowLine(20_000), expect: /Required field 'plan' is missing/ },
  { name: '10,000 mappings opened on one line and closed by the next', text: () => deepOnOneLine(), expect: /Nested too deeply: more than 256 levels/ },
  { name: '10,000 block lists opened on one line and closed by the next', text: () => deepOnOneLine(LEVELS, '- '), expect: /Nested too deeply/ },
  // A server publishes 1,000 diagnostics of the 1,014, with its own note (publishedDiagnostics.ts).
  { name: '100,000 YAML errors', text: () => manyYamlErrors(), expect: /\((And 98,999 more YAML errors: drplan reports at most 1,000 per file\. Is this YAML at all\?|And 14 more findings the editor does not show)/ },
];

/**
 * A plan with `text(field)` in every field the document shows, each tagged with the field's
 * name: the one plan the escaping tests (render unit test, Chromium attack test) fill with
 * hostile strings.
 */
export function planWithEveryField(
  text: (field: string) => string,
  options: { readonly classification?: string; readonly secondTitle?: boolean } = {},
): string {
  const q = (field: string) => JSON.stringify(text(field));
  return `drplan: "1"
plan:
  title: ${q('title')}
  organisation: ${q('organisation')}
  system: ${q('system')}
  version: ${q('version')}
  status: draft
  owner: boss
  classification: ${options.classification ?? q('classification')}
  scope: ${q('scope')}
contacts:
  - id: boss
    name: ${q('name')}
    role: ${q('role')}
    phone: ${q('phone')}
    email: ${q('email')}
    availability: ${q('availability')}
components:
  - id: c1
    kind: ${q('kind')}
    name: ${q('component')}
    location: ${q('location')}
    redundancy: ${q('redundancy')}
    notes: ${q('notes')}
availability:
  target: 99.5
  database: {strategy: snapshot, notes: ${q('db-notes')}}
  load_balancing: {method: fair, clients: 2, notes: ${q('lb-notes')}}
  measurements:
    - {id: m1, what: ${q('what')}, tool: ${q('tool')}, interval: 1 min, alert: boss, query: ${q('query')}}
  results:
    - {period: 2026-10, measured: 99.9, downtime: 40 min, outages: 1, source: m1}
    - {period: ${q('period')}, measured: 99.1}
backups:
  - {id: b1, what: ${q('backup-what')}, method: ${q('method')}, interval: 4h, retention: ${q('retention')}, location: ${q('backup-location')}, offsite: true}
scenarios:
  - id: s1
    category: hardware
    type: storage-server
    title: ${q('scenario-title')}
    description: ${q('description')}
    affects: [c1]
    prevention: [${q('prevention')}]
    recovery:
      - ${q('step-1')}
      - {step: ${q('step-2')}, duration: 1h, responsible: boss}
    recovery_time: 2h
    rto: 4h
    rpo: 4h
    backup: b1
    responsible: boss
    exercises:
      - {date: 2026-10-01, kind: ${q('exercise-kind')}, recovery_time: 1h, result: ${q('result')}, notes: ${q('exercise-notes')}}
      - date: 2026-10-02
        started: ${q('started')}
        steps:
          - {step: ${q('drill-step')}, duration: 1h, note: ${q('drill-note')}}
          - {step: ${q('skipped-step')}, skipped: true, note: ${q('skipped-note')}}
  - id: ${q('bad-id')}
    category: ${q('category')}
    type: ${q('type')}
${options.secondTitle === false ? '' : `    title: ${q('second-title')}\n`}    prevention: [p]
    recovery: [r]
    recovery_time: ${q('duration')}
    rto: 4h
    rpo: 0
history:
  - {version: ${q('history-version')}, date: 2026-01-01, author: ${q('author')}, changes: ${q('changes')}}
`;
}
