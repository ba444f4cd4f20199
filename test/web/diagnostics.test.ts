/// <reference types="mocha" />
/**
 * Diagnostics in VS Code for the Web: the example plan has only `untested` notes; an edit brings
 * an error at the place it concerns and a screenshot shows its squiggle; and every fixture of
 * test/fixtures/codes gives its codes at the ranges its caret comments mark, as in the Node
 * extension host (test/vscode/diagnostics.test.ts) and over stdio (test/lsp/).
 */
import * as vscode from 'vscode';
import { readMarkers, showRange as showLspRange } from '../support/markers';
import * as assert from './assert';
import { screenshot } from './bridge';
import {
  activate,
  closeAllEditors,
  codeOf,
  copyPlan,
  describeDiagnostics,
  FIXTURE_TODAY,
  hasCode,
  lacksCode,
  openPlan,
  rangeOf,
  replaceIn,
  revert,
  showRange,
  waitForClientRunning,
  waitForDiagnostics,
  workspaceFile,
} from '../vscode/helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    const client = await activate();
    // The fixtures are written for one day; pin the server's `today` as test/vscode does.
    (client.clientOptions.initializationOptions as { today?: string }).today = FIXTURE_TODAY;
    await vscode.commands.executeCommand('drplan.restartServer');
    await waitForClientRunning(client, 30_000);
  });

  test('the example plan: no errors or warnings, only `untested` notes', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    await openPlan(plan);
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'the diagnostics of the example plan');
    assert.deepEqual([...new Set(diagnostics.map(codeOf))], ['untested'], describeDiagnostics(diagnostics));
  });

  test('an RTO below the recovery time: rto-exceeded on the recovery time, squiggled; undone, it goes', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'web-diagnostics');
    const editor = await openPlan(plan);
    const { document } = editor;
    try {
      await replaceIn(document, 'rto: 4h', 'rto: 1h', 'id: netzwerk');
      const withError = await waitForDiagnostics(plan, hasCode('rto-exceeded'), 'rto-exceeded after lowering the RTO');
      const error = withError.find((d) => codeOf(d) === 'rto-exceeded') as vscode.Diagnostic;
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(showRange(error.range), showRange(rangeOf(document, '2h', 'id: netzwerk')), 'rto-exceeded marks the recovery time');
      assert.match(error.message, /RTO/);

      // What a person sees: the line in view, the squiggle, the Problems panel.
      editor.revealRange(error.range, vscode.TextEditorRevealType.InCenter);
      editor.selection = new vscode.Selection(error.range.start, error.range.start);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(document, { preserveFocus: false });
      await screenshot('plan-squiggles', '.squiggly-error');

      await replaceIn(document, 'rto: 1h', 'rto: 4h', 'id: netzwerk');
      await waitForDiagnostics(plan, lacksCode('rto-exceeded'), 'rto-exceeded to go after restoring the RTO');
    } finally {
      await revert(plan);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await closeAllEditors();
    }
  });

  test('every fixture of test/fixtures/codes gives its codes at the marked ranges', async () => {
    const folder = workspaceFile('fixtures', 'codes');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => /\.drplan\.ya?ml$/.test(name)).sort();
    assert.ok(names.length >= 30, `fixtures found: ${names.join(', ')}`);
    const mismatches: string[] = [];
    for (const name of names) {
      const uri = vscode.Uri.joinPath(folder, name);
      const document = await vscode.workspace.openTextDocument(uri);
      const { expected, ignored } = readMarkers(document.getText());
      const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0, `the diagnostics of ${name}`);
      const actual = diagnostics.filter((d) => !ignored.has(codeOf(d))).map((d) => `${codeOf(d)} ${showRange(d.range)}`).sort();
      const wanted = expected.map((e) => `${e.code} ${showLspRange(e.range)}`).sort();
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) mismatches.push(`${name}: expected ${wanted.join(', ')}; got ${actual.join(', ')}`);
    }
    assert.deepEqual(mismatches, []);
  });
});
