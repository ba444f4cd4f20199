/**
 * The VS Code side of drplan, the same on the desktop (extension.ts: the server a Node process)
 * and in the browser (browserExtension.ts: the server a web worker): the language client, its
 * restarts after a crash, the commands, the preview, the exports and the drills. What differs
 * between the two comes in as a ClientPlatform. All checking happens in the server.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  RevealOutputChannelOn,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { codeActionSnippets } from './codeActionSnippets';
import { DrillManager, type DrillApi } from './drill/drillManager';
import { registerExportCommands } from './export/exportCommands';
import type { ExportFiles } from './export/exportFiles';
import { registerImportCommand } from './measure/importAvailability';
import { openNewPlan } from './newPlanDocument';
import { PreviewManager, type PreviewApi } from './preview/previewManager';
import { followWorkspaceTrust, type RepositoryWatch } from './workspaceTrust';

/** What the extension hands to other extensions and to its own integration tests. */
export interface DrplanApi<C extends BaseLanguageClient = BaseLanguageClient> {
  readonly client: C;
  /** The plan preview: which version it shows, and when it shows a new one. */
  readonly preview: PreviewApi;
  /** The recovery drills: their state, their panels, their messages. */
  readonly drills: DrillApi;
}

/** A language client that "Restart Language Server" can restart (a new server process or worker). */
export type RestartableClient = BaseLanguageClient & { restart(): Promise<void> };

/** What the desktop and the browser do each in their own way. */
export interface ClientPlatform<C extends RestartableClient> {
  /** The language client with `options`, its server started as the platform starts it. */
  createClient(options: LanguageClientOptions, output: vscode.OutputChannel): C;
  /** How an export is written. */
  readonly exportFiles: ExportFiles;
  /** The folder a new plan is named in (an untitled document with its path); undefined: unnamed. */
  newPlanFolder(): vscode.Uri | undefined;
  /** The language server can import availability from Prometheus (it needs Node's network). */
  readonly availabilityImport: boolean;
  /** Watches the git repository of a previewed plan (undefined: the server reads no git history). */
  readonly watchRepository?: RepositoryWatch;
}

let client: BaseLanguageClient | undefined;

export async function activateDrplan<C extends RestartableClient>(context: vscode.ExtensionContext, platform: ClientPlatform<C>): Promise<DrplanApi<C>> {
  const output = vscode.window.createOutputChannel('DR-Plan');
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

  const languageClient = platform.createClient(clientOptions, output);
  client = languageClient;
  // Started first: the server boots while the commands, the preview and the exports are
  // registered (all before activate() returns, so a restored preview finds its serializer).
  const started = languageClient.start();
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('drplan.restartServer', async () => {
      output.appendLine('Restarting the DR-Plan language server …');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('drplan.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('drplan.newPlan', () => openNewPlan(languageClient, platform.newPlanFolder())),
    registerImportCommand(languageClient, platform.availabilityImport),
  );
  const preview = new PreviewManager(context.extensionUri, languageClient);
  context.subscriptions.push(
    preview,
    ...registerExportCommands(languageClient, preview, platform.exportFiles),
    followWorkspaceTrust(languageClient, preview, platform.watchRepository),
  );
  const currentPlan = () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'drplan' ? editor.document.uri : preview.activePreviewUri();
  };
  const drills = new DrillManager(context.extensionUri, languageClient, context.globalState, currentPlan, platform.exportFiles);
  context.subscriptions.push(drills);
  await started;
  return { client: languageClient, preview: preview.api, drills: drills.api };
}

export async function deactivateDrplan(): Promise<void> {
  await client?.stop();
  client = undefined;
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
