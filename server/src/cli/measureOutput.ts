/**
 * What `drplan measure` says, in German and English: its usage errors, the table of a period's
 * results on standard output (one row per measurement, then each one's outages), and what it
 * wrote. Why nothing was measured is worded in core/i18n/measureMessages.ts, the same for the
 * VS Code command.
 */
import type { Locale } from '../core';
import { clockDuration, formatPercent, isoTime, measureMessages, periodTitle } from '../core/i18n/measureMessages';
import type { Message } from '../core/i18n/messages';
import { formatMegabytes, formatSizeOver } from '../core/limits';
import type { MeasuredPeriod } from '../core/measure/measuredPeriod';
import type { Outage } from '../core/measure/availability';
import type { Period } from '../core/period';
import type { UrlProblem } from '../prometheus/prometheusClient';
import { visible } from './formats';

export const measureUsage = {
  noPlan: {
    de: 'kein Plan angegeben: drplan measure PLAN --prometheus URL --period ZEITRAUM',
    en: 'no plan given: drplan measure PLAN --prometheus URL --period PERIOD',
  } satisfies Message,
  takesOne: (given: number): Message => ({ de: `measure nimmt einen Plan, nicht ${given}`, en: `measure takes one plan, not ${given}` }),
  noPeriod: {
    de: '--period fehlt: ein Monat (2026-11), ein Quartal (2026-Q3) oder ein Jahr (2026)',
    en: '--period is missing: a month (2026-11), a quarter (2026-Q3) or a year (2026)',
  } satisfies Message,
  period: (value: string): Message => ({
    de: `--period erwartet einen Monat (2026-11), ein Quartal (2026-Q3) oder ein Jahr (2026), nicht '${value}'`,
    en: `--period wants a month (2026-11), a quarter (2026-Q3) or a year (2026), not '${value}'`,
  }),
  notEnded: (period: string, today: string): Message => ({
    de: `${period} ist noch nicht zu Ende (heute ist ${today}); gemessen werden abgeschlossene Zeiträume`,
    en: `${period} has not ended yet (today is ${today}); only periods that have ended are measured`,
  }),
  noSource: {
    de: 'woher? --prometheus URL oder --outages DATEI.csv --source ID',
    en: 'from where? --prometheus URL or --outages FILE.csv --source ID',
  } satisfies Message,
  bothSources: {
    de: '--prometheus und --outages schließen einander aus',
    en: '--prometheus and --outages exclude each other',
  } satisfies Message,
  outagesNeedSource: {
    de: '--outages braucht --source ID: die Messung, von der die Ausfälle stammen',
    en: '--outages needs --source ID: the measurement the outages come from',
  } satisfies Message,
  stepWithoutPrometheus: { de: '--step gilt nur mit --prometheus', en: '--step applies to --prometheus only' } satisfies Message,
  step: (value: string): Message => ({
    de: `--step erwartet eine Dauer von mindestens einer Sekunde in ganzen Sekunden (60s, 1 min, 5 min), nicht '${value}'`,
    en: `--step wants a duration of at least one second in whole seconds (60s, 1 min, 5 min), not '${value}'`,
  }),
  url: (problem: UrlProblem, value: string): Message => {
    const why: Record<UrlProblem, Message> = {
      syntax: { de: 'keine URL', en: 'no URL' },
      scheme: { de: 'nur http: und https:', en: 'only http: and https:' },
      credentials: { de: 'ohne Benutzer und Passwort in der URL', en: 'without a user name or password in the URL' },
      queryOrFragment: { de: 'ohne ? und #', en: 'without ? and #' },
    };
    return { de: `--prometheus '${value}': ${why[problem].de}`, en: `--prometheus '${value}': ${why[problem].en}` };
  },
  writeStandardInput: {
    de: '--write schreibt in die Plandatei; ein Plan von der Standardeingabe hat keine',
    en: '--write writes into the plan file; a plan from standard input has none',
  } satisfies Message,
  bothStandardInput: {
    de: 'Plan und Ausfallliste können nicht beide von der Standardeingabe kommen',
    en: 'the plan and the list of outages cannot both come from standard input',
  } satisfies Message,
};

