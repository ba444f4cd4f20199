/// <reference types="mocha" />
/**
 * The limits against hostile and oversized plans, inside VS Code: a plan over drplan.maxFileSize
 * gets one diagnostic instead of a frozen editor, raising the setting checks it at once, and a
 * hostile plan (an alias bomb, ten thousand nested lists) leaves hover and completion of another
 * plan answering.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  describeDiagnostics,
  openPlan,
  rangeOf,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

const MB = 1024 * 1024;
const encoder = new TextEncoder();

/** A valid plan with a comment that makes it `megabytes` large. */
function planOfSize(megabytes: number): string {
  const plan = [
    'drplan: "1"',
    'plan: {title: Groß, organisation: Beispiel GmbH, system: Intranet, version: "1"}',
    'scenarios:',
    '  - {id: a, category: hardware, type: vm-server, prevention: [p], recovery: [r], recovery_time: 9h, rto: 8h, rpo: 0}',
  ].join('\n');
  return `${plan}\n# ${'x'.repeat(megabytes * MB)}\n`;
}

async function writePlan(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile('scratch', name);
  await vscode.workspace.fs.createDirectory(workspaceFile('scratch'));
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

const tooLarge = (d: vscode.Diagnostic) => /File too large|Datei zu groß/.test(d.message);

suite('limits against hostile and oversized plans', () => {
  suiteSetup(async () => {
    await activate();
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('drplan').update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  test('a plan over drplan.maxFileSize gets one diagnostic; raising the setting checks it at once', async () => {
    const uri = await writePlan('six-megabytes.drplan.yaml', planOfSize(6));
    await openPlan(uri);
    const limited = await waitForDiagnostics(uri, (d) => d.some(tooLarge), 'the diagnostic of a plan over the limit', 30_000);
    assert.equal(limited.length, 1, describeDiagnostics(limited));
    assert.equal(limited[0]?.range.start.line, 0);
    assert.match(limited[0]?.message ?? '', /\b5 MB\b/);

    await vscode.workspace.getConfiguration('drplan').update('maxFileSize', 10, vscode.ConfigurationTarget.Workspace);
    const checked = await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some(tooLarge), 'the diagnostics of the plan, checked in full', 60_000);
    assert.ok(
      checked.some((d) => d.code === 'rto-exceeded' || (typeof d.code === 'object' && d.code.value === 'rto-exceeded')),
      describeDiagnostics(checked),
    );
  });

  test('a hostile plan is answered, and another plan keeps its hover and completion', async () => {
    const levels = 10_000;
    const hostile = await writePlan('hostile.drplan.yaml', `drplan: "1"\nscenarios: ${'['.repeat(levels)}${']'.repeat(levels)}\n${aliasBomb()}`);
    await openPlan(hostile);
    await waitForDiagnostics(hostile, (d) => d.some((x) => /Nested too deeply|Zu tief verschachtelt/.test(x.message)), 'the nesting diagnostic', 30_000);

    const example = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const editor = await openPlan(example);
    const rto = rangeOf(editor.document, 'rto:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', example, rto.start.translate(0, 1));
    assert.ok(hovers.length > 0, 'a hover on rto');
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', example, rto.end.translate(0, 1));
    assert.ok(completion.items.length > 0, 'completion of a duration');
  });
});

function aliasBomb(): string {
  const lines = ['x-a0: &a0 [lol]'];
  for (let i = 1; i <= 9; i++) lines.push(`x-a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}
