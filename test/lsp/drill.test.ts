/**
 * The drill requests of the built server over stdio (server/src/drillProtocol.ts): the
 * scenarios of the open document's current version, the edits that record a drill in its
 * scenario (for that version, the scenario found by id), the reason in the client's language
 * when they cannot be made, what is not a drill refused, and the drill report as a PDF.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DrillPlanResult, DrillReportPdfResult, ExerciseEditResult, ExerciseRecord } from '../../server/src/drillProtocol';
import { EXAMPLES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { germanAndEnglishServers, type LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const URI = pathToFileURL(join(EXAMPLES, 'plone-intranet.drplan.yaml')).href;

const RECORD: ExerciseRecord = {
  started: '2026-11-29T09:12:00+01:00',
  recoverySeconds: 3600 + 5,
  kind: 'functional-test',
  result: 'passed',
  steps: [
    { step: 'Defekten Switch identifizieren und aus dem Stack nehmen', seconds: 900 },
    { step: 'Ersatz-Switch einsetzen und Konfiguration aus Git einspielen', seconds: 2705 },
  ],
};

describe('drill requests over stdio (drplan/drillPlan, drplan/exerciseEdit, drplan/drillReportPdf)', () => {
  let de: LspClient;
  let en: LspClient;
  before(async () => {
    [de, en] = await germanAndEnglishServers(SERVER, { today: TODAY_ISO });
    await de.open(URI, EXAMPLE);
    await en.open(URI, EXAMPLE);
  });
  after(async () => {
    await de.stop();
    await en.stop();
  });

  it('answers the scenarios of the version it has, with durations in the client\'s words', async () => {
    const answer = await en.connection.sendRequest<DrillPlanResult>('drplan/drillPlan', { textDocument: { uri: URI } });
    assert.equal(answer.version, 1);
    assert.deepEqual(answer.plan.scenarios.map((scenario) => scenario.id).slice(0, 3), ['netzwerk', 'vm-server', 'storage']);
    assert.equal(answer.plan.scenarios[0]?.rto?.words, '4 hours');
    const german = await de.connection.sendRequest<DrillPlanResult>('drplan/drillPlan', { textDocument: { uri: URI } });
    assert.equal(german.plan.scenarios[0]?.rto?.words, '4 Stunden');
    assert.equal(await en.connection.sendRequest('drplan/drillPlan', { textDocument: { uri: 'file:///nicht/offen.drplan.yaml' } }), null);
  });

  it('answers the edits for the document\'s current version, which record the drill in its scenario', async () => {
    const answer = await en.connection.sendRequest<ExerciseEditResult>('drplan/exerciseEdit', { textDocument: { uri: URI }, scenario: 'netzwerk', exercise: RECORD });
    assert.equal(answer.version, 1);
    const document = TextDocument.create(URI, 'drplan', 1, EXAMPLE);
    const text = TextDocument.applyEdits(document, [...answer.edits]);
    assert.ok(
      text.includes(
        [
          '        result: passed',
          '      - date: 2026-11-29',
          '        started: 2026-11-29T09:12:00+01:00',
          '        kind: functional-test',
          '        recovery_time: 1h',
          '        result: passed',
          '        steps:',
          '          - step: Defekten Switch identifizieren und aus dem Stack nehmen',
          '            duration: 15 min',
          '          - step: Ersatz-Switch einsetzen und Konfiguration aus Git einspielen',
          '            duration: 45 min',
          '',
          '  - id: vm-server',
        ].join('\n'),
      ),
      text.slice(text.indexOf('- id: netzwerk'), text.indexOf('- id: vm-server') + 20),
    );
  });

  it('says why in the client\'s language when the entry cannot be written, and refuses what is no drill', async () => {
    const params = { textDocument: { uri: URI }, scenario: 'speicher', exercise: RECORD };
    await assert.rejects(de.connection.sendRequest('drplan/exerciseEdit', params), /Das Szenario mit der id „speicher“ steht nicht mehr im Plan/);
    await assert.rejects(en.connection.sendRequest('drplan/exerciseEdit', params), /no longer has a scenario with the id 'speicher'/);
    await assert.rejects(en.connection.sendRequest('drplan/exerciseEdit', { ...params, scenario: 'netzwerk', exercise: { ...RECORD, kind: 'plan-review' } }), /The drill is incomplete or invalid/);
    await assert.rejects(en.connection.sendRequest('drplan/exerciseEdit', { ...params, scenario: 7 }), /The drill is incomplete or invalid/);
    assert.equal(await en.connection.sendRequest('drplan/exerciseEdit', { ...params, scenario: 'netzwerk', textDocument: { uri: 'file:///nicht/offen.drplan.yaml' } }), null);
  });

  it('makes the drill report as a PDF, without an open document', async () => {
    const { plan } = await en.connection.sendRequest<DrillPlanResult>('drplan/drillPlan', { textDocument: { uri: URI } });
    const scenario = plan.scenarios.find((candidate) => candidate.id === 'netzwerk');
    const result = await en.connection.sendRequest<DrillReportPdfResult>('drplan/drillReportPdf', { plan: { title: plan.title }, scenario, record: RECORD, conductedBy: 'Max Muster' });
    assert.equal(Buffer.from(result.data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
    await assert.rejects(en.connection.sendRequest('drplan/drillReportPdf', { plan: { title: 'P' }, scenario, record: { ...RECORD, started: 'gestern' } }), /The drill is incomplete or invalid/);
  });
});
