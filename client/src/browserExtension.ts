/**
 * drplan in VS Code for the browser (vscode.dev, github.dev, GitLab's Web IDE): the extension runs
 * in the workbench's web worker, without Node. The language server is a web worker of its own
 * (dist/web/server.js, the same handlers and language service as the Node server), started anew
 * for every start of the client; exports are written through vscode.workspace.fs; a new plan opens
 * untitled; the availability import, which needs Node's network, says that it is not available
 * here. Everything else is activation.ts, shared with the desktop.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateDrplan, deactivateDrplan, type DrplanApi } from './activation';
import { workspaceExportFiles } from './export/exportFiles';

/** The web worker of the browser (the DOM's types are not in this project's lib). */
interface BrowserWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => BrowserWorker;

/** The context key that hides what the browser cannot do (package.json `when` clauses). */
const WEB_EXTENSION_CONTEXT = 'drplan.webExtension';

export async function activate(context: vscode.ExtensionContext): Promise<DrplanApi<WorkerLanguageClient>> {
  await vscode.commands.executeCommand('setContext', WEB_EXTENSION_CONTEXT, true);
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  return activateDrplan(context, {
    createClient: (options) => new WorkerLanguageClient(server, options),
    exportFiles: workspaceExportFiles,
    newPlanFolder: () => undefined,
    availabilityImport: false,
  });
}

export function deactivate(): Promise<void> {
  return deactivateDrplan();
}

/**
 * A language client whose server is a web worker, a new one for every start (a restart after a
 * crash, "Restart Language Server"): a worker's server that got `exit` has closed itself, and one
 * that did not is ended when the client stops.
 */
export class WorkerLanguageClient extends BaseLanguageClient {
  private worker: BrowserWorker | undefined;

  constructor(
    private readonly script: string,
    options: LanguageClientOptions,
  ) {
    super('drplan', 'DR-Plan Language Server', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = new Worker(this.script, { name: 'DR-Plan Language Server' });
    this.worker = worker;
    const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    return Promise.resolve({ reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}
