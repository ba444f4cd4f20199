/// <reference types="mocha" />
/**
 * Quick fixes inside VS Code, as the light bulb and "Fix all" ask for them: through
 * `vscode.executeCodeActionProvider`, applied with `vscode.workspace.applyEdit`; the diagnostic
 * goes, and the document reads byte for byte as the golden file of test/fixtures/fixes says
 * (CRLF kept). VS Code's display language picks the titles (code-server: English by default).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, copyPlan, hasCode, lacksCode, openPlan, revert, waitForDiagnostics, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

/** The drplan code actions VS Code collects for `range` (of `kind`, when given). */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return all.filter((action): action is vscode.CodeAction => 'edit' in action || 'kind' in action);
}

async function applyAction(actions: readonly vscode.CodeAction[], titles: { de: string; en: string }): Promise<vscode.CodeAction> {
  const title = german() ? titles.de : titles.en;
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no action "${title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `VS Code refused the edit of "${title}"`);
  return action;
}

/** A scratch copy of a golden input, opened, with its first diagnostics. */
async function openCopy(name: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument; expected: string }> {
  const source = workspaceFile('fixtures', 'fixes', `${name}.input.drplan.yaml`);
  const uri = await copyPlan(source, `fix-${name}`);
  const { document } = await openPlan(uri);
  await waitForDiagnostics(uri, (d) => d.length > 0, `the diagnostics of ${name}`);
  const expected = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('fixtures', 'fixes', `${name}.expected.drplan.yaml`)));
  return { uri, document, expected };
}

/**
 * The fix of golden input `name` (whose diagnostic of that code covers `at`) applied as VS Code
 * applies it: its edit, then its command (the suggestions the server asks for after a deputy or
 * an approver left empty); the first suggestion accepted; then `check`.
 */
async function fixAndPick(
  name: string,
  at: string,
  titles: { de: string; en: string },
  check: (document: vscode.TextDocument, uri: vscode.Uri) => Promise<void>,
): Promise<void> {
  const { uri, document } = await openCopy(name);
  try {
    const diagnostic = (await waitForDiagnostics(uri, hasCode(name), name)).find((d) => codeOf(d) === name) as vscode.Diagnostic;
    assert.equal(document.getText(diagnostic.range), at);
    const actions = await actionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const title = german() ? titles.de : titles.en;
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no action "${title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    await applyAndAcceptSuggestion(document, action);
    await check(document, uri);
  } finally {
    await vscode.commands.executeCommand('leaveSnippet');
    await revert(uri);
  }
}

