import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { generatePlan } from '../../bench/generatePlan';
import { analyze, reanalyze, type Analysis } from '../../server/src/core';
import { EXAMPLES, fixtureFiles, read, TODAY } from '../support/fixtures';

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARACTERS = 'abcdefghxyz0123456789 :-#\n[]{},"\'öß\u0007';
/** What typing inside values mostly is: it keeps the YAML valid, so the fast path is taken. */
const GENTLE = 'abcdefghxyzöß0123456789 ';
const SNIPPETS = ['    mtpd: 12h\n', '      - Schritt\n', 'recovery_time: 9h', '  - id: neu\n    category: software\n', '\n', ': ', '- '];

/** One random edit: typing, deleting, pasting across lines or replacing a value. */
function edit(text: string, next: () => number, gentle: boolean): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (gentle) {
    // A character typed after a value's first character, or a value replaced.
    const colon = text.lastIndexOf(': ', at - 3);
    const plain = !/["'[\]{}#]/.test(text.slice(colon, at));
    if (colon > text.lastIndexOf('\n', at - 1) && colon + 3 <= at && plain) {
      return text.slice(0, at) + GENTLE[Math.floor(next() * GENTLE.length)] + text.slice(at);
    }
    return replaceDuration(text, next);
  }
  if (kind < 0.4) return text.slice(0, at) + CHARACTERS[Math.floor(next() * CHARACTERS.length)] + text.slice(at);
  if (kind < 0.65) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
  if (kind < 0.8) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return text.slice(0, lineStart) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(lineStart);
  }
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + Math.floor(next() * 120)); // a cut across lines
  return replaceDuration(text, next);
}

function replaceDuration(text: string, next: () => number): string {
  const value = /\b\d+(\.\d+)?\s?h\b/g;
  const matches = [...text.matchAll(value)];
  const match = matches[Math.floor(next() * matches.length)];
  if (!match || match.index === undefined) return text;
  return text.slice(0, match.index) + `${1 + Math.floor(next() * 30)}h` + text.slice(match.index + match[0].length);
}

/** The tree as positions and values, for comparing a patched tree with a freshly parsed one. */
function shape(node: Node | null | undefined): unknown {
  if (!node) return null;
  if (isScalar(node)) return [node.range, typeof node.value === 'symbol' ? String(node.value) : node.value];
  if (isAlias(node)) return [node.range, `*${node.source}`];
  if (isMap(node)) return [node.range, node.items.map((pair) => (isPair(pair) ? [shape(pair.key as Node), shape(pair.value as Node)] : null))];
  if (isSeq(node)) return [node.range, node.items.map((item) => shape(item as Node))];
  return null;
}

/** The model without its YAML nodes (those are compared through `shape`). */
function model(analysis: Analysis): string {
  return JSON.stringify(analysis.model, (key, value: unknown) => (key === 'node' ? undefined : value));
}

function assertSame(incremental: Analysis, full: Analysis, context: string): void {
  assert.deepEqual(incremental.diagnostics('en'), full.diagnostics('en'), `diagnostics ${context}`);
  assert.equal(model(incremental), model(full), `model ${context}`);
  assert.deepEqual(shape(incremental.yaml.root), shape(full.yaml.root), `tree ${context}`);
  assert.deepEqual(incremental.yaml.index.lineStarts, full.yaml.index.lineStarts, `lines ${context}`);
}

