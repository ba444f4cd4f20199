/// <reference types="mocha" />
/**
 * The extension as a web extension: VS Code for the Web runs its `browser` entry in the
 * extension host's web worker on a virtual workspace (test-web's `vscode-test-web://mount`, the
 * launcher's copy of examples/ and test/fixtures/); opening a plan activates it and starts the
 * language client, whose server runs in a web worker too.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { screenshot } from './bridge';
import { extension, openPlan, waitFor, waitForClientRunning, waitForDiagnostics, workspaceFile, workspaceRoot } from '../vscode/helpers';

suite('web extension', () => {
  test('runs in VS Code for the Web, on a virtual workspace', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
    assert.equal(workspaceRoot().scheme, 'vscode-test-web', 'the workspace folder is not on a disk');
    const manifest = extension().packageJSON as { browser?: string; main?: string };
    assert.ok(manifest.browser, 'package.json has a `browser` entry');
  });

  test('opening a plan activates the extension; its language server answers with diagnostics', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const editor = await openPlan(plan);
    assert.equal(editor.document.languageId, 'drplan');
    const ext = extension();
    await waitFor(() => ext.isActive, 'the extension to activate after opening a plan', 30_000);
    assert.ok(ext.exports?.client, 'activate() returns { client }');
    await waitForClientRunning(ext.exports.client, 30_000);
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'the first diagnostics of the example plan', 30_000);
    assert.ok(diagnostics.every((d) => d.source === 'drplan'));
  });

  test('once active, the workbench lists it among the running extensions, in the web worker', async () => {
    await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
    try {
      await screenshot('extensions', '.runtime-extensions-editor .extension .name:has-text("drplan")');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
