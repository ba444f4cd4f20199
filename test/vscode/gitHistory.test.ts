/// <reference types="mocha" />
/**
 * The preview of a plan in a git repository inside the workspace (made here with git): the
 * workspace is trusted (the suite runs with Workspace Trust off), so the client tells the server
 * and the document's Änderungshistorie lists the commits; a commit made outside the editor shows
 * in the preview without an edit (the client watches HEAD), also when the plan's folder became a
 * repository only while it was previewed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { commit, git, htmlText, newRepository, planRepository, FIRST_SUBJECT, SECOND_SUBJECT } from '../support/gitRepositories';
import { activate, closeAllEditors, openPlan, previewApi, waitFor, workspaceFile } from './helpers';

/** The text the preview of `uri` shows once it holds every one of `needles`. */
async function previewShowing(uri: vscode.Uri, needles: readonly string[], what: string): Promise<string> {
  return waitFor(
    () => {
      const html = previewApi().renderedHtml(uri);
      const text = html === undefined ? undefined : htmlText(html);
      return text !== undefined && needles.every((needle) => text.includes(needle)) ? text : undefined;
    },
    what,
    30_000,
  );
}

suite('git history in the preview', () => {
  suiteSetup(async () => {
    await activate();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  test('the preview of a plan in a git repository of the workspace lists its commits, and a new commit without an edit', async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the suite runs in a trusted workspace');
    const { folder, plan, commits } = planRepository({ folder: workspaceFile('git-plan').fsPath, example: workspaceFile('examples', 'plone-intranet.drplan.yaml').fsPath });
    const uri = vscode.Uri.file(plan);

    await openPlan(uri);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    const shown = await previewShowing(uri, [FIRST_SUBJECT, SECOND_SUBJECT], 'the preview to list both commits');
    assert.ok(shown.includes(`Erstellt aus Commit ${commits[0]?.hash} vom 03.12.2026.`), shown.slice(shown.indexOf('Änderungshistorie')));
    for (const { subject, hash } of commits) assert.ok(shown.includes(`${subject} ${hash}`), subject);

    // Committed outside the editor: HEAD moves, the preview shows the commit (the text is the same).
    writeFileSync(path.join(folder, 'LIESMICH.txt'), 'Notfallpläne\n');
    git(folder, ['add', 'LIESMICH.txt']);
    const head = commit(folder, 'Liesmich ergänzt', '2026-12-10T10:00:00+01:00');
    await previewShowing(uri, [`Erstellt aus Commit ${head} vom 10.12.2026.`], 'the preview to name the new HEAD');
  });

  test('a plan previewed before its folder became a repository: git init and a first commit show without an edit', async () => {
    const folder = workspaceFile('git-later').fsPath;
    mkdirSync(folder, { recursive: true });
    const plan = path.join(folder, 'notfallplan.drplan.yaml');
    copyFileSync(workspaceFile('examples', 'plone-intranet.drplan.yaml').fsPath, plan);
    const uri = vscode.Uri.file(plan);

    await openPlan(uri);
    await vscode.commands.executeCommand('drplan.openPreviewToSide');
    const before = await previewShowing(uri, ['Änderungshistorie'], 'the preview with the plan’s own history');
    assert.ok(!before.includes('Erstellt aus Commit'), 'no repository yet');

    newRepository(folder);
    git(folder, ['add', '.']);
    const head = commit(folder, 'Notfallplan eingecheckt', '2026-12-10T10:00:00+01:00');
    await previewShowing(uri, [`Erstellt aus Commit ${head} vom 10.12.2026.`, 'Notfallplan eingecheckt'], 'the preview to list the first commit');
  });
});