describe('incremental analysis gives exactly what a full analysis gives', () => {
  const bases: [string, string][] = [
    ['example', read(join(EXAMPLES, 'plone-intranet.drplan.yaml'))],
    ['generated', generatePlan(25)],
    ['generated, CRLF', generatePlan(12).replace(/\n/g, '\r\n')],
    ...fixtureFiles('codes').slice(0, 6).map((file): [string, string] => [file, read(file)]),
  ];
  for (const [name, base] of bases) {
    for (const gentle of [true, false]) {
    it(`over random ${gentle ? 'typing in values' : 'edits of every kind'} of ${name}`, () => {
      const next = random(name.length * 7919 + (gentle ? 17 : 23));
      let text = base;
      let previous = analyze(text, { today: TODAY });
      let patched = 0;
      const steps = 50;
      for (let step = 0; step < steps; step++) {
        const changed = edit(text, next, gentle);
        const tree = previous.yaml.doc;
        const incremental = reanalyze(previous, changed, { today: TODAY });
        if (incremental.yaml.doc === tree && changed !== text) patched++;
        assertSame(incremental, analyze(changed, { today: TODAY }), `${name}, step ${step}`);
        text = changed;
        previous = incremental;
      }
      // The test means something only if the fast path was taken often.
      if (gentle && !name.includes('fixtures')) assert.ok(patched > steps / 2, `${name}: patched only ${patched} of ${steps} times`);
    });
    }
  }

  it('over edits of what the plan-wide rules read of a scenario: ids, types, backups, responsible contacts', () => {
    // Duplicate ids, uncovered types, a backup never restored and a contact without a deputy come and go.
    let text = generatePlan(24)
      .replace('    deputy: bereitschaft\n', '')
      .replace('backups:\n', 'backups:\n  - id: band\n    what: Bänder\n    method: tape\n    interval: 24h\n');
    const values: Record<string, readonly string[]> = {
      id: ['szenario-1', 'szenario-2', 'neu', 'szenario-30'],
      type: ['raid-degraded', 'vm-server', 'ransomware', 'fire'],
      backup: ['snapshot', 'band', 'fehlt'],
      responsible: ['it-leitung', 'bereitschaft', 'niemand'],
    };
    const next = random(4711);
    let previous = analyze(text, { today: TODAY });
    const seen = new Set<string>();
    let patched = 0;
    let edits = 0;
    for (let step = 0; step < 80; step++) {
      const keys = Object.keys(values);
      const key = keys[Math.floor(next() * keys.length)]!;
      const matches = [...text.matchAll(new RegExp(`^( {4}|  - )${key}: (.*)$`, 'gm'))];
      const match = matches[Math.floor(next() * matches.length)]!;
      const choices = values[key]!;
      const start = match.index + match[1]!.length + key.length + 2;
      const changed = text.slice(0, start) + choices[Math.floor(next() * choices.length)] + text.slice(start + match[2]!.length);
      const tree = previous.yaml.doc;
      const incremental = reanalyze(previous, changed, { today: TODAY });
      if (changed !== text) edits++;
      if (incremental.yaml.doc === tree && changed !== text) patched++;
      assertSame(incremental, analyze(changed, { today: TODAY }), `step ${step}: ${key}`);
      for (const diagnostic of incremental.diagnostics('en')) seen.add(String(diagnostic.code));
      text = changed;
      previous = incremental;
    }
    assert.ok(patched > edits * 0.8, `patched only ${patched} of ${edits} edits`);
    for (const code of ['duplicate-id', 'missing-scenario', 'restore-test-missing', 'no-deputy', 'unknown-reference']) assert.ok(seen.has(code), `never saw ${code}`);
  });

  it("takes over the previous version's diagnostics that a keystroke left in place, and shifts those it moved by whole lines", () => {
    let text = generatePlan(300, { exercisedEvery: 3 });
    let previous = analyze(text, { today: TODAY });
    const before = previous.diagnostics('en', 'file:///p.drplan.yaml');
    assert.equal(before.length, 200, 'the untested two thirds');
    const offset = text.indexOf('recovery_time: 4h', text.length / 2) + 'recovery_time: 4h'.length;
    text = `${text.slice(0, offset)}x${text.slice(offset)}`;
    const typed = reanalyze(previous, text, { today: TODAY });
    const after = typed.diagnostics('en', 'file:///p.drplan.yaml');
    const same = after.filter((diagnostic) => before.includes(diagnostic)).length;
    assert.ok(same >= 199, `only ${same} of ${after.length} taken over`);
    // (Rendered for the same URI as the server would: a rendering is taken over for its language and URI.)
    assert.deepEqual(after, analyze(text, { today: TODAY }).diagnostics('en', 'file:///p.drplan.yaml'));
    // A new line in the scenario: those below are the same findings one line further down.
    const lineEnd = text.indexOf('\n', offset);
    text = `${text.slice(0, lineEnd)}\n    # geprüft${text.slice(lineEnd)}`;
    previous = typed;
    const entered = reanalyze(previous, text, { today: TODAY });
    const moved = entered.diagnostics('en', 'file:///p.drplan.yaml');
    const fresh = analyze(text, { today: TODAY }).diagnostics('en', 'file:///p.drplan.yaml');
    assert.deepEqual(moved, fresh);
    assert.ok(moved.filter((diagnostic) => after.includes(diagnostic)).length >= 90, 'those above the line are taken over as they were');
  });

  it("moves the items after a keystroke's item once, when something reads them, however many keystrokes stay in that item", () => {
    let text = generatePlan(40);
    let previous = analyze(text, { today: TODAY });
    const scenarios = (previous.yaml.root as YAMLMap).get('scenarios') as YAMLSeq;
    // Held directly: reading it moves nothing.
    const laterRange = (scenarios.items[30] as Node).range as [number, number, number];
    const unmoved = [...laterRange];
    const offset = text.indexOf('rto: 8h', text.indexOf('id: szenario-10')) + 'rto: 8'.length;
    for (const [i, character] of [...'00 Stunden'].entries()) {
      text = text.slice(0, offset + i) + character + text.slice(offset + i);
      previous = reanalyze(previous, text, { today: TODAY });
      assert.deepEqual(previous.diagnostics('en'), analyze(text, { today: TODAY }).diagnostics('en'), `keystroke ${i}`);
    }
    assert.deepEqual(laterRange, unmoved, 'no keystroke moved the later scenarios');
    assertSame(previous, analyze(text, { today: TODAY }), 'once read');
    assert.deepEqual(laterRange, unmoved.map((at) => at + '00 Stunden'.length), 'moved once, by all ten keystrokes');
  });

  it('over runs of keystrokes in one value, read only for diagnostics between them, and late settles of versions already taken over', () => {
    const bases: [string, string][] = [
      ['generated', generatePlan(25)],
      ['generated, CRLF', generatePlan(12).replace(/\n/g, '\r\n')],
      ['example', read(join(EXAMPLES, 'plone-intranet.drplan.yaml'))],
    ];
    for (const [name, base] of bases) {
      const next = random(name.length * 131);
      let text = base;
      let previous = analyze(text, { today: TODAY });
      let cursor = -1;
      let valueStart = 0;
      for (let step = 0; step < 150; step++) {
        if (cursor < 0 || next() < 0.15) {
          // A new run: at the end of some value.
          const values = [...text.matchAll(/^ +(?:- )?[a-z_]+: ([A-Za-z0-9][^#\r\n'"]*)$/gm)];
          const value = values[Math.floor(next() * values.length)]!;
          valueStart = value.index + value[0].length - value[1]!.length;
          cursor = valueStart + value[1]!.length;
        }
        let changed: string;
        if (cursor > valueStart + 1 && next() < 0.35) {
          changed = text.slice(0, cursor - 1) + text.slice(cursor);
          cursor--;
        } else {
          changed = text.slice(0, cursor) + GENTLE[Math.floor(next() * GENTLE.length)] + text.slice(cursor);
          cursor++;
        }
        const incremental = reanalyze(previous, changed, { today: TODAY });
        // What a server queued for the version before: it must move nothing the new one took over.
        if (next() < 0.3) previous.settle();
        const context = `${name}, step ${step}`;
        if (next() < 0.1) assertSame(incremental, analyze(changed, { today: TODAY }), context);
        else assert.deepEqual(incremental.diagnostics('en'), analyze(changed, { today: TODAY }).diagnostics('en'), `diagnostics ${context}`);
        text = changed;
        previous = incremental;
      }
      assertSame(previous, analyze(text, { today: TODAY }), `${name}, at the end`);
    }
  });

  it('takes a paste of 12,000 lines into one scenario on the fast path', () => {
    const text = generatePlan(20);
    const previous = analyze(text, { today: TODAY });
    const offset = text.indexOf('    prevention:\n', text.length / 2) + '    prevention:\n'.length;
    const changed = text.slice(0, offset) + '      - Schritt\n'.repeat(12_000) + text.slice(offset);
    const tree = previous.yaml.doc;
    const incremental = reanalyze(previous, changed, { today: TODAY });
    assert.equal(incremental.yaml.doc, tree, 'the fast path');
    assertSame(incremental, analyze(changed, { today: TODAY }), 'after the paste');
  });

  it('finds a control character typed into a scenario on the fast path, where a full parse finds it', () => {
    const text = generatePlan(40);
    const previous = analyze(text, { today: TODAY });
    const offset = text.indexOf('rto: 8h', text.length / 2) + 'rto: 8'.length;
    const changed = `${text.slice(0, offset)}\u0007${text.slice(offset)}`;
    const tree = previous.yaml.doc;
    const incremental = reanalyze(previous, changed, { today: TODAY });
    assert.equal(incremental.yaml.doc, tree, 'the fast path');
    assertSame(incremental, analyze(changed, { today: TODAY }), 'with U+0007');
    assert.ok(incremental.diagnostics('en').some((d) => d.code === 'yaml-syntax' && /U\+0007/.test(d.message)));
  });

  it('types a whole value in a scenario of a large plan, keystroke by keystroke, on the fast path', () => {
    let text = generatePlan(300);
    let previous = analyze(text, { today: TODAY });
    const offset = text.indexOf('rto: 8h', text.length / 2) + 'rto: '.length;
    text = text.slice(0, offset) + text.slice(offset + 2);
    previous = reanalyze(previous, text, { today: TODAY });
    for (const [i, character] of [...'36 Stunden'].entries()) {
      const tree = previous.yaml.doc;
      text = text.slice(0, offset + i) + character + text.slice(offset + i);
      const incremental = reanalyze(previous, text, { today: TODAY });
      assert.equal(incremental.yaml.doc, tree, `keystroke ${i} took the fast path`);
      previous = incremental;
    }
    assertSame(previous, analyze(text, { today: TODAY }), 'after typing');
    assert.ok(previous.diagnostics('en').some((d) => d.code === 'rto-exceeds-mtpd'));
  });
});
