/**
 * What each diagnostic code checks, in one line: the SARIF rules' descriptions, which GitHub code
 * scanning requires (its name for the rule in the alert list). docs/format.md's codes table says
 * the same at length, and the rules' help points there. Typed by code, so a new code does not
 * compile until it has its line.
 */
import type { DiagnosticCode } from '../core';
import type { Message } from '../core/i18n/messages';

export const RULE_DESCRIPTIONS: Readonly<Record<DiagnosticCode, Message>> = {
  'yaml-syntax': { de: 'Der Text lässt sich nicht (ganz) als Plan lesen.', en: 'The text cannot be read as a plan, or not all of it.' },
  'missing-field': { de: 'Ein vorgeschriebener Schlüssel fehlt.', en: 'A required key is missing.' },
  'unknown-field': { de: 'Ein Schlüssel, den das Format nicht kennt.', en: 'A key the format does not know.' },
  'invalid-value': { de: 'Ein Wert der falschen Art oder außerhalb der erlaubten Werte.', en: 'A value of the wrong kind or outside the allowed values.' },
  'invalid-duration': { de: 'Eine Dauer, die keine ist.', en: 'A duration that is none.' },
  'invalid-date': { de: 'Ein Datum, das kein Tag des Kalenders ist.', en: 'A date that is no day of the calendar.' },
  'category-mismatch': { de: 'Der Typ des Szenarios gehört zu einer anderen Kategorie.', en: "The scenario's type belongs to another category." },
  'duplicate-id': { de: 'Eine id kommt in einer Liste zweimal vor.', en: 'An id is used twice in one list.' },
  'unknown-reference': { de: 'Ein Verweis nennt keine id seiner Liste.', en: 'A reference names no id of its list.' },
  'rto-exceeded': { de: 'Die Wiederherstellung dauert länger als die RTO.', en: 'Recovery takes longer than the RTO.' },
  'rpo-not-met': { de: 'Die Sicherung läuft zu selten für die RPO.', en: 'The backup runs too rarely for the RPO.' },
  'rpo-without-backup': { de: 'Ein Szenario, das Daten verlieren kann, nennt keine Sicherung.', en: 'A scenario that can lose data names no backup.' },
  'downtime-budget': { de: 'Die RTO ist länger als die Ausfallzeit, die das Verfügbarkeitsziel im Jahr erlaubt.', en: 'The RTO is longer than the downtime a year the availability target allows.' },
  'missing-scenario': { de: 'Ein Szenario des Katalogs ist weder behandelt noch als nicht zutreffend begründet.', en: 'A scenario of the catalog is neither covered nor listed as not applicable.' },
  'rto-exceeds-mtpd': { de: 'Die RTO ist länger als die maximal tolerierbare Ausfallzeit (MTPD).', en: 'The RTO is longer than the maximum tolerable period of disruption (MTPD).' },
  'steps-exceed-recovery-time': { de: 'Die Schritte der Wiederherstellung dauern zusammen länger als die Wiederherstellungszeit.', en: 'The recovery steps take longer together than the recovery time.' },
  'rta-exceeded': { de: 'Die zuletzt geübte Wiederherstellung (RTA) dauerte länger als die RTO.', en: 'The latest exercised recovery (RTA) took longer than the RTO.' },
  'rpa-exceeded': { de: 'Der zuletzt geübte Datenverlust (RPA) war größer als die RPO.', en: 'The latest exercised data loss (RPA) was larger than the RPO.' },
  untested: { de: 'Die Wiederherstellung des Szenarios wurde nie geübt.', en: "The scenario's recovery has never been exercised." },
  'restore-test-overdue': { de: 'Der letzte Wiederherstellungstest liegt länger als das Prüfintervall zurück.', en: 'The latest restore test lies further back than the review interval.' },
  'review-overdue': { de: 'Die Überprüfung des Plans ist überfällig.', en: 'The review of the plan is overdue.' },
  'future-date': { de: 'Ein Datum von Erledigtem liegt in der Zukunft.', en: 'A date of something done lies in the future.' },
  'exercise-failed': { de: 'Die letzte Übung des Szenarios ist gescheitert.', en: "The scenario's latest exercise failed." },
  'restore-test-missing': { de: 'Eine Sicherung wurde nie testweise wiederhergestellt.', en: 'A backup has never been restored in a test.' },
  'retention-too-short': { de: 'Die Aufbewahrung einer Sicherung ist kürzer als ihr Intervall.', en: "A backup's retention is shorter than its interval." },
  'backup-affected': { de: 'Die Sicherung liegt auf dem, was das Szenario ausfallen lässt.', en: 'The backup is stored on what the scenario takes down.' },
  'replica-not-backup': { de: 'Eine Replikation gilt als Sicherung gegen Software- oder Bedienfehler.', en: 'A replication is counted as a backup against software or operator errors.' },
  'dependency-cycle': { de: 'Die Abhängigkeiten der Komponenten bilden einen Kreis.', en: "The components' dependencies form a cycle." },
  'single-point-of-failure': { de: 'Eine Komponente ohne Redundanz, von der mehrere andere abhängen.', en: 'A component without redundancy that several others depend on.' },
  'approval-missing': { de: 'Der Plan heißt freigegeben, aber keine Freigabe deckt seine Version.', en: 'The plan is marked approved, but no approval covers its version.' },
  'no-deputy': { de: 'Eine verantwortliche Person hat keine Vertretung.', en: 'A responsible person has no deputy.' },
  'availability-not-met': { de: 'Ein gemessener Zeitraum liegt unter dem Verfügbarkeitsziel.', en: 'A measured period is below the availability target.' },
  'availability-unproven': { de: 'Kein gemessener Zeitraum belegt das Verfügbarkeitsziel.', en: 'No measured period proves the availability target.' },
};

/** A rule's help: where `docs` (docs/format.md, as a link or its address) explains the code. */
export function ruleHelp(code: DiagnosticCode, docs: string): Message {
  return {
    de: `Wann drplan ${code} meldet, wohin der Befund zeigt und was seine schnelle Korrektur tut, steht in der Tabelle der Diagnosen von ${docs}.`,
    en: `When drplan reports ${code}, where the finding points and what its quick fix does is in the table of diagnostics of ${docs}.`,
  };
}
