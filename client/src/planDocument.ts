/**
 * The plan document from the language server (server/src/renderProtocol.ts): the preview's
 * HTML fragment and the exported files. The server answers from its cached analysis of the
 * document's current version; the client never renders plan text itself.
 */
import * as vscode from 'vscode';
import { base64ToBytes } from '../../server/src/core/base64';
import { WorkDoneProgress, type BaseLanguageClient } from 'vscode-languageclient';
import {
  EXPORT_HTML_REQUEST,
  EXPORT_PDF_REQUEST,
  PREVIEW_REQUEST,
  type ExportHtmlResult,
  type ExportPdfResult,
  type PreviewResult,
  type RenderParams,
} from '../../server/src/renderProtocol';
import type { ExportFormat } from './export/exportTarget';

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly version: number;
  readonly draft: boolean;
}

/** A plan the server does not have open (closed meanwhile, or not a drplan document). */
export class NotOpenError extends Error {}

/**
 * Asks until the server has the document: a plan that was closed in every editor (the preview
 * restored after a reload shows one that no editor has open) is opened again, which sends it to
 * the server, and asked once more. `extra`: the request's parameters besides the document.
 */
export async function askAboutDocument<T>(client: BaseLanguageClient, uri: vscode.Uri, method: string, extra: object = {}, token?: vscode.CancellationToken): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await client.sendRequest<T | null>(method, { ...extra, textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } }, token);
    if (result !== null) return result;
    if (attempt > 0) throw new NotOpenError(vscode.l10n.t('The language server does not have {0} open.', uri.toString(true)));
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'drplan') throw new NotOpenError(vscode.l10n.t('{0} is not a DR plan (*.drplan.yaml).', uri.toString(true)));
  }
}

function ask<T>(client: BaseLanguageClient, uri: vscode.Uri, method: string, token?: vscode.CancellationToken, workDoneToken?: string): Promise<T> {
  const extra: Omit<RenderParams, 'textDocument'> = workDoneToken === undefined ? {} : { workDoneToken };
  return askAboutDocument<T>(client, uri, method, extra, token);
}

export function requestPreview(client: BaseLanguageClient, uri: vscode.Uri, token?: vscode.CancellationToken): Promise<PreviewResult> {
  return ask<PreviewResult>(client, uri, PREVIEW_REQUEST, token);
}

/** The exported file; `progress` hears the part of a PDF done (0 to 1) while the server makes it. */
export async function requestExport(client: BaseLanguageClient, uri: vscode.Uri, format: ExportFormat, progress?: (done: number) => void): Promise<ExportedFile> {
  if (format === 'pdf') {
    // LSP work-done progress: the server reports percentages under this token ($/progress).
    const workDoneToken = `drplan-export-${globalThis.crypto.randomUUID()}`;
    const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'report' && value.percentage !== undefined) progress?.(value.percentage / 100);
    });
    try {
      const result = await ask<ExportPdfResult>(client, uri, EXPORT_PDF_REQUEST, undefined, workDoneToken);
      return { bytes: base64ToBytes(result.data), version: result.version, draft: result.draft };
    } finally {
      listening.dispose();
    }
  }
  const result = await ask<ExportHtmlResult>(client, uri, EXPORT_HTML_REQUEST);
  return { bytes: new TextEncoder().encode(result.html), version: result.version, draft: result.draft };
}