async function applyAndAcceptSuggestion(document: vscode.TextDocument, action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)), `VS Code refused the edit of "${action.title}"`);
  assert.equal(action.command?.command, 'editor.action.triggerSuggest', 'the fix opens the suggestions');
  const before = document.version;
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  // The widget gets its items asynchronously: accept the first as soon as there is one.
  const deadline = Date.now() + 15_000;
  while (document.version === before) {
    assert.ok(Date.now() < deadline, 'the suggest widget offered nothing to accept');
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    if (document.version === before) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

suite('code actions', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the light bulb of an invalid duration repairs it; the diagnostic goes', async () => {
    const { uri, document, expected } = await openCopy('invalid-duration');
    try {
      const diagnostic = (await waitForDiagnostics(uri, hasCode('invalid-duration'), 'invalid-duration')).find((d) => codeOf(d) === 'invalid-duration') as vscode.Diagnostic;
      const actions = await actionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const action = await applyAction(actions, { de: 'Durch „30 min“ ersetzen', en: "Replace with '30 min'" });
      assert.equal(action.isPreferred, true);
      await waitForDiagnostics(uri, lacksCode('invalid-duration'), 'invalid-duration to go after the fix');
      assert.equal(document.getText(), expected);
    } finally {
      await revert(uri);
    }
  });

  test('source.fixAll on a CRLF plan: every unambiguous fix, line endings kept', async () => {
    const { uri, document, expected } = await openCopy('fix-all-crlf');
    try {
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      await waitForDiagnostics(uri, hasCode('unknown-field'), 'unknown-field');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = await actionsAt(uri, whole, vscode.CodeActionKind.SourceFixAll.value);
      await applyAction(actions, { de: 'Alle eindeutigen Korrekturen anwenden (drplan)', en: 'Apply all unambiguous fixes (drplan)' });
      await waitForDiagnostics(
        uri,
        (d) => lacksCode('unknown-field')(d) && lacksCode('invalid-duration')(d) && lacksCode('invalid-value')(d),
        'the fixed diagnostics to go',
      );
      assert.equal(document.getText(), expected);
    } finally {
      await revert(uri);
    }
  });

  test('a missing scenario: the skeleton from the catalog goes in at the end of the list', async () => {
    const { uri, document, expected } = await openCopy('missing-scenario-one');
    const isPowerOutage = (d: vscode.Diagnostic) => codeOf(d) === 'missing-scenario' && /Stromausfall|Power outage/i.test(d.message);
    try {
      const diagnostic = (await waitForDiagnostics(uri, (d) => d.some(isPowerOutage), 'missing-scenario for the power outage')).find(isPowerOutage) as vscode.Diagnostic;
      const actions = await actionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      await applyAction(actions, { de: 'Szenario „Stromausfall“ einfügen', en: "Insert scenario 'Power outage'" });
      await waitForDiagnostics(uri, (d) => !d.some(isPowerOutage), 'the power outage to be covered');
      assert.equal(document.getText(), expected);
    } finally {
      await revert(uri);
    }
  });

  test('a missing scenario listed as not applicable: the entry goes in, the cursor on the reason to write', async () => {
    const { uri, document, expected } = await openCopy('missing-scenario-not-applicable');
    const isRack = (d: vscode.Diagnostic) => codeOf(d) === 'missing-scenario' && /Server-Racks|server rack/i.test(d.message);
    try {
      const diagnostic = (await waitForDiagnostics(uri, (d) => d.some(isRack), 'missing-scenario for the server rack')).find(isRack) as vscode.Diagnostic;
      const actions = await actionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      await applyAction(actions, { de: '„Ausfall des Server-Racks“ als nicht zutreffend aufführen', en: "List 'Failure of the server rack' as not applicable" });
      await waitForDiagnostics(uri, (d) => !d.some(isRack), 'the server rack to be left out');
      assert.equal(document.getText(), expected);
      // The snippet's tab stop: the placeholder reason is selected, so typing replaces it.
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uri.toString());
      assert.equal(editor?.document.getText(editor.selection), 'Begründung');
    } finally {
      await revert(uri);
    }
  });

  test('no-deputy: `deputy:` goes into the contact, the cursor after it, and a contact picked from the suggestions', async () => {
    await fixAndPick('no-deputy', 'id: it-leitung', { de: 'Vertretung für „it-leitung“ eintragen', en: "Add a deputy for 'it-leitung'" }, async (document, uri) => {
      // The only other contact, the one offered first; it is the contact's deputy now.
      assert.match(document.getText(), /\n {4}phone: "\+49 30 1234567-10" {3}# Durchwahl\n {4}deputy: stv-it-leitung\n\n {2}- id: stv-it-leitung\n/);
      await waitForDiagnostics(uri, (d) => lacksCode('no-deputy')(d) && lacksCode('invalid-value')(d), 'no-deputy to go, and no empty deputy left');
    });
  });

  test('approval-missing: the approval of the current version goes in, the cursor on `by:`, the approver picked from the suggestions', async () => {
    await fixAndPick('approval-missing', 'approved', { de: 'Freigabe der Version „2.1“ eintragen', en: "Add an approval of version '2.1'" }, async (document, uri) => {
      assert.match(document.getText(), /\n {2}owner: it-leitung\n {2}approvals:\n {4}- by: it-leitung\n {6}date: \d{4}-\d{2}-\d{2}\n {6}version: "2\.1"\ncontacts:/);
      await waitForDiagnostics(uri, (d) => lacksCode('approval-missing')(d) && lacksCode('invalid-value')(d), 'approval-missing to go, and no empty approver left');
    });
  });
});
