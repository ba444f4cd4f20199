/// <reference types="mocha" />
/**
 * "DR-Plan: Neuen Plan anlegen" (drplan.newPlan): an untitled drplan document named
 * notfallplan.drplan.yaml in the workspace folder (notfallplan-2.drplan.yaml, … when that name is
 * taken), with every catalog scenario, which the server checks like any plan: no
 * missing-scenario, only the empty placeholders and `untested` are left.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SCENARIO_TYPES } from '../../server/src/core/catalog';
import { newPlanText } from '../../server/src/core/features/newPlan';
import { localeFrom } from '../../server/src/locale';
import { activate, codeOf, describeDiagnostics, extension, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

/** The untitled document of a new plan named `name` in the workspace folder. */
const untitledPlan = (name: string) => workspaceFile(name).with({ scheme: 'untitled' });

/** Runs the command; returns its editor once it is the active one. */
async function newPlan(): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('drplan.newPlan');
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return editor;
}

/** The text without the history's date (the day the plan was made). */
const withoutDate = (text: string) => text.replace(/\n {4}date: \d{4}-\d{2}-\d{2}\n/, '\n    date: …\n');

const isNewPlan = (uri: vscode.Uri) => uri.scheme === 'untitled' && /\/notfallplan(-\d+)?\.drplan\.yaml$/.test(uri.path);

suite('new plan command', () => {
  /** Files a test made in the workspace, deleted after it. */
  const made: vscode.Uri[] = [];

  suiteSetup(async () => {
    await activate();
  });

  teardown(async () => {
    // An untitled document would ask whether to save it; revert it instead.
    while (vscode.window.activeTextEditor?.document.uri.scheme === 'untitled') {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of made.splice(0)) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    // The next test's names depend on which are taken: the reverted plans must be gone.
    await waitFor(
      () => !vscode.workspace.textDocuments.some((d) => isNewPlan(d.uri)),
      () => `the new plans to be closed (open: ${vscode.workspace.textDocuments.filter((d) => isNewPlan(d.uri)).map((d) => d.uri.toString()).join(', ')})`,
    );
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

  test('opens the plan as an untitled notfallplan.drplan.yaml in the workspace folder, the cursor at its start', async () => {
    const editor = await newPlan();
    const { document } = editor;
    assert.equal(document.uri.toString(), untitledPlan('notfallplan.drplan.yaml').toString());
    assert.ok(document.isUntitled);
    assert.ok(document.isDirty, 'the plan is not saved yet');
    assert.equal(document.languageId, 'drplan');
    // The tab (and the Problems panel) show the name, not the first words of the text.
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'notfallplan.drplan.yaml');
    assert.equal(withoutDate(document.getText()), withoutDate(newPlanText(localeFrom(vscode.env.language), new Date())));
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [0, 0]);
    assert.ok(editor.selection.isEmpty);
    assert.equal(editor.visibleRanges[0]?.start.line, 0);
  });

  test('a name that is taken by a file or an open plan is skipped: notfallplan-2, notfallplan-3', async () => {
    const existing = workspaceFile('notfallplan.drplan.yaml');
    made.push(existing);
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('drplan: "1"\n'));
    const second = (await newPlan()).document;
    assert.equal(second.uri.toString(), untitledPlan('notfallplan-2.drplan.yaml').toString());
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'notfallplan-2.drplan.yaml');
    // notfallplan-2 is open now (unsaved, no file yet): the next plan gets the next name.
    const third = (await newPlan()).document;
    assert.equal(third.uri.toString(), untitledPlan('notfallplan-3.drplan.yaml').toString());
    assert.ok(second.getText().length > 0 && second.getText() === third.getText(), 'each plan has the whole text once');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), 'drplan: "1"\n', 'the file is untouched');
  });

  test('the new plan has every catalog scenario and checks without missing-scenario', async () => {
    const { document } = await newPlan();
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
    // The empty last restore test of the backup is an invalid-date until filled in.
    assert.deepEqual([...codes].sort(), ['invalid-date', 'invalid-duration', 'invalid-value', 'untested'], describeDiagnostics(diagnostics));
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'untested').length, SCENARIO_TYPES.length);
    for (const d of diagnostics.filter((x) => codeOf(x) !== 'untested')) {
      const line = document.lineAt(d.range.start.line).text;
      assert.match(line, /^\s*[a-z_]+:\s+#/, `${codeOf(d)} is not on an empty placeholder: ${line}`);
    }
  });

  test('filling in one scenario\'s durations takes its diagnostics away', async () => {
    const editor = await newPlan();
    const { document } = editor;
    const first = document.getText().indexOf('    recovery_time:');
    const lineOf = (needle: string) => document.positionAt(document.getText().indexOf(needle, first)).line;
    const lines = [lineOf('    recovery_time:'), lineOf('    rto:'), lineOf('    rpo:')];
    // The plan's text is inserted into an empty document: the first diagnostics may be the empty
    // document's; wait for those of the plan.
    const onLines = (d: readonly vscode.Diagnostic[]) => d.filter((x) => lines.includes(x.range.start.line));
    await waitForDiagnostics(document.uri, (d) => onLines(d).length > 0, 'the diagnostics of the empty durations');
    const before = onLines(vscode.languages.getDiagnostics(document.uri));
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

  test('saving the plan writes it under its name in the workspace folder, without a dialog', async () => {
    const { document } = await newPlan();
    const target = workspaceFile('notfallplan.drplan.yaml');
    made.push(target);
    assert.equal(document.uri.toString(), untitledPlan('notfallplan.drplan.yaml').toString());
    const text = document.getText();
    // VS Code saves an untitled document with an associated path straight there.
    assert.ok(await document.save(), 'VS Code saved the plan');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), text);
    // Saved through the API, the untitled document closes and the file opens as a document (Ctrl+S
    // in the editor shows it in the same tab: test/e2e/newPlan.e2e.mjs).
    const saved = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()), 'the saved plan among the open documents');
    assert.ok(document.isClosed, 'the untitled plan is closed');
    assert.equal(saved.languageId, 'drplan');
    assert.ok(!saved.isDirty);
  });
});
