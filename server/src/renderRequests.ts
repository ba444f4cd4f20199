/**
 * Answers to the plan-document requests (renderProtocol.ts): the preview fragment and the two
 * exports, each from the cached analysis of the document's current version. Kept out of
 * server.ts so that the wiring there stays three lines.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core';
import { bytesToBase64 } from './core/base64';
import { fileMessages, type TooLarge } from './core/i18n/fileMessages';
import type { LanguageService } from './core/languageService';
import type { ChangeHistory } from './core/render/changeHistory';
import type { PlanDocument } from './core/render/tree';
import type { ExportHtmlResult, ExportPdfResult, PreviewResult, RenderParams } from './renderProtocol';
import { requestFailed } from './responseError';

export interface RenderSources {
  /** The open document, if the server has it. */
  document(uri: string): TextDocument | undefined;
  /** The one cached analysis of the document's current version. */
  analysis(document: TextDocument): Analysis;
  /**
   * The document's builders and emitters, and the language of the messages (a plan too large to
   * show; the document itself is German). The service is loaded after `initialize`; this module
   * stays in the server's own bundle, where ResponseError is the connection's class.
   */
  readonly service: LanguageService;
  log(feature: string, uri: string, error: unknown): void;
  /** Makes the PDF of a tree: in a worker in the server (pdfWorkerClient.ts); default: the service, in-process. */
  pdf?(document: PlanDocument, progress?: (done: number) => void): Promise<Uint8Array>;
  /**
   * The change history of `text` as the content of the plan at `uri`, from git (gitHistory.ts):
   * only in a trusted workspace; never rejects. Without it, the plan's `history:` entries.
   */
  history?(uri: string, text: string): Promise<ChangeHistory | undefined>;
}

export interface RenderRequests {
  preview(params: RenderParams): Promise<PreviewResult | null | ResponseError<void>>;
  exportHtml(params: RenderParams): Promise<ExportHtmlResult | null | ResponseError<void>>;
  /** `progress` hears the part done (0 to 1) while the PDF is made. */
  exportPdf(params: RenderParams, progress?: (done: number) => void): Promise<ExportPdfResult | null | ResponseError<void>>;
}

export function renderRequests(sources: RenderSources): RenderRequests {
  const { service } = sources;
  /**
   * The document tree of the current version, or null for a document the server does not have.
   * A plan over the size limit was not parsed: `tooLarge` answers for it (a document built from
   * nothing would show an empty plan). A failure is logged and answered as an error the client
   * can show: the preview and the export say why, instead of showing nothing.
   */
  const render = async <T>(
    params: RenderParams,
    feature: string,
    answer: (version: number, tree: PlanDocument) => T,
    tooLarge: (version: number, limits: TooLarge) => T | ResponseError<void>,
  ): Promise<T | null | ResponseError<void>> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return new ResponseError(LSPErrorCodes.RequestFailed, 'textDocument.uri is missing');
    const document = sources.document(uri);
    if (!document) return null;
    try {
      // This version's, taken now: the document object changes with the next edit.
      const { version } = document;
      const analysis = sources.analysis(document);
      if (analysis.tooLarge) return tooLarge(version, analysis.tooLarge);
      const history = await sources.history?.(uri, document.getText());
      return answer(version, service.planDocument(analysis, history));
    } catch (error) {
      sources.log(feature, uri, error);
      return requestFailed(error);
    }
  };
  /** The exports refuse a plan over the size limit rather than write an empty document. */
  const refuseExport = (_version: number, limits: TooLarge) => new ResponseError<void>(LSPErrorCodes.RequestFailed, fileMessages.tooLargeForExport(limits)[service.locale]);
  return {
    preview: (params) =>
      render(
        params,
        'preview',
        (version, tree) => ({ version, draft: service.isDraft(tree), html: service.previewFragment(tree) }),
        (version, limits) => ({ version, draft: false, html: service.tooLargeFragment(limits) }),
      ),
    exportHtml: (params) => render(params, 'HTML export', (version, tree) => ({ version, draft: service.isDraft(tree), html: service.htmlFile(tree) }), refuseExport),
    exportPdf: async (params, progress) => {
      // The tree is built now, from this version; the PDF is made from it while edits go on.
      const pending = await render(params, 'PDF export', (version, tree) => ({ version, tree }), refuseExport);
      if (pending === null || pending instanceof ResponseError) return pending;
      try {
        const bytes = await (sources.pdf ? sources.pdf(pending.tree, progress) : service.pdfFile(pending.tree, progress));
        return { version: pending.version, draft: service.isDraft(pending.tree), data: bytesToBase64(bytes) };
      } catch (error) {
        sources.log('PDF export', params.textDocument.uri, error);
        return requestFailed(error);
      }
    },
  };
}
