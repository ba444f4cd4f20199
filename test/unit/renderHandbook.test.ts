import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument, toHtml } from '../../server/src/core/render';
import { TODAY } from '../support/fixtures';
import { allText, documentOf, fieldsOf, linkTargets, rowsText, section, sectionIds, sectionOrUndefined, tables, titles } from '../support/documentTree';

/**
 * The parts of a Notfallhandbuch (issue 15): Lenkung des Dokuments, Alarmierung und Eskalation,
 * Notbetrieb, Meldepflichten, the card's alerting chain and deputies, and a cover that says what
 * holds of the release.
 */

const PLAN = `drplan: "1"
plan:
  title: Notfallplan Fachverfahren
  organisation: Stadt Musterhausen
  system: Fachverfahren
  version: "2.0"
  status: approved
  owner: it
  approvals:
    - by: chef
      date: 2026-01-10
      version: "1.0"
    - by: chef
      date: 2026-03-02
      meaning: Freigabe durch die Amtsleitung
  distribution:
    - IT-Leitung (PDF)
    - Leitstand (gedruckt)
contacts:
  - id: it
    name: Anna IT
    role: IT-Leitung
    function: it-lead
    phone: "+49 1"
    deputy: it2
  - id: it2
    name: Bernd Stellvertreter
    function: it-lead
    phone: "+49 2"
  - id: chef
    name: Dr. Chef
    role: Amtsleitung
    function: management
    deputy: it
  - id: dsb
    name: Dora Datenschutz
    function: dpo
    email: dsb@example.org
  - id: dienstleister
    name: Hosting GmbH
    function: provider
    phone: "+49 3"
    availability: werktags 8-18
alerting:
  declared_by: [it, chef]
  levels:
    - id: stoerung
      name: Störung
      criteria: Eine Funktion ist gestört
      notify: [dienstleister]
      within: 15 min
    - id: notfall
      name: Notfall
      criteria: Länger als die RTO nicht verfügbar
      notify: [it, chef, dsb]
      within: 1h
scenarios:
  - id: storage
    category: hardware
    type: storage-server
    escalation: notfall
    prevention: [RAID]
    recovery: [Wiederherstellen]
    recovery_time: 4h
    rto: 8h
    rpo: 24h
    responsible: dienstleister
    emergency_operation:
      - Papierformulare
      - Telefonliste
  - id: strom
    category: force-majeure
    type: power-outage
    escalation: stoerung
    prevention: [USV]
    recovery: [Hochfahren]
    recovery_time: 1h
    rto: 4h
    rpo: 0
    responsible: it
history:
  - version: "2.0"
    date: 2026-03-01
    author: Anna IT
    changes: Neue Fassung
`;

describe('the handbook’s chapters, in a Notfallhandbuch’s order', () => {
  it('Lenkung des Dokuments, Geltungsbereich, Alarmierung, Kontakte, … the plan, Notbetrieb, Meldepflichten, … the card', () => {
    const ids = sectionIds(documentOf(PLAN));
    const order = ['kapitel-lenkung', 'kapitel-alarmierung', 'kapitel-kontakte', 'kapitel-dr-plan', 'kapitel-notbetrieb', 'kapitel-meldepflichten', 'kapitel-notfallkarte'];
    assert.deepEqual(
      ids.filter((id) => order.includes(id)),
      order,
    );
    assert.equal(ids[0], 'deckblatt');
    assert.equal(ids[2], 'kapitel-lenkung');
  });
});

