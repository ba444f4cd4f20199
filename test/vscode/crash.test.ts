/// <reference types="mocha" />
/**
 * The server process: a crash (SIGKILL) is survived, the client starts a new server, which
 * gets the unsaved text of the open plans; `drplan.restartServer` and `drplan.showOutput` work.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  activate,
  copyPlan,
  hasCode,
  openPlan,
  replaceIn,
  revert,
  waitFor,
  waitForClientRunning,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';
import { isAlive, killServerAndAwaitRestart, serverPids, theServerPid } from './nodeHelpers';

suite('server process', () => {
  let client: LanguageClient;

  suiteSetup(async () => {
    client = await activate();
  });

  test('the commands drplan.restartServer and drplan.showOutput are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['drplan.restartServer', 'drplan.showOutput']) assert.ok(commands.includes(id), `${id} is not registered`);
  });

  test('drplan.restartServer replaces the server process and the client runs again', async () => {
    const before = await theServerPid();
    await vscode.commands.executeCommand('drplan.restartServer');
    await waitForClientRunning(client);
    const after = await theServerPid();
    assert.notEqual(after, before, 'the server process is a new one');
    await waitFor(() => !isAlive(before), `the old server process ${before} to end`);
  });

  test('drplan.showOutput shows the output channel "DR-Plan"', async () => {
    await vscode.commands.executeCommand('drplan.showOutput');
    // The output panel shows the channel as a text document of scheme `output`.
    await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /DR-Plan/.test(decodeURIComponent(d.uri.toString()))),
      () => `an output document of "DR-Plan"; open documents: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`,
    );
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('after SIGKILL of the server the client starts a new one; unsaved text survives and is checked', async function () {
    if (process.platform === 'win32') this.skip();
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'crash');
    const { document } = await openPlan(plan);
    await waitForDiagnostics(plan, (d) => d.length > 0, 'the first diagnostics');

    // An unsaved edit: scenario `netzwerk` takes 2h, the RTO becomes 1h.
    await replaceIn(document, 'rto: 4h', 'rto: 1h', 'id: netzwerk');
    await waitForDiagnostics(plan, hasCode('rto-exceeded'), 'rto-exceeded after the unsaved edit');
    const unsaved = document.getText();
    assert.ok(document.isDirty);

    const old = await killServerAndAwaitRestart(client);
    const fresh = await theServerPid();
    assert.notEqual(fresh, old);
    assert.ok(client.isRunning());

    // The editor is untouched: same unsaved text, still dirty.
    assert.equal(document.getText(), unsaved);
    assert.ok(document.isDirty);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), plan.toString());

    // The new server got the unsaved text on reopening: an edit now is checked on top of it.
    // Scenario `vm-server` relies on backup zodb-snapshot, taken every 4h: an RPO of 1h is not met.
    await replaceIn(document, 'rpo: 4h', 'rpo: 1h', 'id: vm-server');
    const after = await waitForDiagnostics(
      plan,
      (d) => hasCode('rpo-not-met')(d) && hasCode('rto-exceeded')(d),
      'rpo-not-met (the new edit) together with rto-exceeded (the unsaved edit from before the crash)',
    );
    assert.ok(after.length > 0);
    assert.deepEqual(serverPids(), [fresh]);
    await revert(plan);
  });
});
