/**
 * Shared helpers of the VS Code suite. Everything here runs inside the extension host of a real
 * VS Code (code-server here, Electron through @vscode/test-electron elsewhere) and, since it
 * needs nothing but the `vscode` API, in the web worker of VS Code in the browser too (the web
 * suite, test/web/, uses it). What needs Node is in nodeHelpers.ts.
 *
 * Waiting is always on an event or a condition, with a time-out that says what did not happen;
 * never a fixed sleep.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DrplanApi } from '../../client/src/extension';
import type { RenderEvent } from '../../client/src/preview/previewPanel';
import type { PreviewApi } from '../../client/src/preview/previewManager';

export const EXTENSION_ID = 'drplan.drplan';

/** The day the fixtures are written for (test/support/fixtures.ts: TODAY_ISO). */
export const FIXTURE_TODAY = '2026-11-29';

export const DEFAULT_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------
// the workspace (a temporary copy made by the launcher: examples/ and fixtures/)

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the VS Code suite needs a workspace folder (the launcher opens a copy of examples/ and test/fixtures/)');
  return folder.uri;
}

/** A file of the workspace copy, e.g. `workspaceFile('examples', 'plone-intranet.drplan.yaml')`. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/**
 * Hands `restore` a webview panel of `viewType` titled `title`, as VS Code brings one back after a
 * window reload (with the options the extension gave it: scripts from media/ only); answers
 * whether the panel has been closed since.
 */
export async function restorePanel(viewType: string, title: string, retainContextWhenHidden: boolean, restore: (panel: vscode.WebviewPanel) => Promise<void>): Promise<() => boolean> {
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extension().extensionUri, 'media')],
    retainContextWhenHidden,
  });
  let closed = false;
  panel.onDidDispose(() => (closed = true));
  await restore(panel);
  return () => closed;
}

let copies = 0;

/**
 * Copies a workspace file to a new name in a scratch folder of the workspace, so that a test can
 * edit its own plan. The copy gets `extension` (default: the original's).
 */
export async function copyPlan(source: vscode.Uri, name: string, extension?: '.drplan.yaml' | '.drplan.yml'): Promise<vscode.Uri> {
  const ext = extension ?? (source.path.endsWith('.drplan.yml') ? '.drplan.yml' : '.drplan.yaml');
  const target = workspaceFile('scratch', `${name}-${++copies}${ext}`);
  await vscode.workspace.fs.createDirectory(workspaceFile('scratch'));
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source));
  return target;
}

// ---------------------------------------------------------------------------
// the extension and its client

export function extension(): vscode.Extension<DrplanApi> {
  const ext = vscode.extensions.getExtension<DrplanApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath?)`);
  return ext;
}

/** Activates the extension (a no-op when already active) and returns its client, running. */
export async function activate(): Promise<LanguageClient> {
  const api = await extension().activate();
  const client = api.client;
  await waitForClientRunning(client);
  return client;
}

/** Resolves once the client is running (at once when it already is). */
export function waitForClientRunning(client: LanguageClient, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (client.isRunning()) return Promise.resolve();
  return waitForEvent(client.onDidChangeState, () => client.isRunning(), timeoutMs, 'the language client to be running').then(() => undefined);
}

/** The preview part of the extension's API (which version a preview shows, when it shows one). */
export function previewApi(): PreviewApi {
  const api = extension().exports?.preview;
  if (!api) throw new Error('activate() returns no { preview }');
  return api;
}

/**
 * Resolves once a preview page has shown `uri` at `version` (or later) and `accept` holds; the
 * time-out says `what` did not happen and which version the preview shows.
 */
export async function rendered(
  uri: vscode.Uri,
  version: number,
  accept: (event: RenderEvent) => boolean = () => true,
  timeoutMs = 20_000,
  what = `the preview to show version ${version} of ${uri.path}`,
): Promise<RenderEvent> {
  const api = previewApi();
  const event = await waitForEvent(
    api.onDidRender,
    (e) => e !== undefined && e.uri.toString() === uri.toString() && e.version >= version && accept(e),
    timeoutMs,
    () => `${what} (it shows ${api.lastRenderedVersion(uri) ?? 'nothing'})`,
  );
  return event as RenderEvent;
}

// ---------------------------------------------------------------------------
// documents and edits

/** Opens a plan in an editor and returns the editor. */
export async function openPlan(file: vscode.Uri | string): Promise<vscode.TextEditor> {
  const uri = typeof file === 'string' ? vscode.Uri.file(file) : file;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The range of the first `needle` after the first `after` (if given) in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, after?: string): vscode.Range {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" is not in ${document.uri.path}`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in ${document.uri.path}${after ? ` after "${after}"` : ''}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/**
 * Replaces the first `needle` (after `after`) with `replacement` through a WorkspaceEdit, as
 * another extension or a refactoring would; the document stays unsaved.
 */
export async function replaceIn(document: vscode.TextDocument, needle: string, replacement: string, after?: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle, after), replacement);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) throw new Error(`VS Code refused the edit of ${document.uri.path}`);
}

/** Throws away unsaved changes of the documents (so closing them asks nothing). */
export async function revert(...uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document?.isDirty) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// ---------------------------------------------------------------------------
// diagnostics

/** The diagnostic code as a string (LSP codes arrive as string, number or {value, target}). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function drplanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'drplan');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${showRange(d.range)}`)
    .join(', ');
}

export function showRange(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/**
 * Resolves with the drplan diagnostics of `uri` as soon as `predicate` holds for them: at once if
 * it already does, otherwise on a `onDidChangeDiagnostics` for that uri. Rejects after the time-out,
 * saying what it waited for and what there was.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error: Error | undefined, result?: vscode.Diagnostic[]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(result as vscode.Diagnostic[]);
    };
    const check = () => {
      const diagnostics = drplanDiagnostics(uri);
      if (predicate(diagnostics)) finish(undefined, diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; there are: ${describeDiagnostics(drplanDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

export const hasCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === code);
export const lacksCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => codeOf(d) === code);

// ---------------------------------------------------------------------------
// completion

export const completionLabel = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** The completion items at `position`, as the editor asks for them. */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

/** The item labelled `name` (fails, listing the labels, when there is none). */
export function findCompletion(items: readonly vscode.CompletionItem[], name: string): vscode.CompletionItem {
  const item = items.find((candidate) => completionLabel(candidate) === name);
  if (!item) throw new Error(`no completion ${name} in ${JSON.stringify(items.map(completionLabel))}`);
  return item;
}

// ---------------------------------------------------------------------------
// waiting

/** Resolves with the first event for which `predicate` holds (also checked once at once, with no event). */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T | undefined) => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (done || !predicate(value)) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Polls a condition that has no event of its own (extension activation, a process appearing),
 * every `intervalMs`, until it holds or the time-out passes.
 */
export async function waitFor<T>(
  condition: () => T | undefined | false,
  what: string | (() => string),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
