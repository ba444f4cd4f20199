/// <reference types="mocha" />
/**
 * Navigation inside VS Code, through the commands the editor itself uses: the outline
 * (`vscode.executeDocumentSymbolProvider`), go to definition, find references, rename (the edit
 * applied to the document) and folding. VS Code's display language picks the outline's language
 * (code-server: English by default).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, copyPlan, openPlan, rangeOf, revert, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');
const example = () => workspaceFile('examples', 'plone-intranet.drplan.yaml');

/** Where a definition points, for Location and LocationLink alike. */
function target(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location
    ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
    : { uri: location.uri, range: location.range };
}

suite('navigation', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the outline: sections, scenarios grouped by category with RTO and RPO', async () => {
    const { document } = await openPlan(example());
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const names = symbols.map((symbol) => symbol.name);
    assert.deepEqual(
      names,
      german()
        ? ['Plan', 'Kontakte', 'Alarmierung', 'Komponenten', 'Verfügbarkeit', 'Backups', 'Szenarien', 'Historie']
        : ['Plan', 'Contacts', 'Alerting', 'Components', 'Availability', 'Backups', 'Scenarios', 'History'],
    );
    const scenarios = symbols[6]!;
    assert.deepEqual(
      scenarios.children.map((group) => `${group.name} (${group.children.length})`),
      german()
        ? ['Hardware-Fehler (4)', 'Höhere Gewalt (2)', 'Software-Fehler (3)', 'Bedienfehler (2)']
        : ['Hardware failure (4)', 'Force majeure (2)', 'Software failure (3)', 'Operator error (2)'],
    );
    const storage = scenarios.children[0]!.children[2]!;
    assert.equal(storage.name, 'Ausfall des Storage-Servers');
    assert.equal(storage.detail, 'RTO 8 h · RPO 4 h');
    assert.equal(storage.kind, vscode.SymbolKind.Event);
    assert.equal(document.getText(storage.selectionRange), 'storage');
    // The scenario ends with the last measured step of its drill.
    assert.ok(storage.range.isEqual(rangeOf(document, '- id: storage\n').union(rangeOf(document, 'Konsistenz der ZODB prüfen (fsrefs)\n            duration: 30 min'))));
    // A group starts on its first scenario's first line, not on its `category:` line below, so
    // sticky scroll (which shows a symbol from the line its selection starts on) keeps line order.
    const hardware = scenarios.children[0]!;
    assert.equal(hardware.selectionRange.start.line, rangeOf(document, '- id: netzwerk').start.line);
    assert.ok(hardware.selectionRange.start.line <= hardware.children[0]!.selectionRange.start.line);
  });

  test('go to definition: from a backup reference to the backup', async () => {
    const { document } = await openPlan(example());
    const reference = rangeOf(document, 'zodb-offsite', 'id: rack');
    const found = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, reference.start.translate(0, 3))) ?? [];
    assert.equal(found.length, 1);
    const { uri, range } = target(found[0]!);
    assert.equal(uri.toString(), document.uri.toString());
    assert.ok(range.isEqual(rangeOf(document, 'zodb-offsite', 'backups:')), `points at ${JSON.stringify(range)}`);
  });

  test('find references: every place that names a contact, the declaration included', async () => {
    const { document } = await openPlan(example());
    const position = rangeOf(document, 'rz-betreiber', 'id: leitung').start;
    const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position)) ?? [];
    const expected = document.getText().match(/(id|responsible): rz-betreiber$/gm)!.length;
    assert.equal(found.length, expected);
    assert.ok(found.every((location) => document.getText(location.range) === 'rz-betreiber'));
    assert.ok(found.some((location) => location.range.isEqual(rangeOf(document, 'rz-betreiber', 'contacts:'))));
  });

  test('rename: the edit changes the id and every reference, and nothing else', async () => {
    const plan = await copyPlan(example(), 'rename');
    const { document } = await openPlan(plan);
    const before = document.getText();
    try {
      const position = rangeOf(document, 'zodb-snapshot', 'id: strom').start.translate(0, 2);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'zodb-volume');
      assert.ok(edit, 'no edit');
      assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the edit');
      assert.equal(document.getText(), before.replace(/(id|backup): zodb-snapshot$/gm, '$1: zodb-volume'));
    } finally {
      await revert(plan);
    }
  });

  test('rename: a name that is taken is refused with the reason', async () => {
    const { document } = await openPlan(example());
    const position = rangeOf(document, 'zodb-snapshot', 'backups:').start;
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, 'config-git')),
      (error: Error) => {
        assert.match(error.message, german() ? /Die Kennung „config-git“ ist in „backups“ schon vergeben/ : /The id 'config-git' is already used in 'backups'/);
        return true;
      },
    );
  });

  test('folding: the header comment, the scenarios and each scenario', async () => {
    const { document } = await openPlan(example());
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri)) ?? [];
    const has = (start: number, end: number) => ranges.some((range) => range.start === start && range.end === end);
    assert.ok(ranges.some((range) => range.start === 0 && range.end === 1 && range.kind === vscode.FoldingRangeKind.Comment), 'header comment');
    const scenarios = rangeOf(document, 'scenarios:').start.line;
    const lastLine = rangeOf(document, 'Aushänge und Rundmails', 'id: datenbank-geloescht').start.line;
    assert.ok(has(scenarios, lastLine), 'the scenarios');
    const storage = rangeOf(document, '- id: storage\n').start.line;
    assert.ok(has(storage, rangeOf(document, 'Konsistenz der ZODB prüfen (fsrefs)\n            duration: 30 min').end.line), 'scenario storage');
  });
});
