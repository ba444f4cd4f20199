/// <reference types="mocha" />
/**
 * The export in the real extension host when it cannot or must not write, against real file
 * systems: a full disk and a read-only file system (tmpfs mounts: VS Code's `file` provider in
 * the extension host writes through Node's fs, so these are the errors a user meets), and a
 * plan over drplan.maxFileSize, which the preview and the exports must not show as an empty
 * plan. The message is the plain one `drplan render` gives; the earlier file stays as it was.
 *
 * Mounting needs root (CI runs as root; `mount -t tmpfs` as in test/cli/renderFailures.test.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmdirSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { RenderEvent } from '../../client/src/preview/previewPanel';
import { activate, closeAllEditors, copyPlan, extension, openPlan, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');
const EARLIER = '%PDF-1.7 der Stand vom Vormonat';

/**
 * A tmpfs of 64 kB mounted on a new folder, prepared by `prepare` (a shell script run with the
 * folder as $1), given to `body`, and unmounted and removed afterwards, also when `body` fails.
 */
async function withTmpfs(prepare: string, body: (folder: string) => Promise<void>): Promise<void> {
  assert.equal(process.getuid?.(), 0, 'mounting a tmpfs needs root (the CI machine runs the suite as root)');
  const folder = mkdtempSync(path.join(tmpdir(), 'drplan-export-fs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder]);
  try {
    execFileSync('sh', ['-c', prepare, 'sh', folder]);
    await body(folder);
  } finally {
    execFileSync('umount', ['-l', folder]);
    rmdirSync(folder);
  }
}

/** Runs an export command as automation; resolves with its error's message (it must fail). */
async function failedExport(command: 'drplan.exportPdf' | 'drplan.exportHtml', argument: { target: vscode.Uri; overwrite?: boolean; source: vscode.Uri }): Promise<string> {
  try {
    await vscode.commands.executeCommand(command, argument);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail(`${command} to ${argument.target.fsPath} succeeded`);
}

suite('export failures on real file systems, and plans over the size limit', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    await closeAllEditors();
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('drplan').update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('a full disk: "The disk is full", the earlier file intact, no half or temporary file', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'full-disk');
    await openPlan(plan);
    const prepare = `printf '%s' '${EARLIER}' > "$1/plan.pdf"; head -c 1048576 /dev/zero > "$1/fill" 2>/dev/null || true`;
    await withTmpfs(prepare, async (disk) => {
      assert.equal(statfsSync(disk).bavail, 0, 'the disk is full');
      const target = vscode.Uri.file(path.join(disk, 'plan.pdf'));
      const replacing = await failedExport('drplan.exportPdf', { target, overwrite: true, source: plan });
      assert.equal(
        replacing,
        german()
          ? `Der DR-Plan konnte nicht exportiert werden: Der Datenträger ist voll, in ${disk} ist kein Platz mehr frei. Die bisherige Datei ist unverändert.`
          : `The DR plan could not be exported: The disk is full; there is no space left in ${disk}. The earlier file is unchanged.`,
      );
      const fresh = await failedExport('drplan.exportHtml', { target: vscode.Uri.file(path.join(disk, 'plan.html')), source: plan });
      assert.match(fresh, german() ? /: Der Datenträger ist voll, in .* ist kein Platz mehr frei\.$/ : /: The disk is full; there is no space left in .*\.$/);
      assert.equal(readFileSync(target.fsPath, 'utf8'), EARLIER);
      assert.deepEqual(readdirSync(disk).sort(), ['fill', 'plan.pdf'], 'no temporary file, no half file');
    });
  });

  test('a file system mounted read-only: "The file system is read-only", the earlier file intact', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'read-only-fs');
    await openPlan(plan);
    await withTmpfs(`printf '%s' '${EARLIER}' > "$1/plan.pdf"; mount -o remount,ro "$1"`, async (share) => {
      const target = vscode.Uri.file(path.join(share, 'plan.pdf'));
      const message = await failedExport('drplan.exportPdf', { target, overwrite: true, source: plan });
      assert.equal(
        message,
        german()
          ? `Der DR-Plan konnte nicht exportiert werden: Der Datenträger ist schreibgeschützt: ${share} liegt auf einem Dateisystem, das nur zum Lesen eingebunden ist. Die bisherige Datei ist unverändert.`
          : `The DR plan could not be exported: The file system is read-only: ${share} is on a file system mounted for reading only. The earlier file is unchanged.`,
      );
      assert.equal(readFileSync(target.fsPath, 'utf8'), EARLIER);
      assert.deepEqual(readdirSync(share), ['plan.pdf']);
    });
  });

  test('a plan over drplan.maxFileSize: the preview says it is too large, the exports refuse and write nothing', async () => {
    await vscode.workspace.getConfiguration('drplan').update('maxFileSize', 0.01, vscode.ConfigurationTarget.Workspace);
    const example = readFileSync(workspaceFile('examples', 'plone-intranet.drplan.yaml').fsPath, 'utf8');
    const plan = workspaceFile('scratch', 'too-large', 'gross.drplan.yaml');
    await vscode.workspace.fs.createDirectory(workspaceFile('scratch', 'too-large'));
    // The example and a comment: 24 kB whatever the example's size, over the 10 kB set above.
    await vscode.workspace.fs.writeFile(plan, new TextEncoder().encode(`${example}# ${'x'.repeat(24 * 1024 - new TextEncoder().encode(example).length - 3)}\n`));
    await openPlan(plan);
    await waitForDiagnostics(plan, (d) => d.some((x) => /Datei zu groß|File too large/.test(x.message)), 'the too-large diagnostic', 30_000);

    const api = extension().exports?.preview;
    assert.ok(api, 'activate() returns { preview }');
    const shown = waitForEvent(
      api.onDidRender,
      (event) => event?.uri.toString() === plan.toString(),
      20_000,
      'the preview of the plan over the limit',
    );
    await vscode.commands.executeCommand('drplan.openPreviewToSide', plan);
    const event = (await shown) as RenderEvent;
    assert.equal(event.title, german() ? 'Die Datei ist zu groß für die Vorschau (24 kB, Grenze 10 kB)' : 'The file is too large for the preview (24 kB, limit 10 kB)', 'the page shows the reason, not an empty plan');

    const folder = workspaceFile('scratch', 'too-large');
    const pdf = vscode.Uri.joinPath(folder, 'gross.pdf');
    writeFileSync(pdf.fsPath, EARLIER);
    const refusal = german()
      ? 'Der DR-Plan konnte nicht exportiert werden: Die Datei ist zu groß für den Export (24 kB, Grenze 10 kB); es wird kein Dokument geschrieben. Die Grenze lässt sich mit der Einstellung drplan.maxFileSize anheben.'
      : 'The DR plan could not be exported: The file is too large to export (24 kB, limit 10 kB); no document is written. The setting drplan.maxFileSize raises the limit.';
    assert.equal(await failedExport('drplan.exportPdf', { target: pdf, overwrite: true, source: plan }), refusal);
    assert.equal(await failedExport('drplan.exportHtml', { target: vscode.Uri.joinPath(folder, 'gross.html'), source: plan }), refusal);
    assert.equal(readFileSync(pdf.fsPath, 'utf8'), EARLIER);
    assert.deepEqual(readdirSync(folder.fsPath).sort(), ['gross.drplan.yaml', 'gross.pdf'], 'no empty document');
  });
});
