/**
 * drplan in desktop VS Code (and any VS Code whose extension host is Node: remote, code-server):
 * the language server is a Node process (serverProcess.ts), exports to disk go through Node's fs,
 * the server can ask Prometheus, and the repositories of previewed plans are watched (gitHeadWatch.ts). Everything else is activation.ts, shared with the browser.
 */
// First: loading it starts the server process (serverProcess.ts).
import { endServerProcess, serverTransports } from './serverProcess';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { activateDrplan, deactivateDrplan, type DrplanApi as Api } from './activation';
import { nodeExportFiles } from './export/nodeExportFiles';
import { watchGitHead } from './gitHeadWatch';
import { newPlanFolder } from './newPlanDocument';

/** What the extension hands to other extensions and to its own integration tests. */
export type DrplanApi = Api<LanguageClient>;

export function activate(context: vscode.ExtensionContext): Promise<DrplanApi> {
  return activateDrplan(context, {
    // The server process was started when this bundle was loaded (serverProcess.ts).
    createClient: (options, output) => new LanguageClient('drplan', 'DR-Plan Language Server', serverTransports(output), options),
    exportFiles: nodeExportFiles,
    newPlanFolder: () => newPlanFolder(vscode.Uri.file(homedir())),
    availabilityImport: true,
    watchRepository: (plan, events) => {
      const watch = watchGitHead(plan.fsPath, events);
      return watch && new vscode.Disposable(() => watch.dispose());
    },
  });
}

export async function deactivate(): Promise<void> {
  await deactivateDrplan();
  endServerProcess();
}
