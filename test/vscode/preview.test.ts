/// <reference types="mocha" />
/**
 * The plan preview and the export in the real extension host: the commands open the preview
 * beside the plan, the page shows each new version as the plan is edited (the page confirms
 * what it shows: the extension's API reports it), it follows the active plan editor, and the
 * export commands write PDF and HTML files atomically, refusing to replace a file unless told.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, copyPlan, extension, openPlan, previewApi, rendered, restorePanel, revert, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

/** The webview tab of the preview, as the workbench shows it. */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('drplan.preview'));
}

async function typeAtEndOfLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const end = editor.document.lineAt(line).range.end;
  const ok = await editor.edit((edit) => edit.insert(end, text));
  assert.ok(ok, 'the edit was applied');
}

suite('preview and export', () => {
  const example = () => workspaceFile('examples', 'plone-intranet.drplan.yaml');
  const touched: vscode.Uri[] = [];

  suiteSetup(async () => {
    await activate();
  });

  teardown(async () => {
    await revert(...touched.splice(0));
    await closeAllEditors();
  });

  test('the commands are registered, titled in the display language, and the preview button is on plan editors', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['drplan.openPreview', 'drplan.openPreviewToSide', 'drplan.exportPdf', 'drplan.exportHtml']) assert.ok(commands.includes(id), id);
    const manifest = extension().packageJSON as {
      activationEvents: string[];
      contributes: { commands: { command: string; title: string; category: string; icon?: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> };
    };
    const title = (id: string) => {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      return `${command?.category}: ${command?.title}`;
    };
    assert.equal(title('drplan.openPreview'), german() ? 'DR-Plan: Vorschau öffnen' : 'DR Plan: Open Preview');
    assert.equal(title('drplan.openPreviewToSide'), german() ? 'DR-Plan: Vorschau zur Seite öffnen' : 'DR Plan: Open Preview to the Side');
    assert.equal(title('drplan.exportPdf'), german() ? 'DR-Plan: Als PDF exportieren' : 'DR Plan: Export as PDF');
    const button = manifest.contributes.menus['editor/title']?.find((item) => item.command === 'drplan.openPreviewToSide');
    assert.deepEqual(button, { command: 'drplan.openPreviewToSide', when: 'editorLangId == drplan', group: 'navigation' });
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'drplan.openPreviewToSide')?.icon, '$(open-preview)');
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:drplan.preview'), 'a preview is restored after a reload');
  });

  test('opens the preview beside the plan, titled with its name, showing the plan', async () => {
    const plan = await copyPlan(example(), 'preview-open');
    const editor = await openPlan(plan);
    const shown = rendered(plan, editor.document.version);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    const event = await shown;
    assert.equal(event.title, 'Notfallplan Plone-Intranet');
    assert.ok(event.blocks > 100, `${event.blocks} blocks with source lines`);

    const name = path.basename(plan.fsPath);
    const panels = previewApi().panels();
    assert.equal(panels.length, 1);
    assert.equal(panels[0]?.title, german() ? `Vorschau: ${name}` : `Preview: ${name}`);
    assert.equal(panels[0]?.viewColumn, vscode.ViewColumn.Two, 'beside the editor in column one');
    const tabs = previewTabs();
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0]?.label, panels[0]?.title);
    // To the side keeps the focus in the editor, for typing on.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), plan.toString());
  });

  test('shows the chapters of a Notfallhandbuch in their order', async () => {
    const plan = await copyPlan(example(), 'preview-handbook');
    touched.push(plan);
    const editor = await openPlan(plan);
    const shown = rendered(plan, editor.document.version);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    const event = await shown;
    const chapters = event.chapters.map((chapter) => chapter.replace(/^\d+\s+/, ''));
    const expected = ['Lenkung des Dokuments', 'Alarmierung und Eskalation', 'Kontakte und Vertretungen', 'Disaster-Recovery-Plan', 'Notbetrieb', 'Meldepflichten', 'Notfallkarte'];
    assert.deepEqual(chapters.filter((chapter) => expected.includes(chapter)), expected, event.chapters.join(' | '));
    assert.equal(event.chapters.find((chapter) => /^\d/.test(chapter)), '1 Lenkung des Dokuments', 'the first numbered chapter');
  });

  test('"Open Preview" shows it in the editor\'s place and focuses it; opening again reuses it', async () => {
    const plan = await copyPlan(example(), 'preview-in-place');
    const editor = await openPlan(plan);
    const shown = rendered(plan, editor.document.version);
    await vscode.commands.executeCommand('drplan.openPreview');
    await shown;
    const [panel] = previewApi().panels();
    assert.equal(panel?.viewColumn, vscode.ViewColumn.One);
    assert.equal(panel?.active, true, 'the preview has the focus');
    await vscode.commands.executeCommand('drplan.openPreviewToSide', plan);
    assert.equal(previewApi().panels().length, 1, 'one preview, revealed again');
  });

  test('shows each new version while typing, debounced, never an older one after a newer', async () => {
    const plan = await copyPlan(example(), 'preview-typing');
    touched.push(plan);
    const editor = await openPlan(plan);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    await rendered(plan, editor.document.version);

    const versions: number[] = [];
    const listener = previewApi().onDidRender((event) => {
      if (event.uri.toString() === plan.toString()) versions.push(event.version);
    });
    try {
      const titleLine = editor.document.getText().split('\n').findIndex((line) => line.includes('title: Notfallplan Plone-Intranet'));
      // Keystrokes, as fast as the editor takes them.
      for (const char of ' (Stand Mai)') await typeAtEndOfLine(editor, titleLine, char);
      const event = await rendered(plan, editor.document.version, (e) => e.title === 'Notfallplan Plone-Intranet (Stand Mai)');
      assert.equal(event.version, editor.document.version);
      assert.equal(previewApi().lastRenderedVersion(plan), editor.document.version);
      assert.ok(versions.length < ' (Stand Mai)'.length, `one render per pause, not per keystroke: ${versions.join(', ')}`);
      assert.deepEqual([...versions].sort((a, b) => a - b), versions, `versions in order: ${versions.join(', ')}`);
    } finally {
      listener.dispose();
    }
  });

  test('follows the active plan editor', async () => {
    const first = await copyPlan(example(), 'preview-first');
    const second = await copyPlan(workspaceFile('fixtures', 'codes', 'rto-exceeded.drplan.yaml'), 'preview-second');
    const editor = await openPlan(first);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    await rendered(first, editor.document.version);

    const document = await vscode.workspace.openTextDocument(second);
    const shown = rendered(second, document.version, (e) => e.title === 'Notfallplan');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await shown;
    const panels = previewApi().panels();
    assert.equal(panels.length, 1, 'still one preview');
    assert.equal(panels[0]?.uri.toString(), second.toString());
    assert.match(panels[0]?.title ?? '', new RegExp(`${path.basename(second.fsPath).replace(/\./g, '\\.')}$`));
  });

  test('a preview brought back without its page\'s state (saved before the page started) shows the plan its title names', async () => {
    const other = await copyPlan(workspaceFile('fixtures', 'codes', 'rto-exceeded.drplan.yaml'), 'preview-restore');
    const title = (name: string) => (german() ? `Vorschau: ${name}` : `Preview: ${name}`);
    const restore = (panelTitle: string) => restorePanel('drplan.preview', panelTitle, false, (panel) => previewApi().restore(panel, undefined));
    // Which plan the restored preview shows; that it renders it is the same preview as after
    // "Open Preview" (the tests above), and the e2e path reloads a real window with one open.
    const shows = () => previewApi().panels().map((panel) => panel.uri.toString());

    // No editor open (the preview was the window's only editor): the plan of that name in the workspace.
    await closeAllEditors();
    await restore(title('plone-intranet.drplan.yaml'));
    assert.deepEqual(shows(), [example().toString()], 'the plan of that name in the workspace');
    await closeAllEditors();

    // The plan open, a YAML file that is no plan in front: the open plan of that name.
    await openPlan(other);
    const notPlan = await vscode.workspace.openTextDocument(workspaceFile('fixtures', 'yaml', 'replace-value.input.yaml'));
    await vscode.window.showTextDocument(notPlan, { viewColumn: vscode.ViewColumn.One, preview: false });
    assert.notEqual(vscode.window.activeTextEditor?.document.languageId, 'drplan');
    await restore(title(path.basename(other.fsPath)));
    assert.deepEqual(shows(), [other.toString()], 'the open plan of that name');
    await closeAllEditors();

    // A title that names no plan, and no plan in front: nothing to show, the panel is closed.
    const gone = await restore(title('nicht-da.drplan.yaml'));
    assert.ok(gone(), 'a panel naming no plan is closed');
    assert.deepEqual(shows(), []);
  });

  test('exports a PDF and an HTML file through the commands; an existing file is replaced only with overwrite: true', async () => {
    const plan = await copyPlan(example(), 'export');
    await openPlan(plan);
    const folder = workspaceFile('scratch', 'exports');
    await vscode.workspace.fs.createDirectory(folder);
    const pdf = vscode.Uri.joinPath(folder, 'plone-intranet.pdf');

    const outcome = (await vscode.commands.executeCommand('drplan.exportPdf', { target: pdf })) as { target: vscode.Uri; bytes: number; draft: boolean } | undefined;
    assert.ok(outcome, 'the command returns what it wrote');
    assert.equal(outcome.target.toString(), pdf.toString());
    const written = readFileSync(pdf.fsPath);
    assert.equal(written.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(outcome.bytes, written.length);
    assert.equal(outcome.draft, false);

    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('drplan.exportPdf', { target: pdf })),
      german() ? /existiert bereits/ : /already exists/,
    );
    assert.ok(readFileSync(pdf.fsPath).equals(written), 'the earlier file is untouched');
    await vscode.commands.executeCommand('drplan.exportPdf', { target: pdf.fsPath, overwrite: true, source: plan });
    assert.equal(readFileSync(pdf.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');

    const html = vscode.Uri.joinPath(folder, 'plone-intranet.html');
    await vscode.commands.executeCommand('drplan.exportHtml', { target: html, source: plan });
    const page = readFileSync(html.fsPath, 'utf8');
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /<title>Notfallplan Plone-Intranet<\/title>/);
    assert.deepEqual(readdirSync(folder.fsPath).sort(), ['plone-intranet.html', 'plone-intranet.pdf'], 'no temporary file left behind');
  });

  test('a failed export leaves the earlier file intact and says why', async () => {
    const plan = await copyPlan(example(), 'export-failing');
    await openPlan(plan);

    const missing = workspaceFile('scratch', 'no-such-folder', 'plan.pdf');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('drplan.exportPdf', { target: missing, source: plan })),
      german() ? /Ordner .*no-such-folder existiert nicht/ : /folder .*no-such-folder does not exist/,
    );
    assert.equal(existsSync(path.dirname(missing.fsPath)), false, 'the export does not create folders');

    const folder = workspaceFile('scratch', 'read-only');
    await vscode.workspace.fs.createDirectory(folder);
    const target = vscode.Uri.joinPath(folder, 'plan.pdf');
    writeFileSync(target.fsPath, '%PDF-1.7 the earlier export');
    const restore = makeReadOnly(folder.fsPath);
    try {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('drplan.exportPdf', { target, overwrite: true, source: plan })),
        german() ? /Keine Schreibberechtigung für .*read-only/ : /No permission to write in .*read-only/,
      );
    } finally {
      restore();
    }
    assert.equal(readFileSync(target.fsPath, 'utf8'), '%PDF-1.7 the earlier export');
    assert.deepEqual(readdirSync(folder.fsPath), ['plan.pdf'], 'no temporary file left behind');
  });
});

/**
 * Makes a folder unwritable and returns how to undo it: file mode 0555, and where that does not
 * stop the process (root), the immutable attribute (chattr +i: ext2/3/4, XFS, Btrfs). Checked
 * by trying to create a file there.
 */
function makeReadOnly(folder: string): () => void {
  const probe = path.join(folder, '.probe');
  const writable = () => {
    try {
      writeFileSync(probe, '');
    } catch {
      return false;
    }
    execFileSync('rm', ['-f', probe]);
    return true;
  };
  chmodSync(folder, 0o555);
  if (!writable()) return () => chmodSync(folder, 0o755);
  let immutable = false;
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'pipe' });
    immutable = true;
  } catch (error) {
    chmodSync(folder, 0o755);
    throw new Error(`cannot make ${folder} read-only: mode 0555 does not stop this process (root?) and chattr +i failed: ${(error as Error).message}`);
  }
  const undo = () => {
    if (immutable) execFileSync('chattr', ['-i', folder]);
    chmodSync(folder, 0o755);
  };
  if (writable()) {
    undo();
    throw new Error(`cannot make ${folder} read-only: neither mode 0555 nor chattr +i stops writes here`);
  }
  return undo;
}
