/**
 * Workspace Trust and the document's change history: the language server runs git only in a
 * trusted workspace (a repository's configuration can name programs; SECURITY.md §3, §10). The
 * client says whether the workspace is trusted when the server starts (each start:
 * `initializationOptions.workspaceTrusted`) and tells it when the user grants trust; the
 * previews then show their plans again, now with the commits. In a trusted workspace the
 * previews are shown again when the HEAD of a previewed plan's repository moves (a commit, a
 * checkout), so the list of commits follows without an edit.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/renderProtocol';

/** Watches the HEAD of the repository that holds a plan file; undefined when it is in none. */
export type RepositoryWatch = (file: vscode.Uri, moved: () => void) => vscode.Disposable | undefined;

/** The previews, as far as the change history concerns them. */
export interface HistoryPreviews {
  /** Shows every preview's plan again, made anew. */
  refresh(): void;
  /** The plans the previews show. */
  plans(): readonly vscode.Uri[];
  /** Fires when a preview has shown a version (of a plan it may have just switched to). */
  readonly onDidRender: vscode.Event<unknown>;
}

/** A commit writes several files: the previews are shown again once they are quiet. */
const QUIET_MS = 300;

/** `watchRepository`: the platform's (undefined in the browser, whose server has no git). */
export function followWorkspaceTrust(client: BaseLanguageClient, previews: HistoryPreviews, watchRepository: RepositoryWatch | undefined): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => previews.refresh(), QUIET_MS);
  };
  // Per previewed plan on disk, the watch of its repository (undefined: in none, asked again at
  // the next version shown, as `git init` may come later).
  const watches = new Map<string, vscode.Disposable | undefined>();
  const followPlans = () => {
    if (!watchRepository || !vscode.workspace.isTrusted) return;
    const shown = new Map(previews.plans().filter((plan) => plan.scheme === 'file').map((plan) => [plan.toString(), plan]));
    for (const [key, watch] of watches) {
      if (shown.has(key)) continue;
      watch?.dispose();
      watches.delete(key);
    }
    for (const [key, plan] of shown) {
      if (watches.get(key) === undefined) watches.set(key, watchRepository(plan, refreshSoon));
    }
  };
  const disposables: vscode.Disposable[] = [
    previews.onDidRender(followPlans),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      followPlans();
      if (client.isRunning()) await client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      previews.refresh();
    }),
  ];
  followPlans();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const disposable of disposables.splice(0)) disposable.dispose();
    for (const watch of watches.values()) watch?.dispose();
    watches.clear();
  });
}
