/**
 * What the drplan command line says, in German and English (`--lang`, else LC_ALL, LC_MESSAGES
 * or LANG): usage errors, paths it cannot read, the severity words and the summary of text
 * output. What `drplan render` says about the files it writes is in renderMessages.ts.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Locale } from '../core';
import type { Message } from '../core/i18n/messages';
import { formatNumber } from '../core/i18n/numbers';

/** `1 file`, `3 Dateien`: a count with its noun in singular or plural. */
function count(n: number, locale: Locale, singular: string, plural: string): string {
  return `${formatNumber(n, locale)} ${n === 1 ? singular : plural}`;
}

/** Both languages of a count: `[de singular, de plural]`, `[en singular, en plural]`. */
function counted(n: number, de: readonly [string, string], en: readonly [string, string]): Message {
  return { de: count(n, 'de', ...de), en: count(n, 'en', ...en) };
}

/** Usage errors: each ends the command with exit status 2, followed by `tryHelp`. */
export const usageMessages = {
  tryHelp: { de: 'Mehr dazu: drplan --help', en: "Try 'drplan --help'." } satisfies Message,
  needsValue: (option: string): Message => ({ de: `${option} braucht einen Wert`, en: `${option} needs a value` }),
  unknownOption: (written: string): Message => ({ de: `unbekannte Option '${written}'`, en: `unknown option '${written}'` }),
  unknownCommand: (command: string): Message => ({
    de: `unbekannter Befehl '${command}' (check, render oder measure)`,
    en: `unknown command '${command}' (use check, render or measure)`,
  }),
  /** An option of check or render written before the command, or one that no command knows. */
  notBeforeCommand: (written: string): Message => ({
    de: `'${written}' ist keine Option von drplan selbst; die Optionen von check und render stehen hinter dem Befehl (drplan check ${written} …)`,
    en: `'${written}' is no option of drplan itself; the options of check and render follow the command (drplan check ${written} …)`,
  }),
  unknownLanguage: (lang: string): Message => ({
    de: `unbekannte Sprache '${lang}' (de oder en)`,
    en: `unknown language '${lang}' (use de or en)`,
  }),
  todayFormat: (day: string): Message => ({ de: `--today erwartet JJJJ-MM-TT, nicht '${day}'`, en: `--today wants YYYY-MM-DD, not '${day}'` }),
  todayNoDay: (day: string): Message => ({
    de: `--today: '${day}' ist kein Tag des Kalenders`,
    en: `--today: '${day}' is no day of the calendar`,
  }),
  maxFileSize: (value: string): Message => ({
    de: `--max-file-size erwartet Megabyte (0 für keine Grenze), nicht '${value}'`,
    en: `--max-file-size wants megabytes (0 for no limit), not '${value}'`,
  }),
  /** `formats`: the formats the command knows, e.g. `['text', 'json', 'sarif']`. */
  unknownFormat: (format: string, formats: readonly string[]): Message => {
    const last = formats.length - 1;
    const list = (and: string) => (last > 0 ? `${formats.slice(0, last).join(', ')} ${and} ${formats[last]}` : formats.join(''));
    return { de: `unbekanntes Format '${format}' (${list('oder')})`, en: `unknown format '${format}' (use ${list('or')})` };
  },
  jobs: (value: string): Message => ({
    de: `--jobs erwartet eine Anzahl von Threads, nicht '${value}'`,
    en: `--jobs wants a number of threads, not '${value}'`,
  }),
  noPlanToCheck: { de: 'kein Plan angegeben: drplan check PFAD...', en: 'no plan given: drplan check PATH...' } satisfies Message,
  noPlanToRender: {
    de: 'kein Plan angegeben: drplan render DATEI --format pdf|html',
    en: 'no plan given: drplan render FILE --format pdf|html',
  } satisfies Message,
  renderTakesOne: (given: number): Message => ({ de: `render nimmt einen Plan, nicht ${given}`, en: `render takes one plan, not ${given}` }),
  formatContradictsOutput: (format: string, output: string, named: string): Message => ({
    de: `--format ${format} widerspricht der Ausgabedatei ${output} (eine .${named}-Datei)`,
    en: `--format ${format} contradicts the output file ${output} (a .${named} file)`,
  }),
};

/** What `drplan check` says beside its findings. */
export const commandMessages = {
  noPlansFound: (path: string): Message => ({
    de: `keine *.drplan.yaml-Dateien in ${path} gefunden`,
    en: `no *.drplan.yaml files found in ${path}`,
  }),
  /** A bug in drplan, not in the plan. */
  internalError: (detail: string): Message => ({ de: `interner Fehler: ${detail}`, en: `internal error: ${detail}` }),
  stdoutFailed: (reason: Message): Message => ({
    de: `die Standardausgabe kann nicht geschrieben werden: ${reason.de}`,
    en: `cannot write to standard output: ${reason.en}`,
  }),
};

/** The severity of a finding in text output (JSON and SARIF keep their English words: format.md). */
export const SEVERITY_WORDS: Record<DiagnosticSeverity, Message> = {
  [DiagnosticSeverity.Error]: { de: 'Fehler', en: 'error' },
  [DiagnosticSeverity.Warning]: { de: 'Warnung', en: 'warning' },
  [DiagnosticSeverity.Information]: { de: 'Information', en: 'information' },
  [DiagnosticSeverity.Hint]: { de: 'Hinweis', en: 'hint' },
};

const SEVERITY_COUNTS: Record<DiagnosticSeverity, { de: [string, string]; en: [string, string] }> = {
  [DiagnosticSeverity.Error]: { de: ['Fehler', 'Fehler'], en: ['error', 'errors'] },
  [DiagnosticSeverity.Warning]: { de: ['Warnung', 'Warnungen'], en: ['warning', 'warnings'] },
  [DiagnosticSeverity.Information]: { de: ['Information', 'Informationen'], en: ['info', 'infos'] },
  [DiagnosticSeverity.Hint]: { de: ['Hinweis', 'Hinweise'], en: ['hint', 'hints'] },
};

/**
 * The last line of text output: `3 files checked: 2 errors, 1 warning, 5 infos`, or
 * `1 file checked, no problems`. `findings`: how many of each severity (none left out).
 */
export function summary(files: number, findings: ReadonlyMap<DiagnosticSeverity, number>): Message {
  const checked = counted(files, ['Datei geprüft', 'Dateien geprüft'], ['file checked', 'files checked']);
  const tally = [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]
    .filter((severity) => (findings.get(severity) ?? 0) > 0)
    .map((severity) => counted(findings.get(severity) ?? 0, SEVERITY_COUNTS[severity].de, SEVERITY_COUNTS[severity].en));
  if (tally.length === 0) return { de: `${checked.de}, keine Probleme`, en: `${checked.en}, no problems` };
  return { de: `${checked.de}: ${tally.map((t) => t.de).join(', ')}`, en: `${checked.en}: ${tally.map((t) => t.en).join(', ')}` };
}
