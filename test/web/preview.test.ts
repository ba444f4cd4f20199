/// <reference types="mocha" />
/**
 * The preview in VS Code for the Web: it opens beside the plan in a webview (whose service worker
 * needs the browser to allow third-party cookies) and the page confirms what it shows through
 * the extension's API (onDidRender), as in test/vscode/preview.test.ts; an edit shows in it.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { screenshot } from './bridge';
import { activate, closeAllEditors, copyPlan, openPlan, previewApi, rendered, replaceIn, revert, workspaceFile } from '../vscode/helpers';

suite('preview', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('opens beside the plan and renders it; an edit shows in it', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'web-preview');
    const editor = await openPlan(plan);
    try {
      const shown = rendered(plan, editor.document.version, () => true, 40_000);
      await vscode.commands.executeCommand('drplan.openPreviewToSide');
      const event = await shown;
      assert.equal(event.title, 'Notfallplan Plone-Intranet');
      assert.ok(event.blocks > 100, `${event.blocks} blocks with source lines`);
      assert.ok(event.chapters.includes('1 Lenkung des Dokuments'), event.chapters.join(' | '));
      const panels = previewApi().panels();
      assert.equal(panels.length, 1);
      assert.equal(panels[0]?.viewColumn, vscode.ViewColumn.Two, 'beside the editor');

      await replaceIn(editor.document, 'title: Notfallplan Plone-Intranet', 'title: Notfallplan Plone-Intranet (Web)');
      await rendered(plan, editor.document.version, (e) => e.title === 'Notfallplan Plone-Intranet (Web)', 20_000);
      await screenshot('preview', 'iframe.webview.ready');
    } finally {
      await revert(plan);
      await closeAllEditors();
    }
  });
});
