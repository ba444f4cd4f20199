/** The drplan language service: pure functions from plan text to LSP-shaped results. */
export { analyze, reanalyze, type Analysis, type AnalyzeOptions } from './analysis';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Locale, type PlanDiagnostic } from './types';
export { parseDuration, formatDuration } from './duration';
export { parseDate } from './date';
