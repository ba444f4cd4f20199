import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

export type { Diagnostic, Range, Position } from 'vscode-languageserver-types';

/** The languages drplan speaks; the rendered document is always German. */
export type Locale = 'de' | 'en';

/**
 * The diagnostic codes of docs/format.md with their severities: a contract other tools rely on.
 * The order is the SARIF rules' order; a new code is one line here (the compiler then asks for
 * its documentation in scripts/formatDoc/codes.ts).
 */
export const DIAGNOSTIC_SEVERITIES = {
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
  'missing-scenario': DiagnosticSeverity.Warning,
  'rto-exceeds-mtpd': DiagnosticSeverity.Error,
  'steps-exceed-recovery-time': DiagnosticSeverity.Warning,
  'rta-exceeded': DiagnosticSeverity.Error,
  'rpa-exceeded': DiagnosticSeverity.Error,
  untested: DiagnosticSeverity.Information,
  'restore-test-overdue': DiagnosticSeverity.Warning,
  'review-overdue': DiagnosticSeverity.Warning,
  'future-date': DiagnosticSeverity.Warning,
  'exercise-failed': DiagnosticSeverity.Warning,
  'restore-test-missing': DiagnosticSeverity.Warning,
  'retention-too-short': DiagnosticSeverity.Error,
  'backup-affected': DiagnosticSeverity.Error,
  'replica-not-backup': DiagnosticSeverity.Error,
  'dependency-cycle': DiagnosticSeverity.Error,
  'single-point-of-failure': DiagnosticSeverity.Information,
  'approval-missing': DiagnosticSeverity.Warning,
  'no-deputy': DiagnosticSeverity.Information,
  'availability-not-met': DiagnosticSeverity.Warning,
  'availability-unproven': DiagnosticSeverity.Warning,
} as const satisfies Record<string, DiagnosticSeverity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITIES;

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_SEVERITIES) as readonly DiagnosticCode[];


/** A drplan diagnostic: an LSP diagnostic whose code is always one of ours. */
export interface PlanDiagnostic extends Diagnostic {
  code: DiagnosticCode;
  source: 'drplan';
}

/**
 * Where something stands in the text, as UTF-16 offsets [start, end). Offsets are cheap to keep
 * for every field of a plan; they become line/character ranges only for what is reported.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A value together with where it stands in the text. */
export interface Located<T> extends Span {
  readonly value: T;
}
