/**
 * What the availability import says, in German and English, the same in `drplan measure` and the
 * VS Code command: why nothing was measured (Prometheus, the plan, a list of outages) and the
 * result in one line. The CLI's table and usage errors are in cli/measureOutput.ts.
 */
import { formatDuration } from '../duration';
import type { MeasuredPeriod } from '../measure/measuredPeriod';
import type { OutagesProblem } from '../measure/outagesCsv';
import type { ImportProblem } from '../measure/measurements';
import type { PlanProblem } from '../measure/planResults';
import { periodLabel, type Period } from '../period';
import type { Locale } from '../types';
import type { Message } from './messages';
import { formatNumber } from './numbers';

/** What can go wrong in asking Prometheus (server/src/prometheus/prometheusClient.ts), with a detail. */
export type ServerFailureKind =
  /** No connection: refused, no such host, network unreachable, reset. `detail`: the error code. */
  | 'unreachable'
  /** The certificate did not verify. `detail`: the reason. */
  | 'certificate'
  /** `detail`: the limit in milliseconds. */
  | 'timeout'
  /** `detail`: the limit in bytes. */
  | 'tooLarge'
  /** A 3xx answer. `detail`: where it points. */
  | 'redirect'
  /** An HTTP status other than 2xx without Prometheus's error. `detail`: the status. */
  | 'status'
  /** Prometheus's own error (a bad query, its timeout, …). `detail`: its message. */
  | 'queryError'
  /** An answer that is not what the API documents. `detail`: what was wrong. */
  | 'badResponse'
  | 'cancelled';

export interface ServerFailure {
  readonly kind: ServerFailureKind;
  readonly detail: string;
}

const CONNECTION_CODES: Readonly<Record<string, Message>> = {
  ECONNREFUSED: { de: 'Verbindung abgelehnt', en: 'connection refused' },
  ENOTFOUND: { de: 'Rechner unbekannt', en: 'no such host' },
  EAI_AGAIN: { de: 'Rechnername nicht auflösbar', en: 'host name not resolved' },
  EHOSTUNREACH: { de: 'Rechner nicht erreichbar', en: 'host unreachable' },
  ENETUNREACH: { de: 'Netz nicht erreichbar', en: 'network unreachable' },
  ECONNRESET: { de: 'Verbindung abgebrochen', en: 'connection reset' },
};

