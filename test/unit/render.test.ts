import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toHtml, toPdf } from '../../server/src/core/render';
import { cssString, escapeAttribute, escapeText } from '../../server/src/core/render/html';
import { neutralise } from '../../server/src/core/render/safeText';
import {
  headingsOf,
  plainText,
  type Chart,
  type Heading,
  type List,
  type Paragraph,
  type PlanDocument,
  type Table,
} from '../../server/src/core/render/tree';
import { allText, documentOf as renderDocument, fieldsOf, flatten, linkTargets, rowsText, section, tables, titles } from '../support/documentTree';
import { EXAMPLES, FIXTURES, read } from '../support/fixtures';
import { planWithEveryField } from '../support/hostile';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const RENDER_DAY = new Date('2026-11-28');

const documentOf = (text: string): PlanDocument => renderDocument(text, RENDER_DAY);

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('buildDocument on the example plan', () => {
  const doc = documentOf(EXAMPLE);

  it('describes the document: German, approved, no watermark', () => {
    assert.deepEqual(doc.meta, {
      title: 'Notfallplan Plone-Intranet',
      subject: 'Notfallplan (Disaster-Recovery-Plan): Plone 6 Intranet auf einem ZEO-Cluster, Beispiel GmbH',
      author: 'Erika Mustermann',
      keywords: ['Notfallplan', 'Disaster-Recovery-Plan', 'Verfügbarkeitskontrolle', 'Art. 32 DSGVO', 'BSI-Standard 200-4'],
      version: '2.1',
      classification: 'intern',
      language: 'de-DE',
      watermark: undefined,
      generated: '28.11.2026',
    });
  });

  it('has every section in order, numbered, with unique ids', () => {
    const sections = doc.blocks.map((block) => (block.kind === 'section' ? `${block.role}:${block.id}` : block.kind));
    assert.deepEqual(sections, [
      'cover:deckblatt',
      'contents:inhalt',
      'chapter:kapitel-lenkung',
      'chapter:kapitel-geltungsbereich',
      'chapter:kapitel-alarmierung',
      'chapter:kapitel-kontakte',
      'chapter:kapitel-verfuegbarkeitskontrolle',
      'chapter:kapitel-zodb-zeo',
      'chapter:kapitel-verfuegbarkeitsmessungen',
      'chapter:kapitel-backup-plan',
      'chapter:kapitel-dr-plan',
      'chapter:kapitel-notbetrieb',
      'chapter:kapitel-meldepflichten',
      'chapter:kapitel-wiederanlaufreihenfolge',
      'chapter:kapitel-glossar',
      'chapter:kapitel-offene-punkte',
      'card:kapitel-notfallkarte',
    ]);
    const headings = headingsOf(doc.blocks);
    assert.deepEqual(
      headings.filter((h) => h.level === 1).map((h) => `${h.number} ${h.text}`.trim()),
      [
        '1 Lenkung des Dokuments',
        '2 Geltungsbereich',
        '3 Alarmierung und Eskalation',
        '4 Kontakte und Vertretungen',
        '5 Verfügbarkeitskontrolle',
        '6 Betrieb der ZODB/ZEO',
        '7 Verfügbarkeitsmessungen',
        '8 Backup-Plan',
        '9 Disaster-Recovery-Plan',
        '10 Notbetrieb',
        '11 Meldepflichten',
        '12 Wiederanlaufreihenfolge',
        '13 Glossar',
        '14 Offene Punkte',
        'Notfallkarte',
      ],
    );
    // Every sub-heading is numbered under the chapter it stands in.
    let chapterNumber = '';
    for (const heading of headings) {
      if (heading.level === 1) chapterNumber = heading.number;
      else if (heading.number) assert.ok(heading.number.startsWith(`${chapterNumber}.`), `${heading.number} ${heading.text} under chapter ${chapterNumber}`);
    }
    const ids = headings.map((h) => h.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9][a-z0-9-]*$/);
  });

  it('Deckblatt: title, organisation, system, version, status, Stand, owner, classification', () => {
    const cover = section(doc, 'deckblatt');
    const title = cover.children[0];
    assert.equal(title?.kind === 'title' && title.text, 'Notfallplan Plone-Intranet');
    assert.deepEqual(Object.fromEntries(fieldsOf(cover.children)), {
      Organisation: 'Beispiel GmbH',
      System: 'Plone 6 Intranet auf einem ZEO-Cluster',
      Version: '2.1',
      Status: 'Freigegeben am 25.01.2026 durch Dr. Hans Beispiel',
      'Gültig ab': '01.02.2026',
      'Stand (letzte Überprüfung)': '20.01.2026',
      'Nächste Überprüfung': '20.01.2027',
      Verantwortlich: 'Erika Mustermann (IT-Leitung)',
      Klassifizierung: 'intern',
    });
    assert.ok(!flatten(cover.children).some((block) => block.kind === 'note'), 'an approved plan without errors has no draft note');
  });

  it('Inhaltsverzeichnis comes from the headings', () => {
    const contents = section(doc, 'inhalt');
    assert.deepEqual(contents.children, [{ kind: 'toc', title: 'Inhaltsverzeichnis' }]);
  });

  it('Geltungsbereich: the scope, with its source line', () => {
    const scope = section(doc, 'kapitel-geltungsbereich');
    const paragraph = scope.children[1];
    assert.equal(paragraph?.kind, 'paragraph');
    assert.match(allText(scope.children), /Gilt für das Intranet intranet\.beispiel\.de mit ZEO-Server/);
    assert.equal(paragraph?.sourceLine, lineOf(EXAMPLE, 'scope:'));
  });

  it('Verfügbarkeitskontrolle: the seed text and the components grouped by kind with German labels', () => {
    const chapter = section(doc, 'kapitel-verfuegbarkeitskontrolle');
    const text = allText(chapter.children);
    assert.match(text, /personenbezogene Daten gegen zufällige Zerstörung oder Verlust geschützt/);
    assert.match(text, /Standardkomponenten für erhöhte Verfügbarkeit/);
    const [table] = tables(chapter.children);
    assert.ok(table);
    assert.deepEqual(titles(table), ['Komponente', 'Standort', 'Redundanz', 'Anmerkungen']);
    const groups = table.rows.filter((row) => row.kind === 'group').map((row) => (row.kind === 'group' ? row.text : ''));
    assert.deepEqual(groups.slice(0, 4), ['Standort', 'RAID-Storage', 'Redundante Netzteile', 'Ersatzteile']);
    assert.ok(groups.includes('USV') && groups.includes('ZEO-Server') && groups.includes('Load-Balancer'));
    const raid = rowsText(table).findIndex((row) => row[0] === '[RAID-Storage]');
    assert.deepEqual(rowsText(table).slice(raid, raid + 2), [['[RAID-Storage]'], ['Storage-Server mit RAID 6 und Hot-Spare', 'RZ Berlin, Rack A3', 'RAID 6, zwei Controller', '—']]);
    const storageRow = table.rows[raid + 1];
    assert.equal(storageRow?.sourceLine, lineOf(EXAMPLE, 'id: storage-1'));
  });

  it('Betrieb der ZODB/ZEO: the chosen strategy and load balancing with the seed explanation of each choice', () => {
    const chapter = section(doc, 'kapitel-zodb-zeo');
    const fields = fieldsOf(chapter.children);
    assert.equal(fields.get('Gewählte Strategie'), 'Snapshot');
    assert.equal(fields.get('Verfahren'), 'Fair Balancing');
    assert.equal(fields.get('ZEO-Clients'), '4');
    const text = allText(chapter.children);
    assert.match(text, /aus einem Snapshot des Volume Managers einen ZEO-Server mit dem Backup der ZODB erneut aufzusetzen/);
    assert.match(text, /Fair Balancing sollte zwischen den verschiedenen ZEO-Clients verteilen/);
    const [comparison] = tables(chapter.children).filter((table) => titles(table)[0] === 'Verfahren');
    assert.ok(comparison);
    assert.deepEqual(
      rowsText(comparison).map((row) => row[0]),
      ['Snapshot (gewählt)', 'Replikation über RelStorage', 'DRBD/Heartbeat'],
    );
    assert.match(rowsText(comparison)[1]?.[1] ?? '', /Master-Master-Replikation/);
    assert.match(rowsText(comparison)[2]?.[1] ?? '', /nur schwer zuverlässig zu betreiben/);
  });

  it('Verfügbarkeitsmessungen: target, yearly downtime budget in German, measurements', () => {
    const chapter = section(doc, 'kapitel-verfuegbarkeitsmessungen');
    const fields = fieldsOf(chapter.children);
    assert.equal(fields.get('Verfügbarkeitsziel'), '99,5 %');
    assert.equal(fields.get('Zulässige Ausfallzeit pro Jahr'), '43,8 Stunden');
    assert.equal(fields.get('Zulässige Ausfallzeit pro Monat'), '3,6 Stunden');
    const [table] = tables(chapter.children).filter((t) => titles(t)[0] === 'Messung');
    assert.ok(table);
    assert.deepEqual(rowsText(table), [
      // The query of issue 16 under what is measured.
      ['HTTP-Check der Startseite über den Load-Balancer\nAbfrage: probe_success{instance="https://intranet.beispiel.de"}', 'Prometheus Blackbox Exporter', '1 Minute', 'Rufbereitschaft Betrieb'],
      ['Erreichbarkeit des ZEO-Servers', 'Prometheus', '5 Minuten', 'Rufbereitschaft Betrieb'],
    ]);
  });

  it('Backup-Plan: a table with every column of a backup', () => {
    const [table] = tables(section(doc, 'kapitel-backup-plan').children);
    assert.ok(table);
    assert.deepEqual(titles(table), ['Sicherung', 'Was', 'Methode', 'Intervall', 'Aufbewahrung', 'Ort', 'Offsite', 'Letzter Wiederherstellungstest']);
    assert.deepEqual(rowsText(table)[1], [
      'zodb-offsite',
      'ZODB und Blobs, mit repozo gesichert',
      'repozo',
      '24 Stunden',
      // As the author wrote it: `90 Tage`, not 3 months.
      '90 Tage',
      'Offsite-Speicher RZ Frankfurt',
      'ja',
      '15.06.2026',
    ]);
    assert.equal(rowsText(table)[0]?.[6], '—', 'offsite not given');
  });

  it('Disaster-Recovery-Plan: the overview matrix of all scenarios by category, with their status and its legend', () => {
    const chapter = section(doc, 'kapitel-dr-plan');
    const [matrix] = tables(chapter.children);
    assert.ok(matrix);
    assert.deepEqual(titles(matrix), ['Szenario', 'Wiederherstellungszeit', 'RTO (WAZ)', 'RPO', 'MTA (MTPD)', 'letzte RTA', 'Status']);
    assert.equal(matrix.rows.filter((row) => row.kind === 'row').length, 11);
    // Exercised (a full recovery) and without findings: ✓.
    const storage = rowsText(matrix).find((row) => row[0] === 'Ausfall des Storage-Servers');
    assert.deepEqual(storage, ['Ausfall des Storage-Servers', '6 Stunden', '8 Stunden', '4 Stunden', '24 Stunden', '5,5 Stunden', '✓geprüft ohne Befund']);
    // Never exercised: no ✓ (issue 14), though the checks find no error or warning in it.
    const rack = rowsText(matrix).find((row) => row[0] === 'Ausfall des Server-Racks');
    assert.deepEqual(rack, ['Ausfall des Server-Racks', '24 Stunden', '36 Stunden', '24 Stunden', '—', 'unbekannt', '○ungeprüft']);
    assert.deepEqual(
      rowsText(matrix).filter((row) => row[0]?.startsWith('[')).map((row) => row[0]),
      ['[Hardware-Fehler]', '[Höhere Gewalt]', '[Software-Fehler]', '[Bedienfehler]'],
      'a row per category, in the seed order of the categories',
    );
    const headings = new Set(headingsOf(doc.blocks).map((h) => h.id));
    for (const target of linkTargets(doc.blocks)) assert.ok(headings.has(target), `link to #${target}`);
    const legend = chapter.children.filter((block): block is Paragraph => block.kind === 'paragraph' && block.style === 'small').map((block) => plainText(block.content));
    assert.deepEqual(
      legend.slice(0, 4).map((line) => line.split(':')[0]),
      ['✓ geprüft ohne Befund', '○ ungeprüft', '✗ Übung nicht bestanden', '✗ Befund'],
    );
    assert.match(legend[1] ?? '', /eine Planbesprechung oder Alarmierungsübung belegt sie nicht/);
  });

  it('Disaster-Recovery-Plan: per category and scenario prevention, numbered steps with duration and responsible, times, backup, exercises', () => {
    const chapter = section(doc, 'kapitel-dr-plan');
    const headings = headingsOf(chapter.children);
    assert.deepEqual(
      headings.filter((h) => h.level === 2).map((h) => h.text),
      ['Übersicht der Szenarien', 'Hardware-Fehler', 'Höhere Gewalt', 'Software-Fehler', 'Bedienfehler'],
    );
    const storageIndex = chapter.children.findIndex((b) => b.kind === 'heading' && b.text === 'Ausfall des Storage-Servers');
    const storageHeading = chapter.children[storageIndex] as Heading;
    assert.equal(storageHeading.number, '9.2.3');
    assert.equal(storageHeading.id, 'szenario-storage');
    assert.equal(storageHeading.sourceLine, lineOf(EXAMPLE, 'id: storage\n'));
    const next = chapter.children.findIndex((b, i) => i > storageIndex && b.kind === 'heading');
    const blocks = chapter.children.slice(storageIndex + 1, next);
    const fields = fieldsOf(blocks);
    assert.equal(fields.get('Wiederherstellungszeit'), '6 Stunden');
    assert.equal(fields.get('RTO (geforderte Wiederanlaufzeit, WAZ)'), '8 Stunden');
    assert.equal(fields.get('RPO (maximal zulässiger Datenverlust)'), '4 Stunden');
    assert.equal(fields.get('MTA (MTPD), maximal tolerierbare Ausfallzeit'), '24 Stunden');
    assert.equal(fields.get('Verantwortlich'), 'Erika Mustermann');
    assert.equal(fields.get('Sicherung'), 'Kopie der Snapshots auf dem Backup-Server (zfs send) (zodb-copy): Dateikopie, alle 4 Stunden');
    const lists = blocks.filter((b): b is List => b.kind === 'list');
    assert.deepEqual(
      lists.map((list) => [list.ordered, list.items.map((item) => plainText(item.content))]),
      [
        [false, ['RAID-Storage mit Hot-Spare', 'Snapshots des Volume Managers alle 4 Stunden', 'Kopie der Snapshots alle 4 Stunden auf den Backup-Server in Rack B1']],
        [
          true,
          [
            'Storage tauschen oder Ersatz-Pool bereitstellen (2 Stunden, Hosting Partner AG, Leitstand)',
            'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen (3 Stunden, Erika Mustermann)',
            'Konsistenz der ZODB prüfen (fsrefs) (1 Stunde)',
          ],
        ],
        [false, ['Wichtige Dokumente aus dem Intranet liegen als PDF-Export auf dem Fileserver', 'Aushänge und Rundmails statt Intranet-Nachrichten']],
        // The drill's steps as carried out (issue 16), under the exercises.
        [
          true,
          [
            'Storage tauschen oder Ersatz-Pool bereitstellen — 105 Minuten, geplant 2 Stunden',
            'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen — 195 Minuten, geplant 3 Stunden',
            'Konsistenz der ZODB prüfen (fsrefs) — 30 Minuten, geplant 1 Stunde',
          ],
        ],
      ],
    );
    assert.match(allText(blocks), /^Durchgeführte Schritte der Vollübung vom 15\.06\.2026 \(Beginn 08:30 Uhr\)$/m);
    const chart = blocks.find((b): b is Chart => b.kind === 'chart');
    assert.ok(chart);
    assert.deepEqual(
      chart.bars.rows.map((row) => [row.label, row.value, row.text, row.look, row.tone]),
      [
        ['Wiederherstellungszeit', 360, '6 Stunden', 'solid', 'neutral'],
        ['RTA vom 15.06.2026', 330, '5,5 Stunden', 'hatched', 'ok'],
        ['RTO', 480, '8 Stunden', 'outline', 'neutral'],
      ],
    );
    assert.deepEqual(chart.bars.limit, { value: 480, label: 'RTO 8 Stunden' });
    assert.equal(fields.get('Eskalationsstufe'), 'Notfall');
    const [exercises] = tables(blocks);
    assert.ok(exercises);
    assert.deepEqual(titles(exercises), ['Datum', 'Art', 'RTA', 'RPA', 'Ergebnis', 'Anmerkungen']);
    assert.deepEqual(rowsText(exercises), [
      ['15.06.2026', 'Vollübung', '5,5 Stunden', '3 Stunden', 'bestanden', 'Wiederherstellung auf Ersatz-Pool geübt, fsrefs ohne Befund'],
    ]);
    assert.match(allText(chapter.children), /Noch nicht geübt: die tatsächliche Wiederherstellungszeit \(RTA\) ist unbekannt\./);
  });

  it('Kontakte und Vertretungen, Änderungshistorie (in Lenkung des Dokuments), Glossar', () => {
    const [contacts] = tables(section(doc, 'kapitel-kontakte').children);
    assert.ok(contacts);
    assert.deepEqual(rowsText(contacts)[0], ['Erika Mustermann', 'IT-Leitung', '+49 30 1234567-10', 'erika.mustermann@beispiel.de', 'werktags 8-18 Uhr', 'Max Beispiel']);
    assert.match(allText(section(doc, 'kapitel-kontakte').children), /Erika Mustermann: Planverantwortung; darf einen Notfall ausrufen; benachrichtigt bei: Notfall; Vertretung von: [^;]+; Szenarien: Ausfall des Storage-Servers/);
    const [history] = tables(section(doc, 'kapitel-lenkung').children).filter((table) => titles(table)[0] === 'Version');
    assert.ok(history);
    assert.deepEqual(rowsText(history)[1], ['2.1', '20.01.2026', 'Erika Mustermann', 'Offsite-Backup ergänzt, RTO für Rack-Ausfall angepasst']);
    const [glossary] = tables(section(doc, 'kapitel-glossar').children);
    assert.ok(glossary);
    assert.deepEqual(
      rowsText(glossary).map((row) => row[0]?.split(' ')[0]),
      ['RTO', 'RPO', 'MTA', 'RTA', 'RPA'],
    );
    assert.match(rowsText(glossary)[1]?.[1] ?? '', /maximal zulässige Datenverlust, also der Zeitraum zwischen zwei Datensicherungen/);
    assert.match(rowsText(glossary)[2]?.[1] ?? '', /BSI-Standard 200-4/);
  });

  it('Offene Punkte: each finding under the part of the plan it concerns, the field\'s German label, the message, its line small and no code', () => {
    const chapter = section(doc, 'kapitel-offene-punkte');
    const [points] = tables(chapter.children);
    assert.ok(points);
    assert.deepEqual(titles(points), ['Feld', 'Art', 'Befund']);
    assert.equal(points.rows.filter((row) => row.kind === 'row').length, 9);
    assert.deepEqual(rowsText(points).slice(0, 2), [
      ['[Szenario „Ausfall des VM-Servers“]'],
      [
        '—',
        'Hinweis',
        `Die Wiederherstellung dieses Szenarios wurde noch nicht geübt: die tatsächliche Wiederherstellungszeit (RTA) ist unbekannt. Zeile ${lineOf(EXAMPLE, 'id: vm-server') + 1}`,
      ],
    ]);
    const message = points.rows[1]?.kind === 'row' ? points.rows[1].cells[2] : [];
    assert.deepEqual(message?.[message.length - 1], { kind: 'remark', text: `Zeile ${lineOf(EXAMPLE, 'id: vm-server') + 1}` }, 'the line stands small, for the author');
    assert.doesNotMatch(allText(chapter.children), /untested|\bCode\b/);
  });

  it('Notfallkarte: contacts with phone and each scenario’s first steps', () => {
    const card = section(doc, 'kapitel-notfallkarte');
    assert.equal(card.newPage, true);
    const [chain, contacts, scenarios] = tables(card.children);
    assert.ok(chain && contacts && scenarios);
    assert.deepEqual(rowsText(chain).map((row) => row[0]), ['1. Störung', '2. Notfall']);
    assert.deepEqual(rowsText(contacts).map((row) => row[2]), ['+49 30 1234567-10', '+49 30 1234567-11', '+49 30 1234567-99', '+49 69 555000', '+49 69 555001', '—', '—']);
    assert.equal(rowsText(contacts)[0]?.[4], 'Max Beispiel\n+49 30 1234567-11');
    assert.equal(scenarios.rows.length, 11);
    const storage = rowsText(scenarios).find((row) => row[0]?.startsWith('Ausfall des Storage-Servers'));
    assert.deepEqual(storage, [
      'Ausfall des Storage-Servers\nStufe: Notfall',
      '8 Stunden',
      '1. Storage tauschen oder Ersatz-Pool bereitstellen\n2. ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen\n3. Konsistenz der ZODB prüfen (fsrefs)',
      'Erika Mustermann\n+49 30 1234567-10',
    ]);
  });
});

