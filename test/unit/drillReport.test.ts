/**
 * The drill report (Übungsprotokoll, server/src/core/render/drillReport.ts): who ran which
 * scenario when, each step planned against measured, skipped steps with why, RTA against RTO
 * and RPA against RPO with a verdict in words, the result; as a PDF through the plan document's
 * machinery, read back with poppler.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import type { DrillReportInput, DrillScenario } from '../../server/src/core/drill/record';
import { drillPlan } from '../../server/src/core/drill/scenarios';
import { drillReportDocument } from '../../server/src/core/render/drillReport';
import { toPdf } from '../../server/src/core/render/pdf';
import { plainText, type Block, type Fields, type Table } from '../../server/src/core/render/tree';
import { EXAMPLES, TODAY, read } from '../support/fixtures';

const folder = mkdtempSync(join(tmpdir(), 'drplan-drill-report-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const plan = drillPlan(analyze(read(join(EXAMPLES, 'plone-intranet.drplan.yaml'))), 'de');
const storage = plan.scenarios.find((scenario) => scenario.id === 'storage') as DrillScenario;

const INPUT: DrillReportInput = {
  plan: { title: plan.title, organisation: 'Stadtwerke Musterstadt' },
  scenario: storage,
  conductedBy: 'Erika Mustermann',
  record: {
    started: '2026-11-29T22:40:00+01:00',
    recoverySeconds: 8 * 3600 + 20 * 60,
    dataLoss: '5h',
    kind: 'full-recovery',
    result: 'failed',
    notes: 'Ersatz-Pool fehlte.\n\nNachbestellt, Übung im Januar wiederholen.',
    steps: [
      { step: storage.steps[0]?.text ?? '', seconds: 2 * 3600 + 30 * 60, note: 'Pool erst nach Anruf' },
      { step: storage.steps[1]?.text ?? '', seconds: 5 * 3600 + 50 * 60 },
      { step: storage.steps[2]?.text ?? '', skipped: true, note: 'am nächsten Morgen' },
    ],
  },
};

function blocksOf(input: DrillReportInput): Block[] {
  const [section] = drillReportDocument(input, TODAY).blocks;
  assert.ok(section?.kind === 'section');
  return [...section.children];
}

const fieldsOf = (blocks: Block[]) => Object.fromEntries((blocks.find((block) => block.kind === 'fields') as Fields).items.map((item) => [item.label, plainText(item.value)]));
const tables = (blocks: Block[]) => blocks.filter((block): block is Table => block.kind === 'table');
const rowsOf = (table: Table | undefined) => (table?.rows ?? []).map((row) => (row.kind === 'row' ? row.cells.map(plainText) : [row.text]));

describe('drill report (Übungsprotokoll)', () => {
  it('names the plan, the scenario, the kind, the day, the times, who ran it and the result', () => {
    assert.deepEqual(fieldsOf(blocksOf(INPUT)), {
      Plan: 'Notfallplan Plone-Intranet · Stadtwerke Musterstadt',
      Szenario: 'Ausfall des Storage-Servers (storage)',
      'Art der Übung': 'Vollübung',
      Datum: '29.11.2026',
      Beginn: '22:40 Uhr',
      // Past midnight: the day of the end too.
      'Ende der Wiederherstellung': '30.11.2026, 07:00 Uhr',
      'Durchgeführt von': 'Erika Mustermann',
      Ergebnis: 'nicht bestanden',
    });
    const noOne = fieldsOf(blocksOf({ ...INPUT, conductedBy: undefined }));
    assert.equal(noOne['Durchgeführt von'], 'nicht angegeben');
  });

  it('lists each step planned against measured, who is responsible, the skipped one with why', () => {
    const [steps] = tables(blocksOf(INPUT));
    assert.deepEqual(steps?.columns.map((column) => column.title), ['Nr.', 'Schritt', 'Verantwortlich', 'geplant', 'gemessen', 'Anmerkung']);
    assert.deepEqual(rowsOf(steps), [
      ['1.', 'Storage tauschen oder Ersatz-Pool bereitstellen', 'Hosting Partner AG, Leitstand', '2 Stunden', '2,5 Stunden', 'Pool erst nach Anruf'],
      ['2.', 'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen', 'Erika Mustermann', '3 Stunden', '350 Minuten', '—'],
      ['3.', 'Konsistenz der ZODB prüfen (fsrefs)', '—', '1 Stunde', 'übersprungen', 'am nächsten Morgen'],
    ]);
  });

  it('weighs RTA against the RTO and RPA against the RPO, in words beside the mark', () => {
    const [, measured] = tables(blocksOf(INPUT));
    assert.deepEqual(rowsOf(measured), [
      ['Wiederherstellungszeit (RTA)', '500 Minuten', 'geplant 6 Stunden, RTO 8 Stunden', '✗RTO überschritten'],
      ['Datenverlust (RPA)', '5 Stunden', 'RPO 4 Stunden', '✗RPO überschritten'],
    ]);
    const within = blocksOf({ ...INPUT, record: { ...INPUT.record, recoverySeconds: 6 * 3600, dataLoss: '0' } });
    assert.deepEqual(rowsOf(tables(within)[1]), [
      ['Wiederherstellungszeit (RTA)', '6 Stunden', 'geplant 6 Stunden, RTO 8 Stunden', '✓RTO eingehalten'],
      ['Datenverlust (RPA)', 'kein Datenverlust', 'RPO 4 Stunden', '✓RPO eingehalten'],
    ]);
    const unknown = blocksOf({ ...INPUT, record: { ...INPUT.record, dataLoss: undefined } });
    assert.deepEqual(rowsOf(tables(unknown)[1])[1], ['Datenverlust (RPA)', 'nicht festgestellt', 'RPO 4 Stunden', '—']);
  });

  it('keeps the notes as paragraphs', () => {
    const blocks = blocksOf(INPUT);
    const notes = blocks.slice(blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Anmerkungen') + 1);
    assert.deepEqual(notes.slice(0, 2).map((block) => (block.kind === 'paragraph' ? plainText(block.content) : '')), ['Ersatz-Pool fehlte.', 'Nachbestellt, Übung im Januar wiederholen.']);
  });

  it('is a PDF of one page, titled, in German, with every line of it', async () => {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, await toPdf(drillReportDocument(INPUT, TODAY)));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Title: +Übungsprotokoll: Ausfall des Storage-Servers$/m);
    assert.match(info, /^Pages: +1$/m);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Übungsprotokoll', 'Erika Mustermann', 'übersprungen', 'am nächsten Morgen', 'RTO überschritten', 'RPO überschritten', 'nicht bestanden']) {
      assert.ok(text.includes(expected), `${expected} is in the PDF`);
    }
  });
});
