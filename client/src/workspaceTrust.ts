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

/** What a repository's watch tells: HEAD may have moved; the repository is gone. */
export interface RepositoryEvents {
  moved(): void;
  ended(): void;
}

/** Watches the HEAD of the repository that holds a plan file; undefined when it is in none. */
export type RepositoryWatch = (file: vscode.Uri, events: RepositoryEvents) => vscode.Disposable | undefined;

/** The previews, as far as the change history concerns them. */
export interface HistoryPreviews {
  /** Shows every preview's plan again, made anew. */
  refresh(): void;
  /** The plans the previews show. */
  plans(): readonly vscode.Uri[];
  /** Fires when a preview opens, closes or shows another plan. */
  readonly onDidChangePlans: vscode.Event<void>;
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
  // Per previewed plan on disk, the watch of its repository; undefined: it is in none, looked
  // for again when a `.git` appears in the workspace (`git init`, a clone) or trust is granted.
  const watches = new Map<string, vscode.Disposable | undefined>();
  const followPlans = (again = false) => {
    if (!watchRepository || !vscode.workspace.isTrusted) return;
    const shown = new Map(previews.plans().filter((plan) => plan.scheme === 'file').map((plan) => [plan.toString(), plan]));
    for (const [key, watch] of watches) {
      if (shown.has(key)) continue;
      watch?.dispose();
      watches.delete(key);
    }
    for (const [key, plan] of shown) {
      if (watches.has(key) && !(again && watches.get(key) === undefined)) continue;
      const missed = watches.has(key);
      const watch = watchRepository(plan, {
        moved: refreshSoon,
        // The repository was deleted: looked for again as for a plan in none.
        ended: () => {
          if (watches.get(key) === watch) watches.set(key, undefined);
        },
      });
      watches.set(key, watch);
      // A repository made around a previewed plan: its commits so far.
      if (missed && watch) refreshSoon();
    }
  };
  const disposables: vscode.Disposable[] = [previews.onDidChangePlans(() => followPlans())];
  const watchNewRepositories = () => {
    if (!watchRepository) return;
    const created = vscode.workspace.createFileSystemWatcher('**/.git', false, true, true);
    disposables.push(created, created.onDidCreate(() => followPlans(true)));
  };
  if (vscode.workspace.isTrusted) watchNewRepositories();
  disposables.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      watchNewRepositories();
      followPlans(true);
      if (client.isRunning()) await client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      previews.refresh();
    }),
  );
  followPlans();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const disposable of disposables.splice(0)) disposable.dispose();
    for (const watch of watches.values()) watch?.dispose();
    watches.clear();
  });
}
