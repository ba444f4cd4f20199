/**
 * The VS Code side of drplan: starts the language server over IPC (serverProcess.ts) and
 * restarts it when it crashes. All checking happens in the server.
 */
// First: loading it starts the server process (serverProcess.ts).
import { endServerProcess, serverTransports } from './serverProcess';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { codeActionSnippets } from './codeActionSnippets';
import { DrillManager, type DrillApi } from './drill/drillManager';
import { registerExportCommands } from './export/exportCommands';
import { registerImportCommand } from './measure/importAvailability';
import { openNewPlan } from './newPlanDocument';
import { PreviewManager, type PreviewApi } from './preview/previewManager';
import { followWorkspaceTrust } from './workspaceTrust';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its own integration tests. */
export interface DrplanApi {
  readonly client: LanguageClient;
  /** The plan preview: which version it shows, and when it shows a new one. */
  readonly preview: PreviewApi;
  /** The recovery drills: their state, their panels, their messages. */
  readonly drills: DrillApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<DrplanApi> {
  const output = vscode.window.createOutputChannel('DR-Plan');
  // The server process was started when this bundle was loaded (serverProcess.ts).
  const serverOptions: ServerOptions = serverTransports(output);
  const configuration = vscode.workspace.getConfiguration('drplan');
  const initializationOptions = {
    locale: vscode.env.language,
    validationDelay: configuration.get<number>('validation.delay'),
    maxFileSize: configuration.get<number>('maxFileSize'),
    // Trust as it is at each start of the server (a restarted server asks again): workspaceTrust.ts.
    // A getter, read when the initialize request is serialised; the object itself stays one that
    // the tests can add to (the day they check as of).
    get workspaceTrusted(): boolean {
      return vscode.workspace.isTrusted;
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'drplan' }],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    synchronize: { configurationSection: 'drplan' },
    errorHandler: new RestartingErrorHandler(output),
    middleware: codeActionSnippets,
  };

  const languageClient = new LanguageClient('drplan', 'DR-Plan Language Server', serverOptions, clientOptions);
  client = languageClient;
  // Started first: the server process boots while the commands, the preview and the exports are
  // registered (all before activate() returns, so a restored preview finds its serializer).
  const started = languageClient.start();
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('drplan.restartServer', async () => {
      output.appendLine('Restarting the DR-Plan language server …');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('drplan.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('drplan.newPlan', () => openNewPlan(languageClient)),
    registerImportCommand(languageClient),
  );
  const preview = new PreviewManager(context.extensionUri, languageClient);
  context.subscriptions.push(preview, ...registerExportCommands(languageClient, preview), followWorkspaceTrust(languageClient, () => preview.refresh()));
  const currentPlan = () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'drplan' ? editor.document.uri : preview.activePreviewUri();
  };
  const drills = new DrillManager(context.extensionUri, languageClient, context.globalState, currentPlan);
  context.subscriptions.push(drills);
  await started;
  return { client: languageClient, preview: preview.api, drills: drills.api };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  endServerProcess();
}

/**
 * Restarts a crashed server, up to five times in three minutes; a server that keeps crashing is
 * left stopped, with a message that says where to look, rather than restarted forever.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.OutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - (this.restarts[0] as number) > 3 * 60_000) this.restarts.shift();
    if (this.restarts.length > 5) {
      const message = vscode.l10n.t('The DR-Plan language server crashed five times in three minutes and was not restarted. See the output "DR-Plan".');
      return { action: CloseAction.DoNotRestart, message };
    }
    this.output.appendLine(`The language server stopped unexpectedly; restarting (${this.restarts.length}).`);
    return { action: CloseAction.Restart, handled: true };
  }
}
