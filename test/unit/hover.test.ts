import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { analyze, type Locale } from '../../server/src/core';
import { hover } from '../../server/src/core/features/hover';
import { nodeAtOffset } from '../../server/src/core/features/nodeAtOffset';
import { YamlDocument } from '../../server/src/core/parse/yamlDocument';
import { withCursor } from '../support/cursor';
import { TODAY } from '../support/fixtures';

/**
 * Scenario `gut` keeps every relation, scenario `schlecht` breaks every one (recovery time > RTO,
 * steps > recovery time, backup interval > RPO, RTO > MTPD, RTO > the budget of 99.5 %, the
 * latest RTA > RTO, the latest RPA > RPO), scenario `offen` has no exercise and no backup.
 */
const PLAN = `drplan: "1"
plan:
  title: Notfallplan Test
  organisation: Beispiel GmbH
  system: Plone
  version: "1"
  status: draft
  owner: it-leitung
contacts:
  - id: it-leitung
    name: Erika Mustermann
    role: IT-Leitung
    phone: "+49 30 1234567-10"
    email: erika@beispiel.de
    availability: werktags 8-18 Uhr
components:
  - id: storage-1
    kind: raid-storage
    name: Storage-Server
    location: RZ Berlin, Rack A3
availability:
  target: 99.5
  measurements:
    - id: http
      what: HTTP-Check
      interval: 1 min
      alert: it-leitung
      query: probe_success{job="http"}
  results:
    - period: 2026-Q3
      measured: 99.45
      excluded: 2h
      source: http
    - period: 2026-10
      measured: 99.82
      downtime: 80 min
      source: http
x-vorlagen:
  rto: &acht-stunden 8h
backups:
  - id: zodb-snapshot
    what: ZODB und Blobs
    method: volume-snapshot
    interval: 4h
    retention: 14 Tage
    location: Storage-Server
    offsite: false
    last_restore_test: 2026-11-28
scenarios:
  - id: gut
    category: hardware
    type: storage-server
    affects: [storage-1]
    prevention: [RAID-Storage]
    recovery:
      - step: Storage instand setzen
        duration: 2h
        responsible: it-leitung
    recovery_time: 6h
    rto: *acht-stunden
    rpo: 4h
    mtpd: 24h
    backup: zodb-snapshot
    responsible: it-leitung
    exercises:
      - date: 2026-01-10
        kind: full-recovery
        recovery_time: 9h
        data_loss: 5h
      - date: 2026-06-10
        kind: full-recovery
        recovery_time: 5h
        data_loss: 2h
        result: passed
  - id: schlecht
    category: hardware
    type: server-rack
    prevention: [Backups außer Haus]
    recovery:
      - step: Rack ersetzen
        duration: 4 Tage
    recovery_time: 3 Tage
    rto: 2 Tage
    rpo: 1h
    mtpd: 1 Tag
    backup: zodb-snapshot
    exercises:
      - date: 2026-03-01
        recovery_time: 4 Tage
        data_loss: 6h
  - id: offen
    category: operator
    type: deleted-files
    prevention: [Snapshots]
    recovery: [Dateien aus dem Snapshot zurückholen]
    recovery_time: 1h
    rto: 90 min
    rpo: 30 min
`;

/**
 * The hover with the cursor where `marked` (a piece of `text` with a `|` in it) says, searching
 * from `after`. The marker goes through test/support/cursor.ts like everywhere else.
 */
function hoverAt(marked: string, options: { locale?: Locale; after?: string; text?: string } = {}): Hover | null {
  const text = options.text ?? PLAN;
  const plain = marked.replace('|', '');
  const from = options.after === undefined ? 0 : text.indexOf(options.after);
  assert.ok(from >= 0, `"${options.after}" is not in the plan`);
  const at = text.indexOf(plain, from);
  assert.ok(at >= 0, `"${plain}" is not in the plan after "${options.after ?? ''}"`);
  const { text: clean, offset } = withCursor(text.slice(0, at) + marked + text.slice(at + plain.length));
  return hover(analyze(clean, { today: TODAY }), offset, options.locale ?? 'de');
}

