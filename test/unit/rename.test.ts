import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { isRefusal, prepareRename, rename, type RenamePlaceholder, type RenameRefusal } from '../../server/src/core/features/rename';
import { withCursor } from '../support/cursor';
import { applyEdits, textOf } from '../support/edits';
import { EXAMPLES, FIXTURES, read, TODAY } from '../support/fixtures';

const URI = 'file:///plan.drplan.yaml';
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const ANCHORS = read(join(FIXTURES, 'styles', 'anchors-and-merges.drplan.yaml'));

const offsetOf = (text: string, needle: string, after = '') => {
  const at = text.indexOf(needle, text.indexOf(after));
  assert.ok(at >= 0 && text.indexOf(after) >= 0, `"${needle}" after "${after}"`);
  return at + 1;
};

/** The text after renaming at `offset`; fails on a refusal. */
function renamed(text: string, offset: number, newName: string): string {
  const result = rename(analyze(text), offset, newName, URI, 'en');
  if (isRefusal(result)) assert.fail(result.refused);
  return applyEdits(text, (result as WorkspaceEdit).changes?.[URI] ?? []);
}

function refusal(result: RenamePlaceholder | WorkspaceEdit | RenameRefusal): string {
  assert.ok(isRefusal(result), `expected a refusal, got ${JSON.stringify(result)}`);
  return result.refused;
}

const problems = (text: string) =>
  analyze(text, { today: TODAY })
    .diagnostics('en')
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => `${d.code}: ${d.message}`);

describe('prepareRename', () => {
  const analysis = analyze(EXAMPLE);

  it('answers the id text and the id on a declaration and on every kind of reference', () => {
    for (const [needle, after] of [
      ['zodb-snapshot', 'backups:'],
      ['zodb-snapshot', 'id: strom'],
      ['switch-1', 'affects: ['],
      ['it-leitung', 'owner: '],
      ['bereitschaft', 'alert: '],
      ['rz-betreiber', 'step: Storage'],
      ['storage', '- id: storage\n'],
      ['http-check', ''],
    ] as const) {
      const result = prepareRename(analysis, offsetOf(EXAMPLE, needle, after), 'en') as RenamePlaceholder;
      assert.ok(!isRefusal(result), `${needle}: ${JSON.stringify(result)}`);
      assert.equal(result.placeholder, needle);
      assert.equal(textOf(EXAMPLE, result.range), needle);
    }
  });

  it('answers the text inside the quotes of a quoted id', () => {
    const { text, offset } = withCursor(`contacts:
  - id: "o|ps"
    name: Betrieb
scenarios:
  - id: a
    responsible: 'ops'
`);
    const plan = analyze(text);
    const atDeclaration = prepareRename(plan, offset, 'en') as RenamePlaceholder;
    assert.equal(textOf(text, atDeclaration.range), 'ops');
    assert.equal(atDeclaration.range.start.character, '  - id: "'.length);
    const atReference = prepareRename(plan, text.indexOf("'ops'") + 2, 'en') as RenamePlaceholder;
    assert.equal(textOf(text, atReference.range), 'ops');
    assert.equal(atReference.range.start.character, "    responsible: '".length);
  });

  it('refuses where there is no id, in the client’s language', () => {
    const offset = offsetOf(EXAMPLE, 'Notfallplan Plone');
    assert.match(refusal(prepareRename(analysis, offset, 'en')), /^Only an id, or a reference to one \(backup, affects, responsible, escalation, owner, by, deputy, declared_by, notify, alert, source, in, depends_on, stored_on\), can be renamed here\.$/);
    assert.match(refusal(prepareRename(analysis, offset, 'de')), /^Umbenennen lässt sich hier nur eine Kennung \(id\) oder eine Referenz darauf/);
    assert.ok(isRefusal(prepareRename(analysis, offsetOf(EXAMPLE, 'hardware', 'id: storage'), 'en')));
  });

  it('refuses an unknown reference: the quick fix repairs those', () => {
    const text = 'contacts:\n  - id: ops\n    name: B\nscenarios:\n  - id: a\n    responsible: opps\n';
    const message = refusal(prepareRename(analyze(text), text.indexOf('opps') + 1, 'de'));
    assert.equal(message, '„opps“ ist in „contacts“ nicht definiert; eine unbekannte Referenz lässt sich nicht umbenennen (die Schnellkorrektur ersetzt sie durch eine bekannte Kennung).');
  });

  it('refuses an id written as a block scalar', () => {
    const text = 'contacts:\n  - id: >-\n      ops\n    name: B\n';
    assert.match(refusal(prepareRename(analyze(text), text.indexOf('>-'), 'en')), /cannot be renamed safely/);
  });

  it('offers the id on an alias that stands for it', () => {
    const result = prepareRename(analyze(ANCHORS), offsetOf(ANCHORS, '*lead'), 'en') as RenamePlaceholder;
    assert.equal(result.placeholder, 'it-leitung');
    assert.equal(textOf(ANCHORS, result.range), '*lead');
  });
});

