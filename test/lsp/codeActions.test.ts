import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { germanAndEnglishServers, LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');

const PLAN = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1"
  owners: it   # Tippfehler
contacts:
  - id: it
    name: IT-Betrieb
scenarios:
  - id: vm
    category: hardware
    type: vm-server
    prevention: [Zweiter Host]
    recovery:
      - step: VMs umziehen
        duration: 30m
    recovery_time: 1h
    rto: 2h
`;

function codeActionsOf(client: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

function apply(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits?.length, `"${action.title}" has edits for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'drplan', 1, text), edits);
}

const ofCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1).map((d) => d.code).sort();

describe('code actions over stdio', () => {
  let german: LspClient;
  let english: LspClient;
  before(async () => {
    [german, english] = await germanAndEnglishServers(SERVER, { today: TODAY_ISO, validationDelay: 10 });
  });
  after(() => Promise.all([german.stop(), english.stop()]));

  it('fixes a diagnostic with the action offered for it; the next version no longer has it', async () => {
    const uri = 'untitled:quickfix.drplan.yaml';
    await german.open(uri, PLAN);
    const first = await german.diagnosticsOfVersion(uri, 1);
    const unknown = ofCode(first, 'unknown-field');
    assert.equal(unknown.length, 1, JSON.stringify(first));

    const actions = await codeActionsOf(german, uri, unknown, ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['In „owner“ umbenennen', 'quickfix', true]]);
    const fixed = apply(PLAN, uri, actions[0] as CodeAction);
    assert.equal(fixed, PLAN.replace('owners: it', 'owner: it'));

    await german.change(uri, 2, [{ text: fixed }]);
    const second = await german.diagnosticsOfVersion(uri, 2);
    assert.deepEqual(ofCode(second, 'unknown-field'), []);
    assert.deepEqual(errors(second), errors(first));

    // The diagnostics of version 1 stand where version 2 has other text: no fix for them.
    assert.deepEqual(await codeActionsOf(german, uri, unknown, ['quickfix']), []);
  });

  it('inserts a missing field at the mapping’s indentation', async () => {
    const uri = 'untitled:missing.drplan.yaml';
    await german.open(uri, PLAN);
    const missing = ofCode(await german.diagnosticsOfVersion(uri, 1), 'missing-field');
    const [insert] = await codeActionsOf(german, uri, missing, ['quickfix']);
    assert.equal(insert?.title, 'Pflichtfeld „rpo“ einfügen');
    const fixed = apply(PLAN, uri, insert as CodeAction);
    assert.equal(fixed, PLAN.replace('    rto: 2h\n', '    rto: 2h\n    rpo: 24h\n'));
    await german.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(ofCode(await german.diagnosticsOfVersion(uri, 2), 'missing-field'), []);
  });

  it('gives an empty document one finding, whose action inserts the skeleton of a plan', async () => {
    const uri = 'untitled:empty.drplan.yaml';
    await english.open(uri, '');
    const first = await english.diagnosticsOfVersion(uri, 1);
    assert.deepEqual(first.map((d) => [d.code, d.message]), [['missing-field', 'The file is empty. A DR plan starts with drplan: "1", plan: and scenarios:.']]);
    const actions = await codeActionsOf(english, uri, first, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['Insert the skeleton of a DR plan']);
    const fixed = apply('', uri, actions[0] as CodeAction);
    assert.match(fixed, /^drplan: "1"\nplan:\n/);
    await english.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(ofCode(await english.diagnosticsOfVersion(uri, 2), 'missing-field'), []);
  });

  it('answers source.fixAll with the unambiguous fixes, in the client’s language', async () => {
    const uri = 'untitled:fixall.drplan.yaml';
    await english.open(uri, PLAN);
    const first = await english.diagnosticsOfVersion(uri, 1);
    const actions = await codeActionsOf(english, uri, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Apply all unambiguous fixes (drplan)', 'source.fixAll.drplan']]);
    const fixed = apply(PLAN, uri, actions[0] as CodeAction);
    assert.equal(fixed, PLAN.replace('owners: it', 'owner: it').replace('duration: 30m', 'duration: 30 min'));
    await english.change(uri, 2, [{ text: fixed }]);
    const second = await english.diagnosticsOfVersion(uri, 2);
    assert.deepEqual([...ofCode(second, 'unknown-field'), ...ofCode(second, 'invalid-duration')], []);
    assert.deepEqual(errors(second), errors(first).filter((code) => code !== 'invalid-duration'));
  });

  it('offers a scenario skeleton for a missing scenario type, or to list it as not applicable', async () => {
    const uri = 'untitled:scenario.drplan.yaml';
    await english.open(uri, PLAN);
    const missing = ofCode(await english.diagnosticsOfVersion(uri, 1), 'missing-scenario');
    const storage = missing.filter((d) => (d.data as { type?: string } | undefined)?.type === 'storage-server');
    assert.equal(storage.length, 1);
    const actions = await codeActionsOf(english, uri, storage, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), [
      "Insert scenario 'Failure of the storage server'",
      'Insert all missing scenarios',
      "List 'Failure of the storage server' as not applicable",
    ]);
    // Over the wire, the last one carries its snippet in data, for a client that takes snippets.
    assert.match(JSON.stringify(actions[2]?.data), /reason: \$\{1:Begründung\}/);
    const fixed = apply(PLAN, uri, actions[0] as CodeAction);
    assert.ok(fixed.startsWith(PLAN.slice(0, -1)), 'the plan before the insertion is unchanged');
    assert.match(fixed.slice(PLAN.length - 1), /^\n {2}- id: storage-server\n {4}category: hardware\n {4}type: storage-server\n/);
    await english.change(uri, 2, [{ text: fixed }]);
    const after = await english.diagnosticsOfVersion(uri, 2);
    assert.ok(!after.some((d) => d.code === 'missing-scenario' && (d.data as { type?: string }).type === 'storage-server'));
  });

  it('reports approval-missing at the status value and no-deputy at the contact, each with its fix and the suggestions asked for', async () => {
    const uri = 'untitled:approval.drplan.yaml';
    const text = PLAN.replace('  version: "1"\n', '  version: "1"\n  status: approved\n').replace('  owners: it   # Tippfehler\n', '  owner: it\n');
    await german.open(uri, text);
    const first = await german.diagnosticsOfVersion(uri, 1);
    const approval = ofCode(first, 'approval-missing');
    const deputy = ofCode(first, 'no-deputy');
    assert.deepEqual(approval.map((d) => [d.range, d.severity]), [[{ start: { line: 6, character: 10 }, end: { line: 6, character: 18 } }, 2]]);
    assert.deepEqual(deputy.map((d) => [d.range, d.severity]), [[{ start: { line: 9, character: 4 }, end: { line: 9, character: 10 } }, 3]]);

    const [addApproval] = await codeActionsOf(german, uri, approval, ['quickfix']);
    assert.equal(addApproval?.title, 'Freigabe der Version „1“ eintragen');
    assert.deepEqual((addApproval?.data as { suggest?: boolean } | undefined)?.suggest, true);
    assert.match(JSON.stringify(addApproval?.data), /- by: \$1\\n {6}date: 2026-11-29\\n {6}version: \\"1\\"/);
    const approved = apply(text, uri, addApproval as CodeAction);
    assert.equal(approved, text.replace('  owner: it\n', '  owner: it\n  approvals:\n    - by:\n      date: 2026-11-29\n      version: "1"\n'));

    const [addDeputy] = await codeActionsOf(german, uri, deputy, ['quickfix']);
    assert.equal(addDeputy?.title, 'Vertretung für „it“ eintragen');
    assert.deepEqual(addDeputy?.data, { snippets: [{ range: addDeputy?.edit?.changes?.[uri]?.[0]?.range, snippet: '\n    deputy: $1' }], suggest: true });
    assert.equal(addDeputy?.command, undefined, 'no command a client other than VS Code would have to know');

    await german.change(uri, 2, [{ text: approved.replace('    - by:\n', '    - by: it\n').replace('    name: IT-Betrieb\n', '    name: IT-Betrieb\n    deputy: vertretung\n  - id: vertretung\n    name: Vertretung\n') }]);
    const second = await german.diagnosticsOfVersion(uri, 2);
    assert.deepEqual([...ofCode(second, 'approval-missing'), ...ofCode(second, 'no-deputy')], []);
  });
});
