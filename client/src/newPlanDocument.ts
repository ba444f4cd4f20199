/**
 * "DR-Plan: Neuen Plan anlegen" (drplan.newPlan): the new plan opens as an untitled document
 * under a proper name, `notfallplan.drplan.yaml` in the first workspace folder
 * (`notfallplan-2.drplan.yaml`, … when that name is taken), so that the tab, the Problems panel
 * and Ctrl+S show that name instead of one VS Code makes from the first line of the text.
 *
 * The document is an untitled document with an associated path (`untitled:` + the file's path):
 * VS Code names it after the path and Ctrl+S saves it straight there, without a dialog and
 * without asking before it replaces a file (VS Code 1.99: not even one that appeared there after
 * the plan was made). So the name must be free when the plan is made: no file there, no open
 * document under it.
 *
 * The file name is German in both display languages, like the plan's values (`title:
 * Notfallplan`): it belongs to the document, not to the editor's language, and a team whose
 * members use VS Code in different languages gets the same names.
 *
 * The text comes from the language server (`drplan/newPlan`), which has the catalog: the client
 * does not bundle the language core for it. Its comments are in VS Code's display language, which
 * the client gave the server at `initialize`.
 *
 * VS Code in the browser has no folder where an associated path is sure to be saved (a local
 * folder and a repository there are file systems of the workbench, whose URIs an untitled path
 * does not carry): the plan opens untitled, and Ctrl+S asks where to save it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NEW_PLAN_REQUEST, type NewPlanResult } from '../../server/src/newPlanProtocol';

/** `notfallplan.drplan.yaml`, then `notfallplan-2.drplan.yaml`, `notfallplan-3.drplan.yaml`, … */
function newPlanFileName(attempt: number): string {
  return attempt <= 1 ? 'notfallplan.drplan.yaml' : `notfallplan-${attempt}.drplan.yaml`;
}

/**
 * How many names are tried before the plan opens without one, as an untitled document VS Code
 * asks where to save (also when the text cannot be inserted): a folder that cannot be read
 * answers every look-up with an error, which counts as "taken".
 */
const MAX_ATTEMPTS = 100;

/**
 * Opens a new plan in an editor, the cursor at its start; says why not when the server cannot
 * make one (it is not running, say).
 */
export async function openNewPlan(client: BaseLanguageClient, folder: vscode.Uri | undefined): Promise<void> {
  let content: string;
  try {
    content = (await client.sendRequest<NewPlanResult>(NEW_PLAN_REQUEST, {})).text;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The new DR plan could not be made: {0}', error instanceof Error ? error.message : String(error)));
    return;
  }
  const named = folder && (await emptyUntitledUnderFreeName(folder));
  let document = (named && (await withContent(named, content))) || (await vscode.workspace.openTextDocument({ language: 'drplan', content }));
  // The name gives the language (`*.drplan.yaml`), unless a files.associations setting says otherwise.
  if (document.languageId !== 'drplan') document = await vscode.languages.setTextDocumentLanguage(document, 'drplan');
  await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(0, 0, 0, 0) });
}

/**
 * Where a new plan goes on the desktop: the first workspace folder on disk. Without one, `home`,
 * where VS Code's save dialog would propose to save it: an untitled document cannot have a name
 * without a path (`untitled:notfallplan.drplan.yaml` counts as the path `/notfallplan.drplan.yaml`,
 * the root of the file system, where Ctrl+S would then save it).
 */
export function newPlanFolder(home: vscode.Uri): vscode.Uri {
  // A folder of another file system (a virtual workspace) is not where an associated path is saved.
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder?.uri ?? home;
}

/** An empty untitled document associated with the first free plan file name in `folder`. */
async function emptyUntitledUnderFreeName(folder: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const file = vscode.Uri.joinPath(folder, newPlanFileName(attempt));
    const untitled = file.with({ scheme: 'untitled' });
    if (isOpen(file) || isOpen(untitled) || (await mayExist(file))) continue;
    // VS Code refuses when the file exists after all, and hands back the document when one is
    // already under that name without being among textDocuments yet (restored from a backup).
    const document = await vscode.workspace.openTextDocument(untitled).then(
      (opened) => opened,
      () => undefined,
    );
    if (document?.getText() === '') return document;
  }
  return undefined;
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

/** Whether a file may be at `uri`: only "not found" says no (never save over a file). */
function mayExist(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    (error: unknown) => !(error instanceof vscode.FileSystemError && error.code === 'FileNotFound'),
  );
}

/**
 * The empty document with the plan's text inserted; undefined if VS Code refused the edit. The
 * insertion is an edit like any other: undoing every later edit and then this one empties the
 * document again.
 */
async function withContent(document: vscode.TextDocument, content: string): Promise<vscode.TextDocument | undefined> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), content);
  return (await vscode.workspace.applyEdit(edit)) ? document : undefined;
}
