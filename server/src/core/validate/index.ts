import type { PlanModel } from '../model/plan';
import type { Finding } from './diagnostic';
import type { Rule } from './rule';
import { approvalMissing } from './rules/approvalMissing';
import { backupAffected } from './rules/backupAffected';
import { categoryMismatch } from './rules/categoryMismatch';
import { dateSyntax } from './rules/dateSyntax';
import { dependencyCycle } from './rules/dependencyCycle';
import { downtimeBudget } from './rules/downtimeBudget';
import { duplicateIds } from './rules/duplicateIds';
import { durationSyntax } from './rules/durationSyntax';
import { exerciseFailed } from './rules/exerciseFailed';
import { futureDate } from './rules/futureDate';
import { exerciseResults } from './rules/exerciseResults';
import { missingScenario } from './rules/missingScenario';
import { noDeputy } from './rules/noDeputy';
import { overdue } from './rules/overdue';
import { references } from './rules/references';
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

/** The semantic rules, each in its own module. The schema checks shape before them. */
export const RULES: readonly Rule[] = [
  durationSyntax,
  dateSyntax,
  categoryMismatch,
  duplicateIds,
  references,
  rtoExceeded,
  rpoNotMet,
  rpoWithoutBackup,
  downtimeBudget,
  missingScenario,
  rtoExceedsMtpd,
  stepsExceedRecoveryTime,
  exerciseResults,
  untested,
  overdue,
  futureDate,
  exerciseFailed,
  restoreTestMissing,
  retentionTooShort,
  backupAffected,
  replicaNotBackup,
  dependencyCycle,
  singlePointOfFailure,
  approvalMissing,
  noDeputy,
  periodSyntax,
  dateTimeSyntax,
  availabilityNotMet,
  availabilityUnproven,
];

export function checkRules(model: PlanModel, today: number): Finding[] {
  const findings: Finding[] = [];
  const context = { model, today, report: (finding: Finding) => void findings.push(finding) };
  for (const rule of RULES) rule(context);
  return findings;
}
