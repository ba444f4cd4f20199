import type { TextIndex } from '../text';
import type { Locale, PlanDiagnostic } from '../types';
import { toDiagnostic, type Finding } from './diagnostic';

/**
 * The diagnostics of a version, rendered (in a language, for a URI) from its findings. A
 * keystroke in a large plan leaves almost every finding where it was, or moves it whole lines
 * down or up (the findings taken over are the same objects, moved in place: ruleEngine.ts,
 * schemaMemory.ts): those diagnostics are the previous version's, taken over (or with their
 * lines shifted), instead of being rendered again. The result is exactly what rendering every
 * finding gives (test/unit/incremental.test.ts compares).
 */

/** How a version came from the previous one (the edit's place, and how many lines it added). */
export interface VersionEdit {
  /** The previous version's generation (newGeneration). */
  readonly previous: number;
  /** Offsets before `start` lie where they lay. */
  readonly start: number;
  /** Spans from the first line after the edit on moved by `lineDelta` whole lines (new offsets). */
  readonly linesAfter: number;
  readonly lineDelta: number;
}

/** Each finding's last rendering: the generation and key it was made for (renewed in place when taken over). */
interface Rendered {
  generation: number;
  key: string;
  diagnostic: PlanDiagnostic;
}
const renderings = new WeakMap<Finding, Rendered>();
let generations = 0;

/** A generation number for a new version's renderings. */
export function newGeneration(): number {
  return ++generations;
}

export function renderDiagnostics(
  findings: readonly Finding[],
  index: TextIndex,
  locale: Locale,
  uri: string,
  generation: number,
  edit: VersionEdit | undefined,
): PlanDiagnostic[] {
  const key = `${locale}\u0000${uri}`;
  return findings.map((finding) => {
    const rendered = renderings.get(finding);
    // Only a rendering of the previous version, in this language and for this URI, is taken over.
    const before = rendered && edit && rendered.generation === edit.previous && rendered.key === key ? rendered.diagnostic : undefined;
    let diagnostic: PlanDiagnostic | undefined;
    if (before && edit) {
      if (lastEnd(finding) <= edit.start) diagnostic = before;
      else if (firstStart(finding) >= edit.linesAfter) diagnostic = edit.lineDelta === 0 ? before : shifted(before, edit.lineDelta);
    }
    diagnostic ??= toDiagnostic(finding, index, locale, uri);
    if (rendered) {
      rendered.generation = generation;
      rendered.key = key;
      rendered.diagnostic = diagnostic;
    } else renderings.set(finding, { generation, key, diagnostic });
    return diagnostic;
  });
}

/** Where the finding's last span ends, related information included. */
function lastEnd(finding: Finding): number {
  let end = finding.span.end;
  if (finding.related) for (const related of finding.related) end = Math.max(end, related.span.end);
  return end;
}

/** Where its first span starts. */
function firstStart(finding: Finding): number {
  let start = finding.span.start;
  if (finding.related) for (const related of finding.related) start = Math.min(start, related.span.start);
  return start;
}

function shifted(diagnostic: PlanDiagnostic, lines: number): PlanDiagnostic {
  const range = ({ start, end }: PlanDiagnostic['range']) => ({
    start: { line: start.line + lines, character: start.character },
    end: { line: end.line + lines, character: end.character },
  });
  const copy: PlanDiagnostic = { ...diagnostic, range: range(diagnostic.range) };
  if (diagnostic.relatedInformation) {
    copy.relatedInformation = diagnostic.relatedInformation.map((related) => ({ ...related, location: { ...related.location, range: range(related.location.range) } }));
  }
  return copy;
}