export const measureSays = {
  wrote: (file: string, period: string, added: readonly string[], replaced: readonly string[]): Message => {
    const parts: Message[] = [];
    if (added.length) parts.push({ de: `hinzugefügt: ${added.join(', ')}`, en: `added: ${added.join(', ')}` });
    if (replaced.length) parts.push({ de: `ersetzt: ${replaced.join(', ')}`, en: `replaced: ${replaced.join(', ')}` });
    return {
      de: `drplan: availability.results für ${period} in ${file} geschrieben (${parts.map((p) => p.de).join('; ')})`,
      en: `drplan: wrote availability.results for ${period} into ${file} (${parts.map((p) => p.en).join('; ')})`,
    };
  },
  notWritten: (file: string, reason: string): Message => ({ de: `drplan: ${file} kann nicht geschrieben werden: ${reason}`, en: `drplan: cannot write ${file}: ${reason}` }),
  notAFile: (file: string): Message => ({
    de: `drplan: ${file} ist keine gewöhnliche Datei; --write ersetzt nur Plandateien`,
    en: `drplan: ${file} is not a regular file; --write replaces plan files only`,
  }),
  notUtf8: (file: string): Message => ({
    de: `drplan: ${file} ist kein gültiges UTF-8; drplan schreibt es nicht um, damit kein Byte verloren geht`,
    en: `drplan: ${file} is not valid UTF-8; drplan does not rewrite it, so that no byte is lost`,
  }),
  tooLarge: (file: string, size: number, limit: number): Message => ({
    de: `${file} ist zu groß (${formatSizeOver(size, limit, 'de')}, Grenze ${formatMegabytes(limit, 'de')}); --max-file-size hebt die Grenze an (in MB; 0 für keine)`,
    en: `${file} is too large (${formatSizeOver(size, limit, 'en')}, limit ${formatMegabytes(limit, 'en')}); --max-file-size raises the limit (in MB; 0 for none)`,
  }),
  notWrittenHint: {
    de: 'Nicht geschrieben; --write trägt die Ergebnisse in availability.results ein.',
    en: 'Not written; --write records the results in availability.results.',
  } satisfies Message,
};

const HEADINGS: Readonly<Record<Locale, readonly string[]>> = {
  de: ['Messung', 'gemessen', 'Ausfallzeit', 'Ausfälle', 'ohne Daten'],
  en: ['measurement', 'measured', 'downtime', 'outages', 'without data'],
};

/** `Verfügbarkeit November 2026 (2026-11), Ziel 99,9 %`, the table, each measurement's outages, the rules. */
export function measureTable(results: readonly MeasuredPeriod[], period: Period, origin: string, locale: Locale): string {
  const target = results[0]?.target;
  const title =
    locale === 'de'
      ? `Verfügbarkeit ${periodTitle(period, locale)} (${period.id})${target === undefined ? '' : `, Ziel ${formatPercent(target, 'de', 0)}`}`
      : `Availability ${periodTitle(period, locale)} (${period.id})${target === undefined ? '' : `, target ${formatPercent(target, 'en', 0)}`}`;
  const rows = [
    HEADINGS[locale],
    ...results.map((result) => [
      visible(result.source),
      formatPercent(result.recorded, locale),
      clockDuration(result.measured.downtime, locale),
      String(result.measured.outages.length),
      result.measured.withoutData > 0 ? clockDuration(result.measured.withoutData, locale) : '–',
    ]),
  ];
  const widths = HEADINGS[locale].map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const table = rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd((widths[column] as number) + 2))).join('').trimEnd());
  const lines = [title, '', ...table, ''];
  for (const result of results) {
    lines.push(`${visible(result.source)}: ${visible(originText(result, origin, locale))}`);
    for (const outage of result.measured.outages) lines.push(`  ${outageLine(outage, result, locale)}`);
  }
  for (const result of results) {
    const excluded = measureMessages.excluded(result);
    if (excluded) lines.push(`${visible(excluded[locale])}.`);
  }
  const below = results.filter((result) => result.belowTarget).map((result) => visible(result.source));
  if (target !== undefined && below.length > 0) lines.push(`${measureMessages.belowTarget(target, below)[locale]}.`);
  if (results.some((result) => result.from.kind === 'prometheus')) lines.push(measureMessages.rules[locale]);
  return `${lines.join('\n')}\n`;
}

function originText(result: MeasuredPeriod, origin: string, locale: Locale): string {
  const from = result.from;
  if (from.kind === 'list') {
    const count = from.listed.length;
    return locale === 'de' ? `${count} ${count === 1 ? 'Ausfall' : 'Ausfälle'} aus ${origin}` : `${count} outage${count === 1 ? '' : 's'} from ${origin}`;
  }
  const step = clockDuration(from.step, locale);
  return locale === 'de'
    ? `${from.query} bei ${origin}, ${from.series} ${from.series === 1 ? 'Reihe' : 'Reihen'}, ein Punkt je ${step}`
    : `${from.query} at ${origin}, ${from.series} series, a point every ${step}`;
}

/** `2026-11-04 10:00:00Z – 11:30:00Z   1 h 30 min (davon 20 min ohne Daten)`; a list's reason after it. */
function outageLine(outage: Outage, result: MeasuredPeriod, locale: Locale): string {
  const start = isoTime(outage.start);
  const end = isoTime(outage.end);
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  let line = `${start} – ${sameDay ? end.slice(11) : end}   ${clockDuration(outage.end - outage.start, locale)}`;
  if (outage.withoutData > 0) {
    const gap = clockDuration(outage.withoutData, locale);
    line += locale === 'de' ? ` (davon ${gap} ohne Daten)` : ` (${gap} of it without data)`;
  }
  if (result.from.kind === 'list') {
    const reasons = result.from.listed.filter((listed) => listed.reason && listed.end > outage.start && listed.start < outage.end).map((listed) => listed.reason);
    if (reasons.length > 0) line += `  ${visible(reasons.join('; '))}`;
  }
  return line;
}
