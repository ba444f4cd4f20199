/// <reference types="mocha" />
/**
 * Completion inside VS Code, through `vscode.executeCompletionItemProvider` as the editor asks
 * for it: category values, the keys a scenario lacks, references, and a whole scenario accepted
 * through the suggest widget (which shows that its indentation survives VS Code's insertion).
 * VS Code's display language picks the language (code-server: English by default).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  completionLabel as label,
  completionsAt,
  copyPlan,
  describeDiagnostics,
  findCompletion as find,
  hasCode,
  lacksCode,
  openPlan,
  rangeOf,
  replaceIn,
  revert,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

const documentation = (item: vscode.CompletionItem) =>
  item.documentation === undefined ? '' : typeof item.documentation === 'string' ? item.documentation : item.documentation.value;

suite('completion', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the categories after `category: `, with their German names', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'completion-category');
    const { document } = await openPlan(plan);
    try {
      await replaceIn(document, 'category: hardware', 'category: ', 'id: storage');
      const position = rangeOf(document, 'category: ', 'id: storage').end;
      const items = await completionsAt(plan, position);
      const hardware = find(items, 'hardware');
      assert.match(hardware.detail ?? '', /Hardware-Fehler/);
      assert.match(find(items, 'force-majeure').detail ?? '', /Höhere Gewalt/);
      assert.match(find(items, 'operator').detail ?? '', /Bedienfehler/);
      assert.match(documentation(hardware), german() ? /Ausfall physischer Komponenten/ : /Failure of physical components/);
      assert.ok(hardware.range, 'the item replaces the typed prefix');
    } finally {
      await revert(plan);
    }
  });

  test('the keys a scenario lacks, on an empty line inside it', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'completion-keys');
    const { document } = await openPlan(plan);
    try {
      // Scenario `leitung` has no backup, mtpd or affects.
      await replaceIn(document, '    rpo: 0\n', '    rpo: 0\n    \n', 'id: leitung');
      const position = rangeOf(document, '    rpo: 0\n    \n', 'id: leitung').start.translate(2, 4);
      const items = await completionsAt(plan, position);
      const mtpd = find(items, 'mtpd');
      assert.match(documentation(mtpd), german() ? /maximal tolerierbare Ausfallzeit/ : /Maximum Tolerable Period of Disruption/);
      const present = items.map(label).filter((name) => ['id', 'category', 'type', 'rto', 'rpo'].includes(name));
      assert.deepEqual(present, [], 'keys the scenario has are not offered');
    } finally {
      await revert(plan);
    }
  });

  test('the contacts after `responsible: `, with their names', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const items = await completionsAt(plan, rangeOf(document, 'bereitschaft', 'id: dateisystem').end);
    assert.equal(find(items, 'it-leitung').detail, 'Erika Mustermann');
    assert.equal(find(items, 'rz-betreiber').detail, 'Hosting Partner AG, Leitstand');
  });

  test('the contact functions after `function: ` and the alerting levels after `escalation: `, with their German names', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'completion-alerting');
    const { document } = await openPlan(plan);
    try {
      await replaceIn(document, 'function: dpo', 'function: ', 'id: dsb');
      const functions = await completionsAt(plan, rangeOf(document, 'function: ', 'id: dsb').end);
      const dpo = find(functions, 'dpo');
      assert.match(dpo.detail ?? '', /Datenschutzbeauftragte\/r/);
      assert.match(documentation(dpo), german() ? /binnen 72 Stunden/ : /within 72 hours/);
      assert.match(find(functions, 'crisis-team').detail ?? '', /Notfallstab/);
      assert.match(find(functions, 'provider').detail ?? '', /Dienstleister \/ Rechenzentrumsbetreiber/);

      await replaceIn(document, 'escalation: notfall', 'escalation: ', 'id: storage');
      const levels = await completionsAt(plan, rangeOf(document, 'escalation: ', 'id: storage').end);
      assert.equal(find(levels, 'stoerung').detail, 'Störung');
      assert.equal(find(levels, 'notfall').detail, 'Notfall');
      assert.ok(!levels.some((item) => label(item) === 'it-leitung'), 'levels, not contacts');
    } finally {
      await revert(plan);
    }
  });

  test('the other contacts after `deputy: `, with their names', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'completion-deputy');
    const { document } = await openPlan(plan);
    try {
      await replaceIn(document, 'deputy: stv-it-leitung', 'deputy: ', 'id: it-leitung');
      const items = await completionsAt(plan, rangeOf(document, 'deputy: ', 'id: it-leitung').end);
      assert.equal(find(items, 'stv-it-leitung').detail, 'Max Beispiel');
      assert.equal(find(items, 'dsb').detail, 'Petra Datenschutz');
      assert.ok(!items.some((item) => label(item) === 'it-leitung'), 'nobody stands in for themselves');
    } finally {
      await revert(plan);
    }
  });

  test('a whole scenario from the catalog, accepted in the suggest widget, keeps its indentation', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'completion-scenario');
    const editor = await openPlan(plan);
    const { document } = editor;
    try {
      await replaceIn(document, '\nhistory:', '\n  - \nhistory:');
      const position = rangeOf(document, '  - \nhistory:').start.translate(0, 4);
      const items = await completionsAt(plan, position);
      const storage = find(items, german() ? 'Szenario: Ausfall des Storage-Servers' : 'Scenario: Failure of the storage server');
      assert.ok(storage.insertText instanceof vscode.SnippetString);

      editor.selection = new vscode.Selection(position, position);
      const before = document.version;
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      // The widget gets its items asynchronously: accept the first as soon as there is one.
      const deadline = Date.now() + 15_000;
      while (document.version === before) {
        assert.ok(Date.now() < deadline, 'the suggest widget offered nothing to accept');
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        if (document.version === before) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // First in the list: the catalog's first type (every type is covered, so catalog order).
      const text = document.getText();
      assert.match(text, /\n {2}- id: network-component\n {4}category: hardware\n {4}type: network-component\n {4}title: Ausfall aktiver Netzwerkkomponenten\n {4}prevention:\n {6}- Redundante Netzwerkkomponenten/);
      assert.match(text, /\n {4}recovery_time: 4h\n {4}rto: 8h\n {4}rpo: 0\nhistory:/);
      // Checked again: the new scenario is complete (no missing field) and only untested.
      const line = position.line;
      const diagnostics = await waitForDiagnostics(
        plan,
        (all) => lacksCode('missing-field')(all) && all.some((d) => d.range.start.line === line && hasCode('untested')([d])),
        'the diagnostics of the completed scenario',
      );
      assert.ok(lacksCode('yaml-syntax')(diagnostics), describeDiagnostics(diagnostics));
    } finally {
      await vscode.commands.executeCommand('leaveSnippet');
      await revert(plan);
    }
  });
});
