import { messages } from '../../i18n/messages';
import type { ApprovalModel, PlanMetaModel } from '../../model/plan';
import type { Rule } from '../rule';

/**
 * approval-missing: a plan whose status is `approved` has an approval of its current version.
 * An approval without `version` approves the current one (format.md). Without one, the
 * document would call the plan approved with nobody named who approved it.
 */
export const approvalMissing: Rule = ({ model, report }) => {
  const plan = model.plan;
  const status = plan?.status;
  if (!plan || status?.value !== 'approved') return;
  if (plan.approvals.some((approval) => approvesCurrentVersion(plan, approval))) return;
  const version = plan.version?.value.trim();
  const approved = [...new Set(plan.approvals.flatMap((approval) => (approval.version ? [approval.version.value.trim()] : [])))];
  report({
    code: 'approval-missing',
    span: status,
    message: messages.approvalMissing(version, approved),
    data: version === undefined ? {} : { version },
  });
};

/** Whether an approval approves the plan's current version: it names that version, or none. */
export function approvesCurrentVersion(plan: PlanMetaModel, approval: ApprovalModel): boolean {
  // A version written but of the wrong shape (a list) is the schema's finding, not an approval.
  if (!approval.version) return !approval.node.has('version');
  return approval.version.value.trim() === plan.version?.value.trim();
}
