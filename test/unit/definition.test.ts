import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { definition } from '../../server/src/core/features/definition';
import { navigationIndex } from '../../server/src/core/features/navigationIndex';
import { references } from '../../server/src/core/features/references';
import { withCursor } from '../support/cursor';
import { textOf } from '../support/edits';
import { EXAMPLES, FIXTURES, read } from '../support/fixtures';

const URI = 'file:///plan.drplan.yaml';
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const ANCHORS = read(join(FIXTURES, 'styles', 'anchors-and-merges.drplan.yaml'));

/** The offset of `needle` (plus `into` characters) after the first `after`. */
function offsetOf(text: string, needle: string, after = '', into = 1): number {
  const from = text.indexOf(after);
  assert.ok(from >= 0, `"${after}" is not in the text`);
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is not in the text after "${after}"`);
  return at + into;
}

/** Where locations point: `line:text` for each, 1-based lines. */
function show(text: string, locations: readonly Location[]): string[] {
  return locations.map((location) => `${location.range.start.line + 1}:${textOf(text, location.range)}`);
}

const lineOf = (text: string, needle: string, after = '') => text.slice(0, offsetOf(text, needle, after, 0)).split('\n').length;

describe('go to definition', () => {
  const analysis = analyze(EXAMPLE);
  const definitionAt = (needle: string, after = '', into = 1) => show(EXAMPLE, definition(analysis, offsetOf(EXAMPLE, needle, after, into), URI));

  it('goes from a backup reference to the backup', () => {
    assert.deepEqual(definitionAt('zodb-offsite', 'id: rack'), [`${lineOf(EXAMPLE, 'id: zodb-offsite')}:zodb-offsite`]);
  });
  it('goes from a scenario’s escalation to the alert level, and from a deputy, an approver and notify to the contact', () => {
    assert.deepEqual(definitionAt('notfall', 'escalation: '), [`${lineOf(EXAMPLE, 'id: notfall')}:notfall`]);
    assert.deepEqual(definitionAt('stv-it-leitung', 'deputy: '), [`${lineOf(EXAMPLE, 'id: stv-it-leitung')}:stv-it-leitung`]);
    assert.deepEqual(definitionAt('geschaeftsfuehrung', '- by: '), [`${lineOf(EXAMPLE, 'id: geschaeftsfuehrung')}:geschaeftsfuehrung`]);
    assert.deepEqual(definitionAt('dsb', 'notify: [it-leitung, '), [`${lineOf(EXAMPLE, 'id: dsb')}:dsb`]);
  });
  it('goes from an affects item (flow list) to the component', () => {
    assert.deepEqual(definitionAt('psu', 'affects: [vm-host-1'), [`${lineOf(EXAMPLE, 'id: psu')}:psu`]);
  });
  it('goes from responsible in a scenario and in a recovery step to the contact', () => {
    const contact = [`${lineOf(EXAMPLE, 'id: rz-betreiber')}:rz-betreiber`];
    assert.deepEqual(definitionAt('rz-betreiber', 'id: netzwerk'), contact);
    assert.deepEqual(definitionAt('rz-betreiber', 'step: Storage tauschen'), contact);
  });
  it('goes from a result’s source to the measurement', () => {
    assert.deepEqual(definitionAt('http-check', 'period: 2026-11'), [`${lineOf(EXAMPLE, 'id: http-check')}:http-check`]);
  });
  it('goes from owner and alert to the contact', () => {
    assert.deepEqual(definitionAt('it-leitung', 'owner:'), [`${lineOf(EXAMPLE, 'id: it-leitung')}:it-leitung`]);
    assert.deepEqual(definitionAt('bereitschaft', 'alert:'), [`${lineOf(EXAMPLE, 'id: bereitschaft')}:bereitschaft`]);
  });
  it('answers the declaration on the declaration itself (the editor then offers the references)', () => {
    assert.deepEqual(definitionAt('zodb-snapshot', 'backups:'), [`${lineOf(EXAMPLE, 'id: zodb-snapshot')}:zodb-snapshot`]);
    assert.deepEqual(definitionAt('storage', '- id: storage\n'), [`${lineOf(EXAMPLE, '- id: storage\n')}:storage`]);
  });
  it('counts the cursor at either end of the id, and not one character beyond', () => {
    const start = offsetOf(EXAMPLE, 'zodb-offsite', 'id: rack', 0);
    assert.equal(definition(analysis, start, URI).length, 1);
    assert.equal(definition(analysis, start + 'zodb-offsite'.length, URI).length, 1);
    assert.equal(definition(analysis, start + 'zodb-offsite'.length + 1, URI).length, 0);
    assert.equal(definition(analysis, start - 2, URI).length, 0);
  });
  it('answers nothing elsewhere: keys, other values, comments, text', () => {
    for (const [needle, after] of [
      ['backup:', 'id: rack'],
      ['8h', 'id: storage'],
      ['hardware', 'id: storage'],
      ['Notfallplan', ''],
      ['Offsite-Backup', ''],
    ] as const) {
      assert.deepEqual(definition(analysis, offsetOf(EXAMPLE, needle, after), URI), [], needle);
    }
    assert.deepEqual(definition(analysis, -5, URI), []);
    assert.deepEqual(definition(analysis, EXAMPLE.length + 10, URI), []);
  });
  it('answers nothing for an unknown reference, and every declaration of a duplicated id', () => {
    const { text, offset } = withCursor(`contacts:
  - id: ops
    name: A
  - id: ops
    name: B
scenarios:
  - id: s
    responsible: o|ps
    backup: nirgendwo
`);
    const twice = analyze(text);
    assert.deepEqual(show(text, definition(twice, offset, URI)), ['2:ops', '4:ops']);
    assert.deepEqual(definition(twice, text.indexOf('nirgendwo') + 2, URI), []);
  });
  it('keeps ids of different lists apart: a scenario and a component of the same name', () => {
    const text = `components:
  - id: storage
    kind: raid-storage
scenarios:
  - id: storage
    affects: [storage]
`;
    const plan = analyze(text);
    assert.deepEqual(show(text, definition(plan, text.indexOf('[storage]') + 2, URI)), ['2:storage']);
    assert.deepEqual(show(text, definition(plan, text.indexOf('- id: storage', 40) + 7, URI)), ['5:storage']);
  });
  it('follows aliases and merge keys (anchors-and-merges fixture)', () => {
    const plan = analyze(ANCHORS);
    const contact = [`${lineOf(ANCHORS, 'id: it-leitung')}:it-leitung`];
    // `owner: &lead it-leitung`, then `responsible: *lead` in steps shared by two scenarios.
    assert.deepEqual(show(ANCHORS, definition(plan, offsetOf(ANCHORS, 'it-leitung', 'owner:'), URI)), contact);
    assert.deepEqual(show(ANCHORS, definition(plan, offsetOf(ANCHORS, '*lead', 'responsible:'), URI)), contact);
    // `backup: offsite` names a backup whose other fields come from a merged anchor.
    assert.deepEqual(show(ANCHORS, definition(plan, offsetOf(ANCHORS, 'offsite', 'backup: '), URI)), [
      `${lineOf(ANCHORS, 'id: offsite')}:offsite`,
    ]);
  });
  it('works on broken documents as far as they parse, and never throws', () => {
    const { text, offset } = withCursor(`contacts:
  - id: ops
    name: [unclosed
scenarios:
  - id: s
    responsible: o|ps
    rto: "open
`);
    const broken = analyze(text);
    assert.deepEqual(show(text, definition(broken, offset, URI)), ['2:ops']);
    for (const odd of ['', 'x', '- a', 'scenarios: [', 'scenarios:\n  - responsible:\n', 'contacts:\n  - id: *nowhere\n']) {
      const plan = analyze(odd);
      for (let at = 0; at <= odd.length; at++) {
        definition(plan, at, URI);
        references(plan, at, URI, true);
      }
    }
  });
});

describe('find references', () => {
  const analysis = analyze(EXAMPLE);
  /** Every line that names the id as a value, found in the text (a check independent of the index). */
  const linesNaming = (id: string, declaration: boolean) =>
    EXAMPLE.split('\n').flatMap((line, index) => {
      const match =
        new RegExp(`^\\s*(?:- )?(id|owner|alert|responsible|backup|deputy|by): ${id}$`).exec(line) ??
        new RegExp(`^\\s*(declared_by|notify): \\[(?:.*, )?${id}(?:, .*)?\\]$`).exec(line);
      if (!match || (match[1] === 'id' && !declaration)) return [];
      return [`${index + 1}:${id}`];
    });

  it('finds every reference to a contact, with and without the declaration', () => {
    const offset = offsetOf(EXAMPLE, 'it-leitung', 'owner:');
    const withDeclaration = show(EXAMPLE, references(analysis, offset, URI, true));
    assert.deepEqual(withDeclaration, linesNaming('it-leitung', true));
    // declared, owner, two deputies, declared_by, notify, five responsible
    assert.equal(withDeclaration.length, 11);
    assert.deepEqual(show(EXAMPLE, references(analysis, offset, URI, false)), linesNaming('it-leitung', false));
  });
  it('finds the same from the declaration and from any reference', () => {
    const fromDeclaration = references(analysis, offsetOf(EXAMPLE, 'zodb-snapshot', 'backups:'), URI, true);
    const fromReference = references(analysis, offsetOf(EXAMPLE, 'zodb-snapshot', 'id: dateisystem'), URI, true);
    assert.deepEqual(fromReference, fromDeclaration);
    assert.deepEqual(show(EXAMPLE, fromDeclaration), linesNaming('zodb-snapshot', true));
    assert.ok(fromDeclaration.every((location) => location.uri === URI));
  });
  it('finds components named in flow lists', () => {
    assert.deepEqual(show(EXAMPLE, references(analysis, offsetOf(EXAMPLE, 'psu', '- id: psu'), URI, false)), [
      `${lineOf(EXAMPLE, 'affects: [vm-host-1, psu]')}:psu`,
    ]);
  });
  it('finds nothing but the declaration for ids nobody names (scenarios, a measurement no result names)', () => {
    assert.deepEqual(show(EXAMPLE, references(analysis, offsetOf(EXAMPLE, 'rack', '- id: rack\n'), URI, true)), [`${lineOf(EXAMPLE, '- id: rack\n')}:rack`]);
    assert.deepEqual(references(analysis, offsetOf(EXAMPLE, 'zeo-check'), URI, false), []);
  });
  it('finds the results a measurement is the source of', () => {
    const found = show(EXAMPLE, references(analysis, offsetOf(EXAMPLE, 'http-check'), URI, false));
    assert.deepEqual(found, [
      `${lineOf(EXAMPLE, 'source: http-check', 'period: 2026-Q3')}:http-check`,
      `${lineOf(EXAMPLE, 'source: http-check', 'period: 2026-10')}:http-check`,
      `${lineOf(EXAMPLE, 'source: http-check', 'period: 2026-11')}:http-check`,
    ]);
  });
  it('finds the references of an unknown id among themselves', () => {
    const text = 'scenarios:\n  - id: a\n    backup: weg\n  - id: b\n    backup: weg\n';
    assert.deepEqual(show(text, references(analyze(text), text.indexOf('weg') + 1, URI, true)), ['3:weg', '5:weg']);
  });
  it('finds aliases and merged values once, where they are written', () => {
    const plan = analyze(ANCHORS);
    const found = show(ANCHORS, references(plan, offsetOf(ANCHORS, 'it-leitung', '- id:'), URI, true));
    assert.deepEqual(found, [
      `${lineOf(ANCHORS, 'owner: &lead')}:it-leitung`,
      `${lineOf(ANCHORS, 'responsible: *lead')}:*lead`,
      `${lineOf(ANCHORS, '- id: it-leitung')}:it-leitung`,
    ]);
  });
  it('keeps one occurrence per written value in the index', () => {
    const index = navigationIndex(analyze(ANCHORS));
    const starts = index.occurrences.map((occurrence) => occurrence.span.start);
    assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b));
    // Built once per analysis.
    const plan = analyze(EXAMPLE);
    assert.equal(navigationIndex(plan), navigationIndex(plan));
  });
});
