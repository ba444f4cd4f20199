/**
 * One preview panel: the plan document of one plan, beside or instead of its editor. It asks
 * the language server for the document body after each change (debounced, one request at a
 * time, only for the latest version, stale answers dropped), sends it to the webview, and keeps
 * the webview and the editor scrolled to the same place in both directions.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { PREVIEW_DOCUMENT_CSS } from '../../../server/src/core/render/previewStyle';
import { requestPreview } from '../planDocument';
import { pageMessage, type PageMessage } from './pageMessages';
import { createNonce, previewShell, type PreviewState } from './previewShell';

export const PREVIEW_VIEW_TYPE = 'drplan.preview';

/** Quiet time after a keystroke before the preview asks for the new version. */
export const UPDATE_DELAY_MS = 150;

/** How long after the preview scrolled the editor the editor's scroll events are taken as its echo. */
const ECHO_MS = 300;

/** A page the webview has shown (it confirms each update once it is in the page). */
export interface RenderEvent {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** The title on the cover, as the page shows it. */
  readonly title: string | null;
  /** How many blocks carry a source line. */
  readonly blocks: number;
  /** The chapters' headings as the page shows them, number first. */
  readonly chapters: readonly string[];
}

export interface PreviewContext {
  readonly extensionUri: vscode.Uri;
  readonly client: BaseLanguageClient;
  readonly renders: vscode.EventEmitter<RenderEvent>;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    // The one script, media/preview.js, under the page's nonce.
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
    // The page is cheap to restore (webview state keeps the scroll position).
    retainContextWhenHidden: false,
  };
}

export function previewTitle(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString(true);
  return vscode.l10n.t('Preview: {0}', name);
}

