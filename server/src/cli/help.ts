/**
 * `drplan --help`, in the language of the messages. docs/format.md ("Command line") says the same
 * at more length; a test (test/cli/language.test.ts) keeps the options of both languages in step.
 */
import { version } from '../../../package.json';
import type { Locale } from '../core';
import type { Message } from '../core/i18n/messages';

const USAGE: Message = {
  en: `drplan ${version}: check disaster-recovery plans (*.drplan.yaml) and render them as documents

Usage:
  drplan check [options] PATH...   check plan files (- for standard input); folders are
                                   searched for *.drplan.yaml/.yml
  drplan render [options] FILE     the plan as a German document (PDF or HTML)
  drplan --help                    show this help (also -h, anywhere on the line)
  drplan --version                 show the version

Options of both commands, before or after the command:
  --lang de|en               language of the messages (default: from LC_ALL, LC_MESSAGES
                             or LANG, else English)
  --today YYYY-MM-DD         check review and test dates as of this day; render: also the
                             document's date (default: today)
  --max-file-size MB         plans larger than this are not rendered, and not checked (one
                             error says so) (default: 5; 0: no limit)

Options of check:
  --format text|json|sarif   output format (default: text: one line per finding, then
                             how many files were checked and what was found)
  --jobs N                   check files in N threads, at most one per core
                             (default: one per 150 files, at most one per core)

Options of render:
  --format pdf|html          document format (default: from OUT's ending, else pdf)
  -o, --output OUT           file to write, - for standard output (not a terminal)
                             (default: beside the plan, plan.drplan.yaml -> plan.pdf)
  -f, --force                overwrite an existing OUT
  --no-git                   leave out the commits of git (default: when the plan lies in
                             a git repository, its change history lists the commits that
                             touched it; else the plan's history: entries)

Exit status: 0 no errors, 1 errors found (render: written anyway, marked ENTWURF),
2 usage or I/O problem (render: also a plan over the size limit; nothing written).
`,
  de: `drplan ${version}: prüft Notfallpläne (*.drplan.yaml) und setzt sie als Dokument

Aufruf:
  drplan check [Optionen] PFAD...   prüft Plandateien (- für die Standardeingabe); in Ordnern
                                    werden *.drplan.yaml/.yml gesucht
  drplan render [Optionen] DATEI    der Plan als deutsches Dokument (PDF oder HTML)
  drplan --help                     zeigt diese Hilfe (auch -h, überall in der Zeile)
  drplan --version                  zeigt die Version

Optionen beider Befehle, vor oder hinter dem Befehl:
  --lang de|en               Sprache der Meldungen (Vorgabe: nach LC_ALL, LC_MESSAGES
                             oder LANG, sonst Englisch)
  --today JJJJ-MM-TT         prüft Überprüfungs- und Testtermine zu diesem Tag; render:
                             auch das Datum des Dokuments (Vorgabe: heute)
  --max-file-size MB         größere Pläne werden nicht gesetzt und nicht geprüft (ein
                             Fehler sagt es) (Vorgabe: 5; 0: keine Grenze)

Optionen von check:
  --format text|json|sarif   Ausgabeformat (Vorgabe: text: eine Zeile je Befund, dann
                             wie viele Dateien geprüft wurden und was sich fand)
  --jobs N                   prüft die Dateien in N Threads, höchstens einem je Kern
                             (Vorgabe: einer je 150 Dateien, höchstens einer je Kern)

Optionen von render:
  --format pdf|html          Format des Dokuments (Vorgabe: nach der Endung von AUS,
                             sonst pdf)
  -o, --output AUS           die Datei, die geschrieben wird; - für die Standardausgabe
                             (kein Terminal) (Vorgabe: neben dem Plan,
                             plan.drplan.yaml -> plan.pdf)
  -f, --force                überschreibt eine vorhandene Datei AUS
  --no-git                   ohne die Commits aus git (Vorgabe: liegt der Plan in einem
                             git-Repository, nennt seine Änderungshistorie die Commits,
                             die ihn geändert haben; sonst die Einträge unter history:)

Exit-Status: 0 keine Fehler, 1 Fehler gefunden (render: trotzdem geschrieben, als ENTWURF
gekennzeichnet), 2 Aufruf- oder Ein-/Ausgabeproblem (render: auch ein Plan über der
Größengrenze; nichts geschrieben).
`,
};

export function usage(locale: Locale): string {
  return USAGE[locale];
}
