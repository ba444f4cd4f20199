import type { ScenarioModel } from '../model/plan';
import { latestRecoveryExercise } from '../model/queries';
import type { StatusMark } from './tree';

/**
 * What the overview's status column says of a scenario, worst first: its latest recovery
 * exercise failed; the checks found errors or warnings in it; its recovery was never exercised
 * (a plan review or an alerting exercise proves none, format.md); or it was exercised and the
 * checks found nothing. Only the last earns a ✓.
 */
export type ScenarioStatus = 'exerciseFailed' | 'findings' | 'untested' | 'proven';

export interface StatusText {
  readonly mark: StatusMark;
  /** In the status column, beside the mark. */
  readonly word: string;
  /** The legend's explanation. */
  readonly explanation: string;
}

/** The statuses in the legend's order: ✓ first, then what keeps a scenario from it. */
export const STATUS_TEXTS: Readonly<Record<ScenarioStatus, StatusText>> = {
  proven: {
    mark: 'ok',
    word: 'geprüft ohne Befund',
    explanation: 'Die Wiederherstellung wurde geübt (Funktionstest oder Vollübung), und die Prüfung des Plans hat für das Szenario weder Fehler noch Warnungen gefunden.',
  },
  untested: {
    mark: 'untested',
    word: 'ungeprüft',
    explanation: 'Die Wiederherstellung wurde noch nie geübt; eine Planbesprechung oder Alarmierungsübung belegt sie nicht. Ob die RTO erreichbar ist, ist offen.',
  },
  exerciseFailed: {
    mark: 'failed',
    word: 'Übung nicht bestanden',
    explanation: 'Die letzte Übung der Wiederherstellung ist gescheitert; die Wiederherstellung ist damit nicht belegt.',
  },
  findings: {
    mark: 'failed',
    word: 'Befund',
    explanation:
      'Die Prüfung des Plans hat für das Szenario Fehler oder Warnungen gefunden, z. B. eine Wiederherstellungszeit über der RTO, eine RPO, die die Sicherung nicht einhält, oder eine RTA über der RTO.',
  },
};

/** A scenario's status: `hasProblems` whether the checks found errors or warnings in it. */
export function scenarioStatus(scenario: ScenarioModel, hasProblems: boolean): ScenarioStatus {
  const latest = latestRecoveryExercise(scenario);
  if (latest?.result?.value === 'failed') return 'exerciseFailed';
  if (hasProblems) return 'findings';
  return latest ? 'proven' : 'untested';
}
