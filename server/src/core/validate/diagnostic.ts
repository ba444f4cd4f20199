import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { say, type Message } from '../i18n/messages';
import type { TextIndex } from '../text';
import type { DiagnosticCode, Locale, PlanDiagnostic, Span } from '../types';

/** Severity by code, as format.md fixes it. */
const SEVERITY: Record<DiagnosticCode, DiagnosticSeverity> = {
  'yaml-syntax': DiagnosticSeverity.Error,
  'missing-field': DiagnosticSeverity.Error,
  'unknown-field': DiagnosticSeverity.Warning,
  'invalid-value': DiagnosticSeverity.Error,
  'invalid-duration': DiagnosticSeverity.Error,
  'invalid-date': DiagnosticSeverity.Error,
  'category-mismatch': DiagnosticSeverity.Error,
  'duplicate-id': DiagnosticSeverity.Error,
  'unknown-reference': DiagnosticSeverity.Error,
  'rto-exceeded': DiagnosticSeverity.Error,
  'rpo-not-met': DiagnosticSeverity.Error,
  'rpo-without-backup': DiagnosticSeverity.Warning,
  'downtime-budget': DiagnosticSeverity.Warning,
  'missing-scenario': DiagnosticSeverity.Information,
  'rto-exceeds-mtpd': DiagnosticSeverity.Error,
  'steps-exceed-recovery-time': DiagnosticSeverity.Warning,
  'rta-exceeded': DiagnosticSeverity.Error,
  'rpa-exceeded': DiagnosticSeverity.Error,
  untested: DiagnosticSeverity.Information,
  'restore-test-overdue': DiagnosticSeverity.Warning,
  'review-overdue': DiagnosticSeverity.Warning,
};

export function severityOf(code: DiagnosticCode): DiagnosticSeverity {
  return SEVERITY[code];
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
    severity: SEVERITY[finding.code],
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
