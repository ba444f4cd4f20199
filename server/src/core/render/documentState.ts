import { formatDate } from '../date';
import type { ApprovalModel, PlanModel } from '../model/plan';
import { approvesCurrentVersion } from '../validate/rules/approvalMissing';

/**
 * What holds of the plan's release, from the plan and its check together: the cover, the
 * watermark and the chapter Lenkung des Dokuments all say this one thing, so the document never
 * prints "Freigegeben" beside a red "Entwurf" (ISO 22301 7.5: a document's status is true).
 */
export type DocumentState =
  /** Approved: an approval of the current version, and the check found no error. */
  | { readonly kind: 'approved'; readonly approval: ApprovalModel; readonly changedSince: boolean }
  /** Not approved: a draft, no status, or an approved status the plan itself contradicts. */
  | { readonly kind: 'draft'; readonly reason: DraftReason; readonly approval: ApprovalModel | undefined };

export type DraftReason =
  /** `status: draft`. */
  | 'marked-draft'
  /** No status at all: nothing claims a release. */
  | 'no-status'
  /** `status: approved`, but no approval of the current version is listed. */
  | 'approval-missing'
  /** Approved, but the check finds errors: the plan cannot be released as it is. */
  | 'errors';

export interface StateInputs {
  readonly model: PlanModel;
  readonly hasErrors: boolean;
  /** Whether the plan changed after a day (days since 1970-01-01); undefined when unknown. */
  readonly changedAfter: (day: number) => boolean;
}

export function documentState({ model, hasErrors, changedAfter }: StateInputs): DocumentState {
  const approval = currentApproval(model);
  const status = model.plan?.status?.value;
  if (status === undefined) return { kind: 'draft', reason: 'no-status', approval };
  if (status !== 'approved') return { kind: 'draft', reason: 'marked-draft', approval };
  if (!approval) return { kind: 'draft', reason: 'approval-missing', approval };
  if (hasErrors) return { kind: 'draft', reason: 'errors', approval };
  const day = approval.date?.day;
  return { kind: 'approved', approval, changedSince: day !== undefined && changedAfter(day) };
}

/**
 * The latest approval of the plan's current version (as the approval-missing rule tells it) that
 * names who approved and when: what the document can print as the release.
 */
export function currentApproval(model: PlanModel): ApprovalModel | undefined {
  const plan = model.plan;
  if (!plan) return undefined;
  let latest: ApprovalModel | undefined;
  for (const approval of plan.approvals) {
    if (!approvesCurrentVersion(plan, approval)) continue;
    if (approval.by === undefined || approval.date?.day === undefined) continue;
    if (!latest || (approval.date.day ?? 0) >= (latest.date?.day ?? 0)) latest = approval;
  }
  return latest;
}

/** "am 25.01.2026 durch Dr. Hans Beispiel": an approval as the document names it. */
export function approvalWords(approval: ApprovalModel, nameOf: (id: string | undefined) => string | undefined): string {
  const day = approval.date?.day;
  const who = nameOf(approval.by?.value);
  return [day === undefined ? undefined : `am ${formatDate(day, 'de')}`, who ? `durch ${who}` : undefined].filter(Boolean).join(' ');
}

/** The status as the cover and the chapter Lenkung des Dokuments print it. */
export function stateWords(state: DocumentState, nameOf: (id: string | undefined) => string | undefined, version: string | undefined): string {
  if (state.kind === 'approved') return `Freigegeben ${approvalWords(state.approval, nameOf)}${state.changedSince ? ', seither geändert' : ''}`;
  switch (state.reason) {
    case 'marked-draft':
      return 'Entwurf';
    case 'no-status':
      return 'Entwurf (kein Status angegeben)';
    case 'approval-missing':
      return `Entwurf: als freigegeben gekennzeichnet, doch keine Freigabe ${version ? `der Version ${version} ` : ''}eingetragen`;
    case 'errors':
      return `Entwurf: die Prüfung hat Fehler gefunden${state.approval ? ` (Freigabe ${approvalWords(state.approval, nameOf)})` : ''}`;
  }
}
