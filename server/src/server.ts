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
import { IdleCollector } from './idleCollector';
import { renderRequests, type RenderRequests } from './renderRequests';
import { orResponseError } from './responseError';
import { FIX_ALL_KIND } from './core/features/codeActionKinds';
import { megabytesToBytes } from './core/limits';
import { EXPORT_HTML_REQUEST, EXPORT_PDF_REQUEST, PREVIEW_REQUEST, type RenderParams } from './renderProtocol';
import { localeFrom } from './locale';
import type { Analysis, Locale } from './core';
import { version } from '../../package.json';

/** What a client may pass in `initializationOptions`. */
interface InitializationOptions {
  /** 'de' or 'en'; otherwise the client's `locale` decides. */
  locale?: string;
  /** Milliseconds between the last change and the check. */
  validationDelay?: number;
  /** Check dates as of this day (YYYY-MM-DD), for reproducible tests. */
  today?: string;
  /** Plans larger than this many megabytes are not parsed (`drplan.maxFileSize`); 0: no limit. */
  maxFileSize?: number;
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

/**
 * The language service (languageService.ts: the core, yaml, ajv) is a bundle of its own, required
 * once the client is initialized (or by the first request that needs it): `initialize` is
 * answered without compiling it, which shortens the extension's activation.
 */
let loadedService: typeof import('./languageService') | undefined;
function service(): typeof import('./languageService') {
  loadedService ??= require('./languageService') as typeof import('./languageService');
  return loadedService;
}

/** One analysis per open document version (documentAnalyses.ts), made by the language service. */
const analyses = new DocumentAnalyses(() => todayDate() ?? new Date(), service);

const scheduler = new DiagnosticsScheduler(DEFAULT_DELAY_MS, publishDiagnostics, (uri) => documents.get(uri)?.getText().length ?? 0);
const idle = new IdleCollector();

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  locale = localeFrom(options.locale ?? params.locale);
  today = options.today;
  if (typeof options.validationDelay === 'number') scheduler.setDelay(options.validationDelay);
  if (typeof options.maxFileSize === 'number') analyses.setMaxFileSize(megabytesToBytes(options.maxFileSize));
  hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [' ', ':', '[', ',', '-'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
    },
    serverInfo: { name: 'drplan-language-server', version },
  };
});

connection.onInitialized(() => {
  service(); // before the first document arrives
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'drplan' });
  }
});

connection.onDidChangeConfiguration(async () => {
  if (!hasConfigurationCapability) return;
  const settings = (await connection.workspace.getConfiguration('drplan')) as { validation?: { delay?: number }; maxFileSize?: number } | null;
  const delay = settings?.validation?.delay;
  if (typeof delay === 'number') scheduler.setDelay(delay);
  // Whether a plan is read at all depends on the limit: check every open plan again.
  const limit = settings?.maxFileSize;
  if (typeof limit === 'number' && analyses.setMaxFileSize(megabytesToBytes(limit))) {
    for (const document of documents.all()) scheduler.now(document.uri);
  }
});

// Checked at once, yet after the messages already received (another plan's open, a request).
documents.onDidOpen(({ document }) => scheduler.now(document.uri));
documents.onDidChangeContent(({ document }) => {
  // didOpen is answered at once above; this fires for it too, and then finds the work done.
  if (analyses.has(document)) return;
  scheduler.schedule(document.uri);
});
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  analyses.forget(document.uri);
  idle.touch();
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function publishDiagnostics(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  try {
    const analysis = analyses.get(document);
    // At most MAX_PUBLISHED_DIAGNOSTICS, the last with a note of the rest (publishedDiagnostics.ts).
    const diagnostics = service().publishedDiagnostics(analysis.diagnostics(locale, uri), locale);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...diagnostics] });
    idle.touch();
  } catch (error) {
    // A bug in a rule must not take the server down with it: say so and keep serving.
    logFailure('checking', uri, error);
  }
}

