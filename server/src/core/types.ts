import type { Diagnostic } from 'vscode-languageserver-types';

export type { Diagnostic, Range, Position } from 'vscode-languageserver-types';

/** The languages drplan speaks; the rendered document is always German. */
export type Locale = 'de' | 'en';

/** The diagnostic codes of format.md: a contract other tools rely on. */
export const DIAGNOSTIC_CODES = [
  'yaml-syntax',
  'missing-field',
  'unknown-field',
  'invalid-value',
  'invalid-duration',
  'invalid-date',
  'category-mismatch',
  'duplicate-id',
  'unknown-reference',
  'rto-exceeded',
  'rpo-not-met',
  'rpo-without-backup',
  'downtime-budget',
  'missing-scenario',
  'rto-exceeds-mtpd',
  'steps-exceed-recovery-time',
  'rta-exceeded',
  'rpa-exceeded',
  'untested',
  'restore-test-overdue',
  'review-overdue',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

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