function markdown(result: Hover | null): string {
  assert.ok(result, 'a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The ✓/✗/○ lines of a hover, without the list dash. */
function relations(result: Hover | null): string[] {
  return markdown(result)
    .split('\n')
    .filter((line) => /^- [✓✗○] /.test(line))
    .map((line) => line.slice(2));
}

/** The line and characters of a range, as `line:start-end` (0-based, one line). */
function where(result: Hover | null): string {
  assert.ok(result?.range);
  const { start, end } = result.range;
  assert.equal(start.line, end.line);
  return `${start.line}:${start.character}-${end.character}`;
}

const lineOf = (needle: string, after = '') => PLAN.slice(0, PLAN.indexOf(needle, PLAN.indexOf(after))).split('\n').length - 1;

describe('hover: RTO', () => {
  it('says what the RTO is, in German first, with the English term in parentheses', () => {
    const text = markdown(hoverAt('r|to: 2 Tage'));
    assert.match(text, /^\*\*RTO\*\* – maximal zulässige Ausfallzeit \(Recovery Time Objective; BSI 200-4: geforderte Wiederanlaufzeit\): wie lange/);
  });
  it('says it in English first for English', () => {
    const text = markdown(hoverAt('r|to: 2 Tage', { locale: 'en' }));
    assert.match(text, /^\*\*RTO\*\* – Recovery Time Objective \(maximal zulässige Ausfallzeit; BSI 200-4: geforderte Wiederanlaufzeit\): the longest/);
  });
  it('shows every relation kept, on an alias, in German', () => {
    const result = hoverAt('rto: *acht|-stunden');
    assert.match(markdown(result), /\n`8h` = 8 Stunden = 480 Minuten\n/);
    assert.deepEqual(relations(result), [
      '✓ Zeit bis zur Wiederherstellung 6 Stunden ≤ RTO 8 Stunden',
      '✓ RTO 8 Stunden ≤ MTPD 24 Stunden',
      '✓ RTO 8 Stunden ≤ jährliche Ausfallzeit bei 99,5 % Verfügbarkeit: 43,8 Stunden',
      '✓ RTA der Übung vom 10.06.2026: 5 Stunden ≤ RTO 8 Stunden',
    ]);
    // The range is the alias as written, not the anchor it stands for.
    assert.equal(where(result), `${lineOf('rto: *acht-stunden')}:9-22`);
  });
  it('shows every relation broken, in English', () => {
    const result = hoverAt('rto: 2 T|age', { locale: 'en' });
    assert.match(markdown(result), /\n`2 Tage` = 2 days = 2,880 minutes\n/);
    assert.deepEqual(relations(result), [
      '✗ Recovery time 3 days > RTO 2 days',
      '✗ RTO 2 days > MTPD 24 hours',
      '✗ RTO 2 days > yearly downtime at 99.5 % availability: 43.8 hours',
      '✗ RTA of the exercise of 2026-03-01: 4 days > RTO 2 days',
    ]);
  });
  it('shows the relations on the key too, with the key as the range', () => {
    const result = hoverAt('rt|o: 2 Tage');
    assert.equal(relations(result).length, 4);
    assert.match(markdown(result), /\n`2 Tage` = 2\.880 Minuten\n/);
    assert.equal(where(result), `${lineOf('rto: 2 Tage')}:4-7`);
  });
  it('calls an unmeasured RTA unknown (BSI 200-4: unbekannt)', () => {
    assert.deepEqual(relations(hoverAt('rto: 9|0 min')), [
      '✓ Zeit bis zur Wiederherstellung 1 Stunde ≤ RTO 1,5 Stunden',
      '✓ RTO 1,5 Stunden ≤ jährliche Ausfallzeit bei 99,5 % Verfügbarkeit: 43,8 Stunden',
      '○ RTA unbekannt: noch keine Übung mit gemessener Wiederherstellungszeit',
    ]);
  });
  it('notes an invalid value with the finding\'s message, and no relations', () => {
    const text = PLAN.replace('rto: 2 Tage', 'rto: 48');
    for (const marked of ['rto: 4|8', 'r|to: 48']) {
      const result = hoverAt(marked, { text });
      assert.deepEqual(relations(result), []);
      assert.doesNotMatch(markdown(result), /Minuten/);
      assert.match(markdown(result), /\n⚠ „48“ ist keine gültige Dauer für „rto“: Eine Zahl ohne Einheit ist mehrdeutig \(Stunden\? Tage\?\)\./);
    }
  });
  it('leaves out the budget without an availability target', () => {
    const text = PLAN.replace('  target: 99.5\n', '');
    assert.deepEqual(
      relations(hoverAt('rto: 2 T|age', { text })).map((line) => line.slice(0, 20)),
      ['✗ Zeit bis zur Wiede', '✗ RTO 2 Tage > MTPD ', '✗ RTA der Übung vom '],
    );
  });
});

describe('hover: RPO, MTPD, recovery time', () => {
  it('RPO kept: the backup runs often enough, the latest RPA fits', () => {
    const result = hoverAt('rpo: 4|h');
    assert.match(markdown(result), /^\*\*RPO\*\* – maximal zulässiger Datenverlust \(Recovery Point Objective\): wie hoch der Datenverlust, also der Zeitraum zwischen zwei Datensicherungen/);
    assert.match(markdown(result), /\n`4h` = 4 Stunden = 240 Minuten\n/);
    assert.deepEqual(relations(result), [
      '✓ Sicherung „zodb-snapshot“ alle 4 Stunden ≤ RPO 4 Stunden',
      '✓ RPA der Übung vom 10.06.2026: 2 Stunden ≤ RPO 4 Stunden',
    ]);
  });
  it('RPO broken, in English', () => {
    assert.deepEqual(relations(hoverAt('rpo: 1|h', { locale: 'en' })), [
      "✗ Backup 'zodb-snapshot' every 4 hours > RPO 1 hour",
      '✗ RPA of the exercise of 2026-03-01: 6 hours > RPO 1 hour',
    ]);
  });
  it('RPO without a backup, for a type that loses data, and without a measurement', () => {
    assert.deepEqual(relations(hoverAt('rpo: 30| min')), [
      '○ Keine Sicherung (backup) genannt, an der sich die RPO messen lässt',
      '○ RPA unbekannt: noch keine Übung mit gemessenem Datenverlust',
    ]);
  });
  it('RPO with an unknown backup', () => {
    const text = PLAN.replace('rpo: 1h\n    mtpd: 1 Tag\n    backup: zodb-snapshot', 'rpo: 1h\n    mtpd: 1 Tag\n    backup: zodb-snapshott');
    assert.equal(relations(hoverAt('rpo: 1|h', { text }))[0], '○ Die Sicherung „zodb-snapshott“ ist nicht definiert');
  });
  it('RPO 0 means no data loss', () => {
    const text = PLAN.replace('rpo: 30 min', 'rpo: 0');
    assert.match(markdown(hoverAt('rpo: |0', { text, locale: 'en' })), /\n`0` = 0 minutes \(no data loss\)\n/);
  });
  it('MTPD kept and broken', () => {
    const kept = hoverAt('mt|pd: 24h');
    assert.match(markdown(kept), /^\*\*MTPD\*\* – maximal tolerierbare Ausfallzeit \(Maximum Tolerable Period of Disruption, BSI 200-4\)/);
    assert.deepEqual(relations(kept), ['✓ RTO 8 Stunden ≤ MTPD 24 Stunden']);
    assert.deepEqual(relations(hoverAt('mtpd: 1| Tag', { locale: 'en' })), ['✗ RTO 2 days > MTPD 24 hours']);
    assert.match(markdown(hoverAt('mtpd: 1| Tag', { locale: 'en' })), /^\*\*MTPD\*\* – Maximum Tolerable Period of Disruption \(maximal tolerierbare Ausfallzeit, BSI 200-4\)/);
  });
  it('recovery time kept and broken, with the sum of the steps', () => {
    const kept = hoverAt('recovery_time: 6|h');
    assert.match(markdown(kept), /^\*\*Zeit bis zur Wiederherstellung\*\* \(recovery time\): welche Zeit/);
    assert.deepEqual(relations(kept), [
      '✓ Zeit bis zur Wiederherstellung 6 Stunden ≤ RTO 8 Stunden',
      '✓ Summe der Schrittdauern 2 Stunden ≤ Zeit bis zur Wiederherstellung 6 Stunden',
    ]);
    assert.deepEqual(relations(hoverAt('recovery_time: 3| Tage', { locale: 'en' })), [
      '✗ Recovery time 3 days > RTO 2 days',
      '✗ Sum of the step durations 4 days > recovery time 3 days',
    ]);
  });
});

describe('hover: RTA and RPA of exercises', () => {
  it('RTA of the latest exercise, kept', () => {
    const result = hoverAt('recovery_time: 5|h');
    assert.match(markdown(result), /^\*\*RTA\*\* – gemessene Wiederherstellungszeit \(Recovery Time Actual, BSI 200-4\)/);
    assert.match(markdown(result), /ohne Messung ist die RTA „unbekannt“/);
    assert.deepEqual(relations(result), ['✓ RTA der Übung vom 10.06.2026: 5 Stunden ≤ RTO 8 Stunden']);
  });
  it('RTA of an older exercise, broken, says which exercise counts', () => {
    assert.deepEqual(relations(hoverAt('recovery_time: 9|h')), [
      '✗ RTA der Übung vom 10.01.2026: 9 Stunden > RTO 8 Stunden',
      '○ Nicht die letzte Messung: maßgeblich ist die Übung vom 10.06.2026',
    ]);
  });
  it('RPA kept and broken, in English', () => {
    const kept = hoverAt('data_loss: 2|h', { locale: 'en' });
    assert.match(markdown(kept), /^\*\*RPA\*\* – Recovery Point Actual \(gemessener Datenverlust, BSI 200-4\)/);
    assert.deepEqual(relations(kept), ['✓ RPA of the exercise of 2026-06-10: 2 hours ≤ RPO 4 hours']);
    assert.deepEqual(relations(hoverAt('data_lo|ss: 6h', { locale: 'en' })), ['✗ RPA of the exercise of 2026-03-01: 6 hours > RPO 1 hour']);
  });
});

describe('hover: catalog values', () => {
  it('a category, with its scenario types', () => {
    const text = markdown(hoverAt('category: oper|ator'));
    assert.match(text, /^\*\*Bedienfehler\*\* · Kategorie `operator`\n\nMenschliche Fehler im Betrieb/);
    assert.match(text, /Szenariotypen: Versehentliches Löschen von Dateien \(`deleted-files`\) · /);
  });
  it('a scenario type, with its category and suggested steps', () => {
    const text = markdown(hoverAt('type: storage|-server'));
    assert.match(text, /^\*\*Ausfall des Storage-Servers\*\* · Szenariotyp `storage-server` \(Hardware-Fehler\)\n\nDer Server, der die Daten hält/);
    assert.match(text, /\*\*Vorschläge zur Prävention\*\*\n- RAID-Storage\n- Snapshots des Volume Managers\n/);
    assert.match(text, /\*\*Vorschläge zur Wiederherstellung\*\*\n1\. Storage-Server instand setzen oder Ersatzsystem bereitstellen\n2\. ZEO-Server mit dem Backup der ZODB aus dem Snapshot neu aufsetzen/);
    assert.match(markdown(hoverAt('type: storage|-server', { locale: 'en' })), /^\*\*Failure of the storage server\*\* · Scenario type `storage-server` \(Hardware failure\)\n\nThe server holding the data/);
  });
  it('a component kind, plan status, exercise kind and backup method', () => {
    assert.match(markdown(hoverAt('kind: raid|-storage')), /^\*\*RAID-Storage\*\* · Komponentenart `raid-storage`\n\nVerteilt die Daten/);
    assert.match(markdown(hoverAt('status: dr|aft', { locale: 'en' })), /^\*\*Draft\*\* · `draft`\n\nThe plan is being worked on/);
    assert.match(markdown(hoverAt('kind: full|-recovery')), /^\*\*Vollübung\*\* · `full-recovery`\n\nDas Szenario wird vollständig durchgespielt/);
    assert.match(markdown(hoverAt('method: volume|-snapshot')), /^\*\*Snapshot des Volume Managers\*\* · `volume-snapshot`/);
  });
  it('a value outside the catalog: the key and the finding with the closest id', () => {
    const wrong = markdown(hoverAt('category: oper|ater', { text: PLAN.replace('category: operator', 'category: operater') }));
    assert.match(wrong, /^\*\*Kategorie\*\* · `category`\n\nKategorie des Szenarios aus dem Katalog/);
    assert.match(wrong, /\n⚠ „operater“ ist kein zulässiger Wert für „category“\. Meinten Sie „operator“\?/);
  });
  it('a type of another category: the type and the mismatch', () => {
    const text = markdown(hoverAt('type: deleted|-files', { text: PLAN.replace('category: operator', 'category: software') }));
    assert.match(text, /^\*\*Versehentliches Löschen von Dateien\*\*/);
    assert.match(text, /\n⚠ Der Typ „deleted-files“ \(Versehentliches Löschen von Dateien\) gehört nicht zur Kategorie „software“/);
  });
});

describe('hover: references', () => {
  it('a contact (plan owner, scenario, recovery step, alert)', () => {
    const expected = /^\*\*Kontakt `it-leitung`\*\*: Erika Mustermann\n\n- Rolle: IT-Leitung\n- Telefon: \+49 30 1234567-10\n- E-Mail: erika\\@beispiel\.de\n- Erreichbarkeit: werktags 8-18 Uhr$/;
    assert.match(markdown(hoverAt('owner: it-|leitung')), expected);
    assert.match(markdown(hoverAt('    responsible: it-|leitung\n    exercises')), expected);
    assert.match(markdown(hoverAt('        responsible: it-|leitung')), expected);
    assert.match(markdown(hoverAt('alert: it-|leitung', { locale: 'en' })), /^\*\*Contact `it-leitung`\*\*: Erika Mustermann\n\n- Role: IT-Leitung\n- Phone: /);
  });
  it('a component in a flow list, with its kind label and location', () => {
    const result = hoverAt('affects: [stor|age-1]');
    assert.equal(markdown(result), '**Komponente `storage-1`**: Storage-Server\n\n- Art: RAID-Storage (`raid-storage`)\n- Standort: RZ Berlin, Rack A3');
    assert.equal(where(result), `${lineOf('affects: [storage-1]')}:14-23`);
  });
  it('a backup, with the date of its last restore test in German', () => {
    assert.equal(
      markdown(hoverAt('backup: zodb|-snapshot')),
      [
        '**Datensicherung `zodb-snapshot`**',
        '',
        '- Was: ZODB und Blobs',
        '- Verfahren: Snapshot des Volume Managers (`volume-snapshot`)',
        '- Intervall: 4 Stunden',
        '- Aufbewahrung: 2 Wochen',
        '- Speicherort: Storage-Server',
        '- Außer Haus: nein',
        '- Letzter Wiederherstellungstest: 28.11.2026',
        '',
        '○ Wo die Sicherung liegt (`stored_on`), ist nicht angegeben: Ob sie den Ausfall von Komponenten übersteht, lässt sich nicht prüfen.',
      ].join('\n'),
    );
    assert.match(markdown(hoverAt('backup: zodb|-snapshot', { locale: 'en' })), /\n- Off site: no\n- Last restore test: 2026-11-28\n\n○ Where the backup lies/);
  });
  it('an unknown id is not defined (with the closest one)', () => {
    const text = PLAN.replace('owner: it-leitung', 'owner: it-leitng');
    assert.equal(markdown(hoverAt('owner: it-|leitng', { text })), '⚠ „it-leitng“ ist in „contacts“ nicht definiert. Meinten Sie „it-leitung“?');
    assert.equal(markdown(hoverAt('owner: it-|leitng', { text, locale: 'en' })), "⚠ 'it-leitng' is not defined in 'contacts'. Did you mean 'it-leitung'?");
  });
  it('escapes markdown in what the author wrote', () => {
    const text = PLAN.replace('name: Erika Mustermann', 'name: "Erika *fett* [Link](x) <b>"');
    assert.match(markdown(hoverAt('owner: it-|leitung', { text })), /: Erika \\\*fett\\\* \\\[Link\\\]\(x\) \\<b\\>\n/);
  });

  it('leaves no bare URL, www name or e-mail address for the renderer to turn into a link', () => {
    const text = PLAN.replace('name: Erika Mustermann', 'name: "https://evil.example/x www.evil.example a@evil.example ![t](https://evil.example/t.png)"');
    const shown = markdown(hoverAt('owner: it-|leitung', { text }));
    assert.ok(shown.includes('https\\://evil.example/x www\\.evil.example a\\@evil.example !\\[t\\](https\\://evil.example/t.png)'), shown);
  });
});

describe('hover: keys', () => {
  it('what the key means, in German and in the schema\'s English', () => {
    const result = hoverAt('    inter|val: 4h');
    assert.match(markdown(result), /^\*\*Sicherungsintervall\*\* · `interval`\n\nZeit zwischen zwei Sicherungen; darf nicht länger sein als die RPO/);
    assert.match(markdown(result), /\n`4h` = 4 Stunden = 240 Minuten$/);
    assert.equal(where(result), `${lineOf('    interval: 4h')}:4-12`);
    assert.match(markdown(hoverAt('    inter|val: 4h', { locale: 'en' })), /^\*\*Interval\*\* · `interval`\n\nTime between two backups/);
    assert.match(markdown(hoverAt('last_restore|_test')), /^\*\*Letzter Wiederherstellungstest\*\* · `last_restore_test`\n\nDatum des letzten erfolgreichen/);
  });
  it('keys of the same name mean different things in different places', () => {
    assert.match(markdown(hoverAt('  - id: it-le|itung')), /Kennung des Kontakts/);
    assert.match(markdown(hoverAt('  - id: it-le|itung', { locale: 'en' })), /Identifier of the contact/);
    assert.match(markdown(hoverAt('    - i|d: http', { locale: 'en' })), /Identifier of the measurement/);
    assert.match(markdown(hoverAt('  - i|d: gut')), /Kennung des Szenarios/);
  });
  it('the availability target, with the downtime it allows per year', () => {
    assert.match(markdown(hoverAt('target: 99|.5')), /\n99,5 % Verfügbarkeit lassen 43,8 Stunden Ausfallzeit pro Jahr zu: \(100 − 99,5\) % von 365 Tagen\.$/);
    assert.match(markdown(hoverAt('target: 99|.5')), /\n✓ Messergebnisse: zuletzt Oktober 2026: 99,82 %\n/);
    assert.match(markdown(hoverAt('tar|get: 99.5', { locale: 'en' })), /\n99\.5 % availability allows 43\.8 hours of downtime per year: \(100 − 99\.5\) % of 365 days\.$/);
  });
  it('a measured availability against the target, the maintenance it excludes left out', () => {
    assert.deepEqual(relations(hoverAt('measured: 99.8|2')), ['✓ Gemessen 99,82 % ≥ Verfügbarkeitsziel 99,5 %']);
    assert.match(markdown(hoverAt('measured: 99.8|2')), /\n- Zulässige Ausfallzeit in diesem Zeitraum bei 99,5 %: 3,72 Stunden$/);
    // 99.45 % of the third quarter (92 days) with 2 hours of maintenance left out: 99.540 %.
    assert.deepEqual(relations(hoverAt('measured: 99.4|5', { locale: 'en' })), [
      '✓ Without the excluded maintenance (2 hours): 99.54 % ≥ availability target 99.5 % (measured 99.45 %)',
    ]);
    const below = PLAN.replace('measured: 99.82', 'measured: 99.2');
    assert.deepEqual(relations(hoverAt('measured: 99.|2', { text: below })), ['✗ Gemessen 99,2 % < Verfügbarkeitsziel 99,5 %']);
    assert.match(markdown(hoverAt('measured: 99.|2', { text: below })), /⚠ Im Zeitraum Oktober 2026 wurden 99,2 % Verfügbarkeit gemessen/);
  });
  it('a period with the days it covers, the start of an exercise with its offset', () => {
    assert.match(markdown(hoverAt('period: 2026-|Q3')), /\n\*\*3\. Quartal 2026\*\*: 01\.07\.2026 bis 30\.09\.2026 \(92 Tage\)$/);
    assert.match(markdown(hoverAt('period: 2026-|10', { locale: 'en' })), /\n\*\*October 2026\*\*: 2026-10-01 to 2026-10-31 \(31 days\)$/);
    const started = PLAN.replace('      - date: 2026-06-10\n', '      - date: 2026-06-10\n        started: 2026-06-10T08:30:00+02:00\n');
    assert.match(markdown(hoverAt('started: 2026-06-10T0|8:30', { text: started })), /^\*\*Beginn\*\* · `started`\n\n.*\n\n\*\*10\.06\.2026, 08:30 Uhr\*\* \(UTC\+02:00\)$/);
    const local = PLAN.replace('      - date: 2026-06-10\n', '      - date: 2026-06-10\n        started: 2026-06-10T08:30\n');
    assert.match(markdown(hoverAt('started: 2026-06-10T0|8:30', { text: local, locale: 'en' })), /\*\*2026-06-10 08:30\*\* \(local time\)$/);
  });
  it('a measurement a result names: what it watches, its query, its latest result', () => {
    const shown = markdown(hoverAt('source: ht|tp', { after: 'period: 2026-10' }));
    assert.match(shown, /^\*\*Messung `http`\*\*\n\n- Was: HTTP-Check\n- Intervall: 1 Minute\n- Abfrage: `probe_success\{job="http"\}`\n- Alarmiert: `it-leitung` \(Erika Mustermann\)\n- Messergebnisse: 2 · zuletzt Oktober 2026: 99,82 % ✓$/);
    assert.match(markdown(hoverAt('    - id: ht|tp')), /^\*\*Messung `http`\*\*/);
  });
  it('an extension field, and nothing inside one', () => {
    assert.match(markdown(hoverAt('x-vor|lagen')), /^\*\*Erweiterungsfeld\*\*/);
    assert.equal(hoverAt('  r|to: &acht-stunden 8h'), null);
  });
  it('an unknown key: the finding', () => {
    const text = PLAN.replace('    mtpd: 24h', '    mtdp: 24h');
    assert.match(markdown(hoverAt('mt|dp: 24h', { text })), /^⚠ Unbekanntes Feld „mtdp“\. Meinten Sie „mtpd“\?/);
  });
  it('no hover on comments, blanks, list dashes or free text in lists', () => {
    assert.equal(hoverAt('# Szen|arien', { text: PLAN.replace('scenarios:\n', 'scenarios: # Szenarien\n') }), null);
    assert.equal(hoverAt('plan:|\n  title'), null);
    assert.equal(hoverAt('  |- id: gut'), null);
    assert.equal(hoverAt('prevention: [RAID|-Storage]'), null);
  });
});

describe('hover on broken documents', () => {
  const BROKEN: Record<string, string> = {
    'an unclosed quote at the end': PLAN + '  - id: neu\n    rto: "4h\n',
    'a half-typed key at the end': PLAN + '  - id: neu\n    categ\n',
    'an unclosed flow list in a contact': PLAN.replace('    role: IT-Leitung', '    role: [IT-Leitung'),
    'text after a quoted scalar in a contact': PLAN.replace('    role: IT-Leitung', '    role: "IT" Leitung'),
    'a duplicate key in a scenario': PLAN.replace('    rpo: 1h\n', '    rpo: 1h\n    rpo: 2h\n'),
  };
  for (const [name, text] of Object.entries(BROKEN)) {
    it(`works with ${name}`, () => {
      assert.ok(analyze(text).findings.some((finding) => finding.code === 'yaml-syntax'), 'the text is broken');
      assert.deepEqual(relations(hoverAt('rto: 2 T|age', { text, locale: 'en' })), [
        '✗ Recovery time 3 days > RTO 2 days',
        '✗ RTO 2 days > MTPD 24 hours',
        '✗ RTO 2 days > yearly downtime at 99.5 % availability: 43.8 hours',
        '✗ RTA of the exercise of 2026-03-01: 4 days > RTO 2 days',
      ]);
      assert.match(markdown(hoverAt('type: storage|-server', { text })), /^\*\*Ausfall des Storage-Servers\*\*/);
    });
  }
  it('never throws, anywhere in texts that are not plans', () => {
    const texts = [
      '',
      'nur Text',
      '- a\n- b\n',
      'scenarios:\n  - rto: *nirgends\n',
      'scenarios: [{rto: 4h, rpo: }]\n',
      '? [a, b]\n: c\n',
      'scenarios:\n  - id: a\n    rto:\n    exercises:\n      - recovery_time: 1h\n',
      PLAN.slice(0, PLAN.length / 2),
      '\u0000\u0001binary: [\n',
    ];
    for (const text of texts) {
      const analysis = analyze(text);
      for (let offset = 0; offset <= text.length; offset++) {
        for (const locale of ['de', 'en'] as const) assert.doesNotThrow(() => hover(analysis, offset, locale), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });
  it('the RTO of a half-typed scenario still says what an RTO is', () => {
    const text = 'scenarios:\n  - id: a\n    rto: 4h\n    rpo: "\n';
    const result = hover(analyze(text), text.indexOf('4h'), 'en');
    assert.match(markdown(result), /^\*\*RTO\*\* – Recovery Time Objective/);
    assert.match(markdown(result), /`4h` = 4 hours = 240 minutes/);
  });
});

describe('nodeAtOffset', () => {
  const yaml = new YamlDocument('a:\n  - b: 1\n    c: [x, *y]\n  - d\n');
  const at = (needle: string, delta = 0) => nodeAtOffset(yaml, yaml.text.indexOf(needle) + delta);
  it('finds keys and values with their paths', () => {
    assert.deepEqual(at('b')?.path, ['a', 0, 'b']);
    assert.equal(at('b')?.kind, 'key');
    assert.deepEqual(at('1')?.path, ['a', 0, 'b']);
    assert.equal(at('1')?.kind, 'value');
    assert.deepEqual(at('x')?.path, ['a', 0, 'c', 0]);
    assert.deepEqual(at('*y')?.path, ['a', 0, 'c', 1]);
    assert.deepEqual(at('d')?.path, ['a', 1]);
  });
  it('counts the end of a word as on it, the blank after a colon as on nothing', () => {
    assert.equal(at('b', 1)?.kind, 'key');
    assert.equal(at('b', 2), undefined);
    assert.equal(at('- b'), undefined);
  });
  it('finds items of long lists by binary search', () => {
    const text = `list:\n${Array.from({ length: 1000 }, (_, i) => `  - {id: i${i}, n: ${i}}`).join('\n')}\n`;
    const big = new YamlDocument(text);
    const found = nodeAtOffset(big, text.indexOf('n: 777') + 3);
    assert.deepEqual(found?.path, ['list', 777, 'n']);
  });
});