export class PlanPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private disposed = false;

  private documentUri: vscode.Uri;
  /** Counts document switches: an answer for an earlier plan is dropped. */
  private generation = 0;
  /** The last answer of the server, for a page that reloads (a hidden panel shown again). */
  private latest: { readonly version: number; readonly html: string } | undefined;
  /** The version the page has (sent to it, or in its HTML); -1 for none. */
  private postedVersion = -1;
  /** The version the page confirmed showing. */
  private shownVersion = -1;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  /** A change came while a request was out or the panel was hidden: ask again afterwards. */
  private dirty = false;
  /**
   * Ask for the document of the same version again: what it shows besides the text changed
   * (the plan's git history, after a commit or once the workspace is trusted).
   */
  private stale = false;
  /** Where the next update scrolls to (after a switch of plans); else the page keeps its place. */
  private pendingLine: number | undefined;
  /** When the preview last scrolled the editor: the editor's echo is not a user scroll. */
  private revealed: { readonly at: number } | undefined;
  private status: string | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: PreviewContext,
    uri: vscode.Uri,
    line: number | undefined,
  ) {
    this.documentUri = uri;
    this.pendingLine = line;
    panel.webview.options = webviewOptions(context.extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(context.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(context.extensionUri, 'media', 'preview-dark.svg'),
    };
    panel.title = previewTitle(uri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // Only what pageMessages.ts lets through: the page shows plan text.
      panel.webview.onDidReceiveMessage((value: unknown) => {
        const message = pageMessage(value);
        if (message) this.onMessage(message);
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) void this.render();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isOurs(event.document.uri)) this.scheduleRender();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)),
      context.client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.render();
      }),
    );
    this.setPage();
    void this.render();
  }

  get uri(): vscode.Uri {
    return this.documentUri;
  }

  get title(): string {
    return this.panel.title;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  get active(): boolean {
    return this.panel.active;
  }

  /** The version of the plan the page shows (confirmed by the page), -1 before the first. */
  get renderedVersion(): number {
    return this.shownVersion;
  }

  /** The body the page shows: the server's answer for the version it confirmed. */
  get renderedHtml(): string | undefined {
    return this.latest && this.latest.version === this.shownVersion ? this.latest.html : undefined;
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** Shows another plan (the preview follows the active editor), at its editor's top line. */
  setDocument(uri: vscode.Uri): void {
    if (this.isOurs(uri)) return;
    this.documentUri = uri;
    this.generation++;
    this.latest = undefined;
    this.postedVersion = -1;
    this.shownVersion = -1;
    this.pendingLine = this.sourceEditor()?.visibleRanges[0]?.start.line ?? 0;
    this.panel.title = previewTitle(uri);
    this.dirty = false;
    void this.render();
  }

  private isOurs(uri: vscode.Uri): boolean {
    return uri.toString() === this.documentUri.toString();
  }

  /** A new page, with a fresh nonce and the last known body. */
  private setPage(): void {
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    const state: PreviewState = this.pendingLine === undefined ? { uri: this.documentUri.toString() } : { uri: this.documentUri.toString(), line: this.pendingLine };
    webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      documentCss: PREVIEW_DOCUMENT_CSS,
      body: this.latest?.html,
      version: this.latest?.version ?? -1,
      state,
      labels: {
        exportPdf: vscode.l10n.t('Export as PDF'),
        exportHtml: vscode.l10n.t('Export as HTML'),
        toolbar: vscode.l10n.t('Export'),
        loading: vscode.l10n.t('The preview is being prepared …'),
      },
      language: vscode.env.language,
    });
    this.postedVersion = this.latest?.version ?? -1;
  }

  /** Shows the current version again, made anew (refresh()'s reasons: `stale`). */
  refresh(): void {
    this.stale = true;
    void this.render();
  }

  private scheduleRender(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), UPDATE_DELAY_MS);
  }

  private async render(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    // A hidden page cannot take messages; it asks for the latest version when shown again.
    if (!this.panel.visible || this.inFlight) {
      this.dirty = true;
      return;
    }
    const open = vscode.workspace.textDocuments.find((document) => this.isOurs(document.uri));
    if (open && open.version === this.postedVersion && !this.stale) return;
    const again = this.stale;
    this.inFlight = true;
    this.dirty = false;
    this.stale = false;
    const generation = this.generation;
    const uri = this.documentUri;
    try {
      await this.whenServerRuns();
      const result = await requestPreview(this.context.client, uri);
      if (this.disposed || generation !== this.generation) return;
      // The same version only when asked again, and only when the page would change.
      if (result.version < this.postedVersion || (result.version === this.postedVersion && (!again || result.html === this.latest?.html))) return;
      this.latest = { version: result.version, html: result.html };
      const line = this.pendingLine;
      this.pendingLine = undefined;
      this.postedVersion = result.version;
      this.showStatus(undefined);
      void this.panel.webview.postMessage({ type: 'update', html: result.html, version: result.version, uri: uri.toString(), line });
    } catch (error) {
      if (!this.disposed && generation === this.generation) {
        this.showStatus(vscode.l10n.t('The preview could not be updated: {0}', error instanceof Error ? error.message : String(error)));
      }
    } finally {
      this.inFlight = false;
      if (this.dirty && !this.disposed) void this.render();
    }
  }

  private async whenServerRuns(): Promise<void> {
    const client = this.context.client;
    if (client.isRunning()) return;
    this.showStatus(vscode.l10n.t('Waiting for the DR-Plan language server …'));
    await new Promise<void>((resolve) => {
      const subscription = client.onDidChangeState((event) => {
        if (event.newState !== State.Running) return;
        subscription.dispose();
        resolve();
      });
      this.disposables.push(subscription);
    });
  }

  private showStatus(message: string | undefined): void {
    if (message === this.status) return;
    this.status = message;
    void this.panel.webview.postMessage({ type: 'status', message });
  }

  private onMessage(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        // A new page (first load, or reloaded after being hidden): it has the body of `version`,
        // which is never newer than the last one the extension had.
        this.postedVersion = Math.min(message.version, this.latest?.version ?? -1);
        if (this.status) void this.panel.webview.postMessage({ type: 'status', message: this.status });
        if (this.latest && this.latest.version > this.postedVersion) {
          this.postedVersion = this.latest.version;
          void this.panel.webview.postMessage({ type: 'update', html: this.latest.html, version: this.latest.version, uri: this.documentUri.toString(), line: message.line });
        }
        void this.render();
        return;
      case 'rendered':
        // Only a version sent to this page for this plan (one of an earlier plan is dropped).
        if (message.version > this.postedVersion) return;
        this.shownVersion = message.version;
        this.context.renders.fire({ uri: this.documentUri, version: message.version, title: message.title, blocks: message.blocks, chapters: message.chapters });
        return;
      case 'revealLine':
        this.scrollEditor(message.line);
        return;
      case 'openLine':
        void this.openLine(message.line);
        return;
      case 'export':
        void vscode.commands.executeCommand(message.format === 'pdf' ? 'drplan.exportPdf' : 'drplan.exportHtml', this.documentUri);
        return;
    }
  }

  /** The visible editor of the plan, if any. */
  private sourceEditor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((editor) => this.isOurs(editor.document.uri));
  }

  /** The preview was scrolled: the editor shows the same place. */
  private scrollEditor(line: number): void {
    const editor = this.sourceEditor();
    if (!editor) return;
    const target = Math.max(0, Math.min(Math.floor(line), editor.document.lineCount - 1));
    this.revealed = { at: Date.now() };
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  /** The editor was scrolled: the preview shows the same place (unless it is the echo of ours). */
  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel.visible || !this.isOurs(event.textEditor.document.uri)) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    // The echo of our own reveal: not always at the line asked for (an editor cannot put its last
    // lines at the top), so it is told by its time.
    if (this.revealed && Date.now() - this.revealed.at < ECHO_MS) return;
    this.revealed = undefined;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line: top });
  }

  /** Double-click in the page: the plan's editor at that line. */
  private async openLine(line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const visible = this.sourceEditor();
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
    const target = Math.max(0, Math.min(Math.floor(line), document.lineCount - 1));
    // At the first key of the line: past a list item's "- " (on the dash, VS Code would mark every dash).
    const text = document.lineAt(target).text;
    const position = new vscode.Position(target, /^\s*(?:-\s+)?/.exec(text)?.[0].length ?? 0);
    editor.selection = new vscode.Selection(position, position);
    this.revealed = { at: Date.now() };
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
