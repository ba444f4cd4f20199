import { spawn, type ChildProcess } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/**
 * A minimal LSP client over stdio, as an editor other than VS Code would be: starts a server
 * process, initializes it and waits for the diagnostics of a given document version. Used by
 * the server tests and by the benchmark, for drplan and for its peer alike.
 */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private stderr = '';
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult | undefined;

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i]!;
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    // Servers may ask for configuration or register capabilities; answer like a plain editor.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  static async start(
    command: string,
    args: readonly string[],
    initializationOptions: unknown = {},
    options: { locale?: string; settings?: unknown } = {},
  ): Promise<LspClient> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    if (options.settings !== undefined) {
      const settings = options.settings;
      client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
        params.items.map((item) => lookup(settings, item.section)),
      );
    }
    client.initializeResult = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'en',
      capabilities: {
        workspace: { configuration: options.settings !== undefined },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    if (options.settings !== undefined) {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: options.settings });
    }
    return client;
  }

  open(uri: string, text: string, languageId = 'drplan', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The next diagnostics for `uri` that satisfy `accept` (default: any). Servers that do not
   * send a version (yaml-language-server) are matched by `accept` on content or by order.
   */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  /** Diagnostics of exactly this document version (for servers that publish versions). */
  diagnosticsOfVersion(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    const known = this.diagnostics.get(uri);
    if (known?.version === version) return Promise.resolve(known.diagnostics);
    return this.nextDiagnostics(uri, (p) => p.version === version, timeoutMs).then((p) => p.diagnostics);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), delay(2000)]);
      this.process.kill();
    }
  }
}

function lookup(settings: unknown, section: string | undefined): unknown {
  if (!section) return settings;
  let here: unknown = settings;
  for (const key of section.split('.')) here = here && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
  return here ?? null;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Two servers of the bundle (dist/server.js) over stdio, one answering in German and one in
 * English, with the given initialization options: the set-up of the per-language LSP tests.
 */
export function germanAndEnglishServers(server: string, initializationOptions: object): Promise<[LspClient, LspClient]> {
  return Promise.all([
    LspClient.start('node', [server, '--stdio'], initializationOptions, { locale: 'de' }),
    LspClient.start('node', [server, '--stdio'], initializationOptions, { locale: 'en' }),
  ]);
}
