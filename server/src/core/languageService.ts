/**
 * The language service: one object that answers everything a front end asks about plans, made
 * by `createLanguageService` with what stays the same for its life (the language of the
 * messages, the day to check against) and what a front end may change (`configure`: the size
 * limit). The server, the CLI and the tests use it alike; it is pure like the rest of the core
 * (no file system, no connection), and bundled apart as dist/language-service.js, which the
 * server requires only once the client is initialized.
 *
 * One error policy: a feature that answers at a place in a plan (completion, hover, navigation,
 * symbols, folding, code actions) catches what it throws, reports it to the logger and answers
 * empty (null or []): a bug in one feature must neither take the server down nor pass unseen.
 * What a front end makes of a whole plan (the analysis, its diagnostics, a new plan's text)
 * throws instead, since each caller says in its own way that it failed: the CLI as an internal
 * error of that file, the preview and the exports as an error the user reads. The document
 * builder turns its own failure into a document that says why (render/build.ts), so the author
 * reads it in the preview and the export.
 */
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze, reanalyze, type Analysis, type AnalyzeOptions } from './analysis';
import { exerciseEntryEdits } from './drill/exerciseEntry';
import type { DrillPlan, DrillReportInput, ExerciseRecord } from './drill/record';
import { drillPlan } from './drill/scenarios';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { newPlanText } from './features/newPlan';
import { publishedDiagnostics } from './features/publishedDiagnostics';
import { references } from './features/references';
import { prepareRename, rename, type RenamePlaceholder } from './features/rename';
import type { RenameRefusal } from './features/renameRefusal';
import { documentSymbols } from './features/symbols';
import type { TooLarge } from './i18n/fileMessages';
import { DEFAULT_MAX_FILE_SIZE } from './limits';
import { htmlFile, isDraft, pdfFile, planDocument, previewFragment } from './render/preview';
import { drillReportDocument } from './render/drillReport';
import { tooLargeFragment } from './render/tooLarge';
import type { ChangeHistory } from './render/changeHistory';
import type { PlanDocument } from './render/tree';
import type { Locale, PlanDiagnostic } from './types';
import { isRecordedResult, type AvailabilityPlan, type RecordedResult } from './measure/measurements';
import { availabilityPlan, availabilityResultEdits, isUnreadable, type PlanProblem } from './measure/planResults';
import { parsePeriod } from './period';
import { toTextEdits } from './yaml/offsetEdits';

/** Where a failing feature is reported. */
export interface LanguageServiceLogger {
  /** `feature` failed on the plan at `uri`: a bug in drplan, whose answer was empty. */
  failed(feature: string, uri: string, error: unknown): void;
}

export interface LanguageServiceOptions {
  /** The language of messages, hovers, completions and titles (the plan document is German). */
  readonly locale: Locale;
  /** The day to check dates against and to date what is made; default the current day of each call. */
  readonly today?: Date;
  /** Texts larger than this many bytes of UTF-8 are not parsed (default 5 MB; Infinity: none). */
  readonly maxFileSize?: number;
  readonly logger: LanguageServiceLogger;
}

/** What a front end may change while the service lives. */
export interface LanguageServiceSettings {
  /** Bytes; Infinity for none. */
  readonly maxFileSize?: number;
}

/** What a reader of the text knows besides the text (the CLI: a file's size, bytes it could not decode). */
export type TextSource = Pick<AnalyzeOptions, 'uri' | 'size' | 'invalidUtf8'>;

export interface LanguageService {
  readonly locale: Locale;
  /**
   * Applies new settings; answers whether they change what an analysis is (then analyses made
   * before are stale: the size limit decides whether a text is read at all).
   */
  configure(settings: LanguageServiceSettings): boolean;

