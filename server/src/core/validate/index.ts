import type { PlanModel } from '../model/plan';
import type { PlanRule, ScenarioRule } from './rule';
import { runRules, type RuleRuns } from './ruleEngine';
import { approvalMissing } from './rules/approvalMissing';
import { backupAffected } from './rules/backupAffected';
import { categoryMismatch } from './rules/categoryMismatch';
import { dateSyntax, scenarioDateSyntax } from './rules/dateSyntax';
import { dependencyCycle } from './rules/dependencyCycle';
import { downtimeBudget } from './rules/downtimeBudget';
import { duplicateIds } from './rules/duplicateIds';
import { durationSyntax, scenarioDurationSyntax } from './rules/durationSyntax';
import { exerciseFailed } from './rules/exerciseFailed';
import { futureDate, scenarioFutureDate } from './rules/futureDate';
import { exerciseResults } from './rules/exerciseResults';
import { missingScenario } from './rules/missingScenario';
import { noDeputy } from './rules/noDeputy';
import { overdue, scenarioOverdue } from './rules/overdue';
import { references, scenarioReferences } from './rules/references';
import { replicaNotBackup } from './rules/replicaNotBackup';
import { restoreTestMissing } from './rules/restoreTestMissing';
import { retentionTooShort } from './rules/retentionTooShort';
import { rpoNotMet } from './rules/rpoNotMet';
import { rpoWithoutBackup } from './rules/rpoWithoutBackup';
import { rtoExceeded } from './rules/rtoExceeded';
import { rtoExceedsMtpd } from './rules/rtoExceedsMtpd';
import { singlePointOfFailure } from './rules/singlePointOfFailure';
import { stepsExceedRecoveryTime } from './rules/stepsExceedRecoveryTime';
import { untested } from './rules/untested';
import { periodSyntax } from './rules/periodSyntax';
import { dateTimeSyntax } from './rules/dateTimeSyntax';
import { availabilityNotMet } from './rules/availabilityNotMet';
import { availabilityUnproven } from './rules/availabilityUnproven';

/**
 * The semantic rules, each in its own module. The schema checks shape before them. Those that
 * judge one scenario at a time are scenario rules: a keystroke in one scenario runs them for
 * that scenario only; a plan-wide rule runs again only when the keystroke changed what it reads
 * of the scenario (rule.ts, ruleEngine.ts).
 */
export const PLAN_RULES: readonly PlanRule[] = [
  durationSyntax,
  dateSyntax,
  duplicateIds,
  references,
  missingScenario,
  overdue,
  futureDate,
  restoreTestMissing,
  retentionTooShort,
  dependencyCycle,
  singlePointOfFailure,
  approvalMissing,
  noDeputy,
  periodSyntax,
  availabilityNotMet,
  availabilityUnproven,
];

export const SCENARIO_RULES: readonly ScenarioRule<unknown>[] = [
  scenarioDurationSyntax,
  scenarioDateSyntax,
  scenarioReferences,
  categoryMismatch,
  rtoExceeded,
  rpoNotMet,
  rpoWithoutBackup,
  downtimeBudget,
  rtoExceedsMtpd,
  stepsExceedRecoveryTime,
  exerciseResults,
  untested,
  exerciseFailed,
  backupAffected,
  replicaNotBackup,
  scenarioOverdue,
  scenarioFutureDate,
  dateTimeSyntax,
];

/** Every rule's findings for the model (see runRules for `previous`). */
export function checkRules(model: PlanModel, today: number, previous?: Parameters<typeof runRules>[4]): RuleRuns {
  return runRules(PLAN_RULES, SCENARIO_RULES, model, today, previous);
}
