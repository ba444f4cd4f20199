import { formatDate } from '../../date';
import { reviewDueDay } from '../../model/queries';
import { cell, col, dateValue, durationWords, enumLabel, fieldLabel, shown, short, table } from '../blocks';
import type { ContactInfo, DocumentContext } from '../context';
import { LABELS } from '../texts';
import { emphasis, text, type Block, type Inline } from '../tree';
import type { Chapter } from './chapter';
import { statusText } from './cover';
import { changeHistoryBlocks } from './history';

/**
 * Lenkung des Dokuments (ISO 22301 7.5, BSI-Standard 200-4): which version this is and what
 * holds of its release, who approved it, who holds copies, and how it changed.
 */
export const documentControl: Chapter = (context) => {
  const plan = context.model.plan;
  const line = plan ? context.line(plan.span.start) : undefined;
  const version = shown(plan?.version);
  const owner = context.ownerContact();
  const reviewDue = reviewDueDay(context.model);
  const items: { label: string; value: Inline[] }[] = [
    { label: fieldLabel('plan', 'version'), value: [text(version ?? LABELS.missing)] },
    { label: fieldLabel('plan', 'status'), value: [text(statusText(context))] },
    { label: 'Verantwortlich für das Dokument', value: [text(owner ? contactWithFunction(owner) : (plan?.owner?.value ?? LABELS.missing))] },
  ];
  if (plan?.reviewInterval) items.push({ label: fieldLabel('plan', 'review_interval'), value: [text(durationWords(plan.reviewInterval))] });
  if (reviewDue !== undefined) items.push({ label: 'Nächste Überprüfung', value: [text(formatDate(reviewDue, 'de'))] });
  return context.chapter('lenkung', 'Lenkung des Dokuments', line, () => [
    { kind: 'fields', items, sourceLine: line },
    ...approvalBlocks(context),
    ...distributionBlocks(context),
    ...changeHistoryBlocks(context),
  ]);
};

/** Freigaben: who approved which version, when, and what the approval means. */
function approvalBlocks(context: DocumentContext): Block[] {
  const plan = context.model.plan;
  const line = context.keyLine(plan?.keys.approvals);
  const blocks: Block[] = [context.heading(2, 'freigaben', 'Freigaben', line)];
  const approvals = plan?.approvals ?? [];
  if (approvals.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Keine Freigabe eingetragen.'))], sourceLine: line });
    return blocks;
  }
  const current = shown(plan?.version);
  blocks.push(
    table(
      [short('Datum', 1.6), short('Version', 1.3), col('Name', 3), col('Funktion', 2.8), col('Bedeutung', 3.6)],
      approvals.map((approval) => {
        const contact = context.contact(approval.by?.value);
        return {
          kind: 'row',
          sourceLine: context.line(approval.span.start),
          cells: [
            dateValue(approval.date),
            cell(shown(approval.version) ?? current),
            cell(contact?.name ?? approval.by?.value),
            cell(contact ? functionWords(contact) : undefined),
            cell(shown(approval.meaning) ?? 'Freigabe'),
          ],
        };
      }),
      'compact',
      line,
    ),
  );
  return blocks;
}

/** Verteiler: who holds the plan, where printed copies are kept. */
function distributionBlocks(context: DocumentContext): Block[] {
  const plan = context.model.plan;
  const line = context.keyLine(plan?.keys.distribution);
  const entries = (plan?.distribution ?? []).flatMap((entry) => {
    const entryText = shown(entry);
    return entryText === undefined ? [] : [{ content: [text(entryText)], sourceLine: context.line(entry.start) }];
  });
  const blocks: Block[] = [context.heading(2, 'verteiler', 'Verteiler', line)];
  blocks.push(
    entries.length > 0
      ? { kind: 'list', ordered: false, items: entries }
      : { kind: 'paragraph', content: [emphasis(text('Kein Verteiler angegeben.'))], sourceLine: line },
  );
  return blocks;
}

/** A contact's function in German (the catalog's label), else their role. */
export function functionWords(contact: ContactInfo): string | undefined {
  return enumLabel('contactFunction', contact.function) ?? contact.function ?? contact.role;
}

/** "Dr. Hans Beispiel (Geschäftsführung)": a contact with role or function. */
export function contactWithFunction(contact: ContactInfo): string {
  const what = contact.role ?? functionWords(contact);
  return what ? `${contact.name} (${what})` : contact.name;
}