export const measureMessages = {
  server(failure: ServerFailure, url: string): Message {
    const { detail } = failure;
    switch (failure.kind) {
      case 'unreachable': {
        const why = CONNECTION_CODES[detail] ?? { de: detail, en: detail };
        return { de: `Prometheus unter ${url} ist nicht erreichbar (${why.de})`, en: `cannot reach Prometheus at ${url} (${why.en})` };
      }
      case 'certificate':
        return { de: `Das Zertifikat von ${url} ist nicht gültig (${detail})`, en: `the certificate of ${url} does not verify (${detail})` };
      case 'timeout':
        return {
          de: `Prometheus unter ${url} hat nicht binnen ${Number(detail) / 1000} s geantwortet`,
          en: `Prometheus at ${url} did not answer within ${Number(detail) / 1000} s`,
        };
      case 'tooLarge':
        return {
          de: `Die Antwort von ${url} ist größer als ${Number(detail) / 1048576} MB; ein größerer Schritt (--step) verkleinert sie`,
          en: `the answer of ${url} is larger than ${Number(detail) / 1048576} MB; a larger step (--step) makes it smaller`,
        };
      case 'redirect':
        return {
          de: `${url} leitet nach ${detail || '(ohne Ziel)'} weiter; drplan folgt keiner Weiterleitung: bitte die Adresse von Prometheus selbst angeben`,
          en: `${url} redirects to ${detail || '(nowhere)'}; drplan follows no redirect: give Prometheus's own address`,
        };
      case 'status':
        return { de: `${url} antwortet mit HTTP-Status ${detail} statt mit Prometheus' API`, en: `${url} answers with HTTP status ${detail}, not with Prometheus's API` };
      case 'queryError':
        return { de: `Prometheus unter ${url} lehnt die Abfrage ab: ${detail}`, en: `Prometheus at ${url} refuses the query: ${detail}` };
      case 'badResponse':
        return { de: `${url} antwortet nicht wie Prometheus' API (${detail})`, en: `${url} does not answer as Prometheus's API does (${detail})` };
      case 'cancelled':
        return { de: 'Der Import wurde abgebrochen', en: 'the import was cancelled' };
    }
  },

  import(reason: ImportProblem, period: string, ids: readonly string[]): Message {
    switch (reason.problem) {
      case 'unknownSource':
        return {
          de: `Der Plan hat keine Messung '${reason.source}' unter availability.measurements${ids.length ? ` (sondern ${ids.join(', ')})` : ''}`,
          en: `the plan has no measurement '${reason.source}' in availability.measurements${ids.length ? ` (it has ${ids.join(', ')})` : ''}`,
        };
      case 'noQuery':
        return reason.source === undefined
          ? {
              de: 'Keine Messung des Plans hat eine query (availability.measurements[].query): es gibt nichts abzufragen',
              en: 'no measurement of the plan has a query (availability.measurements[].query): there is nothing to ask',
            }
          : { de: `Die Messung '${reason.source}' hat keine query`, en: `the measurement '${reason.source}' has no query` };
      case 'noData':
        return {
          de: `Die Abfrage von '${reason.source}' (${reason.query}) liefert für ${period} keine Daten`,
          en: `the query of '${reason.source}' (${reason.query}) gives no data for ${period}`,
        };
      case 'sample': {
        const at = isoTime(reason.time);
        return reason.wrong === 'time'
          ? { de: `Prometheus liefert für '${reason.source}' einen Wert zu ${at} außerhalb der Abfrage`, en: `Prometheus gives a value of '${reason.source}' at ${at}, outside the query` }
          : {
              de: `Die Abfrage von '${reason.source}' (${reason.query}) ergibt ${reason.value} um ${at}; sie muss 1 (verfügbar) oder 0 (ausgefallen) ergeben`,
              en: `the query of '${reason.source}' (${reason.query}) gives ${reason.value} at ${at}; it must give 1 (up) or 0 (down)`,
            };
      }
    }
  },

  plan(problem: PlanProblem, file: string): Message {
    switch (problem.problem) {
      case 'unreadable':
        return {
          de: `${file} ist kein lesbarer Plan (YAML-Fehler oder zu groß); drplan schreibt nur in Pläne, die es lesen kann (siehe drplan check)`,
          en: `${file} is no readable plan (YAML errors, or too large); drplan writes only into plans it can read (see drplan check)`,
        };
      case 'alias':
        return {
          de: `In ${file} ist ${problem.source ? `der Eintrag von '${problem.source}' in availability.results` : 'availability.results'} über einen YAML-Alias geschrieben; drplan ändert ihn nicht, da sich jede Stelle mit ändern würde, die ihn nutzt`,
          en: `in ${file}, ${problem.source ? `the entry of '${problem.source}' in availability.results` : 'availability.results'} is written through a YAML alias; drplan does not change it, as every place that uses it would change too`,
        };
      case 'shape':
        return {
          de: `In ${file} ist ${problem.key === 'availability' ? 'availability kein Abschnitt mit Schlüsseln' : 'availability.results keine Liste'}; bitte zuerst richtigstellen (drplan check)`,
          en: `in ${file}, ${problem.key === 'availability' ? 'availability is no mapping' : 'availability.results is no list'}; please correct it first (drplan check)`,
        };
    }
  },

  outages(problem: OutagesProblem, file: string): Message {
    const where = `${file}:${problem.line}`;
    switch (problem.problem) {
      case 'fields':
        return {
          de: `${where}: erwartet Beginn,Ende[,Grund], nicht ${problem.count} Felder`,
          en: `${where}: wants start,end[,reason], not ${problem.count} field${problem.count === 1 ? '' : 's'}`,
        };
      case 'time':
        return {
          de: `${where}: '${problem.text}' ist kein Zeitpunkt nach ISO 8601 (etwa 2026-11-04T10:00:00Z)`,
          en: `${where}: '${problem.text}' is no ISO 8601 date and time (such as 2026-11-04T10:00:00Z)`,
        };
      case 'order':
        return { de: `${where}: das Ende liegt nicht nach dem Beginn`, en: `${where}: the end is not after the start` };
      case 'quote':
        return { de: `${where}: ein Anführungszeichen ist nicht geschlossen`, en: `${where}: a quote is not closed` };
    }
  },

  /** The plan changed on disk between reading and writing it. */
  changedMeanwhile: (file: string): Message => ({
    de: `${file} wurde während der Messung geändert; nichts geschrieben, bitte erneut aufrufen`,
    en: `${file} changed while it was measured; nothing written, please run again`,
  }),

  /** One result in a line: `http-check: 99.69 % (2 outages, 2 h 15 min)`. */
  result(result: MeasuredPeriod): Message {
    const { outages, downtime } = result.measured;
    const count = outages.length;
    return {
      de: `${result.source}: ${formatPercent(result.recorded, 'de')} (${count} ${count === 1 ? 'Ausfall' : 'Ausfälle'}, ${clockDuration(downtime, 'de')})`,
      en: `${result.source}: ${formatPercent(result.recorded, 'en')} (${count} outage${count === 1 ? '' : 's'}, ${clockDuration(downtime, 'en')})`,
    };
  },

  /**
   * `http: without the announced maintenance the plan excludes (2 hours): 99.97 %`, for a result
   * whose entry keeps an `excluded`; undefined without. Cut (not rounded) to two decimals, so the
   * figure shown is never above the one compared.
   */
  excluded(result: MeasuredPeriod): Message | undefined {
    if (result.excluded <= 0) return undefined;
    const compared = Math.floor(result.compared * 100 + 1e-9) / 100;
    return {
      de: `${result.source}: ohne die angekündigte Wartung, die der Plan ausnimmt (${formatDuration(result.excluded, 'de')}): ${formatPercent(compared, 'de')}`,
      en: `${result.source}: without the announced maintenance the plan excludes (${formatDuration(result.excluded, 'en')}): ${formatPercent(compared, 'en')}`,
    };
  },

  /** `below the target of 99.9 %: http-check`. */
  belowTarget: (target: number, sources: readonly string[]): Message => ({
    de: `Unter dem Ziel von ${formatPercent(target, 'de', 0)}: ${sources.join(', ')}`,
    en: `Below the target of ${formatPercent(target, 'en', 0)}: ${sources.join(', ')}`,
  }),

  /** How gaps and several series count: said wherever figures are shown. */
  rules: {
    de: 'Zeit ohne Daten zählt als Ausfallzeit; bei mehreren Reihen einer Abfrage gilt ein Zeitpunkt als Ausfall, sobald eine Reihe 0 ist.',
    en: 'Time without data counts as downtime; with several series for one query, a moment counts as down when any series is 0.',
  } satisfies Message,

  /** The language server in a web worker (VS Code in the browser) has no network code of its own. */
  notInBrowser: {
    de: 'Der Import der Verfügbarkeit aus Prometheus ist in VS Code im Browser nicht verfügbar: Er braucht VS Code auf dem Desktop oder „drplan measure“ auf der Kommandozeile.',
    en: "Importing availability from Prometheus is not available in VS Code in the browser: it needs VS Code on the desktop, or 'drplan measure' on the command line.",
  } satisfies Message,
};

