import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { messages, say } from '../i18n/messages';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../limits';
import type { Locale, PlanDiagnostic } from '../types';

/**
 * The diagnostics a server publishes for a document: all of them, up to `max`. A plan with
 * 20,000 findings would otherwise send megabytes on each keystroke for a Problems list nobody
 * reads to the end. Beyond `max`, the most severe are kept (errors before warnings before
 * information, earlier before later), in document order; the last one published is the first
 * finding left out, with a note of how many more there are: so every published diagnostic is a
 * real finding with its format.md code, and the note stands where the omitted ones begin.
 */
export function publishedDiagnostics(
  diagnostics: readonly PlanDiagnostic[],
  locale: Locale,
  max = MAX_PUBLISHED_DIAGNOSTICS,
): readonly PlanDiagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const bySeverity = diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => severity(a.diagnostic) - severity(b.diagnostic) || a.index - b.index);
  const kept = bySeverity.slice(0, max - 1).sort((a, b) => a.index - b.index);
  const first = bySeverity[max - 1] as { diagnostic: PlanDiagnostic };
  const omitted = diagnostics.length - kept.length;
  const note: PlanDiagnostic = {
    ...first.diagnostic,
    message: `${first.diagnostic.message} ${say(messages.moreDiagnostics(omitted - 1, max), locale)}`,
  };
  return [...kept.map(({ diagnostic }) => diagnostic), note];
}

function severity(diagnostic: PlanDiagnostic): number {
  return diagnostic.severity ?? DiagnosticSeverity.Error;
}
