/// <reference types="mocha" />
/**
 * A hover shown in the editor of VS Code for the Web, as a person sees it when resting on a
 * value: the RTO's, with what it means and how it relates (the hover provider's answers are
 * checked in test/vscode/hover.test.ts, which runs here too). Its screenshot: shots/web/hover.png.
 */
import * as vscode from 'vscode';
import { screenshot } from './bridge';
import { activate, closeAllEditors, openPlan, rangeOf, workspaceFile } from '../vscode/helpers';

suite('hover in the editor', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('resting on the RTO shows its hover with the relations', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const editor = await openPlan(plan);
    try {
      const value = rangeOf(editor.document, '4h', 'rto: 4h');
      editor.revealRange(value, vscode.TextEditorRevealType.InCenter);
      editor.selection = new vscode.Selection(value.start.translate(0, 1), value.start.translate(0, 1));
      await vscode.commands.executeCommand('editor.action.showHover');
      // The launcher waits (15 s at most) for the hover widget with this text, then takes the picture.
      await screenshot('hover', '.monaco-hover:has-text("RTO"):has-text("240")');
    } finally {
      await closeAllEditors();
    }
  });
});
