/// <reference types="mocha" />
/**
 * The PDF export in VS Code for the Web: the command (as automation: `{ target, source }`) makes
 * the PDF in the extension's web worker and writes it through `workspace.fs` beside the plan in
 * the virtual workspace. The bytes read back are a PDF; poppler (pdfinfo, pdftotext, through the
 * launcher) reads its pages and the plan's title and chapters in it.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { readPdf, screenshot } from './bridge';
import { activate, closeAllEditors, copyPlan, openPlan, workspaceFile } from '../vscode/helpers';

interface Outcome {
  readonly target: vscode.Uri;
  readonly bytes: number;
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

suite('export', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the PDF: written through workspace.fs beside the plan, read by pdfinfo and pdftotext', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'web-export');
    await openPlan(plan);
    try {
      const outcome = (await vscode.commands.executeCommand('drplan.exportPdf', { target: 'web-export.pdf', source: plan })) as Outcome;
      const target = vscode.Uri.joinPath(plan, '..', 'web-export.pdf');
      assert.equal(outcome.target.toString(), target.toString(), 'beside the plan, in the workspace');
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.equal(bytes.length, outcome.bytes, 'the bytes the command reports');
      assert.equal(latin1(bytes.subarray(0, 5)), '%PDF-');
      assert.match(latin1(bytes.subarray(-32)), /%%EOF\s*$/);

      const pdf = await readPdf('export', bytes);
      assert.ok(pdf.pages >= 10, `${pdf.pages} pages`);
      const text = pdf.text.replace(/\s+/g, ' ');
      for (const needle of ['Notfallplan Plone-Intranet', 'Lenkung des Dokuments', 'Disaster-Recovery-Plan', 'Notfallkarte']) {
        assert.ok(text.includes(needle), `the PDF's text has "${needle}"`);
      }

      await vscode.commands.executeCommand('revealInExplorer', target);
      await screenshot('export', '.explorer-folders-view .monaco-list-row.selected:has-text("web-export.pdf")');
    } finally {
      await closeAllEditors();
    }
  });
});
