import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis';
import type { Message } from '../../i18n/messages';
import type { DiagnosticCode, Locale } from '../../types';
import type { Finding } from '../../validate/diagnostic';
import { layoutOf, lineEndingOf, type Layout, type LineEnding } from '../../yaml/layout';
import { TextLines } from '../../yaml/lines';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import type { PlaceholderContext } from '../placeholders';

export interface CodeActionOptions {
  /** The document's URI, the key of the workspace edit. */
  readonly uri: string;
  /** The kinds the client asks for (LSP `context.only`); all when absent. */
  readonly only?: readonly string[];
  /** Today, for the placeholder of a date; default the current day. */
  readonly today?: Date;
}

/** A fix before it becomes an LSP action: a title in both languages and edits in offsets. */
export interface Fix {
  readonly title: Message;
  readonly edits: readonly OffsetEdit[];
  /**
   * The same edits written as a snippet, for a client that applies them so (VS Code: the cursor
   * lands on a tab stop, e.g. the reason still to write); `edits` hold the tab stops' text.
   */
  readonly snippetEdits?: readonly OffsetEdit[];
  /**
   * Whether the client opens the suggestions after the edit: it leaves a value at the cursor
   * that is picked from the plan (a contact's id). VS Code does, from the action's `data`.
   */
  readonly suggest?: boolean;
  readonly findings: readonly Finding[];
  readonly preferred: boolean;
}

/**
 * The quick fixes of one diagnostic code, chosen by the finding's `data` (never by its message,
 * which is in the user's language).
 */
export interface QuickFixProvider {
  readonly code: DiagnosticCode;
  /** The fixes of one finding; the one to apply without a second thought is `preferred`. */
  readonly fixes: (finding: Finding, context: FixContext) => Fix[];
  /**
   * For codes with a single obvious fix: the title of the action that applies it to every such
   * finding of the document.
   */
  readonly fixEvery?: Message;
  /**
   * Whether `source.fixAll.drplan` applies the preferred fix unasked: fixes of a typo or a
   * spelling, never a guess about the plan's content (a reference, a category, a placeholder).
   */
  readonly unambiguous?: boolean;
}

/** What every fix of one request shares, computed once and only when a fix needs it. */
export class FixContext {
  readonly text: string;
  readonly eol: LineEnding;
  readonly placeholders: PlaceholderContext;
  private layoutCache: Layout | undefined;
  private rendered: readonly Diagnostic[] | undefined;
  private readonly byCode = new Map<DiagnosticCode, Finding[]>();
  private readonly memos = new Map<string, unknown>();
  private byPlace: Map<string, number[]> | undefined;

  constructor(
    readonly analysis: Analysis,
    private readonly locale: Locale,
    private readonly options: CodeActionOptions,
  ) {
    this.text = analysis.text;
    this.eol = lineEndingOf(analysis.text);
    this.placeholders = { yaml: analysis.yaml, model: analysis.model, today: options.today ?? new Date() };
  }

  /** A fix shared by several findings (all missing scenarios, all missing fields of a mapping), built once. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  get layout(): Layout {
    this.layoutCache ??= layoutOf(new TextLines(this.text, this.analysis.yaml.index.lineStarts));
    return this.layoutCache;
  }

  /** The diagnostics of this analysis, in the order of its findings (cached by the analysis). */
  get diagnostics(): readonly Diagnostic[] {
    this.rendered ??= this.analysis.diagnostics(this.locale, this.options.uri);
    return this.rendered;
  }

  findingsOf(code: DiagnosticCode): readonly Finding[] {
    let found = this.byCode.get(code);
    if (!found) {
      found = this.analysis.findings.filter((finding) => finding.code === code);
      this.byCode.set(code, found);
    }
    return found;
  }

  /**
   * The findings behind the client's diagnostics: same code, same range, and the same `field` and
   * `type` where the client kept `data`. Without diagnostics from the client (some clients send
   * none), the findings whose range touches `range`.
   */
  match(range: Range, diagnostics: readonly Diagnostic[]): { finding: Finding; shown: Diagnostic[] }[] {
    const result = new Map<Finding, Diagnostic[]>();
    const rendered = this.diagnostics;
    const findings = this.analysis.findings;
    if (diagnostics.length === 0) {
      findings.forEach((finding, i) => {
        const diagnostic = rendered[i] as Diagnostic;
        if (touches(diagnostic.range, range)) result.set(finding, [diagnostic]);
      });
    }
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
      for (const i of this.findingsAt(code, diagnostic.range)) {
        const finding = findings[i] as Finding;
        if (!sameData(diagnostic.data, finding)) continue;
        const shown = result.get(finding) ?? [];
        shown.push(diagnostic);
        result.set(finding, shown);
      }
    }
    return [...result].map(([finding, shown]) => ({ finding, shown }));
  }

  /**
   * The indices of the findings of `code` at `range`, from an index made once: a client sends up
   * to 1,000 diagnostics, and a hostile plan has millions of findings.
   */
  private findingsAt(code: string | undefined, range: Range): readonly number[] {
    let byPlace = this.byPlace;
    if (!byPlace) {
      const index = new Map<string, number[]>();
      const rendered = this.diagnostics;
      this.analysis.findings.forEach((finding, i) => {
        const key = placeKey(finding.code, (rendered[i] as Diagnostic).range);
        const found = index.get(key);
        if (found) found.push(i);
        else index.set(key, [i]);
      });
      byPlace = this.byPlace = index;
    }
    return code === undefined ? [] : (byPlace.get(placeKey(code, range)) ?? []);
  }

  /** The diagnostics a combined fix resolves, as this server published them. */
  shownFor(fixes: readonly Fix[]): Diagnostic[] {
    const findings = new Set(fixes.flatMap((fix) => fix.findings));
    return this.analysis.findings.flatMap((finding, i) => (findings.has(finding) ? [this.diagnostics[i] as Diagnostic] : []));
  }
}

/** A finding's code and range as one key: a client's diagnostic matches a finding with the same. */
function placeKey(code: string, range: Range): string {
  return `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether the `data` a client sent back names the same field and scenario type as the finding. */
function sameData(data: unknown, finding: Finding): boolean {
  if (data === null || typeof data !== 'object') return true;
  const sent = data as Record<string, unknown>;
  return ['field', 'type', 'path'].every((key) => sent[key] === undefined || sent[key] === finding.data?.[key]);
}
