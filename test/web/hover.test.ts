/// <reference types="mocha" />
/**
 * Hover in VS Code for the Web: the RTO of a scenario with its value and relations, through
 * `vscode.executeHoverProvider`, and the hover shown in the editor (screenshot).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { screenshot } from './bridge';
import { activate, closeAllEditors, openPlan, rangeOf, workspaceFile } from '../vscode/helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

suite('hover', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the RTO of a scenario: what it means, its value in minutes, its relations; shown in the editor', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const editor = await openPlan(plan);
    const value = rangeOf(editor.document, '4h', 'rto: 4h');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plan, value.start.translate(0, 1))) ?? [];
    const texts = hovers.map((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n\n'));
    const text = texts.find((t) => t.startsWith('**RTO**'));
    assert.ok(text, `no drplan hover on the RTO; hovers: ${JSON.stringify(texts)}`);
    if (german()) {
      assert.match(text, /`4h` = 4 Stunden = 240 Minuten/);
      assert.match(text, /- ✓ Zeit bis zur Wiederherstellung 2 Stunden ≤ RTO 4 Stunden/);
    } else {
      assert.match(text, /`4h` = 4 hours = 240 minutes/);
      assert.match(text, /- ✓ Recovery time 2 hours ≤ RTO 4 hours/);
    }
    try {
      editor.revealRange(value, vscode.TextEditorRevealType.InCenter);
      editor.selection = new vscode.Selection(value.start.translate(0, 1), value.start.translate(0, 1));
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('hover', '.monaco-hover:has-text("RTO")');
    } finally {
      await closeAllEditors();
    }
  });
});
