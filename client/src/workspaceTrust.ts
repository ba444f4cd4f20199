/**
 * Workspace Trust and the document's change history: the language server runs git only in a
 * trusted workspace (a repository's configuration can name programs; SECURITY.md §3, §10). The
 * client says whether the workspace is trusted when the server starts (each start:
 * `initializationOptions.workspaceTrusted`) and tells it when the user grants trust; the
 * previews then show their plans again, now with the commits. In a trusted workspace the
 * previews are shown again when a repository's HEAD moves (a commit, a checkout), so the list
 * of commits follows without an edit.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/renderProtocol';

/** Files under `.git` that change when HEAD moves (the reflog, HEAD, the branches). */
const HEAD_FILES = '**/.git/{HEAD,logs/HEAD,packed-refs,refs/heads/**}';
/** A commit writes several of them: the previews are shown again once they are quiet. */
const QUIET_MS = 300;

export function followWorkspaceTrust(client: BaseLanguageClient, refreshPreviews: () => void): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refreshPreviews, QUIET_MS);
  };
  const watchHead = () => {
    const watcher = vscode.workspace.createFileSystemWatcher(HEAD_FILES);
    disposables.push(watcher, watcher.onDidChange(refreshSoon), watcher.onDidCreate(refreshSoon), watcher.onDidDelete(refreshSoon));
  };
  if (vscode.workspace.isTrusted) watchHead();
  disposables.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      watchHead();
      if (client.isRunning()) await client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      refreshPreviews();
    }),
  );
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const disposable of disposables.splice(0)) disposable.dispose();
  });
}