describe('Lenkung des Dokuments', () => {
  const chapter = section(documentOf(PLAN), 'kapitel-lenkung');

  it('says the version, the status as it holds, the owner', () => {
    const fields = fieldsOf(chapter.children);
    assert.equal(fields.get('Version'), '2.0');
    assert.equal(fields.get('Status'), 'Freigegeben am 02.03.2026 durch Dr. Chef');
    assert.equal(fields.get('Verantwortlich für das Dokument'), 'Anna IT (IT-Leitung)');
  });

  it('lists the approvals with name, function, date, version and meaning', () => {
    const [approvals] = tables(chapter.children).filter((table) => titles(table).includes('Bedeutung'));
    assert.ok(approvals);
    assert.deepEqual(rowsText(approvals), [
      ['10.01.2026', '1.0', 'Dr. Chef', 'Leitung der Organisation', 'Freigabe'],
      ['02.03.2026', '2.0', 'Dr. Chef', 'Leitung der Organisation', 'Freigabe durch die Amtsleitung'],
    ]);
  });

  it('lists the distribution and the change history', () => {
    const said = allText(chapter.children);
    assert.match(said, /Verteiler\nIT-Leitung \(PDF\)\nLeitstand \(gedruckt\)/);
    assert.match(said, /Änderungshistorie\n2\.0 \| 01\.03\.2026 \| Anna IT \| Neue Fassung/);
  });

  it('says so where approvals or the distribution are missing', () => {
    const bare = PLAN.replace(/  approvals:[\s\S]*?(?=contacts:)/, '').replace('status: approved', 'status: draft');
    const said = allText(section(documentOf(bare), 'kapitel-lenkung').children);
    assert.match(said, /Keine Freigabe eingetragen\./);
    assert.match(said, /Kein Verteiler angegeben\./);
  });
});

describe('the cover says what holds of the release', () => {
  const status = (text: string) => fieldsOf(section(documentOf(text), 'deckblatt').children).get('Status');
  const watermark = (text: string) => documentOf(text).meta.watermark;

  it('approved with an approval of the current version: when and by whom, no ENTWURF', () => {
    assert.equal(status(PLAN), 'Freigegeben am 02.03.2026 durch Dr. Chef');
    assert.equal(watermark(PLAN), undefined);
  });

  it('changed after the approval: "seither geändert"', () => {
    const later = PLAN.replace('    date: 2026-03-01\n', '    date: 2026-04-01\n');
    assert.equal(status(later), 'Freigegeben am 02.03.2026 durch Dr. Chef, seither geändert');
  });

  it('from git: "seither geändert" after a later commit of the file or with changes not committed, not otherwise', () => {
    const fromGit = (commits: string[], uncommitted = false) =>
      fieldsOf(
        section(
          buildDocument(analyze(PLAN, { today: TODAY }), {
            today: TODAY,
            locale: 'de',
            history: {
              commits: commits.map((day, index) => ({ hash: `abc12${index}`, day, author: 'A', subject: `Commit ${index}` })),
              older: 0,
              shallow: false,
              source: commits[0] ? { hash: 'abc120', day: commits[0] } : undefined,
              uncommitted,
            },
          }),
          'deckblatt',
        ).children,
      ).get('Status');
    // The plan's own history (2026-03-01) is older than the approval; git's commits decide.
    assert.equal(fromGit(['2026-03-02', '2026-01-05']), 'Freigegeben am 02.03.2026 durch Dr. Chef');
    assert.equal(fromGit(['2026-03-03', '2026-01-05']), 'Freigegeben am 02.03.2026 durch Dr. Chef, seither geändert');
    assert.equal(fromGit(['2026-03-02'], true), 'Freigegeben am 02.03.2026 durch Dr. Chef, seither geändert');
  });

  it('approved, but no approval of the current version: a draft, never "Freigegeben"', () => {
    const unapproved = PLAN.replace('      meaning: Freigabe durch die Amtsleitung\n', '      meaning: Freigabe durch die Amtsleitung\n      version: "1.5"\n');
    assert.equal(status(unapproved), 'Entwurf: als freigegeben gekennzeichnet, doch keine Freigabe der Version 2.0 eingetragen');
    assert.equal(watermark(unapproved), 'ENTWURF');
    const cover = allText(section(documentOf(unapproved), 'deckblatt').children);
    assert.match(cover, /gilt daher als Entwurf/);
  });

  it('approved but with errors: a draft that says why', () => {
    const broken = PLAN.replace('    recovery_time: 4h\n', '    recovery_time: 12h\n');
    assert.equal(status(broken), 'Entwurf: die Prüfung hat Fehler gefunden (Freigabe am 02.03.2026 durch Dr. Chef)');
    assert.equal(watermark(broken), 'ENTWURF');
  });

  it('a draft says Entwurf; a plan without status too, and why', () => {
    assert.equal(status(PLAN.replace('status: approved', 'status: draft')), 'Entwurf');
    const none = PLAN.replace('  status: approved\n', '');
    assert.equal(status(none), 'Entwurf (kein Status angegeben)');
    assert.equal(watermark(none), 'ENTWURF');
    assert.match(allText(section(documentOf(none), 'deckblatt').children), /gibt keinen Status an und ist damit nicht freigegeben/);
  });
});

