/**
 * The drplan language server's handlers (`connection.on…`), the same in every place it runs: a
 * Node process (server.ts: stdio, IPC, sockets) and a web worker of VS Code in the browser
 * (browserServer.ts). Every answer comes from the language service in ./core through the one
 * cached analysis of each document version; what differs between the two is passed in as
 * services (serverServices.ts).
 */
import {
  DidChangeConfigurationNotification,
  LogTraceNotification,
  LSPErrorCodes,
  SetTraceNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ProposedFeatures,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECK_TIMING_MESSAGE, CheckTimings, type CheckTiming } from './checkTimings';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { SETTLE_IDLE_MS, SettleWhenIdle } from './settleWhenIdle';
import { DocumentAnalyses } from './documentAnalyses';
import { PlanTextDocument } from './planTextDocument';
import { renderRequests, type RenderRequests } from './renderRequests';
import type { MeasureRequests } from './measureRequests';
import { AVAILABILITY_EDIT_REQUEST, MEASURE_AVAILABILITY_REQUEST, type AvailabilityEditParams, type MeasureAvailabilityParams } from './measureProtocol';
import { drillRequests, type DrillRequests } from './drillRequests';
import { DRILL_PLAN_REQUEST, DRILL_REPORT_PDF_REQUEST, EXERCISE_EDIT_REQUEST, type DrillPlanParams, type ExerciseEditParams } from './drillProtocol';
import { orResponseError, requestFailed } from './responseError';
import { FIX_ALL_KIND } from './core/features/codeActionKinds';
import { measureMessages } from './core/i18n/measureMessages';
import { megabytesToBytes } from './core/limits';
import { NEW_PLAN_REQUEST, type NewPlanResult } from './newPlanProtocol';
import { EXPORT_HTML_REQUEST, EXPORT_PDF_REQUEST, PREVIEW_REQUEST, WORKSPACE_TRUSTED_NOTIFICATION, type RenderParams } from './renderProtocol';
import type { ChangeHistory } from './core/render/changeHistory';
import type { PlanDocument } from './core/render/tree';
import { localeFrom } from './locale';
import type { Analysis } from './core';
import type { LanguageService, LanguageServiceOptions } from './core/languageService';
import { version } from '../../package.json';
import { maxFileSizeFrom, validationDelayFrom } from './settings';
import type { ChangeHistories, ServerServices } from './serverServices';

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
  /**
   * The user trusts the workspace (VS Code's Workspace Trust): only then does the server run git
   * for the document's change history. Later: the notification `drplan/workspaceTrusted`.
   */
  workspaceTrusted?: boolean;
}

/** No delay: a change is checked at once when the server is idle (diagnosticsScheduler.ts). */
const DEFAULT_DELAY_MS = 0;

