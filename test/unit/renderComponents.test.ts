import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toHtml } from '../../server/src/core/render';
import { plainText, type Section, type Table } from '../../server/src/core/render/tree';
import { allText, documentOf, flatten, rowsText, sectionOrUndefined, tables } from '../support/documentTree';

/**
 * The document tells what the plan's new fields say (issue 14): the scenarios left out with their
 * reasons (`plan.not_applicable`), the restart order from `depends_on` with the cycle named, and
 * what each scenario takes down, what is inside it through `in` included.
 */

const HEAD = `drplan: "1"
plan:
  title: Notfallplan Rathaus
  organisation: Stadt Musterhausen
  system: Fachverfahren
  version: "1.0"
`;

const SCENARIO = `scenarios:
  - id: rack-ausfall
    name: Ausfall des Racks
    category: hardware
    type: server-rack
    affects: [rack-b1, nas]
    prevention: [p]
    recovery: [r]
    recovery_time: 2h
    rto: 4h
    rpo: 1d
`;

const COMPONENTS = `components:
  - id: rz
    kind: site
    name: Rechenzentrum Süd
  - id: rack-b1
    kind: server-rack
    name: Rack B1
    in: rz
  - id: storage
    kind: storage-server
    name: Storage-Server
    in: rack-b1
  - id: vm
    kind: vm-host
    name: VM-Host
    in: rack-b1
    depends_on: [storage, switch]
  - id: switch
    kind: network-switch
    name: Core-Switch
  - id: app
    kind: zeo-client
    name: Fachanwendung
    depends_on: [vm]
  - id: nas
    kind: backup-storage
    name: Sicherungs-NAS
`;

const chapterOf = sectionOrUndefined;
const rows = rowsText;
const tableOf = (section: Section | undefined): Table | undefined => tables(section?.children ?? [])[0];
const textOf = (section: Section | undefined): string => allText(section?.children ?? []);

describe('Nicht betrachtete Szenarien', () => {
  it('lists each left-out scenario by its German catalog title with its reason, or that the reason is missing', () => {
    const plan = HEAD.replace('  version: "1.0"\n', '  version: "1.0"\n  not_applicable:\n    - type: power-outage\n      reason: Die USV und die Netzersatzanlage des Betreibers überbrücken.\n    - type: network-outage\n    - type: erfunden\n      reason: Tippfehler\n');
    const section = chapterOf(documentOf(`${plan}${SCENARIO}`), 'kapitel-nicht-betrachtete-szenarien');
    assert.ok(section);
    assert.deepEqual(rows(tableOf(section)), [
      ['Stromausfall', 'Die USV und die Netzersatzanlage des Betreibers überbrücken.'],
      ['Unterbrochene Netzwerkverbindung', 'Begründung fehlt'],
      ['erfunden', 'Tippfehler'],
    ]);
  });

  it('is left out when the plan leaves no scenario out', () => {
    assert.equal(chapterOf(documentOf(`${HEAD}${SCENARIO}`), 'kapitel-nicht-betrachtete-szenarien'), undefined);
  });
});

describe('Wiederanlaufreihenfolge', () => {
  it('gives levels: first what depends on nothing, then what depends only on earlier levels, with kind and needs', () => {
    const section = chapterOf(documentOf(`${HEAD}${COMPONENTS}${SCENARIO}`), 'kapitel-wiederanlaufreihenfolge');
    assert.deepEqual(rows(tableOf(section)), [
      ['[Stufe 1]'],
      ['Storage-Server', 'Storage-Server', '—'],
      ['Core-Switch', 'Netzwerk-Switch', '—'],
      ['[Stufe 2]'],
      ['VM-Host', 'VM-Host', 'Storage-Server, Core-Switch'],
      ['[Stufe 3]'],
      ['Fachanwendung', 'ZEO-Client', 'VM-Host'],
    ]);
    assert.doesNotMatch(textOf(section), /Zyklische/);
  });

  it('names the components on a cycle instead of failing, and those waiting for it', () => {
    const cyclic = COMPONENTS.replace('    depends_on: [storage, switch]\n', '    depends_on: [storage, switch, app]\n');
    const doc = documentOf(`${HEAD}${cyclic}${SCENARIO}`);
    const section = chapterOf(doc, 'kapitel-wiederanlaufreihenfolge');
    assert.deepEqual(rows(tableOf(section)), [['[Stufe 1]'], ['Storage-Server', 'Storage-Server', '—'], ['Core-Switch', 'Netzwerk-Switch', '—']]);
    const said = textOf(section);
    assert.match(said, /Zyklische Abhängigkeit/);
    assert.match(said, /lassen sich nicht in eine Reihenfolge bringen: VM-Host \(VM-Host\), Fachanwendung \(ZEO-Client\)\./);
    assert.doesNotMatch(said, /Erst nach Auflösung/);

    const waiting = `${cyclic}  - id: portal\n    kind: load-balancer\n    name: Portal\n    depends_on: [app]\n`;
    const withWaiting = textOf(chapterOf(documentOf(`${HEAD}${waiting}${SCENARIO}`), 'kapitel-wiederanlaufreihenfolge'));
    assert.match(withWaiting, /Erst nach Auflösung der zyklischen Abhängigkeit einzuordnen, da sie davon abhängen: Portal \(Load-Balancer\)\./);
    assert.match(toHtml(doc), /Wiederanlaufreihenfolge/);
  });

  it('is left out when no component has depends_on', () => {
    const flat = COMPONENTS.replace('    depends_on: [storage, switch]\n', '').replace('    depends_on: [vm]\n', '');
    assert.equal(chapterOf(documentOf(`${HEAD}${flat}${SCENARIO}`), 'kapitel-wiederanlaufreihenfolge'), undefined);
  });
});

describe('a scenario names what it takes down', () => {
  it('shows each affected component with what is inside it through in', () => {
    const doc = documentOf(`${HEAD}${COMPONENTS}${SCENARIO}`);
    const fields = flatten(chapterOf(doc, 'kapitel-dr-plan')?.children ?? []).flatMap((block) => (block.kind === 'fields' ? block.items : []));
    const affected = fields.find((item) => item.label === 'Betroffene Komponenten');
    assert.equal(affected && plainText(affected.value), 'Rack B1 (darin: Storage-Server, VM-Host), Sicherungs-NAS');
  });

  it('names an affected id that is no component as written', () => {
    const doc = documentOf(`${HEAD}${COMPONENTS}${SCENARIO.replace('[rack-b1, nas]', '[rz, fehlt]')}`);
    const fields = flatten(chapterOf(doc, 'kapitel-dr-plan')?.children ?? []).flatMap((block) => (block.kind === 'fields' ? block.items : []));
    const affected = fields.find((item) => item.label === 'Betroffene Komponenten');
    assert.equal(affected && plainText(affected.value), 'Rechenzentrum Süd (darin: Rack B1, Storage-Server, VM-Host), fehlt');
  });
});