describe('Alarmierung und Eskalation', () => {
  const chapter = section(documentOf(PLAN), 'kapitel-alarmierung');
  const said = allText(chapter.children);

  it('names who may declare an emergency, with phone and deputy', () => {
    assert.match(said, /Einen Notfall ausrufen dürfen\nAnna IT: IT-Leitung, \+49 1; Vertretung: Bernd Stellvertreter, \+49 2\nDr\. Chef: Amtsleitung; Vertretung: Anna IT, \+49 1/);
  });

  it('gives the levels as a table: criteria, whom to notify with their deputies, by when', () => {
    const [levels] = tables(chapter.children);
    assert.ok(levels);
    assert.deepEqual(titles(levels), ['Stufe', 'Kriterien', 'Zu benachrichtigen', 'Frist']);
    assert.deepEqual(rowsText(levels)[0], ['1. Störung', 'Eine Funktion ist gestört', 'Hosting GmbH, +49 3', 'innerhalb von 15 Minuten']);
    assert.equal(rowsText(levels)[1]?.[2], 'Anna IT, +49 1 (Vertretung: Bernd Stellvertreter)\nDr. Chef (Vertretung: Anna IT)\nDora Datenschutz');
  });

  it('gives each scenario its starting level, beside the responsible person’s reachability and deputy', () => {
    const [, perScenario] = tables(chapter.children);
    assert.deepEqual(rowsText(perScenario), [
      ['Ausfall des Storage-Servers', 'Notfall', 'Hosting GmbH', 'werktags 8-18', 'keine Vertretung'],
      ['Stromausfall', 'Störung', 'Anna IT', '—', 'Bernd Stellvertreter'],
    ]);
  });

  it('says what the plan leaves open when it has no alerting', () => {
    const without = PLAN.replace(/alerting:[\s\S]*?(?=scenarios:)/, '');
    const open = allText(section(documentOf(without), 'kapitel-alarmierung').children);
    assert.match(open, /Der Plan legt nicht fest, wer einen Notfall ausrufen darf\./);
    assert.match(open, /Der Plan legt keine Eskalationsstufen fest\./);
  });
});

describe('Notbetrieb', () => {
  it('per scenario, beside its RTO; those without one are named', () => {
    const chapter = section(documentOf(PLAN), 'kapitel-notbetrieb');
    const [table] = tables(chapter.children);
    assert.deepEqual(rowsText(table).map((row) => [row[0], row[2]]), [['Ausfall des Storage-Servers', '• Papierformulare\n• Telefonliste']]);
    assert.match(allText(chapter.children), /Für diese Szenarien ist kein Notbetrieb beschrieben: Stromausfall\./);
    assert.ok(linkTargets(chapter.children).includes('szenario-strom'));
  });

  it('the scenario itself shows its level and its emergency operation', () => {
    const plan = section(documentOf(PLAN), 'kapitel-dr-plan');
    assert.equal(fieldsOf(plan.children).get('Eskalationsstufe') !== undefined, true);
    assert.match(allText(plan.children), /Notbetrieb\nPapierformulare\nTelefonliste/);
  });
});