  /** The analysis of a text, which every other method reads. */
  analyze(text: string, source?: TextSource): Analysis;
  /** The analysis of the next version of a text, made from the previous one's (analysis.ts). */
  reanalyze(previous: Analysis, text: string, source?: TextSource): Analysis;
  /** Every diagnostic of the plan (the CLI's). */
  diagnostics(analysis: Analysis, uri: string): readonly PlanDiagnostic[];
  /** The diagnostics an editor is sent: at most MAX_PUBLISHED_DIAGNOSTICS (publishedDiagnostics.ts). */
  publishedDiagnostics(analysis: Analysis, uri: string): readonly PlanDiagnostic[];

  /**
   * Completion at `offset` of `text`, which may be newer than the analysis (the user types on);
   * without an analysis there are keys and catalog values still.
   */
  complete(analysis: Analysis | undefined, text: string, offset: number, uri: string): CompletionItem[];
  hover(analysis: Analysis, offset: number, uri: string): Hover | null;
  /** The quick fixes for the client's `diagnostics` in `range`; `only` as LSP's `context.only`. */
  codeActions(analysis: Analysis, range: Range, diagnostics: readonly Diagnostic[], uri: string, only?: readonly string[]): CodeAction[];
  definition(analysis: Analysis, offset: number, uri: string): Location[];
  references(analysis: Analysis, offset: number, uri: string, includeDeclaration: boolean): Location[];
  /** The id to rename at `offset`, or why there is none (for the user); null if the feature failed. */
  prepareRename(analysis: Analysis, offset: number, uri: string): RenamePlaceholder | RenameRefusal | null;
  rename(analysis: Analysis, offset: number, newName: string, uri: string): WorkspaceEdit | RenameRefusal | null;
  documentSymbols(analysis: Analysis, uri: string): DocumentSymbol[];
  foldingRanges(analysis: Analysis, uri: string): FoldingRange[];

  /** The text of a new plan: every catalog scenario, the comments in the service's language. */
  newPlan(): string;

  /**
   * The German plan document of an analysis (built once per analysis, day and history);
   * `history`: the plan file's commits, which the edge read from git (render/changeHistory.ts).
   */
  planDocument(analysis: Analysis, history?: ChangeHistory): PlanDocument;
  /** Whether the document says ENTWURF. */
  isDraft(document: PlanDocument): boolean;
  /** The document's body for the preview. */
  previewFragment(document: PlanDocument): string;
  /** The document as one self-contained HTML file. */
  htmlFile(document: PlanDocument): string;
  /** The document as a PDF file; `progress` hears the part done (0 to 1) as it goes on. */
  pdfFile(document: PlanDocument, progress?: (done: number) => void): Promise<Uint8Array>;
  /** What the preview shows for a plan over the size limit instead of its document. */
  tooLargeFragment(tooLarge: TooLarge): string;

  /** What the availability import asks to measure (measure/planResults.ts); undefined for a plan it cannot read. */
  availabilityPlan(analysis: Analysis): AvailabilityPlan | undefined;
  /** The one edit that records a period's results in `availability.results`, or why there is none. */
  availabilityResultsEdit(analysis: Analysis, period: string, results: readonly RecordedResult[]): { readonly edit: TextEdit } | PlanProblem;
  /** The scenarios a recovery drill can take, with their steps, times and objectives (drill/scenarios.ts). */
  drillPlan(analysis: Analysis): DrillPlan;
  /**
   * The edits that add a finished drill to the exercises of the scenario `scenarioId` (found by id
   * in this analysis), or why they cannot be made, in the service's language.
   */
  exerciseEdit(analysis: Analysis, scenarioId: string, record: ExerciseRecord): TextEdit[] | { readonly refusal: string };
  /** The drill report (Übungsprotokoll) as a document tree, for the PDF (render/drillReport.ts). */
  drillReport(input: DrillReportInput): PlanDocument;
}

