import { formatDate } from '../../date';
import { reviewDueDay } from '../../model/queries';
import { dateValue, enumLabel, fieldLabel, orMissing, shown } from '../blocks';
import { stateWords } from '../documentState';
import type { DocumentContext } from '../context';
import { LABELS } from '../texts';
import { link, text, type Block, type Inline, type Section } from '../tree';
import type { Chapter } from './chapter';

/** The cover: title, the plan's metadata, and whether it is a draft. */
export const cover: Chapter = (context) => {
  const plan = context.model.plan;
  const owner = context.ownerContact();
  const reviewDue = reviewDueDay(context.model);
  const classification = shown(plan?.classification);
  const items: { label: string; value: Inline[] }[] = [
    { label: fieldLabel('plan', 'organisation'), value: orMissing(shown(plan?.organisation)) },
    { label: fieldLabel('plan', 'system'), value: orMissing(shown(plan?.system)) },
    { label: fieldLabel('plan', 'version'), value: orMissing(shown(plan?.version)) },
    { label: fieldLabel('plan', 'status'), value: [text(statusText(context))] },
    { label: fieldLabel('plan', 'valid_from'), value: dateValue(plan?.validFrom) },
    { label: 'Stand (letzte Überprüfung)', value: dateValue(plan?.lastReview) },
  ];
  if (reviewDue !== undefined) items.push({ label: 'Nächste Überprüfung', value: [text(formatDate(reviewDue, 'de'))] });
  items.push(
    {
      label: 'Verantwortlich',
      value: owner ? [text(owner.role ? `${owner.name} (${owner.role})` : owner.name)] : orMissing(plan?.owner?.value),
    },
    { label: fieldLabel('plan', 'classification'), value: orMissing(enumLabel('classification', classification) ?? classification) },
  );
  const line = plan ? context.line(plan.span.start) : undefined;
  const children: Block[] = [
    { kind: 'title', text: context.title, subtitle: LABELS.subtitle, sourceLine: line },
    { kind: 'fields', items, sourceLine: line },
  ];
  const state = stateNote(context);
  if (state) children.push(state);
  children.push({ kind: 'paragraph', style: 'small', content: [text(`Erstellt am ${context.generated} aus der Plandatei mit drplan.`)] });
  return { kind: 'section', role: 'cover', id: context.uniqueId('deckblatt'), children };
};

/** The plan's status as it holds (documentState.ts), in the document's words. */
export function statusText(context: DocumentContext): string {
  return stateWords(context.state, (id) => context.contactLabel(id), shown(context.model.plan?.version));
}

/** Says on the cover that the plan is a draft, why, and where to read the findings. */
function stateNote(context: DocumentContext): Block | undefined {
  const { state } = context;
  if (state.kind === 'approved') return undefined;
  const errors = context.openPoints.filter((point) => point.severity === 1).length;
  const warnings = context.openPoints.filter((point) => point.severity === 2).length;
  const content: Inline[] = [];
  if (state.reason === 'marked-draft') content.push(text('Dieser Plan ist als Entwurf gekennzeichnet und noch nicht freigegeben. '));
  if (state.reason === 'no-status') content.push(text('Dieser Plan gibt keinen Status an und ist damit nicht freigegeben. '));
  if (state.reason === 'approval-missing') {
    const version = shown(context.model.plan?.version);
    content.push(text(`Der Plan ist als freigegeben gekennzeichnet, doch keine Freigabe ${version ? `der Version ${version} ` : ''}ist eingetragen; er gilt daher als Entwurf. `));
  }
  if (errors > 0) {
    content.push(
      text(`Die Prüfung hat ${count(errors, 'Fehler', 'Fehler')}${warnings > 0 ? ` und ${count(warnings, 'Warnung', 'Warnungen')}` : ''} gefunden; `),
      link('offene-punkte', text('siehe Offene Punkte')),
      text('.'),
    );
  }
  return { kind: 'note', tone: errors > 0 ? 'error' : 'warning', title: 'Entwurf', content: [{ kind: 'paragraph', content }] };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The table of contents: the emitters fill it from the headings. */
export const contents: Chapter = (context): Section => ({
  kind: 'section',
  role: 'contents',
  id: context.uniqueId('inhalt'),
  children: [{ kind: 'toc', title: 'Inhaltsverzeichnis' }],
});
