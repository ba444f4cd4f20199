/// <reference types="mocha" />
/**
 * Activation: the extension activates when a plan is opened (its only activation event is the
 * language `drplan`, which VS Code derives from `contributes.languages`), and both file endings
 * are plans. Runs first (index.ts), while nothing has activated the extension yet.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  copyPlan,
  drplanDiagnostics,
  extension,
  openPlan,
  waitFor,
  waitForClientRunning,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

suite('activation', () => {
  const example = () => workspaceFile('examples', 'plone-intranet.drplan.yaml');

  test('the extension is not active before a plan is opened', () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'something activated the extension before any plan was opened');
  });

  test('opening a .drplan.yaml file activates it and starts the language client', async () => {
    const ext = extension();
    const plan = await copyPlan(example(), 'activation');
    const editor = await openPlan(plan);
    assert.equal(editor.document.languageId, 'drplan');
    await waitFor(() => ext.isActive, 'the extension to activate after opening a .drplan.yaml file');
    const api = ext.exports;
    assert.ok(api?.client, 'activate() returns { client }');
    await waitForClientRunning(api.client);
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'the first diagnostics of the opened plan');
    assert.ok(diagnostics.every((d) => d.source === 'drplan'));
  });

  test('a .drplan.yml file is a drplan document too, and the server checks it', async () => {
    const plan = await copyPlan(example(), 'activation-yml', '.drplan.yml');
    assert.ok(plan.path.endsWith('.drplan.yml'));
    const editor = await openPlan(plan);
    assert.equal(editor.document.languageId, 'drplan');
    assert.equal(extension().isActive, true);
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'diagnostics for the .drplan.yml file');
    assert.deepEqual(
      diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => d.message),
      [],
      'the example plan as .drplan.yml has no errors or warnings',
    );
    assert.equal(drplanDiagnostics(plan).length, diagnostics.length);
  });

  test('a plain .yaml file is not a drplan document', async () => {
    const uri = workspaceFile('scratch', 'not-a-plan.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('drplan: "1"\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.notEqual(document.languageId, 'drplan');
  });
});