/** The one export of dist/language-service.js that the server requires. */
export type LanguageServiceFactory = typeof createLanguageService;

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { locale, logger } = options;
  let maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const today = () => options.today ?? new Date();
  const analyzeOptions = (source: TextSource = {}): AnalyzeOptions => ({ ...source, today: today(), maxFileSize });

  /** The answer of a feature, or `none` when it failed: then the failure is logged. */
  const guarded = <T, N>(feature: string, uri: string, none: N, answer: () => T): T | N => {
    try {
      return answer();
    } catch (error) {
      logger.failed(feature, uri, error);
      return none;
    }
  };
  /** A plan too large to be read has no features, only its one diagnostic. */
  const onPlan = <T, N>(feature: string, analysis: Analysis, uri: string, none: N, answer: () => T): T | N =>
    analysis.tooLarge ? none : guarded(feature, uri, none, answer);

  return {
    locale,
    configure(settings) {
      if (settings.maxFileSize === undefined || settings.maxFileSize === maxFileSize) return false;
      maxFileSize = settings.maxFileSize;
      return true;
    },

    analyze: (text, source) => analyze(text, analyzeOptions(source)),
    reanalyze: (previous, text, source) => reanalyze(previous, text, analyzeOptions(source)),
    diagnostics: (analysis, uri) => analysis.diagnostics(locale, uri),
    publishedDiagnostics: (analysis, uri) => publishedDiagnostics(analysis.diagnostics(locale, uri), locale),

    complete: (analysis, text, offset, uri) =>
      analysis?.tooLarge ? [] : guarded('completion', uri, [], () => complete(analysis, text, offset, locale, { today: today() })),
    hover: (analysis, offset, uri) => onPlan('hover', analysis, uri, null, () => hover(analysis, offset, locale)),
    codeActions: (analysis, range, diagnostics, uri, only) =>
      onPlan('code actions', analysis, uri, [], () =>
        codeActions(analysis, range, diagnostics, locale, { uri, only, today: today() }),
      ),
    definition: (analysis, offset, uri) => onPlan('definition', analysis, uri, [], () => definition(analysis, offset, uri)),
    references: (analysis, offset, uri, includeDeclaration) =>
      onPlan('references', analysis, uri, [], () => references(analysis, offset, uri, includeDeclaration)),
    prepareRename: (analysis, offset, uri) => onPlan('rename', analysis, uri, null, () => prepareRename(analysis, offset, locale)),
    rename: (analysis, offset, newName, uri) => onPlan('rename', analysis, uri, null, () => rename(analysis, offset, newName, uri, locale)),
    documentSymbols: (analysis, uri) => onPlan('symbols', analysis, uri, [], () => documentSymbols(analysis, locale)),
    foldingRanges: (analysis, uri) => onPlan('folding', analysis, uri, [], () => foldingRanges(analysis)),

    newPlan: () => newPlanText(locale, today()),

    planDocument: (analysis, history) => planDocument(analysis, today(), history),
    isDraft,
    previewFragment,
    htmlFile,
    pdfFile,
    tooLargeFragment: (tooLarge) => tooLargeFragment(tooLarge, locale),

    availabilityPlan: (analysis) => (isUnreadable(analysis) ? undefined : availabilityPlan(analysis)),
    availabilityResultsEdit(analysis, period, results) {
      const days = parsePeriod(period);
      // What a client sends back is checked: only figures are written, never text of its own.
      if (!days || !results.every(isRecordedResult)) return { problem: 'unreadable' };
      const recorded = availabilityResultEdits(analysis, days, results);
      if ('problem' in recorded) return recorded;
      const { start, end, text } = recorded.edit;
      return { edit: { range: analysis.yaml.index.range(start, end), newText: text } };
    },
    drillPlan: (analysis) => drillPlan(analysis, locale),
    exerciseEdit(analysis, scenarioId, record) {
      const made = exerciseEntryEdits(analysis, scenarioId, record);
      return 'refusal' in made ? { refusal: made.refusal[locale] } : toTextEdits(analysis.yaml.index, made.edits);
    },
    drillReport: (input) => drillReportDocument(input, today()),
  };
}
