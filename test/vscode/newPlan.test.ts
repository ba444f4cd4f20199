/// <reference types="mocha" />
/**
 * "DR-Plan: Neuen Plan anlegen" (drplan.newPlan): an untitled drplan document with every catalog
 * scenario, which the server checks like any plan: no missing-scenario, only the empty
 * placeholders and `untested` are left.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SCENARIO_TYPES } from '../../server/src/core/catalog';
import { activate, codeOf, describeDiagnostics, extension, waitForDiagnostics } from './helpers';

suite('new plan command', () => {
  suiteSetup(async () => {
    await activate();
  });

  teardown(async () => {
    // An untitled document would ask whether to save it; revert it instead.
    while (vscode.window.activeTextEditor?.document.uri.scheme === 'untitled') {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('drplan.newPlan is registered and titled in VS Code\'s display language', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('drplan.newPlan'));
    // VS Code hands the extension its package.json with the %keys% already translated.
    const contributed = (extension().packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } })
      .contributes.commands.find((c) => c.command === 'drplan.newPlan');
    const german = vscode.env.language.toLowerCase().startsWith('de');
    assert.equal(`${contributed?.category}: ${contributed?.title}`, german ? 'DR-Plan: Neuen Plan anlegen' : 'DR Plan: New Plan');
  });

  test('opens an untitled drplan plan with every catalog scenario, which checks without missing-scenario', async () => {
    await vscode.commands.executeCommand('drplan.newPlan');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    const { document } = editor;
    assert.equal(document.languageId, 'drplan');
    assert.equal(document.uri.scheme, 'untitled');
    const text = document.getText();
    for (const type of SCENARIO_TYPES) {
      assert.ok(text.includes(`    type: ${type.id}\n`), `no scenario of type ${type.id}`);
    }
    // VS Code's display language picks the comments' language (code-server: English by default).
    const german = vscode.env.language.toLowerCase().startsWith('de');
    assert.match(text, german ? /# Leere Werte ausfüllen/ : /# Fill in the empty values/);

    // The check of a fresh plan is its to-do list: the empty values, and no exercise yet.
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'untested'), 'the diagnostics of the new plan');
    assert.deepEqual(diagnostics.filter((d) => codeOf(d) === 'missing-scenario'), []);
    const codes = new Set(diagnostics.map(codeOf));
    assert.deepEqual([...codes].sort(), ['invalid-duration', 'invalid-value', 'untested'], describeDiagnostics(diagnostics));
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'untested').length, SCENARIO_TYPES.length);
    for (const d of diagnostics.filter((x) => codeOf(x) !== 'untested')) {
      const line = document.lineAt(d.range.start.line).text;
      assert.match(line, /^\s*[a-z_]+:\s+#/, `${codeOf(d)} is not on an empty placeholder: ${line}`);
    }
  });

  test('filling in one scenario\'s durations takes its diagnostics away', async () => {
    await vscode.commands.executeCommand('drplan.newPlan');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const { document } = editor;
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the first diagnostics');
    const first = document.getText().indexOf('    recovery_time:');
    const lineOf = (needle: string) => document.positionAt(document.getText().indexOf(needle, first)).line;
    const lines = [lineOf('    recovery_time:'), lineOf('    rto:'), lineOf('    rpo:')];
    const before = vscode.languages.getDiagnostics(document.uri).filter((d) => lines.includes(d.range.start.line));
    assert.equal(before.length, 3, describeDiagnostics(before));
    const filled = await editor.edit((edit) => {
      for (const [i, value] of [['recovery_time', '4h'], ['rto', '8h'], ['rpo', '4h']].entries()) {
        const line = document.lineAt(lines[i] as number);
        edit.replace(line.range, `    ${value[0]}: ${value[1]}`);
      }
    });
    assert.ok(filled);
    await waitForDiagnostics(
      document.uri,
      (d) => d.length > 0 && !d.some((x) => lines.includes(x.range.start.line)),
      'the filled-in durations to be accepted',
    );
  });
});
