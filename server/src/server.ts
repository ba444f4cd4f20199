/**
 * The drplan language server: LSP wiring only. Every answer comes from the language service in
 * ./core through the one cached analysis of each document version.
 *
 * In VS Code it speaks over IPC; for any other editor: `drplan-language-server --stdio`.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { DocumentAnalyses } from './documentAnalyses';
import { localeFrom } from './locale';
import type { Locale } from './core';
import { version } from '../../package.json';

/** What a client may pass in `initializationOptions`. */
interface InitializationOptions {
  /** 'de' or 'en'; otherwise the client's `locale` decides. */
  locale?: string;
  /** Milliseconds between the last change and the check. */
  validationDelay?: number;
  /** Check dates as of this day (YYYY-MM-DD), for reproducible tests. */
  today?: string;
}

const DEFAULT_DELAY_MS = 15;

if (process.argv.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'en';
let today: string | undefined;
let hasConfigurationCapability = false;

const analyses = new DocumentAnalyses(() => (today ? new Date(today) : new Date()));
const scheduler = new DiagnosticsScheduler(DEFAULT_DELAY_MS, publishDiagnostics);

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  locale = localeFrom(options.locale ?? params.locale);
  today = options.today;
  if (typeof options.validationDelay === 'number') scheduler.setDelay(options.validationDelay);
  hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'drplan-language-server', version },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'drplan' });
  }
});

connection.onDidChangeConfiguration(async () => {
  if (!hasConfigurationCapability) return;
  const settings = (await connection.workspace.getConfiguration('drplan')) as { validation?: { delay?: number } } | null;
  const delay = settings?.validation?.delay;
  if (typeof delay === 'number') scheduler.setDelay(delay);
});

documents.onDidOpen(({ document }) => publishDiagnostics(document.uri));
documents.onDidChangeContent(({ document }) => {
  // didOpen is answered at once above; this fires for it too, and then finds the work done.
  if (analyses.has(document)) return;
  scheduler.schedule(document.uri);
});
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  analyses.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function publishDiagnostics(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  try {
    const analysis = analyses.get(document);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: analysis.diagnostics(locale, uri) });
  } catch (error) {
    // A bug in a rule must not take the server down with it: say so and keep serving.
    connection.console.error(`drplan: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

documents.listen(connection);
connection.listen();
