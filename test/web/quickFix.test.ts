/// <reference types="mocha" />
/**
 * A quick fix in VS Code for the Web, as the light bulb offers it: the golden pair
 * test/fixtures/fixes/invalid-duration (`30m` becomes `30 min`) through
 * `vscode.executeCodeActionProvider`, applied with `vscode.workspace.applyEdit`; the diagnostic
 * goes and the text is the golden file's, byte for byte.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, codeOf, copyPlan, hasCode, lacksCode, openPlan, revert, waitForDiagnostics, workspaceFile } from '../vscode/helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

suite('quick fix', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the light bulb of an invalid duration repairs it; the diagnostic goes', async () => {
    const fixes = workspaceFile('fixtures', 'fixes');
    const uri = await copyPlan(vscode.Uri.joinPath(fixes, 'invalid-duration.input.drplan.yaml'), 'web-fix');
    const expected = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixes, 'invalid-duration.expected.drplan.yaml')));
    const { document } = await openPlan(uri);
    try {
      const diagnostic = (await waitForDiagnostics(uri, hasCode('invalid-duration'), 'invalid-duration')).find((d) => codeOf(d) === 'invalid-duration') as vscode.Diagnostic;
      const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const title = german() ? 'Durch „30 min“ ersetzen' : "Replace with '30 min'";
      const action = all.find((a): a is vscode.CodeAction => 'edit' in a && a.title === title);
      assert.ok(action?.edit, `no action "${title}"; offered: ${JSON.stringify(all.map((a) => a.title))}`);
      assert.equal(action.isPreferred, true, 'the preferred fix');
      assert.ok(await vscode.workspace.applyEdit(action.edit), 'VS Code applied the edit');
      await waitForDiagnostics(uri, lacksCode('invalid-duration'), 'invalid-duration to go after the fix');
      assert.equal(document.getText(), expected);
    } finally {
      await revert(uri);
    }
  });
});