// Every feature answers from the one cached analysis of the document's version (core/features).
connection.onCompletion(({ textDocument, position }) =>
  // complete() reads the cursor's place from the text itself and needs the analysis only for ids,
  // so a failing analysis still leaves keys and catalog values.
  withDocument(textDocument.uri, [], 'completion', (document) => {
    const analysis = tryAnalysis(document);
    return analysis?.tooLarge ? [] : service().complete(analysis, document.getText(), document.offsetAt(position), locale, { today: todayDate() });
  }),
);
connection.onHover(({ textDocument, position }) =>
  withAnalysis(textDocument.uri, null, 'hover', (analysis, document) => service().hover(analysis, document.offsetAt(position), locale)),
);
connection.onDocumentSymbol(({ textDocument }) =>
  withAnalysis(textDocument.uri, [], 'symbols', (analysis) => service().documentSymbols(analysis, locale)),
);
connection.onDefinition(({ textDocument, position }) =>
  withAnalysis(textDocument.uri, [], 'definition', (analysis, document) => service().definition(analysis, document.offsetAt(position), document.uri)),
);
connection.onReferences(({ textDocument, position, context }) =>
  withAnalysis(textDocument.uri, [], 'references', (analysis, document) =>
    service().references(analysis, document.offsetAt(position), document.uri, context.includeDeclaration),
  ),
);
connection.onPrepareRename(({ textDocument, position }) =>
  withAnalysis(textDocument.uri, null, 'rename', (analysis, document) => orResponseError(service().prepareRename(analysis, document.offsetAt(position), locale))),
);
connection.onRenameRequest(({ textDocument, position, newName }) =>
  withAnalysis(textDocument.uri, null, 'rename', (analysis, document) =>
    orResponseError(service().rename(analysis, document.offsetAt(position), newName, document.uri, locale)),
  ),
);
connection.onFoldingRanges(({ textDocument }) => withAnalysis(textDocument.uri, [], 'folding', (analysis) => service().foldingRanges(analysis)));
connection.onCodeAction(({ textDocument, range, context }) =>
  withAnalysis(textDocument.uri, [], 'code actions', (analysis, document) =>
    service().codeActions(analysis, range, context.diagnostics, locale, {
      uri: document.uri,
      only: context.only,
      today: todayDate(),
      onError: (error) => logFailure('code actions', document.uri, error),
    }),
  ),
);

// The plan document (preview, exports) from the same cached analysis: renderRequests.ts.
let renderAnswers: RenderRequests | undefined;
function render(): RenderRequests {
  renderAnswers ??= renderRequests({
    document: (uri) => documents.get(uri),
    analysis: (document) => analyses.get(document),
    today: () => todayDate() ?? new Date(),
    locale: () => locale,
    log: logFailure,
    rendering: service,
  });
  return renderAnswers;
}
connection.onRequest(PREVIEW_REQUEST, (params: RenderParams) => render().preview(params));
connection.onRequest(EXPORT_HTML_REQUEST, (params: RenderParams) => render().exportHtml(params));
connection.onRequest(EXPORT_PDF_REQUEST, (params: RenderParams) => render().exportPdf(params));

/**
 * Answers a request for an open document; `none` when the server does not have it or the
 * feature fails: a bug in one feature is logged and must not take the server down.
 */
function withDocument<T, F>(uri: string, none: F, feature: string, answer: (document: TextDocument) => T): T | F {
  const document = documents.get(uri);
  if (!document) return none;
  try {
    return answer(document);
  } catch (error) {
    logFailure(feature, uri, error);
    return none;
  }
}

function withAnalysis<T, F>(uri: string, none: F, feature: string, answer: (analysis: Analysis, document: TextDocument) => T): T | F {
  // A plan too large to be read has no features, only its one diagnostic.
  return withDocument(uri, none, feature, (document) => {
    const analysis = analyses.get(document);
    return analysis.tooLarge ? none : answer(analysis, document);
  });
}

function tryAnalysis(document: TextDocument): Analysis | undefined {
  try {
    return analyses.get(document);
  } catch (error) {
    logFailure('analysis', document.uri, error);
    return undefined;
  }
}

function todayDate(): Date | undefined {
  return today ? new Date(today) : undefined;
}

function logFailure(feature: string, uri: string, error: unknown): void {
  connection.console.error(`drplan: ${feature} for ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
}

documents.listen(connection);
connection.listen();
