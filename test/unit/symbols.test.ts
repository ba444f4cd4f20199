import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { documentSymbols, shortDuration } from '../../server/src/core/features/symbols';
import { textOf } from '../support/edits';
import { EXAMPLES, FIXTURES, read } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

/** The outline as an author sees it: one line per symbol, `name — detail`, indented. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** What VS Code checks of every symbol it is given (it drops the whole outline otherwise). */
function assertWellFormed(symbols: readonly DocumentSymbol[]): void {
  for (const symbol of flatten(symbols)) {
    assert.ok(symbol.name.trim().length > 0, `a symbol without a name: ${JSON.stringify(symbol)}`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `selectionRange outside range: ${symbol.name}`);
    assert.ok(before(symbol.range.start, symbol.range.end), `an inverted range: ${symbol.name}`);
  }
}

/**
 * What VS Code's sticky scroll reads of an outline: each symbol from the line its selection
 * starts on, children after their parent. Those lines must not go backwards on the way down
 * (a group shown at line 122 above its scenario at line 121 did).
 */
function assertStickyInLineOrder(symbols: readonly DocumentSymbol[], above = -1): void {
  for (const symbol of symbols) {
    const line = symbol.selectionRange.start.line;
    assert.ok(line >= above, `${symbol.name} starts at line ${line + 1}, above it stands line ${above + 1}`);
    assertStickyInLineOrder(symbol.children ?? [], line);
  }
}

const symbolNamed = (symbols: readonly DocumentSymbol[], name: string) => {
  const found = flatten(symbols).find((symbol) => symbol.name === name);
  assert.ok(found, `no symbol named ${name}: ${outline(symbols).join('\n')}`);
  return found;
};