describe('rename', () => {
  it('renames a backup, its declaration and every reference, and the plan stays valid', () => {
    const after = renamed(EXAMPLE, offsetOf(EXAMPLE, 'zodb-snapshot', 'id: vm-server'), 'zodb-volume');
    assert.equal(after, EXAMPLE.replace(/(id|backup): zodb-snapshot$/gm, '$1: zodb-volume'));
    assert.ok(!after.includes('zodb-snapshot'));
    assert.deepEqual(problems(after), []);
  });

  it('renames a contact named by owner, alert, responsible, recovery steps, deputy, declared_by and notify', () => {
    const after = renamed(EXAMPLE, offsetOf(EXAMPLE, 'bereitschaft', '- id: bereitschaft'), 'rufbereitschaft');
    assert.equal(after, EXAMPLE.replace(/(id|alert|responsible|deputy): bereitschaft$/gm, '$1: rufbereitschaft').replace('notify: [bereitschaft]', 'notify: [rufbereitschaft]'));
    assert.deepEqual(problems(after), []);
    const owner = renamed(EXAMPLE, offsetOf(EXAMPLE, 'it-leitung', 'owner: '), 'cio');
    assert.equal(owner, EXAMPLE.replace(/(id|owner|responsible|deputy): it-leitung$/gm, '$1: cio').replace(/\[it-leitung, /g, '[cio, '));
    assert.deepEqual(problems(owner), []);
  });

  it('renames a measurement from a result’s source: its id and every result it is the source of', () => {
    const after = renamed(EXAMPLE, offsetOf(EXAMPLE, 'http-check', 'period: 2026-10'), 'blackbox');
    assert.equal(after, EXAMPLE.replace(/(id|source): http-check$/gm, '$1: blackbox'));
    assert.equal((after.match(/source: blackbox$/gm) ?? []).length, 3);
    assert.deepEqual(problems(after), []);
  });

  it('renames an alert level from a scenario’s escalation: its id and every escalation that names it', () => {
    const after = renamed(EXAMPLE, offsetOf(EXAMPLE, 'notfall', 'escalation: '), 'krise');
    assert.equal(after, EXAMPLE.replace(/(id|escalation): notfall$/gm, '$1: krise'));
    assert.equal((after.match(/escalation: krise$/gm) ?? []).length, 5);
    assert.deepEqual(problems(after), []);
    const approver = renamed(EXAMPLE, offsetOf(EXAMPLE, 'geschaeftsfuehrung', '- by: '), 'gf');
    assert.equal(approver, EXAMPLE.replace(/(id|by): geschaeftsfuehrung$/gm, '$1: gf').replace(/geschaeftsfuehrung\]/g, 'gf]').replace(/geschaeftsfuehrung, /g, 'gf, '));
    assert.deepEqual(problems(approver), []);
  });

  it('renames a component in flow lists, and only ids of its own list', () => {
    const text = `components:
  - id: storage
    kind: raid-storage
  - id: net
    kind: network-switch
scenarios:
  - id: storage
    affects: [net, storage]
  - id: other
    affects:
      - storage
`;
    assert.equal(
      renamed(text, text.indexOf('storage') + 1, 'san'),
      text.replace('- id: storage\n    kind', '- id: san\n    kind').replace('[net, storage]', '[net, san]').replace('      - storage', '      - san'),
    );
  });

  it('keeps the quoting style of every place', () => {
    const text = `contacts:
  - id: "ops"
    name: Betrieb
plan: {title: T, organisation: O, system: S, version: "1", owner: ops}
scenarios:
  - id: a
    responsible: 'ops'
    recovery:
      - {step: x, responsible: "ops"}
`;
    assert.equal(renamed(text, text.indexOf('ops') + 1, 'betrieb'), text.replace(/ops/g, 'betrieb'));
  });

  it('quotes a new name that YAML would read as something else than text, where it was plain', () => {
    const text = 'contacts:\n  - id: ops\n  - id: "dev"\nscenarios:\n  - id: a\n    responsible: ops\n    recovery:\n      - {step: x, responsible: dev}\n';
    assert.equal(renamed(text, text.indexOf('ops') + 1, '1234'), text.replace('id: ops', 'id: "1234"').replace('responsible: ops', 'responsible: "1234"'));
    assert.equal(renamed(text, text.indexOf('ops') + 1, '1e3'), text.replace(/ ops$/gm, ' "1e3"'));
    assert.equal(renamed(text, text.indexOf('ops') + 1, 'true'), text.replace(/ ops$/gm, ' "true"'));
    // Already quoted: stays in its own quotes; plain reference gets double quotes.
    assert.equal(renamed(text, text.indexOf('dev') + 1, '0x1f'), text.replace('"dev"', '"0x1f"').replace('responsible: dev', 'responsible: "0x1f"'));
    // A number-like id that YAML reads as text stays plain.
    assert.equal(renamed(text, text.indexOf('ops') + 1, '1-2'), text.replace(/ ops$/gm, ' 1-2'));
  });

  it('renames through aliases and merge keys by editing the anchored value once', () => {
    const after = renamed(ANCHORS, offsetOf(ANCHORS, '*lead'), 'chefin');
    assert.equal(after, ANCHORS.replace('owner: &lead it-leitung', 'owner: &lead chefin').replace('- id: it-leitung', '- id: chefin'));
    assert.ok(after.includes('responsible: *lead'));
    const before = analyze(ANCHORS, { today: TODAY }).diagnostics('en');
    assert.deepEqual(analyze(after, { today: TODAY }).diagnostics('en').map((d) => d.code), before.map((d) => d.code));

    const backup = renamed(ANCHORS, offsetOf(ANCHORS, 'snapshot', 'backup: '), 'volume');
    assert.equal(backup, ANCHORS.replace('    id: snapshot', '    id: volume').replace('backup: snapshot', 'backup: volume'));
    // The merged job keeps its own id.
    assert.ok(backup.includes('id: offsite'));
  });

  it('refuses names that are no ids, saying what an id is', () => {
    const offset = offsetOf(EXAMPLE, 'zodb-snapshot', 'backups:');
    const analysis = analyze(EXAMPLE);
    for (const name of ['Zodb', '-zodb', 'zodb snapshot', '', 'zödb', 'zodb_snapshot', 'a:b', '"zodb"']) {
      assert.match(refusal(rename(analysis, offset, name, URI, 'en')), /is not a valid id: use lower-case letters a–z, digits and hyphens/, name);
    }
    assert.equal(
      refusal(rename(analysis, offset, 'Zodb', URI, 'de')),
      '„Zodb“ ist keine gültige Kennung: erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, am Anfang ein Buchstabe oder eine Ziffer (z. B. „zodb-backup“).',
    );
  });

  it('refuses a name another item of the same list has, but not one of another list', () => {
    const analysis = analyze(EXAMPLE);
    const offset = offsetOf(EXAMPLE, 'zodb-snapshot', 'backups:');
    assert.equal(refusal(rename(analysis, offset, 'config-git', URI, 'de')), 'Die Kennung „config-git“ ist in „backups“ schon vergeben.');
    assert.equal(refusal(rename(analysis, offset, 'config-git', URI, 'en')), "The id 'config-git' is already used in 'backups'.");
    // A scenario may share its id with a component (storage / storage-1 lists are separate).
    const scenario = offsetOf(EXAMPLE, 'storage', '- id: storage\n');
    assert.ok(!isRefusal(rename(analysis, scenario, 'storage-1', URI, 'en')));
    assert.ok(isRefusal(rename(analysis, scenario, 'rack', URI, 'en')));
  });

  it('changes nothing when the name stays the same', () => {
    const result = rename(analyze(EXAMPLE), offsetOf(EXAMPLE, 'psu'), 'psu', URI, 'en') as WorkspaceEdit;
    assert.deepEqual(result, { changes: { [URI]: [] } });
  });

  it('refuses where prepareRename refuses', () => {
    const analysis = analyze(EXAMPLE);
    assert.ok(isRefusal(rename(analysis, offsetOf(EXAMPLE, 'Notfallplan'), 'x', URI, 'en')));
    const text = 'scenarios:\n  - id: a\n    backup: weg\n';
    assert.ok(isRefusal(rename(analyze(text), text.indexOf('weg') + 1, 'da', URI, 'en')));
  });

  it('works on broken documents as far as they parse, and never throws', () => {
    const { text, offset } = withCursor(`contacts:
  - id: o|ps
    name: [unclosed
scenarios:
  - id: s
    responsible: ops
    rto: "open
`);
    assert.equal(renamed(text, offset, 'betrieb'), text.replace(/ops/g, 'betrieb'));
    for (const odd of ['', 'x', 'contacts:\n  - id:\n', 'contacts: [{id: a}, {id: a}]\nplan: {owner: a}', 'contacts:\n  - id: *nowhere\n']) {
      const plan = analyze(odd);
      for (let at = 0; at <= odd.length; at++) {
        prepareRename(plan, at, 'en');
        rename(plan, at, 'neu', URI, 'en');
      }
    }
    // Duplicated ids: both declarations and the reference are renamed together.
    const twice = 'contacts: [{id: a}, {id: a}]\nplan: {owner: a}\n';
    assert.equal(renamed(twice, twice.indexOf('owner: a') + 7, 'b'), twice.replace(/\ba\}/g, 'b}'));
  });
});
