/// <reference types="mocha" />
/**
 * The export commands as automation (`{ target, overwrite?, source? }`) in the real extension
 * host, under the rules of client/src/export/exportTarget.ts: a relative target lands beside
 * the plan (not at the root of the disk); only `file:` and the workspace's own scheme are
 * written to, whatever another extension's file system or a URI of another kind offers; and no
 * `*.drplan.yaml`/`*.drplan.yml` is written over, with `overwrite: true` too.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, copyPlan, openPlan, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');
const failed = german() ? 'Der DR-Plan konnte nicht exportiert werden: ' : 'The DR plan could not be exported: ';

interface Outcome {
  readonly target: vscode.Uri;
  readonly bytes: number;
}

/** Runs an export command as automation; resolves with its error's message (it must fail). */
async function failedExport(command: 'drplan.exportPdf' | 'drplan.exportHtml', argument: { target: vscode.Uri | string; overwrite?: boolean; source: vscode.Uri }): Promise<string> {
  try {
    await vscode.commands.executeCommand(command, argument);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail(`${command} to ${String(argument.target)} succeeded`);
}

/** A file system of another extension, in memory: writable, and never to be written by the export. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly written: string[] = [];
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  watch = () => new vscode.Disposable(() => undefined);
  stat = (uri: vscode.Uri): vscode.FileStat => {
    if (uri.path === '/' || uri.path === '') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  };
  readDirectory = () => [];
  createDirectory = () => undefined;
  readFile = (uri: vscode.Uri): Uint8Array => {
    throw vscode.FileSystemError.FileNotFound(uri);
  };
  writeFile = (uri: vscode.Uri) => {
    this.written.push(uri.toString());
  };
  delete = () => undefined;
  rename = (from: vscode.Uri) => {
    this.written.push(from.toString());
  };
}

suite('export automation: relative targets, schemes, plan files', () => {
  let plan: vscode.Uri;
  let folder: string;

  suiteSetup(async () => {
    await activate();
    plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'export-automation');
    folder = path.dirname(plan.fsPath);
    await openPlan(plan);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    for (const name of ['relative-out.pdf', 'relative-out.html']) rmSync(path.join(folder, name), { force: true });
  });

  test('a relative target lands beside the plan, not at the root of the disk', async () => {
    const pdf = (await vscode.commands.executeCommand('drplan.exportPdf', { target: 'relative-out.pdf', source: plan })) as Outcome;
    assert.equal(pdf.target.fsPath, path.join(folder, 'relative-out.pdf'));
    assert.equal(readFileSync(pdf.target.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(existsSync(path.join(path.parse(folder).root, 'relative-out.pdf')), false);

    const html = (await vscode.commands.executeCommand('drplan.exportHtml', { target: './missing/../relative-out.html', source: plan })) as Outcome;
    assert.equal(html.target.fsPath, path.join(folder, 'relative-out.html'));
    assert.ok(readFileSync(html.target.fsPath, 'utf8').startsWith('<!DOCTYPE html>'));
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  test('untitled:, http:, another extension\'s file system: refused, with the reason', async () => {
    const memory = new MemoryFileSystem();
    const registration = vscode.workspace.registerFileSystemProvider('drplan-test-memory', memory);
    try {
      const expected = (target: string) =>
        german()
          ? `${failed}${target} ist keine Datei auf dem Datenträger oder im Arbeitsbereich; der Export schreibt nur nach file:.`
          : `${failed}${target} is not a file on disk or in the workspace; the export writes only to file:.`;
      assert.equal(await failedExport('drplan.exportPdf', { target: vscode.Uri.parse('untitled:out.pdf'), source: plan }), expected('untitled:out.pdf'));
      assert.equal(await failedExport('drplan.exportPdf', { target: 'http://evil.example/out.pdf', source: plan }), expected('http://evil.example/out.pdf'));
      assert.equal(await failedExport('drplan.exportHtml', { target: 'drplan-test-memory:/out.html', overwrite: true, source: plan }), expected('drplan-test-memory:/out.html'));
      assert.equal(
        await failedExport('drplan.exportPdf', { target: vscode.Uri.parse('vscode-userdata:/User/settings.json'), overwrite: true, source: plan }),
        expected('vscode-userdata:/User/settings.json'),
      );
      assert.deepEqual(memory.written, [], 'nothing reached the other file system');
    } finally {
      registration.dispose();
    }
  });

  test('a *.drplan.yaml target is refused, with overwrite: true too, and stays as it was', async () => {
    const other = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'export-automation-other');
    const before = readFileSync(other.fsPath);
    const refusal = (file: string) =>
      german()
        ? `${failed}${file} trägt den Namen eines DR-Plans (*.drplan.yaml); der Export schreibt kein Dokument über einen Plan.`
        : `${failed}${file} is named like a DR plan (*.drplan.yaml); the export writes no document over a plan.`;
    assert.equal(await failedExport('drplan.exportPdf', { target: other, overwrite: true, source: plan }), refusal(other.fsPath));
    assert.equal(await failedExport('drplan.exportHtml', { target: other.fsPath, overwrite: true, source: plan }), refusal(other.fsPath));
    assert.ok(readFileSync(other.fsPath).equals(before), 'the other plan is unchanged');

    // A new file of that name is not made either, in whatever case.
    const fresh = path.join(folder, 'Neu.DRPLAN.YML');
    assert.equal(await failedExport('drplan.exportPdf', { target: 'Neu.DRPLAN.YML', source: plan }), refusal(fresh));
    assert.equal(existsSync(fresh), false);
  });
});