/** `99.69 %`, `99,69 %`: at least `minimumDecimals` (default 2), as many as the value has. */
export function formatPercent(value: number, locale: Locale, minimumDecimals = 2): string {
  const text = String(value);
  const decimals = text.includes('.') && !text.includes('e') ? text.length - text.indexOf('.') - 1 : 0;
  const fixed = value.toFixed(Math.max(minimumDecimals, decimals));
  return `${locale === 'de' ? fixed.replace('.', ',') : fixed} %`;
}

/** A length of time in hours, minutes and seconds: `2 h 15 min`, `45 min`, `1 h 0 min 20 s`, `0`. */
export function clockDuration(seconds: number, locale: Locale): string {
  if (seconds <= 0) return '0';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${formatNumber(hours, locale)} h`);
  if (minutes > 0 || (hours > 0 && rest > 0)) parts.push(`${minutes} min`);
  if (rest > 0) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** `2026-11-04 10:00:00Z`. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, 'Z');
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A period's name: `November 2026`, `3. Quartal 2026` / `Q3 2026`, `2026` (German as the document names it). */
export function periodTitle(period: Period, locale: Locale): string {
  if (locale === 'de') return periodLabel(period);
  const date = new Date(period.start * 86_400_000);
  const year = date.getUTCFullYear();
  if (period.kind === 'year') return String(year);
  if (period.kind === 'quarter') return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${year}`;
  return `${ENGLISH_MONTHS[date.getUTCMonth()]} ${year}`;
}
