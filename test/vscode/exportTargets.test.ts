/// <reference types="mocha" />
/**
 * The export in the real extension host onto what a user may pick besides a plain file, under
 * the rules `drplan render -o` keeps (server/src/io/outputFile.ts; test/cli/outputFiles.test.ts):
 * a symbolic link leads to its file and stays a link, a FIFO and a device are written into and
 * stay what they are (a twin of /dev/full made with mknod: the suite runs as root, as in CI),
 * and neither the plan itself nor a dangling link is written.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, copyPlan, openPlan, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');
const isPdf = (file: string) => readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';

/** Runs an export command as automation; resolves with its error's message (it must fail). */
async function failedExport(argument: { target: vscode.Uri; overwrite?: boolean; source: vscode.Uri }): Promise<string> {
  try {
    await vscode.commands.executeCommand('drplan.exportPdf', argument);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail(`the export to ${argument.target.fsPath} succeeded`);
}

suite('export onto links, FIFOs, devices and the plan itself', () => {
  let scratch: string;
  let plan: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'drplan-export-targets-')));
    plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'export-targets');
    await openPlan(plan);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('a symbolic link: the file it points to gets the PDF, the link stays a link', async () => {
    const real = path.join(scratch, 'real.pdf');
    writeFileSync(real, '%PDF-1.7 the earlier export');
    const link = path.join(scratch, 'latest.pdf');
    symlinkSync('real.pdf', link);
    await vscode.commands.executeCommand('drplan.exportPdf', { target: vscode.Uri.file(link), overwrite: true, source: plan });
    assert.ok(isPdf(real));
    assert.notEqual(readFileSync(real, 'utf8'), '%PDF-1.7 the earlier export');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readlinkSync(link), 'real.pdf');
    assert.deepEqual(readdirSync(scratch).filter((name) => name.endsWith('.tmp')), []);
  });

  test('a FIFO: its reader gets the PDF, no overwrite asked; the FIFO stays', async () => {
    const fifo = path.join(scratch, 'feed.pdf');
    execFileSync('mkfifo', [fifo]);
    const copy = path.join(scratch, 'from-fifo.pdf');
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy]);
    const read = new Promise((done) => reader.on('exit', done));
    await vscode.commands.executeCommand('drplan.exportPdf', { target: vscode.Uri.file(fifo), source: plan });
    assert.equal(await read, 0);
    assert.ok(isPdf(copy));
    assert.ok(lstatSync(fifo).isFIFO());
  });

  test('a full device: "no space left on" it, and it stays a device', async () => {
    assert.equal(process.getuid?.(), 0, 'mknod needs root (the CI machine runs the suite as root)');
    const full = path.join(scratch, 'full');
    execFileSync('mknod', [full, 'c', '1', '7']);
    const message = await failedExport({ target: vscode.Uri.file(full), source: plan });
    assert.equal(
      message,
      german() ? `Der DR-Plan konnte nicht exportiert werden: Auf ${full} ist kein Platz mehr frei.` : `The DR plan could not be exported: There is no space left on ${full}.`,
    );
    assert.ok(lstatSync(full).isCharacterDevice());
  });

  test('the plan itself, also through a link, is refused with overwrite: true; a dangling link too', async () => {
    const text = readFileSync(plan.fsPath, 'utf8');
    const refusal = german()
      ? `Der DR-Plan konnte nicht exportiert werden: Das ist die Plandatei ${plan.fsPath} selbst; das Dokument würde den Plan ersetzen.`
      : `The DR plan could not be exported: This is the plan file ${plan.fsPath} itself; the document would replace the plan.`;
    assert.equal(await failedExport({ target: plan, overwrite: true, source: plan }), refusal);
    const link = path.join(scratch, 'plan-link.pdf');
    symlinkSync(plan.fsPath, link);
    assert.equal(await failedExport({ target: vscode.Uri.file(link), overwrite: true, source: plan }), refusal);
    assert.equal(readFileSync(plan.fsPath, 'utf8'), text);

    const dangling = path.join(scratch, 'dangling.pdf');
    symlinkSync('missing.pdf', dangling);
    const message = await failedExport({ target: vscode.Uri.file(dangling), overwrite: true, source: plan });
    assert.match(message, german() ? /symbolischer Link auf .*missing\.pdf, das es nicht gibt/ : /symbolic link to .*missing\.pdf, which does not exist/);
    assert.ok(lstatSync(dangling).isSymbolicLink());
    assert.equal(readdirSync(scratch).includes('missing.pdf'), false);
  });
});