describe('document symbols of the example plan', () => {
  const analysis = analyze(EXAMPLE);

  it('is an outline of the sections, the scenarios grouped by category (German)', () => {
    assert.deepEqual(outline(documentSymbols(analysis, 'de')), [
      'Plan — Notfallplan Plone-Intranet',
      'Kontakte — 7',
      '  Erika Mustermann — IT-Leitung',
      '  Max Beispiel — Stellvertretende IT-Leitung',
      '  Rufbereitschaft Betrieb — Bereitschaft',
      '  Hosting Partner AG, Leitstand — Rechenzentrumsbetreiber',
      '  Hosting Partner AG, Service-Management — Eskalation beim Rechenzentrumsbetreiber',
      '  Dr. Hans Beispiel — Geschäftsführung',
      '  Petra Datenschutz — Datenschutzbeauftragte',
      'Alarmierung',
      '  Eskalationsstufen — 2',
      '    Störung — binnen 15 min',
      '    Notfall — binnen 1 h',
      'Komponenten — 14',
      '  Storage-Server mit RAID 6 und Hot-Spare — RAID-Storage',
      '  Redundante Netzteile in allen Servern — Redundante Netzteile',
      '  Ersatzplatten und Netzteile im Lager — Ersatzteile',
      '  Virtualisierungshost 1 — VM-Host',
      '  ZEO-Server mit ZODB und Blobs — ZEO-Server',
      '  HAProxy mit fair balancing — Load-Balancer',
      '  Core-Switch — Netzwerk-Switch',
      '  Rack A3 — Server-Rack',
      '  USV des Rechenzentrums — USV',
      '  Rack B1 — Server-Rack',
      '  Backup-Server für die Snapshot-Kopien — Backup-Storage',
      '  Rechenzentrum Berlin der Hosting Partner AG — Standort',
      '  Rechenzentrum Frankfurt (Offsite) — Standort',
      '  Offsite-Speicher — Backup-Storage',
      'Verfügbarkeit — Ziel 99,5 %',
      '  Messungen — 2',
      '    http-check — alle 1 min',
      '    zeo-check — alle 5 min',
      'Backups — 4',
      '  zodb-snapshot — alle 4 h',
      '  zodb-offsite — alle 24 h',
      '  config-git — alle 24 h',
      '  zodb-copy — alle 4 h',
      'Szenarien — 11',
      '  Hardware-Fehler — 4',
      '    Ausfall aktiver Netzwerkkomponenten — RTO 4 h · RPO 0',
      '    Ausfall des VM-Servers — RTO 8 h · RPO 4 h',
      '    Ausfall des Storage-Servers — RTO 8 h · RPO 4 h',
      '    Ausfall des Server-Racks — RTO 36 h · RPO 24 h',
      '  Höhere Gewalt — 2',
      '    Stromausfall — RTO 4 h · RPO 4 h',
      '    Unterbrochene Netzwerkverbindung — RTO 2 h · RPO 0',
      '  Software-Fehler — 3',
      '    Korruptes Dateisystem — RTO 8 h · RPO 4 h',
      '    Konfigurationsfehler — RTO 4 h · RPO 24 h',
      '    Fehler der Applikation — RTO 8 h · RPO 4 h',
      '  Bedienfehler — 2',
      '    Versehentliches Löschen von Dateien — RTO 8 h · RPO 4 h',
      '    Versehentliches Löschen von Verzeichnissen/Datenbanken — RTO 8 h · RPO 4 h',
      'Historie — 2',
      '  2.0 — 2025-02-01 · Erika Mustermann',
      '  2.1 — 2026-01-20 · Erika Mustermann',
    ]);
  });

  it('names sections, categories and intervals in English, scenario titles stay the German catalog titles', () => {
    const lines = outline(documentSymbols(analysis, 'en'));
    assert.equal(lines[0], 'Plan — Notfallplan Plone-Intranet');
    assert.ok(lines.includes('Contacts — 7'));
    assert.ok(lines.includes('Alerting'));
    assert.ok(lines.includes('  Levels — 2'));
    assert.ok(lines.includes('    Notfall — within 1 h'));
    assert.ok(lines.includes('Availability — target 99.5 %'));
    assert.ok(lines.includes('  Measurements — 2'));
    assert.ok(lines.includes('  zodb-snapshot — every 4 h'));
    assert.ok(lines.includes('  Force majeure — 2'));
    assert.ok(lines.includes('    Ausfall des Server-Racks — RTO 36 h · RPO 24 h'));
    assert.ok(lines.includes('History — 2'));
    assert.ok(lines.includes('  Storage-Server mit RAID 6 und Hot-Spare — RAID storage'));
  });

  it('gives every symbol a name and a selection range inside its range', () => {
    assertWellFormed(documentSymbols(analysis, 'de'));
  });

  it('uses symbol kinds that say what each thing is', () => {
    const symbols = documentSymbols(analysis, 'de');
    const kind = (name: string) => symbolNamed(symbols, name).kind;
    assert.equal(kind('Plan'), SymbolKind.Module);
    assert.equal(kind('Kontakte'), SymbolKind.Array);
    assert.equal(kind('Hardware-Fehler'), SymbolKind.Namespace);
    assert.equal(kind('Ausfall des Storage-Servers'), SymbolKind.Event);
    assert.equal(kind('Erika Mustermann'), SymbolKind.Object);
    assert.equal(kind('Alarmierung'), SymbolKind.Module);
    assert.equal(kind('Eskalationsstufen'), SymbolKind.Array);
    assert.equal(kind('Störung'), SymbolKind.EnumMember);
    assert.equal(kind('Core-Switch'), SymbolKind.Class);
    assert.equal(kind('http-check'), SymbolKind.Method);
    assert.equal(kind('zodb-snapshot'), SymbolKind.Function);
    assert.equal(kind('2.1'), SymbolKind.Constant);
  });

  it('spans a whole item from its dash and selects the value it is named by', () => {
    const symbols = documentSymbols(analysis, 'de');
    const storage = symbolNamed(symbols, 'Ausfall des Storage-Servers');
    // Named by its type's title (no `title`): the id is selected.
    assert.equal(textOf(EXAMPLE, storage.selectionRange), 'storage');
    const whole = textOf(EXAMPLE, storage.range);
    assert.match(whole, /^- id: storage\n/);
    // It ends with its last exercise's last step (the drill of issue 16).
    assert.match(whole, /- step: Konsistenz der ZODB prüfen \(fsrefs\)\n {12}duration: 30 min$/);

    const erika = symbolNamed(symbols, 'Erika Mustermann');
    assert.equal(textOf(EXAMPLE, erika.selectionRange), 'Erika Mustermann');
    assert.match(textOf(EXAMPLE, erika.range), /^- id: it-leitung\n[\s\S]*availability: werktags 8-18 Uhr\n {4}deputy: stv-it-leitung$/);

    const backup = symbolNamed(symbols, 'zodb-offsite');
    assert.equal(textOf(EXAMPLE, backup.selectionRange), 'zodb-offsite');

    const section = symbolNamed(symbols, 'Szenarien');
    assert.equal(textOf(EXAMPLE, section.selectionRange), 'scenarios');
    assert.match(textOf(EXAMPLE, section.range), /^scenarios:\n[\s\S]*responsible: it-leitung\n {4}escalation: notfall\n {4}emergency_operation:\n[^\n]*\n[^\n]*Rundmails statt Intranet-Nachrichten$/);
  });
});

