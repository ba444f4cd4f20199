/**
 * Answers to the drill requests (drillProtocol.ts): the scenarios of a plan a drill can take, the
 * edit that records a finished drill in its scenario, and the drill report's PDF. What the client
 * sends is checked (core/drill/record.ts) before the core acts on it. Kept out of server.ts so that
 * the wiring there stays three lines.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core';
import { bytesToBase64 } from './core/base64';
import { drillReportInputOf, exerciseRecordOf } from './core/drill/record';
import { drillMessages } from './core/i18n/drillMessages';
import type { LanguageService } from './core/languageService';
import type { PlanDocument } from './core/render/tree';
import type { DrillPlanParams, DrillPlanResult, DrillReportPdfResult, ExerciseEditParams, ExerciseEditResult } from './drillProtocol';
import { requestFailed } from './responseError';

export interface DrillSources {
  document(uri: string): TextDocument | undefined;
  analysis(document: TextDocument): Analysis;
  readonly service: LanguageService;
  log(feature: string, uri: string | undefined, error: unknown): void;
  /** Makes the PDF of a tree (the server's PDF worker); default: the service, in-process. */
  pdf?(document: PlanDocument): Promise<Uint8Array>;
}

export interface DrillRequests {
  drillPlan(params: DrillPlanParams): DrillPlanResult | null | ResponseError<void>;
  exerciseEdit(params: ExerciseEditParams): ExerciseEditResult | null | ResponseError<void>;
  drillReportPdf(params: unknown): Promise<DrillReportPdfResult | ResponseError<void>>;
}

export function drillRequests(sources: DrillSources): DrillRequests {
  const { service } = sources;
  const refused = (reason: string) => new ResponseError<void>(LSPErrorCodes.RequestFailed, reason);
  /** The open document and the analysis of its current version, or why not. */
  const current = <T>(params: { textDocument?: { uri?: unknown } } | undefined, feature: string, answer: (version: number, analysis: Analysis) => T): T | null | ResponseError<void> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return refused('textDocument.uri is missing');
    const document = sources.document(uri);
    if (!document) return null;
    try {
      // This version's, taken now: the document object changes with the next edit.
      const { version } = document;
      return answer(version, sources.analysis(document));
    } catch (error) {
      sources.log(feature, uri, error);
      return requestFailed(error);
    }
  };
  return {
    drillPlan: (params) => current(params, 'drill plan', (version, analysis) => ({ version, plan: service.drillPlan(analysis) })),
    exerciseEdit(params) {
      const record = exerciseRecordOf(params?.exercise);
      if (!record || typeof params?.scenario !== 'string') return refused(drillMessages.invalidRecord[service.locale]);
      return current(params, 'exercise edit', (version, analysis) => {
        const edits = service.exerciseEdit(analysis, params.scenario, record);
        return 'refusal' in edits ? refused(edits.refusal) : { version, edits };
      });
    },
    async drillReportPdf(params) {
      const input = drillReportInputOf(params);
      if (!input) return refused(drillMessages.invalidRecord[service.locale]);
      try {
        const tree = service.drillReport(input);
        const bytes = await (sources.pdf ? sources.pdf(tree) : service.pdfFile(tree));
        return { data: bytesToBase64(bytes) };
      } catch (error) {
        sources.log('drill report', undefined, error);
        return requestFailed(error);
      }
    },
  };
}
