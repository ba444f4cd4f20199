/**
 * The language server's answers to the availability import (measureProtocol.ts): the figures of a
 * period from Prometheus (prometheus/measureFromPrometheus.ts, the network at the edge) and the
 * edit that records them, made by the language service from the document's current version. The
 * client applies the edit to the open document, as one undoable WorkspaceEdit.
 *
 * The network code runs here, in the language server, not in the extension host: the plan's
 * measurements and the edit come from the core, which only the server loads (the client bundles
 * no core), and `drplan measure` runs the same module. The server asks Prometheus only when the
 * client says the workspace is trusted, as it runs git only then.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core';
import { measureMessages, periodTitle } from './core/i18n/measureMessages';
import type { Message } from './core/i18n/messages';
import type { LanguageService } from './core/languageService';
import { parsePeriod } from './core/period';
import type { AvailabilityEditParams, AvailabilityEditResult, MeasureAvailabilityParams, MeasureAvailabilityResult } from './measureProtocol';
import { recordedResult } from './core/measure/measuredPeriod';

export interface MeasureSources {
  document(uri: string): TextDocument | undefined;
  analysis(document: TextDocument): Analysis;
  readonly service: LanguageService;
  /** Whether the client said that the user trusts the workspace. */
  trusted(): boolean;
  log(feature: string, uri: string, error: unknown): void;
}

export interface MeasureRequests {
  measure(params: MeasureAvailabilityParams, token?: CancellationToken): Promise<MeasureAvailabilityResult | ResponseError<void>>;
  edit(params: AvailabilityEditParams): AvailabilityEditResult | ResponseError<void>;
}

const notTrusted: Message = {
  de: 'Der Import der Verfügbarkeit aus Prometheus ist nur in einem vertrauenswürdigen Arbeitsbereich möglich',
  en: 'availability is imported from Prometheus only in a trusted workspace',
};
const notOpen = (uri: string): Message => ({ de: `Der Plan ${uri} ist nicht geöffnet`, en: `the plan ${uri} is not open` });
const badPeriod = (period: unknown): Message => ({
  de: `'${String(period)}' ist kein Monat (2026-11), Quartal (2026-Q3) oder Jahr (2026)`,
  en: `'${String(period)}' is no month (2026-11), quarter (2026-Q3) or year (2026)`,
});
const badUrl = (url: unknown): Message => ({
  de: `drplan.prometheus.url '${String(url)}' ist keine http(s)-Adresse ohne Benutzer, Passwort, ? und #`,
  en: `drplan.prometheus.url '${String(url)}' is no http(s) address without user, password, ? and #`,
});

export function measureRequests(sources: MeasureSources): MeasureRequests {
  const { service } = sources;
  const locale = service.locale;
  const refuse = (message: Message) => new ResponseError<void>(LSPErrorCodes.RequestFailed, message[locale]);

  /** The open document and the edit of `results` into its current version. */
  const editOf = (uri: string, period: string, results: MeasureAvailabilityResult['results']): AvailabilityEditResult | ResponseError<void> => {
    const document = sources.document(uri);
    if (!document) return refuse(notOpen(uri));
    const edited = service.availabilityResultsEdit(sources.analysis(document), period, results);
    if ('problem' in edited) return refuse(measureMessages.plan(edited, uri));
    return { version: document.version, edit: edited.edit };
  };

  return {
    async measure(params, token) {
      // Loaded on the first import: node:http and node:https would cost the server's start 10–20 ms.
      const { ImportFailed, measureFromPrometheus } = await import('./prometheus/measureFromPrometheus');
      const { prometheusBase, PrometheusFailure } = await import('./prometheus/prometheusClient');
      const uri = params?.textDocument?.uri;
      if (!sources.trusted()) return refuse(notTrusted);
      if (typeof uri !== 'string') return refuse(notOpen(String(uri)));
      const period = parsePeriod(params.period);
      if (!period) return refuse(badPeriod(params.period));
      const base = typeof params.url === 'string' ? prometheusBase(params.url) : 'syntax';
      if (typeof base === 'string') return refuse(badUrl(params.url));
      const document = sources.document(uri);
      if (!document) return refuse(notOpen(uri));
      const plan = service.availabilityPlan(sources.analysis(document));
      if (!plan) return refuse(measureMessages.plan({ problem: 'unreadable' }, uri));

      const cancelled = new AbortController();
      const listening = token?.onCancellationRequested(() => cancelled.abort());
      try {
        const measured = await measureFromPrometheus({ base, period, plan, source: params.source, signal: cancelled.signal });
        const results = measured.map(recordedResult);
        // The edit of the version the server has now, after the network's time.
        const edit = editOf(uri, period.id, results);
        if (edit instanceof ResponseError) return edit;
        const lines = measured.map((result) => measureMessages.result(result)[locale]);
        for (const result of measured) {
          const excluded = measureMessages.excluded(result);
          if (excluded) lines.push(`${excluded[locale]}.`);
        }
        const below = measured.filter((result) => result.belowTarget).map((result) => result.source);
        const target = measured[0]?.target;
        if (target !== undefined && below.length > 0) lines.push(`${measureMessages.belowTarget(target, below)[locale]}.`);
        if (measured.some((result) => result.measured.withoutData > 0)) lines.push(measureMessages.rules[locale]);
        const heading = locale === 'de' ? `${periodTitle(period, locale)} aus ${base.href}:` : `${periodTitle(period, locale)} from ${base.href}:`;
        return { ...edit, period: period.id, results, summary: [heading, ...lines].join(' '), belowTarget: below.length > 0 };
      } catch (error) {
        if (error instanceof PrometheusFailure) return refuse(measureMessages.server(error, base.href));
        if (error instanceof ImportFailed) return refuse(measureMessages.import(error.reason, period.id, plan.measurements.map((measurement) => measurement.id)));
        sources.log('availability import', uri, error);
        return new ResponseError<void>(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
      } finally {
        listening?.dispose();
      }
    },

    edit(params) {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return refuse(notOpen(String(uri)));
      if (!parsePeriod(params.period) || !Array.isArray(params.results)) return refuse(badPeriod(params.period));
      return editOf(uri, params.period, params.results);
    },
  };
}