describe('document symbols of small plans', () => {
  it('names scenarios by title, else the German catalog title of the type, else the id', () => {
    const text = `scenarios:
  - id: a
    category: hardware
    type: vm-server
    title: "Unser VM-Host ist weg"
    rto: 90 min
    rpo: PT30M
  - id: b
    category: operator
    type: deleted-files
    rto: 2 Tage
    rpo: 1 Woche
  - id: c
    category: mystery
    rto: 12 Monate
    rpo: 0
  - id: d
  - title: "   "
`;
    const analysis = analyze(text);
    assert.deepEqual(outline(documentSymbols(analysis, 'de')), [
      'Szenarien — 5',
      '  Hardware-Fehler — 1',
      '    Unser VM-Host ist weg — RTO 1,5 h · RPO 30 min',
      '  Bedienfehler — 1',
      '    Versehentliches Löschen von Dateien — RTO 2 Tg. · RPO 7 Tg.',
      '  mystery — 1',
      '    c — RTO 12 Mon. · RPO 0',
      '  Ohne Kategorie — 2',
      '    d — RTO – · RPO –',
      '    Szenario 5 — RTO – · RPO –',
    ]);
    assert.deepEqual(outline(documentSymbols(analysis, 'en')), [
      'Scenarios — 5',
      '  Hardware failure — 1',
      '    Unser VM-Host ist weg — RTO 1.5 h · RPO 30 min',
      '  Operator error — 1',
      '    Versehentliches Löschen von Dateien — RTO 2 d · RPO 7 d',
      '  mystery — 1',
      '    c — RTO 12 mo · RPO 0',
      '  No category — 2',
      '    d — RTO – · RPO –',
      '    Scenario 5 — RTO – · RPO –',
    ]);
    const titled = symbolNamed(documentSymbols(analysis, 'de'), 'Unser VM-Host ist weg');
    // The title's text, quotes and all, is what gets selected.
    assert.equal(textOf(text, titled.selectionRange), '"Unser VM-Host ist weg"');
    assertWellFormed(documentSymbols(analysis, 'de'));
  });

  it('groups scenarios by category in the order the categories first appear', () => {
    const text = `scenarios:
  - {id: a, category: software, type: configuration-error}
  - {id: b, category: hardware, type: vm-server}
  - {id: c, category: software, type: application-error}
`;
    const symbols = documentSymbols(analyze(text), 'de');
    assert.deepEqual(outline(symbols), [
      'Szenarien — 3',
      '  Software-Fehler — 2',
      '    Konfigurationsfehler — RTO – · RPO –',
      '    Fehler der Applikation — RTO – · RPO –',
      '  Hardware-Fehler — 1',
      '    Ausfall des VM-Servers — RTO – · RPO –',
    ]);
    // Interleaved: the software group reaches from its first to its last scenario, and is
    // selected on its first scenario's line.
    const software = symbolNamed(symbols, 'Software-Fehler');
    assert.deepEqual([software.range.start.line, software.range.end.line], [1, 3]);
    assert.equal(textOf(text, software.selectionRange), '- {id: a, category: software, type: configuration-error}');
    assertWellFormed(symbols);
  });

  it('starts a category group at its first scenario’s dash line, so sticky scroll shows the groups in line order', () => {
    const text = `scenarios:
  - id: vm
    category: hardware
    type: vm-server
  -
    id: storage
    category: hardware
    type: storage-server
  - title: Stromausfall im RZ
    id: strom
    category: force-majeure
    type: power-outage
`;
    const symbols = documentSymbols(analyze(text), 'de');
    const [hardware, force] = symbolNamed(symbols, 'Szenarien').children ?? [];
    // Each group's range and selection start at its first scenario's `-`, never at its `category:` line below.
    assert.deepEqual([hardware?.range.start, hardware?.selectionRange.start], [{ line: 1, character: 2 }, { line: 1, character: 2 }]);
    assert.equal(textOf(text, hardware!.selectionRange), '- id: vm');
    assert.deepEqual([force?.range.start, force?.selectionRange.start], [{ line: 8, character: 2 }, { line: 8, character: 2 }]);
    assertStickyInLineOrder(symbols);
    assertStickyInLineOrder(documentSymbols(analyze(EXAMPLE), 'de'));
    assertWellFormed(symbols);
  });

  it('reads flow style, aliases and merge keys, and keeps selections inside their items', () => {
    const text = `drplan: "1"
x-templates:
  base: &base
    category: hardware
    type: vm-server
    title: Vorlage
    rto: 4h
    rpo: 0
plan: {title: Klein, organisation: O, system: S, version: "1"}
contacts: [{id: ops, name: Betrieb, role: Bereitschaft}, {id: lead}]
components: [{id: disk, kind: raid-storage}, {id: net, kind: quantum-link}]
backups:
  - &nightly
    id: nightly
    interval: 1 d
  - <<: *nightly
    id: weekly
    interval: 1 w
scenarios:
  - <<: *base
    id: vm
  - *base
history:
  - {version: 2.1, date: 2026-01-20}
`;
    const symbols = documentSymbols(analyze(text), 'de');
    assert.deepEqual(outline(symbols), [
      'Plan — Klein',
      'Kontakte — 2',
      '  Betrieb — Bereitschaft',
      '  lead',
      'Komponenten — 2',
      '  disk — RAID-Storage',
      '  net — quantum-link',
      'Backups — 2',
      '  nightly — alle 24 h',
      '  weekly — alle 7 Tg.',
      'Szenarien — 2',
      '  Hardware-Fehler — 2',
      '    Vorlage — RTO 4 h · RPO 0',
      '    Vorlage — RTO 4 h · RPO 0',
      'Historie — 1',
      '  2.1 — 2026-01-20',
    ]);
    assertWellFormed(symbols);
    const [merged, aliased] = symbolNamed(symbols, 'Hardware-Fehler').children ?? [];
    // The title comes from the template: the item's first line is selected instead.
    assert.equal(textOf(text, merged!.selectionRange), '- <<: *base');
    assert.equal(textOf(text, aliased!.range), '- *base');
    assert.equal(textOf(text, symbolNamed(symbols, 'lead').selectionRange), 'lead');
  });

  it('never throws on broken, half-typed or odd documents, and stays well-formed', () => {
    const documents = [
      '',
      '# nur ein Kommentar\n',
      'just a string',
      '- a\n- b\n',
      '[1, 2',
      'scenarios:\n  - \n  - id:\n  - id: x\n    category: hard',
      'scenarios: 5\ncontacts: {a: 1}\nhistory:\n  - version: [\n',
      'plan:\n  title: Kaputt\ncontacts:\n  - id: a\n    name: [unclosed\nscenarios:\n  - id: s1\n    category: hardware\n    rto: 4h\n  - id: s2\n    title: "open string\n',
      'scenarios:\n\t- id: tab\n',
      'plan: &p\n  title: *p\n',
      'scenarios:\n  - id: x\n    title: "Zeile eins\n      Zeile zwei"\n    category: software\n',
      read(join(FIXTURES, 'styles', 'anchors-and-merges.drplan.yaml')),
      read(join(FIXTURES, 'styles', 'flow-style.drplan.yaml')),
    ];
    for (const text of documents) {
      for (const locale of ['de', 'en'] as const) {
        const symbols = documentSymbols(analyze(text), locale);
        assertWellFormed(symbols);
      }
    }
    // What can be read of a broken plan is still shown.
    const broken = outline(documentSymbols(analyze(documents[7]!), 'de'));
    assert.equal(broken[0], 'Plan — Kaputt');
    assert.ok(broken.some((line) => line.includes('Hardware-Fehler')), broken.join('\n'));
    // A title written over two lines is one line in the outline.
    assert.ok(outline(documentSymbols(analyze(documents[10]!), 'de')).includes('    Zeile eins Zeile zwei — RTO – · RPO –'));
  });
});

describe('shortDuration', () => {
  it('writes durations in the few characters an outline has', () => {
    const cases: [number, string, string][] = [
      [0, '0', '0'],
      [30, '30 min', '30 min'],
      [90, '1,5 h', '1.5 h'],
      [8 * 60, '8 h', '8 h'],
      [24 * 60, '24 h', '24 h'],
      [36 * 60, '36 h', '36 h'],
      [48 * 60, '2 Tg.', '2 d'],
      [14 * 24 * 60, '2 Wo.', '2 wk'],
      [180 * 24 * 60, '6 Mon.', '6 mo'],
      [730 * 24 * 60, '2 J.', '2 y'],
      [100, '1,67 h', '1.67 h'],
    ];
    for (const [minutes, de, en] of cases) {
      assert.equal(shortDuration(minutes, 'de'), de, `${minutes} min`);
      assert.equal(shortDuration(minutes, 'en'), en, `${minutes} min`);
    }
  });
});
