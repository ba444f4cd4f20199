/// <reference types="mocha" />
/**
 * Diagnostics inside VS Code: the example plan is clean, every fixture of test/fixtures/codes
 * gives the codes at the ranges its caret comments mark (the same results as the core and the
 * server over stdio), and edits through the VS Code API are checked as they happen.
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readMarkers, showRange as showLspRange } from '../support/markers';
import {
  activate,
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
} from './helpers';
import { plansIn } from './nodeHelpers';

suite('diagnostics', () => {
  let client: LanguageClient;

  suiteSetup(async () => {
    client = await activate();
    // The fixtures are written for one day (review and restore-test dates). The extension passes
    // no date, so the server would check as of today; like test/lsp, pin the day through the
    // server's `initializationOptions.today` and restart it.
    const options = client.clientOptions.initializationOptions as { today?: string };
    options.today = FIXTURE_TODAY;
    await vscode.commands.executeCommand('drplan.restartServer');
    await waitForClientRunning(client);
  });

  test('the example plan has no errors or warnings, only `untested` information', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const editor = await openPlan(plan);
    assert.equal(editor.document.languageId, 'drplan');
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'the diagnostics of the example plan');
    const serious = diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Information);
    assert.equal(serious.length, 0, `errors or warnings: ${describeDiagnostics(serious)}`);
    assert.deepEqual([...new Set(diagnostics.map(codeOf))], ['untested']);
  });

  suite('every fixture gives its codes at the marked ranges', () => {
    for (const uri of plansIn('fixtures', 'codes')) {
      test(basename(uri.fsPath), async () => {
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.languageId, 'drplan');
        const { expected, ignored } = readMarkers(document.getText());
        assert.ok(expected.length > 0, 'a fixture marks at least one diagnostic');
        // The server publishes one complete set per document version: the first non-empty one is it.
        const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0, 'the diagnostics of the fixture');
        const actual = diagnostics
          .filter((d) => !ignored.has(codeOf(d)))
          .map((d) => `${codeOf(d)} ${showRange(d.range)}`)
          .sort();
        const wanted = expected.map((e) => `${e.code} ${showLspRange(e.range)}`).sort();
        assert.deepEqual(actual, wanted);
      });
    }
  });

  test('an edit through the VS Code API brings a diagnostic, fixing it takes it away', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'edit');
    const { document } = await openPlan(plan);
    await waitForDiagnostics(plan, (d) => d.length > 0, 'the first diagnostics');
    assert.ok(lacksCode('rto-exceeded')(vscode.languages.getDiagnostics(plan)));

    // Scenario `netzwerk`: recovery_time 2h; an RTO of 1h is exceeded.
    await replaceIn(document, 'rto: 4h', 'rto: 1h', 'id: netzwerk');
    assert.ok(document.isDirty);
    const withError = await waitForDiagnostics(plan, hasCode('rto-exceeded'), 'rto-exceeded after lowering the RTO');
    const error = withError.find((d) => codeOf(d) === 'rto-exceeded') as vscode.Diagnostic;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    const recoveryTime = rangeOf(document, '2h', 'id: netzwerk');
    assert.equal(showRange(error.range), showRange(recoveryTime), 'rto-exceeded marks the recovery time');

    await replaceIn(document, 'rto: 1h', 'rto: 4h', 'id: netzwerk');
    const fixed = await waitForDiagnostics(plan, lacksCode('rto-exceeded'), 'rto-exceeded to go after restoring the RTO');
    assert.deepEqual([...new Set(fixed.map(codeOf))], ['untested']);
    await revert(plan);
    assert.equal(document.isDirty, false);
  });
});
