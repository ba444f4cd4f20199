/// <reference types="mocha" />
/**
 * Completion in VS Code for the Web, through `vscode.executeCompletionItemProvider` as the editor
 * asks: the catalog's categories after `category: ` and the plan's contacts after `responsible: `.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, copyPlan, openPlan, rangeOf, replaceIn, revert, workspaceFile } from '../vscode/helpers';

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

function find(items: readonly vscode.CompletionItem[], name: string): vscode.CompletionItem {
  const item = items.find((candidate) => label(candidate) === name);
  assert.ok(item, `no completion ${name} in ${JSON.stringify(items.map(label))}`);
  return item;
}

suite('completion', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the categories after `category: `, with their German names', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'web-completion');
    const { document } = await openPlan(plan);
    try {
      await replaceIn(document, 'category: hardware', 'category: ', 'id: storage');
      const items = await completionsAt(plan, rangeOf(document, 'category: ', 'id: storage').end);
      assert.match(find(items, 'hardware').detail ?? '', /Hardware-Fehler/);
      assert.match(find(items, 'force-majeure').detail ?? '', /Höhere Gewalt/);
      assert.ok(find(items, 'hardware').range, 'the item replaces the typed prefix');
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
});
