import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { say, type Message } from '../i18n/messages';
import type { TextIndex } from '../text';
import { DIAGNOSTIC_SEVERITIES, type DiagnosticCode, type Locale, type PlanDiagnostic, type Span } from '../types';

/** Severity by code, as docs/format.md fixes it. */
export function severityOf(code: DiagnosticCode): DiagnosticSeverity {
  return DIAGNOSTIC_SEVERITIES[code];
}

/** Extra facts a quick fix needs, keyed by what they are, never parsed back from the message. */
export type DiagnosticData = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface Finding {
  readonly code: DiagnosticCode;
  readonly span: Span;
  readonly message: Message;
  readonly data?: DiagnosticData;
  readonly related?: readonly { readonly span: Span; readonly message: Message }[];
}

export function toDiagnostic(finding: Finding, index: TextIndex, locale: Locale, uri: string): PlanDiagnostic {
  const diagnostic: PlanDiagnostic = {
    range: index.rangeOf(finding.span),
    severity: DIAGNOSTIC_SEVERITIES[finding.code],
    code: finding.code,
    source: 'drplan',
    message: say(finding.message, locale),
  };
  if (finding.data) diagnostic.data = finding.data;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: index.rangeOf(related.span) },
      message: say(related.message, locale),
    }));
  }
  return diagnostic;
}

/**
 * A copy of the finding with spans of its own, those at or after `from` moved by `delta`: what a
 * memory of findings keeps (the copy, so that no span object is shared with a model or tree that
 * moves in place; then moveFinding may move it).
 */
export function movedFinding(finding: Finding, from: number, delta: number): Finding {
  const at = (offset: number) => (offset >= from ? offset + delta : offset);
  const span = { start: at(finding.span.start), end: at(finding.span.end) };
  if (!finding.related) return { ...finding, span };
  return { ...finding, span, related: finding.related.map((related) => ({ ...related, span: { start: at(related.span.start), end: at(related.span.end) } })) };
}

/**
 * Moves a finding of a memory (a copy made by movedFinding) in place: its spans at or after
 * `from` by `delta`. The previous version's analysis, which shared it, is not used any more; a
 * keystroke in a large plan moves hundreds of findings without making any.
 */
export function moveFinding(finding: Finding, from: number, delta: number): void {
  moveSpan(finding.span, from, delta);
  for (const related of finding.related ?? []) moveSpan(related.span, from, delta);
}

function moveSpan(span: Span, from: number, delta: number): void {
  const movable = span as { start: number; end: number };
  if (movable.start >= from) movable.start += delta;
  if (movable.end >= from) movable.end += delta;
}
