/// <reference types="mocha" />
/**
 * The preview survives a crash of the server: with a plan open in the editor (unsaved edits)
 * and in the preview, the server process is killed (SIGKILL); the client starts a new one, and
 * the preview shows the next version, built by the new server from the unsaved text. The editor
 * is untouched meanwhile. (crash.test.ts covers the same for the diagnostics.)
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activate, closeAllEditors, copyPlan, openPlan, previewApi, rendered, replaceIn, revert, workspaceFile } from './helpers';
import { killServerAndAwaitRestart, theServerPid } from './nodeHelpers';

suite('preview after a server crash', () => {
  let client: LanguageClient;
  const touched: vscode.Uri[] = [];

  suiteSetup(async () => {
    client = await activate();
  });

  teardown(async () => {
    await revert(...touched.splice(0));
    await closeAllEditors();
  });

  test('after SIGKILL of the server the preview shows the next version, from the unsaved text', async function () {
    if (process.platform === 'win32') this.skip();
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'preview-crash');
    touched.push(plan);
    const { document } = await openPlan(plan);
    const first = rendered(plan, document.version, () => true, 30_000, 'the first preview');
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    await first;

    // An unsaved edit, shown by the preview of the server that is about to die.
    await replaceIn(document, 'title: Notfallplan Plone-Intranet', 'title: Notfallplan Plone-Intranet (Entwurf Mai)');
    await rendered(plan, document.version, (e) => e.title === 'Notfallplan Plone-Intranet (Entwurf Mai)', 30_000, 'the unsaved title in the preview');
    const unsaved = document.getText();

    const old = await killServerAndAwaitRestart(client);
    assert.notEqual(await theServerPid(), old);

    // The editor is untouched and the preview is still open.
    assert.equal(document.getText(), unsaved);
    assert.ok(document.isDirty);
    assert.equal(previewApi().panels().length, 1, 'the preview is still open');

    // The next keystroke: the new server renders the unsaved text plus the new edit.
    await replaceIn(document, '(Entwurf Mai)', '(Entwurf Juni)');
    const after = await rendered(
      plan,
      document.version,
      (e) => e.title === 'Notfallplan Plone-Intranet (Entwurf Juni)',
      30_000,
      'the preview to show the edit after the restart',
    );
    assert.equal(after.version, document.version);
    assert.ok(after.blocks > 100, `${after.blocks} blocks: the whole plan, not an error page`);
  });
});
