import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../../server/src/core';
import { hover } from '../../server/src/core/features/hover';
import type { Locale } from '../../server/src/core/types';
import { withCursor } from '../support/cursor';
import { TODAY } from '../support/fixtures';
import { HEAD } from '../support/rulePlans';

/** Hover on backups and components: where a backup lies and what it survives; where a component stands and what needs it. */

const PLAN = `${HEAD}components:
  - { id: rz, kind: site, name: Rechenzentrum }
  - { id: rack-a, kind: server-rack, in: rz }
  - { id: rack-b, kind: server-rack, in: rz }
  - { id: storage, kind: storage-server, name: Storage-Server, in: rack-a, redundancy: RAID 6 }
  - { id: vm-host, kind: vm-host, in: rack-a }
  - { id: zeo, kind: zeo-server, depends_on: [storage, vm-host] }
  - { id: lb, kind: load-balancer, depends_on: [zeo] }
  - { id: backup-server, kind: backup-storage, name: Backup-Server, in: rack-b }
backups:
  - { id: snap, what: ZODB, method: volume-snapshot, interval: 4h, stored_on: storage, last_restore_test: 2026-10-01 }
  - { id: kopie, what: ZODB, method: file-copy, interval: 4h, stored_on: backup-server, last_restore_test: 2026-10-01 }
  - { id: galera, what: Datenbank, method: replication, interval: 0, stored_on: backup-server, last_restore_test: 2026-10-01 }
scenarios:
  - { id: storage, category: hardware, type: storage-server, affects: [storage], backup: kopie, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 4h }
  - { id: rack, category: hardware, type: server-rack, affects: [rack-a], backup: kopie, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 4h }
  - { id: strom, category: force-majeure, type: power-outage, affects: [rz], prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 0 }
  - { id: geloescht, category: operator, type: deleted-data, backup: galera, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 4h }
  - { id: dateien, category: operator, type: deleted-files, backup: kopie, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 4h }
`;

const analysis = analyze(PLAN, { today: TODAY });

/** The markdown of the hover at the `|` put into the first `needle` after `after`, in `plan`. */
function hoverIn(plan: string, planAnalysis: Analysis, needle: string, after: string, locale: Locale): string {
  const from = plan.indexOf(after);
  assert.ok(from >= 0, after);
  const at = plan.indexOf(needle.replace('|', ''), from);
  assert.ok(at >= 0, needle);
  const { offset } = withCursor(plan.slice(0, at) + needle + plan.slice(at + needle.length - 1));
  const result: Hover | null = hover(planAnalysis, offset, locale);
  return (result?.contents as MarkupContent | undefined)?.value ?? '';
}

const hoverAt = (needle: string, after: string, locale: Locale = 'de') => hoverIn(PLAN, analysis, needle, after, locale);

describe('hover on a backup', () => {
  it('says where it lies, and which scenarios it survives and which not (on its id: then what the key means)', () => {
    assert.equal(
      hoverAt('sn|ap', 'backups:'),
      [
        '**Datensicherung `snap`**',
        '',
        '- Was: ZODB',
        '- Verfahren: Snapshot des Volume Managers (`volume-snapshot`)',
        '- Intervall: 4 Stunden',
        '- Gespeichert auf: `storage` (Storage-Server) → `rack-a` → `rz`',
        '- Letzter Wiederherstellungstest: 01.10.2026',
        '',
        '✗ Übersteht nicht:',
        '- Ausfall des Storage-Servers (`storage`): lässt `storage` ausfallen, auf dem die Sicherung liegt',
        '- Ausfall des Server-Racks (`rack`): lässt `rack-a` ausfallen, in dem die Sicherung liegt (`storage` → `rack-a`)',
        '- Stromausfall (`strom`): lässt `rz` ausfallen, in dem die Sicherung liegt (`storage` → `rack-a` → `rz`)',
        '',
        '**Kennung** · `id`',
        '',
        'Kennung der Datensicherung, auf die `backup` eines Szenarios verweist.',
      ].join('\n'),
    );
  });

  it('on a reference and on its own id alike, in English too', () => {
    const onReference = hoverAt('ko|pie', 'backup: ', 'en');
    assert.match(onReference, /^\*\*Backup `kopie`\*\*\n/);
    assert.match(onReference, /\n- Stored on: `backup-server` \(Backup-Server\) → `rack-b` → `rz`\n/);
    assert.match(onReference, /\n✓ Survives: Failure of the storage server \(`storage`\), Failure of the server rack \(`rack`\), Accidental deletion of files \(`dateien`\)\n/);
    assert.match(onReference, /\n✗ Does not survive:\n- Power outage \(`strom`\): takes down `rz`, which holds the backup \(`backup-server` → `rack-b` → `rz`\)$/);
    const onId = hoverAt('ko|pie', '- { id: ');
    assert.match(onId, /^\*\*Datensicherung `kopie`\*\*\n/);
    assert.match(onId, /\n\*\*Kennung\*\* · `id`\n\nKennung der Datensicherung/);
  });

  it('a replication does not survive the deletion it copies (the finding there follows)', () => {
    assert.match(
      hoverAt('gal|era', 'backup: '),
      /\n✗ Übersteht nicht:\n- Stromausfall \(`strom`\): [^\n]*\n- Versehentliches Löschen von Verzeichnissen\/Datenbanken \(`geloescht`\): eine Replikation kopiert den Fehler sofort mit\n\n⚠ „galera“ ist eine Replikation/,
    );
  });
});

