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
  // Without sorting (a keystroke in a large plan publishes this anew): how many of each severity
  // there are, then the severity at which the max - 1 kept ones end, and how many of it fit.
  const counts = new Map<number, number>();
  for (const diagnostic of diagnostics) counts.set(severity(diagnostic), (counts.get(severity(diagnostic)) ?? 0) + 1);
  let room = max - 1;
  let cut = Number.POSITIVE_INFINITY;
  for (const level of [...counts.keys()].sort((a, b) => a - b)) {
    const count = counts.get(level) as number;
    if (count <= room) {
      room -= count;
      continue;
    }
    cut = level;
    break;
  }
  const kept: PlanDiagnostic[] = [];
  let first: PlanDiagnostic | undefined;
  for (const diagnostic of diagnostics) {
    const level = severity(diagnostic);
    if (level < cut) kept.push(diagnostic);
    else if (level === cut && room > 0) {
      kept.push(diagnostic);
      room--;
    } else if (level === cut && first === undefined) first = diagnostic;
  }
  const omitted = diagnostics.length - kept.length;
  const note: PlanDiagnostic = {
    ...(first as PlanDiagnostic),
    message: `${(first as PlanDiagnostic).message} ${say(messages.moreDiagnostics(omitted - 1, max), locale)}`,
  };
  kept.push(note);
  return kept;
}

function severity(diagnostic: PlanDiagnostic): number {
  return diagnostic.severity ?? DiagnosticSeverity.Error;
}