/** Registers every handler on `connection` and starts listening. */
export function serveLanguage(connection: ProposedFeatures.Connection, services: ServerServices): void {
  // What each check costs, step by step, for `drplan.trace.server: verbose` (checkTimings.ts).
  const timings = new CheckTimings();
  let traceVerbose = false;
  // Once the messages that came while the server was busy are read (the scheduler is made below).
  const settling = new SettleWhenIdle(SETTLE_IDLE_MS, (work) => scheduler.afterMessages(work));
  // The documents keep a change's text in pieces until it is read (planTextDocument.ts).
  const documents = new TextDocuments({
    create: PlanTextDocument.create,
    update: (document, changes, version) => {
      const readAt = performance.now();
      const updated = PlanTextDocument.update(document, changes, version);
      const appliedAt = performance.now();
      timings.changed(document.uri, appliedAt, appliedAt - readAt);
      return updated;
    },
  });
  let hasConfigurationCapability = false;

  /** What `initialize` said, for the language service made after it. */
  let serviceOptions: LanguageServiceOptions = { locale: 'en', logger: { failed: logFailure } };

  /**
   * The language service (core/languageService.ts: the core, yaml, ajv), made once the client is
   * initialized (or by the first request that needs it). With it come the one analysis per open
   * document version (documentAnalyses.ts) and the plan-document requests.
   */
  interface Loaded {
    readonly service: LanguageService;
    readonly analyses: DocumentAnalyses;
    readonly render: RenderRequests;
    readonly measure: MeasureRequests;
    readonly drill: DrillRequests;
  }
  let loaded: Loaded | undefined;
  function language(): Loaded {
    if (!loaded) {
      const service = services.languageService()(serviceOptions);
      const analyses = new DocumentAnalyses(service);
      // A PDF maker of the platform (Node: a worker thread, started on the first export); else the service itself.
      const pdfMaker = services.pdfMaker?.(() => service.locale);
      const pdf = pdfMaker && ((document: PlanDocument, progress?: (done: number) => void) => pdfMaker.pdf(document, progress));
      const sources = { document: (uri: string) => documents.get(uri), analysis: (document: TextDocument) => analyses.get(document), service, log: logFailure };
      const render = renderRequests({ ...sources, pdf, history: changeHistoryOf });
      // The availability import (measureRequests.ts): Prometheus only in a trusted workspace, and only where the platform can ask it.
      const measure = services.measure?.({ ...sources, trusted: () => workspaceTrusted }) ?? measureUnavailable(service);
      // The recovery drill (drillRequests.ts): the scenarios, the exercise entry, the drill report.
      const drill = drillRequests({ ...sources, pdf });
      loaded = { service, analyses, render, measure, drill };
    }
    return loaded;
  }

  /**
   * The plans' histories (git), once the client says that the user trusts the workspace: a
   * repository's configuration can name programs, so in Restricted Mode (and for a client that
   * says nothing) git never runs and the document shows the plan's `history:`. A platform without
   * git (the browser) shows them always.
   */
  let workspaceTrusted = false;
  let histories: ChangeHistories | undefined;
  const trust = () => {
    workspaceTrusted = true;
    histories ??= services.changeHistories?.(logFailure);
  };

  async function changeHistoryOf(uri: string, text: string): Promise<ChangeHistory | undefined> {
    return histories?.history(uri, text);
  }

  const scheduler = new DiagnosticsScheduler(DEFAULT_DELAY_MS, publishDiagnostics, (uri) => documents.get(uri)?.getText().length ?? 0);

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    serviceOptions = {
      ...serviceOptions,
      locale: localeFrom(options.locale ?? params.locale),
      ...(options.today ? { today: new Date(options.today) } : {}),
    };
    const maxFileSize = maxFileSizeFrom(options.maxFileSize);
    if (maxFileSize !== undefined) serviceOptions = { ...serviceOptions, maxFileSize: megabytesToBytes(maxFileSize) };
    const delay = validationDelayFrom(options.validationDelay);
    if (delay !== undefined) scheduler.setDelay(delay);
    if (options.workspaceTrusted === true) trust();
    traceVerbose = params.trace === 'verbose';
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        // Saves: the git history of a saved plan is read again.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
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
    language(); // before the first document arrives
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'drplan' });
    }
  });

  connection.onDidChangeConfiguration(async () => {
    if (!hasConfigurationCapability) return;
    const settings = (await connection.workspace.getConfiguration('drplan')) as { validation?: { delay?: number }; maxFileSize?: number } | null;
    const delay = validationDelayFrom(settings?.validation?.delay);
    if (delay !== undefined) scheduler.setDelay(delay);
    // Whether a plan is read at all depends on the limit: check every open plan again.
    const limit = maxFileSizeFrom(settings?.maxFileSize);
    if (limit !== undefined && language().analyses.setMaxFileSize(megabytesToBytes(limit))) {
      for (const document of documents.all()) scheduler.now(document.uri);
    }
  });

  // Checked at once, yet after the messages already received (another plan's open, a request).
  documents.onDidOpen(({ document }) => scheduler.now(document.uri));
  documents.onDidChangeContent(({ document }) => {
    // didOpen is answered at once above; this fires for it too, and then finds the work done.
    if (loaded?.analyses.has(document)) return;
    scheduler.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => histories?.forget(document.uri));
  documents.onDidClose(({ document }) => {
    histories?.forget(document.uri);
    scheduler.cancel(document.uri);
    timings.forget(document.uri);
    settling.forget(document.uri);
    loaded?.analyses.forget(document.uri);
    services.idle?.touch();
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, trust);
  // The server's only trace is the checks' timings; it replaces the library's own handler, which
  // keeps no level a server could read.
  connection.onNotification(SetTraceNotification.type, ({ value }) => {
    traceVerbose = value === 'verbose';
  });

  let checkedOnce = false;
  function publishDiagnostics(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const { service, analyses } = language();
      services.idle?.beforeCheck();
      const startedAt = performance.now();
      const typing = analyses.analysed(uri);
      const analysis = analyses.get(document);
      const analysedAt = performance.now();
      // At most MAX_PUBLISHED_DIAGNOSTICS, the last with a note of the rest (publishedDiagnostics.ts).
      const params = { uri, version: document.version, diagnostics: [...service.publishedDiagnostics(analysis, uri)] };
      const renderedAt = performance.now();
      const written = connection.sendDiagnostics(params);
      if (!checkedOnce) {
        checkedOnce = true;
        services.firstChecked?.();
      }
      if (traceVerbose) traceTiming(uri, startedAt, analysedAt, renderedAt, params);
      else timings.forget(uri);
      // What the diagnostics did not need (moving the offsets after the edit, a collection) once
      // the pipe has taken all of them: a message larger than the pipe's buffer (64 KiB: about 220
      // diagnostics) goes out in parts, each written when the event loop is free, and work in the
      // turn after the first part kept the rest waiting. The moves wait for a pause in typing.
      const afterWriting = (): void => {
        settling.published(uri, analysis);
        services.idle?.touch(typing);
      };
      written.then(afterWriting, afterWriting);
    } catch (error) {
      // A bug in a rule must not take the server down with it: say so and keep serving.
      logFailure('checking', uri, error);
    }
  }

  function traceTiming(uri: string, startedAt: number, analysedAt: number, renderedAt: number, params: { version: number; diagnostics: readonly unknown[] }): void {
    const serialising = performance.now();
    JSON.stringify(params);
    const timing: CheckTiming = {
      version: params.version,
      ...timings.checking(uri, startedAt),
      analysisMs: analysedAt - startedAt,
      renderMs: renderedAt - analysedAt,
      serialiseMs: performance.now() - serialising,
      diagnostics: params.diagnostics.length,
    };
    void connection.sendNotification(LogTraceNotification.type, { message: `${CHECK_TIMING_MESSAGE}: ${uri}`, verbose: JSON.stringify(timing) });
  }

  // Every feature answers from the one cached analysis of the document's version; the service logs
  // a feature that fails and answers empty (core/languageService.ts).
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    // complete() reads the cursor's place from the text itself and needs the analysis only for ids,
    // so a failing analysis still leaves keys and catalog values.
    return language().service.complete(tryAnalysis(document), document.getText(), document.offsetAt(position), document.uri);
  });
  connection.onHover(({ textDocument, position }) =>
    withAnalysis(textDocument.uri, null, (service, analysis, document) => service.hover(analysis, document.offsetAt(position), document.uri)),
  );
  connection.onDocumentSymbol(({ textDocument }) => withAnalysis(textDocument.uri, [], (service, analysis) => service.documentSymbols(analysis, textDocument.uri)));
  connection.onDefinition(({ textDocument, position }) =>
    withAnalysis(textDocument.uri, [], (service, analysis, document) => service.definition(analysis, document.offsetAt(position), document.uri)),
  );
  connection.onReferences(({ textDocument, position, context }) =>
    withAnalysis(textDocument.uri, [], (service, analysis, document) =>
      service.references(analysis, document.offsetAt(position), document.uri, context.includeDeclaration),
    ),
  );
  connection.onPrepareRename(({ textDocument, position }) =>
    withAnalysis(textDocument.uri, null, (service, analysis, document) => orResponseError(service.prepareRename(analysis, document.offsetAt(position), document.uri))),
  );
  connection.onRenameRequest(({ textDocument, position, newName }) =>
    withAnalysis(textDocument.uri, null, (service, analysis, document) =>
      orResponseError(service.rename(analysis, document.offsetAt(position), newName, document.uri)),
    ),
  );
  connection.onFoldingRanges(({ textDocument }) => withAnalysis(textDocument.uri, [], (service, analysis) => service.foldingRanges(analysis, textDocument.uri)));
  connection.onCodeAction(({ textDocument, range, context }) =>
    withAnalysis(textDocument.uri, [], (service, analysis, document) => service.codeActions(analysis, range, context.diagnostics, document.uri, context.only)),
  );

  // The plan document (preview, exports) from the same cached analysis: renderRequests.ts.
  connection.onRequest(PREVIEW_REQUEST, (params: RenderParams) => language().render.preview(params));
  connection.onRequest(EXPORT_HTML_REQUEST, (params: RenderParams) => language().render.exportHtml(params));
  connection.onRequest(EXPORT_PDF_REQUEST, async (params: RenderParams) => {
    // A large plan takes a while: the client hears how far it is ($/progress, in percent).
    const reporter = connection.window.attachWorkDoneProgress(params?.workDoneToken);
    reporter.begin('PDF', 0);
    let shown = 0;
    try {
      return await language().render.exportPdf(params, (done) => {
        const percent = Math.floor(done * 100);
        if (percent > shown) reporter.report((shown = percent));
      });
    } finally {
      reporter.done();
    }
  });

  // The availability import (measureProtocol.ts): figures from Prometheus, the edit for the client.
  connection.onRequest(MEASURE_AVAILABILITY_REQUEST, (params: MeasureAvailabilityParams, token) => language().measure.measure(params, token));
  connection.onRequest(AVAILABILITY_EDIT_REQUEST, (params: AvailabilityEditParams) => language().measure.edit(params));
  // The recovery drill: its scenarios, its exercise entry, its report (drillProtocol.ts).
  connection.onRequest(DRILL_PLAN_REQUEST, (params: DrillPlanParams) => language().drill.drillPlan(params));
  connection.onRequest(EXERCISE_EDIT_REQUEST, (params: ExerciseEditParams) => language().drill.exerciseEdit(params));
  connection.onRequest(DRILL_REPORT_PDF_REQUEST, (params: unknown) => language().drill.drillReportPdf(params));

  // The text of a new plan, for the client's command (newPlanProtocol.ts).
  connection.onRequest(NEW_PLAN_REQUEST, (): NewPlanResult | ResponseError<void> => {
    try {
      return { text: language().service.newPlan() };
    } catch (error) {
      logFailure('new plan', undefined, error);
      return requestFailed(error);
    }
  });

  connection.onExit(() => {
    settling.dispose();
    services.exit?.();
  });

  /**
   * Answers a request for an open document from the analysis of its current version; `none` when
   * the server does not have the document or its analysis fails (logged).
   */
  function withAnalysis<T, F>(uri: string, none: F, answer: (service: LanguageService, analysis: Analysis, document: TextDocument) => T): T | F {
    const document = documents.get(uri);
    const analysis = document && tryAnalysis(document);
    return document && analysis ? answer(language().service, analysis, document) : none;
  }

  function tryAnalysis(document: TextDocument): Analysis | undefined {
    try {
      return language().analyses.get(document);
    } catch (error) {
      logFailure('analysis', document.uri, error);
      return undefined;
    }
  }

  function logFailure(feature: string, uri: string | undefined, error: unknown): void {
    const of = uri === undefined ? '' : ` for ${uri}`;
    connection.console.error(`drplan: ${feature}${of} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }

  documents.listen(connection);
  connection.listen();
}

/** The availability import where the platform cannot ask Prometheus (VS Code in the browser): refused, with why. */
function measureUnavailable(service: LanguageService): MeasureRequests {
  const refusal = () => new ResponseError<void>(LSPErrorCodes.RequestFailed, measureMessages.notInBrowser[service.locale]);
  return { measure: () => Promise.resolve(refusal()), edit: refusal };
}