describe('hover on a component', () => {
  it('says what it stands in, what it holds, what it needs and what needs it', () => {
    assert.equal(
      hoverAt('zeo|', 'depends_on: ['),
      ['**Komponente `zeo`**', '', '- Art: ZEO-Server (`zeo-server`)', '- Hängt ab von: `storage`, `vm-host`', '- Davon hängen ab: `lb`'].join('\n'),
    );
    assert.equal(
      hoverAt('stor|age', 'depends_on: ['),
      [
        '**Komponente `storage`**: Storage-Server',
        '',
        '- Art: Storage-Server (`storage-server`)',
        '- Steht in: `rack-a` → `rz`',
        '- Davon hängen ab: `zeo`, `lb`',
        '- Redundanz: RAID 6',
      ].join('\n'),
    );
    assert.match(hoverAt('rack|-a', 'in: '), /\n- Steht in: `rz`\n- Enthält: `storage`, `vm-host`$/);
    assert.match(hoverAt('r|z', '- { id: '), /^\*\*Komponente `rz`\*\*: Rechenzentrum\n\n- Art: Standort \(`site`\)\n- Enthält: `rack-a`, `rack-b`\n\n\*\*Kennung\*\*/);
  });
});

/** The emergency organisation: functions, deputies, who may declare, the levels of escalation. */
const ORGANISATION = `${HEAD}contacts:
  - id: it-leitung
    name: Erika Mustermann
    role: IT-Leitung
    function: it-lead
    phone: "+49 30 1234567-10"
    deputy: stv
  - { id: stv, name: Max Beispiel, function: it-lead }
  - { id: dsb, name: Petra Datenschutz, function: dpo, deputy: niemand }
alerting:
  declared_by: [it-leitung]
  levels:
    - id: stoerung
      name: Störung
      criteria: Einzelne Funktion gestört
      notify: [stv]
      within: 15 min
    - id: notfall
      name: Notfall
      criteria: Intranet länger als die RTO nicht verfügbar
      notify: [it-leitung, dsb, extern]
      within: 1h
scenarios:
  - { id: vm, category: hardware, type: vm-server, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 0, responsible: it-leitung, escalation: notfall }
`;

const organisation = analyze(ORGANISATION, { today: TODAY });
const organisationHover = (needle: string, after: string, locale: Locale = 'de') => hoverIn(ORGANISATION, organisation, needle, after, locale);

describe('hover on the emergency organisation', () => {
  it('a deputy: who the contact is, their function and their own deputy', () => {
    assert.equal(
      organisationHover('dep|uty: stv', 'id: it-leitung').split('\n\n')[0],
      '**Vertretung** · `deputy`',
      'the key says what it means',
    );
    assert.equal(organisationHover('st|v', 'deputy: '), ['**Kontakt `stv`**: Max Beispiel', '', '- Funktion: IT-Leitung (`it-lead`)'].join('\n'));
    assert.equal(
      organisationHover('it-lei|tung', 'declared_by: ['),
      [
        '**Kontakt `it-leitung`**: Erika Mustermann',
        '',
        '- Rolle: IT-Leitung',
        '- Funktion: IT-Leitung (`it-lead`)',
        '- Telefon: +49 30 1234567-10',
        '- Vertretung: `stv` (Max Beispiel)',
      ].join('\n'),
    );
    assert.match(organisationHover('it-lei|tung', 'declared_by: [', 'en'), /- Function: IT lead \(`it-lead`\)\n[\s\S]*- Deputy: `stv` \(Max Beispiel\)$/);
  });

  it('a level: what it means, whom it notifies by when, where it stands (on a scenario’s escalation and on its own id)', () => {
    const level = [
      '**Alarmierungsstufe `notfall`**: Notfall',
      '',
      '- Kriterien: Intranet länger als die RTO nicht verfügbar',
      '- Benachrichtigen: `it-leitung` (Erika Mustermann), `dsb` (Petra Datenschutz), `extern`',
      '- Innerhalb: 1 Stunde',
      '- Reihenfolge: Stufe 2 von 2',
    ].join('\n');
    assert.equal(organisationHover('not|fall', 'escalation: '), level);
    assert.equal(organisationHover('not|fall', '- id: notfall'), `${level}\n\n**Kennung** · \`id\`\n\nKennung der Stufe, auf die \`escalation\` eines Szenarios verweist.`);
    assert.match(organisationHover('not|fall', 'escalation: ', 'en'), /^\*\*Alert level `notfall`\*\*: Notfall\n\n- Criteria: [^\n]*\n- Notify: [^\n]*\n- Within: 1 hour\n- Order: level 2 of 2$/);
  });

  it('a contact function: its label and what it means', () => {
    assert.equal(
      organisationHover('dp|o', 'function: '),
      '**Datenschutzbeauftragte/r** · `dpo`\n\nBerät bei einer Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO) und wirkt an der Meldung an die Aufsichtsbehörde binnen 72 Stunden mit (Art. 33, 34 DSGVO).',
    );
  });

  it('an unknown deputy or level is not defined, with the finding', () => {
    assert.match(organisationHover('nie|mand', 'deputy: '), /^⚠ „niemand“ ist in „contacts“ nicht definiert\./);
  });
});
