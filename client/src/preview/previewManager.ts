/**
 * The preview commands ("Vorschau öffnen", "Vorschau zur Seite öffnen"), the restore of
 * previews after a window reload, and the following of the active plan editor. There is one
 * preview at a time: opening it again reveals it with the plan of the active editor.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PlanPreview, PREVIEW_VIEW_TYPE, previewTitle, webviewOptions, type RenderEvent } from './previewPanel';
import { previewStateOf, restorableScheme } from './pageMessages';

/** What the extension's API offers about the preview (its integration tests use it). */
export interface PreviewApi {
  /** The version of the plan `uri` that a preview has shown last, if one shows it. */
  lastRenderedVersion(uri: vscode.Uri): number | undefined;
  /** Fires each time a preview page has shown a new version. */
  readonly onDidRender: vscode.Event<RenderEvent>;
  /** The open previews. */
  panels(): readonly PreviewPanelInfo[];
  /** The document body a preview of `uri` shows (the latest the page confirmed), if one shows it. */
  renderedHtml(uri: vscode.Uri): string | undefined;
  /** Brings `panel` back as after a window reload, its page having kept `pageState` (tests). */
  restore(panel: vscode.WebviewPanel, pageState: unknown): Promise<void>;
}

export interface PreviewPanelInfo {
  readonly uri: vscode.Uri;
  readonly title: string;
  readonly viewColumn: vscode.ViewColumn | undefined;
  readonly visible: boolean;
  readonly active: boolean;
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<PlanPreview>();
  private readonly renders = new vscode.EventEmitter<RenderEvent>();
  private readonly plansChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.renders, this.plansChanged];
  readonly api: PreviewApi;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
  ) {
    this.api = {
      lastRenderedVersion: (uri) => {
        const shown = [...this.previews].filter((preview) => preview.uri.toString() === uri.toString()).map((preview) => preview.renderedVersion);
        return shown.length > 0 && Math.max(...shown) >= 0 ? Math.max(...shown) : undefined;
      },
      onDidRender: this.renders.event,
      renderedHtml: (uri) => [...this.previews].find((preview) => preview.uri.toString() === uri.toString() && preview.renderedHtml !== undefined)?.renderedHtml,
      panels: () =>
        [...this.previews].map((preview) => ({
          uri: preview.uri,
          title: preview.title,
          viewColumn: preview.viewColumn,
          visible: preview.visible,
          active: preview.active,
        })),
      restore: (panel, pageState) => this.revive(panel, pageState),
    };
    this.disposables.push(
      vscode.commands.registerCommand('drplan.openPreview', (uri?: unknown) => this.open(uri, false)),
      vscode.commands.registerCommand('drplan.openPreviewToSide', (uri?: unknown) => this.open(uri, true)),
      // A preview open when the window closed comes back after the reload (activation event
      // onWebviewPanel:drplan.preview), with the plan and the scroll line its page remembered:
      // a plan on disk, in the workspace or unsaved, no other scheme (pageMessages.ts).
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId !== 'drplan') return;
        for (const preview of this.previews) preview.setDocument(editor.document.uri);
        this.plansChanged.fire();
      }),
    );
  }

  /** Every preview shows its plan's current version again, made anew (its git history changed). */
  refresh(): void {
    for (const preview of this.previews) preview.refresh();
  }

  /** The plans the previews show. */
  plans(): readonly vscode.Uri[] {
    return [...this.previews].map((preview) => preview.uri);
  }

  /** Fires when a preview opens, closes or shows another plan. */
  get onDidChangePlans(): vscode.Event<void> {
    return this.plansChanged.event;
  }

  /** The plan of the preview the user is looking at (the panel is the active editor), if any. */
  activePreviewUri(): vscode.Uri | undefined {
    return [...this.previews].find((preview) => preview.active)?.uri;
  }

  /** The plan of any open preview (the most recent one). */
  anyPreviewUri(): vscode.Uri | undefined {
    return [...this.previews].at(-1)?.uri;
  }

  private async open(argument: unknown, toSide: boolean): Promise<void> {
    const uri = argument instanceof vscode.Uri ? argument : this.planOfActiveEditor() ?? this.activePreviewUri();
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a DR plan (*.drplan.yaml) first.'));
      return;
    }
    const active = vscode.window.activeTextEditor;
    // To the side: beside the editor, which keeps the focus for typing. Else in its place.
    const column = toSide ? vscode.ViewColumn.Beside : active?.viewColumn ?? vscode.ViewColumn.Active;
    const existing = [...this.previews].at(-1);
    if (existing) {
      existing.setDocument(uri);
      existing.reveal(column, toSide);
      this.plansChanged.fire();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(uri), { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
    const line = active && active.document.uri.toString() === uri.toString() ? active.visibleRanges[0]?.start.line : undefined;
    this.track(new PlanPreview(panel, { extensionUri: this.extensionUri, client: this.client, renders: this.renders }, uri, line));
  }

  private planOfActiveEditor(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'drplan' ? editor.document.uri : undefined;
  }

  private async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    let closed = false;
    const watch = panel.onDidDispose(() => (closed = true));
    const saved = previewStateOf(state);
    const restored = saved && restorableUri(saved.uri);
    const uri = restored ?? (await this.planTitled(panel.title)) ?? this.planOfActiveEditor();
    watch.dispose();
    if (closed) return;
    if (!uri) {
      // Nothing to show: a page without its plan would only confuse.
      panel.dispose();
      return;
    }
    this.track(new PlanPreview(panel, { extensionUri: this.extensionUri, client: this.client, renders: this.renders }, uri, restored ? saved?.line : undefined));
  }

  /**
   * The plan whose preview had `title`, for a panel restored without its page's state (VS Code
   * saved it before the page had started): the active plan, an open one, else the one plan file
   * of that name in the workspace.
   */
  private async planTitled(title: string): Promise<vscode.Uri | undefined> {
    const titled = (uri: vscode.Uri) => previewTitle(uri) === title && mayRestore(uri);
    const active = this.planOfActiveEditor();
    if (active && titled(active)) return active;
    const open = vscode.workspace.textDocuments.find((document) => document.languageId === 'drplan' && titled(document.uri));
    if (open) return open.uri;
    // A workspace without file search (a virtual one in the browser) finds none.
    const files = (await Promise.resolve(vscode.workspace.findFiles('**/*.drplan.{yaml,yml}', undefined, 1000)).catch(() => [])).filter(titled);
    return files.length === 1 ? files[0] : undefined;
  }

  private track(preview: PlanPreview): void {
    this.previews.add(preview);
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      this.plansChanged.fire();
    });
    this.plansChanged.fire();
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The plan a saved state names, if a restored preview may open it. */
function restorableUri(value: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
  return mayRestore(uri) ? uri : undefined;
}

/** Whether a restored preview may open `uri` (pageMessages.ts: restorableScheme). */
function mayRestore(uri: vscode.Uri): boolean {
  return restorableScheme(uri.scheme, (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri));
}