describe('Meldepflichten', () => {
  const chapter = section(documentOf(PLAN), 'kapitel-meldepflichten');
  const said = allText(chapter.children);

  it('states the 72 hours of Art. 33 and the duty of Art. 34 DSGVO', () => {
    assert.match(said, /binnen 72 Stunden/);
    assert.match(said, /Art\. 33 Abs\. 1 DSGVO/);
    assert.match(said, /Art\. 34 DSGVO/);
    assert.match(said, /Art\. 4 Nr\. 12 DSGVO/);
  });

  it('names the data-protection officer and the management', () => {
    assert.match(said, /Prüft die Verletzung und bereitet die Meldung vor: Dora Datenschutz \(Datenschutzbeauftragte\/r, dsb@example\.org\)/);
    assert.match(said, /Verantwortet und unterzeichnet die Meldung: Dr\. Chef \(Amtsleitung\); Vertretung: Anna IT, \+49 1/);
  });

  it('lists the scenarios that can lose personal data, with the loss the RPO allows', () => {
    const [table] = tables(chapter.children);
    assert.deepEqual(rowsText(table).map((row) => row.slice(0, 2)), [['Ausfall des Storage-Servers', '24 Stunden']]);
    const noLoss = section(documentOf(PLAN.replace('    rpo: 24h\n', '    rpo: 0\n')), 'kapitel-meldepflichten');
    assert.equal(rowsText(tables(noLoss.children)[0])[0]?.[1], 'kein Datenverlust');
  });

  it('warns when the plan names no data-protection officer', () => {
    const without = PLAN.replace('    function: dpo\n', '');
    assert.match(allText(section(documentOf(without), 'kapitel-meldepflichten').children), /Datenschutzbeauftragte\/r fehlt/);
  });
});

describe('Kontakte und Vertretungen', () => {
  it('shows function and deputy, and what each contact answers for', () => {
    const chapter = section(documentOf(PLAN), 'kapitel-kontakte');
    const [table] = tables(chapter.children);
    assert.ok(table);
    assert.deepEqual(titles(table), ['Name', 'Rolle / Funktion', 'Telefon', 'E-Mail', 'Erreichbarkeit', 'Vertretung']);
    assert.deepEqual(rowsText(table)[0], ['Anna IT', 'IT-Leitung', '+49 1', '—', '—', 'Bernd Stellvertreter']);
    assert.deepEqual(rowsText(table)[2]?.slice(0, 2), ['Dr. Chef', 'Amtsleitung (Leitung der Organisation)']);
    const said = allText(chapter.children);
    assert.match(said, /Anna IT: Planverantwortung; darf einen Notfall ausrufen; benachrichtigt bei: Notfall; Vertretung von: Dr\. Chef/);
  });
});

describe('Notfallkarte', () => {
  const card = section(documentOf(PLAN), 'kapitel-notfallkarte');

  it('starts with whom to call to declare an emergency and the alerting chain', () => {
    const said = allText(card.children);
    assert.match(said, /Notfall ausrufen: Anna IT \+49 1 · Dr\. Chef/);
    const [chain] = tables(card.children);
    assert.deepEqual(rowsText(chain)[1], ['2. Notfall', 'Länger als die RTO nicht verfügbar', 'Anna IT +49 1\nDr. Chef\nDora Datenschutz', '1 Stunde']);
  });

  it('gives each contact’s deputy with phone, and each scenario its level', () => {
    const [, contacts, scenarios] = tables(card.children);
    assert.deepEqual(rowsText(contacts)[0], ['Anna IT', 'IT-Leitung', '+49 1', '—', 'Bernd Stellvertreter\n+49 2']);
    assert.match(rowsText(scenarios)[0]?.[0] ?? '', /Ausfall des Storage-Servers\nStufe: Notfall/);
  });

  it('has no alerting chain when the plan has no alerting', () => {
    const without = PLAN.replace(/alerting:[\s\S]*?(?=scenarios:)/, '');
    const said = allText(section(documentOf(without), 'kapitel-notfallkarte').children);
    assert.doesNotMatch(said, /Notfall ausrufen/);
  });
});

describe('the HTML', () => {
  it('carries the new chapters', () => {
    const html = toHtml(documentOf(PLAN));
    for (const title of ['Lenkung des Dokuments', 'Alarmierung und Eskalation', 'Notbetrieb', 'Meldepflichten', 'Freigaben', 'Verteiler']) assert.match(html, new RegExp(title));
    assert.equal(sectionOrUndefined(documentOf(PLAN), 'kapitel-aenderungshistorie'), undefined);
  });
});
