import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from './codeActionKinds';
import type { Analysis } from '../analysis';
import { say, type Message } from '../i18n/messages';
import type { DiagnosticCode, Locale } from '../types';
import type { Finding } from '../validate/diagnostic';
import { combineEdits, toTextEdits, type OffsetEdit } from '../yaml/offsetEdits';
import { FixContext, fixesFor, quickFixProvider, type CodeActionOptions, type Fix } from './quickFixes';

/**
 * Code actions for drplan's diagnostics: the quick fixes of each code (./quickFixes, one provider
 * per code), each a minimal text edit (../yaml/edit.ts).
 *
 * Besides, for each code whose provider has one obvious fix, one action fixes every such finding
 * of the document, and a `source.fixAll.drplan` action applies the fixes that need no judgement
 * (renamed keys, enumeration values, durations), e.g. on save.
 */

/** The kind of the action that applies every unambiguous fix (`editor.codeActionsOnSave`). */
export { FIX_ALL_KIND };
export type { CodeActionOptions };

const FIX_ALL_TITLE: Message = { de: 'Alle eindeutigen Korrekturen anwenden (drplan)', en: 'Apply all unambiguous fixes (drplan)' };

/**
 * The code actions for `diagnostics` (the client's, for `range`) of one document version.
 * Diagnostics of another version, which no finding of this analysis matches, get none. What it
 * throws (a bug), the language service logs and answers with no action.
 */
export function codeActions(analysis: Analysis, range: Range, diagnostics: readonly Diagnostic[], locale: Locale, options: CodeActionOptions): CodeAction[] {
  const wantsQuickFix = wants(options.only, CodeActionKind.QuickFix);
  const wantsFixAll = wants(options.only, FIX_ALL_KIND);
  if (!wantsQuickFix && !wantsFixAll) return [];
  const context = new FixContext(analysis, locale, options);
  const actions: CodeAction[] = [];
  const add = (fix: Fix | undefined, kind: string, shown: readonly Diagnostic[]) => {
    if (!fix || fix.edits.length === 0) return;
    const title = say(fix.title, locale);
    const edits = toTextEdits(analysis.yaml.index, fix.edits);
    // The same fix reached from several diagnostics (all missing fields of one mapping) is one action.
    const same = actions.find((action) => action.title === title && action.kind === kind && sameEdits(action, options.uri, edits));
    if (same) {
      for (const diagnostic of shown) if (!same.diagnostics?.includes(diagnostic)) same.diagnostics?.push(diagnostic);
      return;
    }
    const action: CodeAction = { title, kind, diagnostics: [...shown], edit: { changes: { [options.uri]: edits } } };
    if (fix.preferred) action.isPreferred = true;
    const snippets = (fix.snippetEdits && snippetsOf(analysis, fix.edits, fix.snippetEdits)) ?? [];
    if (snippets.length > 0 || fix.suggest) action.data = { snippets, ...(fix.suggest ? { suggest: true } : {}) } satisfies SnippetData;
    actions.push(action);
  };
  // The preferred fix of each finding, for the actions that fix many at once.
  const preferredFixes = (findings: readonly Finding[]) =>
    findings.flatMap((finding) => fixesFor(finding, context).filter((fix) => fix.preferred).slice(0, 1));

  if (wantsQuickFix) {
    const matched = context.match(range, diagnostics);
    const codes = new Set<DiagnosticCode>();
    for (const { finding, shown } of matched) {
      for (const fix of fixesFor(finding, context)) add(fix, CodeActionKind.QuickFix, shown);
      if (quickFixProvider(finding.code)?.fixEvery) codes.add(finding.code);
    }
    for (const code of codes) {
      const fixes = preferredFixes(context.findingsOf(code));
      if (fixes.length < 2) continue;
      add(combine(quickFixProvider(code)?.fixEvery as Message, fixes), CodeActionKind.QuickFix, context.shownFor(fixes));
    }
  }

  if (wantsFixAll) {
    const fixes = preferredFixes(analysis.findings.filter((finding) => quickFixProvider(finding.code)?.unambiguous));
    if (fixes.length > 0) add(combine(FIX_ALL_TITLE, fixes), FIX_ALL_KIND, context.shownFor(fixes));
  }
  return actions;
}

/**
 * What a code action's `data` may hold: edits of its `edit` (same range) written as snippets,
 * and whether to open the suggestions afterwards. LSP 3.17 has no snippet edits in code
 * actions, and a command of the action would be sent to a client that knows no
 * `editor.action.triggerSuggest` (Neovim reports it as an error); the VS Code client applies
 * these instead of the plain edits and runs that command (client/src/codeActionSnippets.ts),
 * other clients apply the plain edit and ignore `data` (the server offers no resolve).
 */
export interface SnippetData {
  readonly snippets: readonly { readonly range: Range; readonly snippet: string }[];
  readonly suggest?: true;
}

/** The edits whose snippet differs from their plain text, at the plain edit's range. */
function snippetsOf(analysis: Analysis, plain: readonly OffsetEdit[], snippet: readonly OffsetEdit[]): SnippetData['snippets'] {
  const plainEdits = combineEdits(plain);
  const snippetEdits = combineEdits(snippet);
  if (plainEdits.length !== snippetEdits.length) return [];
  return snippetEdits.flatMap((edit, i) => {
    const other = plainEdits[i] as OffsetEdit;
    if (other.start !== edit.start || other.end !== edit.end || other.text === edit.text) return [];
    return [{ range: analysis.yaml.index.range(edit.start, edit.end), snippet: edit.text }];
  });
}

function sameEdits(action: CodeAction, uri: string, edits: readonly TextEdit[]): boolean {
  return JSON.stringify(action.edit?.changes?.[uri]) === JSON.stringify(edits);
}

/** Whether an action of `kind` is among the kinds asked for (`quickfix` asks for `quickfix.x`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((asked) => asked === kind || asked === '' || kind.startsWith(`${asked}.`));
}

/** One fix made of many; never preferred, since it changes more than the spot at hand. */
function combine(title: Message, fixes: readonly Fix[]): Fix {
  return { title, edits: fixes.flatMap((fix) => fix.edits), findings: fixes.flatMap((fix) => fix.findings), preferred: false };
}
