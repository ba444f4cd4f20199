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
  drplan measure [options] PLAN    the availability of a period, from Prometheus or a
                                   list of outages; --write records it in the plan
  drplan --help                    show this help (also -h, anywhere on the line)
  drplan --version                 show the version

Options of every command, before or after the command:
  --lang de|en               language of the messages (default: from LC_ALL, LC_MESSAGES
                             or LANG, else English)
  --today YYYY-MM-DD         check review and test dates as of this day; render: also the
                             document's date (default: today)
  --max-file-size MB         plans larger than this are not rendered, and not checked (one
                             error says so) (default: 5; 0: no limit)

Options of check:
  --format text|json|sarif|gitlab|github
                             output format (default: text: one line per finding, then
                             how many files were checked and what was found); sarif
                             for code scanning, gitlab a Code Quality report, github
                             annotations in GitHub Actions (docs/ci.md)
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

Options of measure:
  --period P                 the period, ended: a month 2026-11, a quarter 2026-Q3
                             or a year 2026 (UTC)
  --prometheus URL           ask this Prometheus (http or https; the only network
                             access of drplan, to this URL alone, no proxy)
  --step DURATION            a point every DURATION (default: the measurement's
                             interval, else 1 min)
  --outages FILE.csv         instead of Prometheus: outages as start,end[,reason]
                             (ISO 8601; - for standard input)
  --source ID                the measurement (with --outages: required)
  --write                    record the results in availability.results (one entry
                             per period and source, replaced when there; the plan
                             file replaced in one rename, comments kept)
  Time without data counts as downtime; with several series, a moment is down when
  any series is 0.

Exit status: 0 no errors, 1 errors found (render: written anyway, marked ENTWURF;
measure: a period below the target, written anyway), 2 usage or I/O problem (render:
also a plan over the size limit; nothing written; measure: also a server that cannot
be reached or fails, a query without data; the plan untouched).
`,
  de: `drplan ${version}: prüft Notfallpläne (*.drplan.yaml) und setzt sie als Dokument

Aufruf:
  drplan check [Optionen] PFAD...   prüft Plandateien (- für die Standardeingabe); in Ordnern
                                    werden *.drplan.yaml/.yml gesucht
  drplan render [Optionen] DATEI    der Plan als deutsches Dokument (PDF oder HTML)
  drplan measure [Optionen] PLAN    die Verfügbarkeit eines Zeitraums aus Prometheus
                                    oder einer Ausfallliste; --write trägt sie ein
  drplan --help                     zeigt diese Hilfe (auch -h, überall in der Zeile)
  drplan --version                  zeigt die Version

Optionen aller Befehle, vor oder hinter dem Befehl:
  --lang de|en               Sprache der Meldungen (Vorgabe: nach LC_ALL, LC_MESSAGES
                             oder LANG, sonst Englisch)
  --today JJJJ-MM-TT         prüft Überprüfungs- und Testtermine zu diesem Tag; render:
                             auch das Datum des Dokuments (Vorgabe: heute)
  --max-file-size MB         größere Pläne werden nicht gesetzt und nicht geprüft (ein
                             Fehler sagt es) (Vorgabe: 5; 0: keine Grenze)

Optionen von check:
  --format text|json|sarif|gitlab|github
                             Ausgabeformat (Vorgabe: text: eine Zeile je Befund, dann
                             wie viele Dateien geprüft wurden und was sich fand); sarif
                             für Code-Scanning, gitlab ein Code-Quality-Bericht, github
                             Anmerkungen in GitHub Actions (docs/ci.md)
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

Optionen von measure:
  --period P                 der abgeschlossene Zeitraum: ein Monat 2026-11, ein
                             Quartal 2026-Q3 oder ein Jahr 2026 (UTC)
  --prometheus URL           fragt diesen Prometheus (http oder https; der einzige
                             Netzzugriff von drplan, nur zu dieser URL, ohne Proxy)
  --step DAUER               ein Punkt je DAUER (Vorgabe: das interval der Messung,
                             sonst 1 min)
  --outages DATEI.csv        statt Prometheus: Ausfälle als Beginn,Ende[,Grund]
                             (ISO 8601; - für die Standardeingabe)
  --source ID                die Messung (mit --outages: Pflicht)
  --write                    trägt die Ergebnisse in availability.results ein (ein
                             Eintrag je Zeitraum und Quelle, ersetzt, wenn es ihn
                             gibt; die Plandatei in einem Umbenennen ersetzt,
                             Kommentare bleiben)
  Zeit ohne Daten zählt als Ausfallzeit; bei mehreren Reihen gilt ein Zeitpunkt als
  Ausfall, sobald eine Reihe 0 ist.

Exit-Status: 0 keine Fehler, 1 Fehler gefunden (render: trotzdem geschrieben, als ENTWURF
gekennzeichnet; measure: ein Zeitraum unter dem Ziel, trotzdem eingetragen), 2 Aufruf-
oder Ein-/Ausgabeproblem (render: auch ein Plan über der Größengrenze; nichts
geschrieben; measure: auch ein Server, der nicht erreichbar ist oder scheitert, eine
Abfrage ohne Daten; der Plan bleibt unverändert).
`,
};

export function usage(locale: Locale): string {
  return USAGE[locale];
}
