/**
 * Quick fixes whose edit leaves something for the author to write (the reason of a scenario
 * listed as not applicable, the contact who approved the plan) carry that edit as a snippet in
 * the action's `data` as well (server/src/core/features/codeActions.ts, SnippetData): LSP 3.17
 * has no snippet edits in code actions. Here the VS Code client puts the snippet in place of the
 * plain edit with the same range, so that the cursor lands on the tab stop, and where `data`
 * says `suggest` (the value is picked from the plan: a deputy), opens the suggestions there.
 * Anything else passes unchanged.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

interface SnippetEdit {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly snippet: string;
}

/** The client's middleware for code actions. */
export const codeActionSnippets: Pick<Middleware, 'provideCodeActions'> = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    return actions?.map((action) => (action instanceof vscode.CodeAction ? withSnippets(action, document) : action));
  },
};

/** The action with its snippets in place of the plain edits they stand for (edits of `document` only). */
export function withSnippets(action: vscode.CodeAction, document: vscode.TextDocument): vscode.CodeAction {
  const data = (action as { data?: unknown }).data;
  if (suggests(data) && action.edit && !action.command) action.command = { title: '', command: TRIGGER_SUGGEST };
  const snippets = snippetsOf(data);
  if (snippets.length === 0 || !action.edit) return action;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of action.edit.entries()) {
    const own = uri.toString() === document.uri.toString();
    edit.set(
      uri,
      edits.map((plain) => {
        const snippet = own ? snippets.find((candidate) => sameRange(candidate.range, plain.range)) : undefined;
        return snippet ? new vscode.SnippetTextEdit(plain.range, new vscode.SnippetString(unindented(snippet.snippet, document, plain.range.start))) : plain;
      }),
    );
  }
  action.edit = edit;
  return action;
}

/**
 * VS Code indents every line of an inserted snippet after the first by the blanks that begin
 * the line it is inserted into; the server's text is indented already, so those blanks come off
 * first (where a line lacks them, it stays as it is).
 */
function unindented(snippet: string, document: vscode.TextDocument, at: vscode.Position): string {
  const before = document.lineAt(at.line).text.slice(0, at.character);
  const blanks = /^[ \t]*/.exec(before)?.[0] ?? '';
  if (blanks === '') return snippet;
  return snippet
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(blanks) ? line.slice(blanks.length) : line))
    .join('\n');
}

const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

/** Whether the action's data asks for the suggestions after the edit. */
function suggests(data: unknown): boolean {
  return (data as { suggest?: unknown } | null | undefined)?.suggest === true;
}

/** The snippets of an action's data, where it has the shape the server writes. */
function snippetsOf(data: unknown): SnippetEdit[] {
  const snippets = (data as { snippets?: unknown } | null | undefined)?.snippets;
  if (!Array.isArray(snippets)) return [];
  return snippets.filter((item): item is SnippetEdit => typeof item?.snippet === 'string' && isRange(item.range));
}

function isRange(value: unknown): value is SnippetEdit['range'] {
  const range = value as SnippetEdit['range'] | undefined;
  const isPosition = (p: unknown) => typeof (p as { line?: unknown })?.line === 'number' && typeof (p as { character?: unknown })?.character === 'number';
  return isPosition(range?.start) && isPosition(range?.end);
}

function sameRange(a: SnippetEdit['range'], b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