const RTO_EXCEEDED = read(join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml'));

describe('buildDocument on a plan with errors or in draft', () => {
  it('marks a plan with errors ENTWURF and lists the open points with lines', () => {
    const doc = documentOf(RTO_EXCEEDED);
    assert.equal(doc.meta.watermark, 'ENTWURF');
    const cover = section(doc, 'deckblatt');
    const note = flatten(cover.children).find((block) => block.kind === 'note');
    assert.ok(note && note.kind === 'note' && note.tone === 'error');
    assert.match(allText(note.content), /Die Prüfung hat 1 Fehler und 9 Warnungen gefunden; siehe Offene Punkte\./);
    assert.deepEqual(linkTargets(note.content), ['offene-punkte']);
    const [points] = tables(section(doc, 'kapitel-offene-punkte').children);
    const rows = rowsText(points as Table);
    const vm = rows.findIndex((row) => row[0] === '[Szenario „Ausfall des VM-Servers“]');
    assert.deepEqual(rows.slice(vm, vm + 3), [
      ['[Szenario „Ausfall des VM-Servers“]'],
      ['—', 'Hinweis', 'Die Wiederherstellung dieses Szenarios wurde noch nicht geübt: die tatsächliche Wiederherstellungszeit (RTA) ist unbekannt. Zeile 9'],
      ['Wiederherstellungszeit', 'Fehler', 'Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO, die maximal zulässige Ausfallzeit (8 Stunden). Zeile 14'],
    ]);
    assert.equal(rows[0]?.[0], '[Szenarien]', 'missing scenarios first, at the scenarios key');
  });

  it('gives a scenario with an error ✗ Befund and its finding with the field and the line; one never exercised ○ ungeprüft', () => {
    const doc = documentOf(RTO_EXCEEDED);
    const [matrix] = tables(section(doc, 'kapitel-dr-plan').children);
    assert.deepEqual(
      rowsText(matrix as Table).filter((row) => row.length > 1).map((row) => [row[0], row[6]]),
      [
        ['Ausfall des VM-Servers', '✗Befund'],
        ['Stromausfall', '○ungeprüft'],
      ],
    );
    const notes = flatten(section(doc, 'kapitel-dr-plan').children).filter((block) => block.kind === 'note');
    assert.equal(notes.length, 1);
    const [finding] = notes.flatMap((n) => (n.kind === 'note' ? n.content : [])).flatMap((block) => (block.kind === 'list' ? block.items : []));
    assert.deepEqual(finding?.content, [
      { kind: 'strong', children: [{ kind: 'text', text: 'Wiederherstellungszeit: ' }] },
      { kind: 'text', text: 'Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO, die maximal zulässige Ausfallzeit (8 Stunden). ' },
      { kind: 'remark', text: 'Zeile 14' },
    ]);
  });

  it('marks a draft ENTWURF even without errors', () => {
    const draft = EXAMPLE.replace('status: approved', 'status: draft');
    const doc = documentOf(draft);
    assert.equal(doc.meta.watermark, 'ENTWURF');
    const note = flatten(section(doc, 'deckblatt').children).find((block) => block.kind === 'note');
    assert.ok(note && note.kind === 'note' && note.tone === 'warning');
    assert.match(allText(note.content), /als Entwurf gekennzeichnet/);
    assert.equal(fieldsOf(section(doc, 'deckblatt').children).get('Status'), 'Entwurf');
  });

  it('gives warnings ✗ too (rpo-without-backup), informations not (untested)', () => {
    const fixture = read(join(FIXTURES, 'codes', 'rpo-without-backup.drplan.yaml'));
    const approved = fixture
      .replace('  version: "1"\n', '  version: "1"\n  status: approved\n  approvals:\n    - by: chef\n      date: 2026-01-10\ncontacts:\n  - id: chef\n    name: Chef\n    deputy: chef\n');
    const doc = documentOf(approved);
    const [matrix] = tables(section(doc, 'kapitel-dr-plan').children);
    assert.ok(rowsText(matrix as Table).some((row) => row[6] === '✗Befund'));
    assert.equal(doc.meta.watermark, undefined, 'warnings alone do not make a draft');
    assert.equal(documentOf(fixture).meta.watermark, 'ENTWURF', 'a plan without a status is not released');
  });
});

/** Every fixture, and the example cut off at many places: half-written plans. */
function brokenPlans(): { name: string; text: string }[] {
  const plans = [
    { name: 'empty', text: '' },
    { name: 'only a comment', text: '# nichts\n' },
    { name: 'a list', text: '- a\n- b\n' },
    { name: 'a scalar', text: 'Notfallplan' },
    { name: 'wrong shapes', text: 'drplan: "1"\nplan: 5\ncontacts: x\ncomponents: [1, [2], {kind: 7}]\navailability: [1]\nbackups: {a: 1}\nscenarios: 7\nhistory: [[]]\n' },
    { name: 'bad values', text: 'plan:\n  title: [x]\n  status: fertig\n  valid_from: 2026-13-45\n  owner: niemand\nscenarios:\n  - id: "A B"\n    category: wetter\n    type: sturm\n    recovery: [{step: [x], duration: bald, responsible: 5}]\n    rto: 4\n    rpo: 1 m\n    exercises: [{date: gestern, recovery_time: -1h}]\n' },
    { name: 'unclosed flow', text: 'drplan: "1"\nplan: {title: "x\nscenarios: [\n' },
    { name: 'alias bomb', text: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nscenarios:\n  - id: s\n    prevention: *c\n    recovery: *c\n' },
  ];
  for (const folder of ['codes', 'styles']) {
    for (const name of readdirSync(join(FIXTURES, folder)).filter((file) => file.endsWith('.drplan.yaml'))) {
      plans.push({ name: `${folder}/${name}`, text: read(join(FIXTURES, folder, name)) });
    }
  }
  for (let cut = 0; cut < EXAMPLE.length; cut += 97) plans.push({ name: `example cut at ${cut}`, text: EXAMPLE.slice(0, cut) });
  return plans;
}

describe('buildDocument on broken and half-written plans', () => {
  it('never throws, always renders the cover, contents, DR plan and glossary, skips empty sections', () => {
    for (const { name, text } of brokenPlans()) {
      const doc = documentOf(text);
      const ids = doc.blocks.map((block) => (block.kind === 'section' ? block.id : block.kind));
      for (const id of ['deckblatt', 'inhalt', 'kapitel-verfuegbarkeitskontrolle', 'kapitel-dr-plan', 'kapitel-glossar', 'kapitel-notfallkarte']) {
        assert.ok(ids.includes(id), `${name}: ${id} in ${ids.join(', ')}`);
      }
      assert.ok(!allText(doc.blocks).includes('konnte aus dieser Plandatei nicht erzeugt werden'), `${name}: the builder failed`);
      const html = toHtml(doc);
      assert.ok(html.startsWith('<!DOCTYPE html>') && html.endsWith('</html>\n'), name);
    }
  });

  it('renders a plan without optional parts: no Geltungsbereich, ZODB, Messungen, Kontakte, Historie', () => {
    const doc = documentOf('drplan: "1"\nplan: {title: Kurz, organisation: O, system: S, version: "1"}\nscenarios: []\n');
    const ids = doc.blocks.map((block) => (block.kind === 'section' ? block.id : block.kind));
    assert.deepEqual(ids, [
      'deckblatt',
      'inhalt',
      'kapitel-lenkung',
      'kapitel-alarmierung',
      'kapitel-verfuegbarkeitskontrolle',
      'kapitel-backup-plan',
      'kapitel-dr-plan',
      'kapitel-meldepflichten',
      'kapitel-glossar',
      'kapitel-offene-punkte',
      'kapitel-notfallkarte',
    ]);
    assert.match(allText(section(doc, 'kapitel-dr-plan').children), /Der Plan beschreibt noch keine Szenarien\./);
    assert.match(allText(section(doc, 'kapitel-verfuegbarkeitskontrolle').children), /Der Plan verzeichnet keine Komponenten\./);
    assert.equal(headingsOf(doc.blocks).find((h) => h.level === 1)?.number, '1', 'numbering starts at 1 without the skipped chapters');
  });

  it('shows invalid durations and dates as written, marked ungültig', () => {
    const doc = documentOf(
      'drplan: "1"\nplan: {title: T, organisation: O, system: S, version: "1", valid_from: 2026-02-30}\nscenarios:\n  - id: s\n    category: hardware\n    type: vm-server\n    prevention: [p]\n    recovery: [r]\n    recovery_time: bald\n    rto: 4h\n    rpo: 0\n',
    );
    assert.equal(fieldsOf(section(doc, 'deckblatt').children).get('Gültig ab'), '2026-02-30 (ungültig)');
    const [matrix] = tables(section(doc, 'kapitel-dr-plan').children);
    assert.deepEqual(rowsText(matrix as Table)[1]?.slice(1, 4), ['bald (ungültig)', '4 Stunden', 'kein Datenverlust']);
  });

  it('makes a PDF of an empty and of a broken plan', async () => {
    for (const text of ['', 'plan: 5\nscenarios: [{id: x, recovery: [{step: [1]}]}]\n']) {
      const pdf = await toPdf(documentOf(text));
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      assert.equal(Buffer.from(pdf.subarray(pdf.length - 6)).toString('latin1').trim(), '%%EOF');
    }
  });
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  'javascript:alert(4)',
  '</style><script>alert(5)</script>',
  '\u202Egnp.exe\u202C',
  '\u2066isolated\u2069 \u200F',
  '&amp; &lt;b&gt; &#60;',
  '<!-- -->',
  '\0nul\u0007bell',
].join(' ');

/** A plan with the hostile string in every text field the document shows. */
function hostilePlan(): string {
  return planWithEveryField((field) => `${HOSTILE} ${field}`, { classification: 'internal', secondTitle: false });
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body main div section h1 h2 h3 h4 p ul ol li dl dt dd table colgroup col thead tbody tr th td strong em a span aside nav br figure figcaption svg rect line path text'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set([
  ...'lang charset http-equiv name content class id data-line data-draft data-width href role aria-label aria-hidden aria-labelledby title colspan scope'.split(' '),
  // the charts' SVG: geometry and presentation, no style attribute, no reference
  ...'width height viewBox font-family font-size font-weight x y x1 y1 x2 y2 d fill stroke stroke-width stroke-dasharray text-anchor'.split(' '),
]);

/** The tags of an HTML text outside the style element, with their attribute names and values. */
function tagsOf(html: string): { tag: string; attributes: [string, string][] }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const result: { tag: string; attributes: [string, string][] }[] = [];
  for (const match of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = [...(match[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1] ?? '', a[2] ?? '']);
    result.push({ tag: (match[1] ?? '').toLowerCase(), attributes });
  }
  return result;
}

describe('toHtml', () => {
  const hostileDoc = documentOf(hostilePlan());
  const html = toHtml(hostileDoc);

  it('escapes every author string: no tag, attribute or link of the author survives', () => {
    // Every hostile field reached the document (otherwise the test would prove nothing).
    for (const field of ['title', 'organisation', 'scope', 'name', 'phone', 'component', 'db-notes', 'what', 'backup-what', 'scenario-title', 'description', 'prevention', 'step-2', 'exercise-notes', 'changes', 'author', 'query', 'period', 'started', 'drill-step', 'drill-note', 'skipped-step', 'skipped-note']) {
      assert.ok(html.includes(`&lt;!-- --&gt; [U+0000]nul[U+0007]bell ${field}`), `field ${field} is in the HTML, escaped`);
    }
    const openings = html.match(/<[a-zA-Z!\/]/g)?.length ?? 0;
    const tags = tagsOf(html);
    assert.equal(openings, tags.length + 1 /* doctype */, 'every < starts a known tag');
    for (const { tag, attributes } of tags) {
      assert.ok(ALLOWED_TAGS.has(tag), `tag <${tag}>`);
      for (const [name, value] of attributes) {
        assert.ok(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} on <${tag}>`);
        if (name === 'href') assert.match(value, /^#[a-z0-9][a-z0-9-]*$/);
        if (name === 'data-width') assert.match(value, /^\d+\.\d%$/);
        assert.ok(!/javascript:/i.test(value) || name === 'content' || name === 'title', `${name}="${value}"`);
        assert.ok(!/[<>"]/.test(value), `raw markup in ${name}="${value}"`);
      }
    }
    assert.equal(html.match(/<script/gi), null);
    assert.equal(html.match(/<\/style>/g)?.length, 1, 'only the stylesheet’s own </style>');
    assert.ok(!tags.some(({ attributes }) => attributes.some(([name]) => /^on/i.test(name))), 'no event handler attribute');
  });

  it('neutralises bidi and control characters visibly', () => {
    assert.equal(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008]/.test(html), false);
    assert.ok(html.includes('[U+202E]gnp.exe[U+202C]'));
    assert.ok(html.includes('[U+2066]isolated[U+2069] [U+200F]'));
  });

  it('escapes author strings in the stylesheet (running header of printed pages)', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(style.includes('@top-left { content: "'), 'the title is in the print header');
    assert.ok(!/[<>]/.test(style.replace(/[\s\S]*?@media print \{\n  @page \{/, '')), 'no < or > in the generated CSS');
    assert.equal(cssString('</style>"x\\'), '"\\00003c\\00002fstyle\\00003e\\000022x\\00005c"');
    assert.equal(cssString('Version 2.1 · intern'), '"Version\\0000202\\00002e1\\000020\\0000b7\\000020intern"');
  });

  it('is self-contained: no script, no external resource, print CSS for A4', () => {
    const example = toHtml(documentOf(EXAMPLE));
    assert.equal(/<script|<link|<img|<iframe|@import|url\(/i.test(example), false);
    // The one address is text the plan holds (the measurement's query), escaped: no link, no resource.
    assert.deepEqual(example.match(/.{6}https?:\/\/[^&\s]*/g), ['&quot;https://intranet.beispiel.de']);
    assert.match(example, /@page \{ size: A4;/);
    assert.match(example, /@bottom-right \{ content: "Seite " counter\(page\) " von " counter\(pages\); \}/);
    assert.match(example, /<html lang="de">/);
    assert.match(example, /<a href="#szenario-storage">Ausfall des Storage-Servers<\/a>/);
    assert.match(example, /<h4 id="szenario-storage" data-line="\d+"><span class="number">9\.2\.3<\/span> Ausfall des Storage-Servers<\/h4>/);
    assert.match(example, /<span class="status ok" role="img" aria-label="geprüft ohne Befund" title="geprüft ohne Befund">✓<\/span>geprüft ohne Befund<\/td>/);
    assert.match(example, /<span class="status untested" role="img" aria-label="ungeprüft" title="ungeprüft">○<\/span>ungeprüft<\/td>/);
    assert.equal(example.includes('class="watermark"'), false);
    assert.ok(html.includes('<div class="watermark" aria-hidden="true">ENTWURF</div>'));
  });

  it('renders only the body as a fragment, with source lines for scroll sync', () => {
    const fragment = toHtml(documentOf(EXAMPLE), { fragment: true });
    assert.ok(fragment.startsWith('<main class="drplan-document">'));
    assert.ok(!fragment.includes('<style>'));
    const lines = [...fragment.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(lines.length > 100);
    assert.ok(lines.every((line) => line >= 0 && line < EXAMPLE.split('\n').length));
  });

  it('shows links to unknown ids as text only', () => {
    const doc: PlanDocument = {
      ...documentOf(''),
      blocks: [{ kind: 'paragraph', content: [{ kind: 'link', target: 'javascript:alert(1)', children: [{ kind: 'text', text: 'x' }] }] }],
    };
    assert.ok(toHtml(doc, { fragment: true }).includes('<p>x</p>'));
  });
});

describe('neutralise and escaping', () => {
  it('replaces bidi and control characters with a visible code, keeps text and line breaks', () => {
    assert.equal(neutralise('a\u202Eb\u2067c\u0000d\u009Fe'), 'a[U+202E]b[U+2067]c[U+0000]d[U+009F]e');
    assert.equal(neutralise('Größe ä ö ü ß „x“ – … \t\n'), 'Größe ä ö ü ß „x“ – … \t\n');
    assert.equal(neutralise('a\r\nb\u2028c'), 'a\nb\nc');
    assert.equal(neutralise('x\uD800y'), 'x\uFFFDy');
    assert.equal(neutralise('😀'), '😀');
  });

  it('escapes text and attributes', () => {
    assert.equal(escapeText(`<a href="x">'&'</a>\nb`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;<br>b');
    assert.equal(escapeAttribute('"x" onerror=\n'), '&quot;x&quot; onerror=&#10;');
  });
});
