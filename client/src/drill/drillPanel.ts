/**
 * One drill panel: the page of one drill (drillPage.ts, media/drill.js), beside the plan. It
 * shows the state the manager saved and hands the page's messages, checked, to the manager. The
 * page keeps a copy of the whole state as its webview state: after a window reload the panel comes
 * back with it (the serializer in drillManager.ts), even should the extension's own copy be lost.
 */
import * as vscode from 'vscode';
import { drillPageMessage, type DrillPageMessage } from './drillMessages';
import { DRILL_LABELS, drillPage, type DrillLabel, type DrillLabels } from './drillPage';
import { drillView, type DrillState, type OutcomeProblem } from './drillSession';
import { createNonce } from '../preview/previewShell';

export const DRILL_VIEW_TYPE = 'drplan.drill';

export interface DrillPanelHost {
  readonly extensionUri: vscode.Uri;
  /** A checked message of the page of `panel`. */
  onMessage(panel: DrillPanel, message: DrillPageMessage): void;
  /** The panel was closed. */
  onClosed(panel: DrillPanel): void;
}

export function drillPanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    // The one script, media/drill.js, under the page's nonce.
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    // The clock runs and what is typed stays while the panel is in the background.
    retainContextWhenHidden: true,
  };
}

export function drillPanelTitle(state: DrillState): string {
  return vscode.l10n.t('DR drill: {0}', state.scenario.title);
}

export class DrillPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private current: DrillState;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly host: DrillPanelHost,
    state: DrillState,
  ) {
    this.current = state;
    panel.webview.options = drillPanelOptions(host.extensionUri);
    panel.title = drillPanelTitle(state);
    this.disposables.push(
      panel.onDidDispose(() => {
        if (this.disposed) return;
        this.dispose();
        host.onClosed(this);
      }),
      // Only what drillMessages.ts lets through: the page shows plan text.
      panel.webview.onDidReceiveMessage((value: unknown) => {
        const message = drillPageMessage(value);
        if (message) host.onMessage(this, message);
      }),
    );
    this.setPage();
  }

  get id(): string {
    return this.current.id;
  }

  get state(): DrillState {
    return this.current;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Shows a newer state of the drill (already saved). */
  show(state: DrillState): void {
    this.current = state;
    this.panel.title = drillPanelTitle(state);
    void this.panel.webview.postMessage({ type: 'state', view: drillView(state), state });
  }

  /** A line in the page's status area: what happened, or why not. */
  notice(kind: 'info' | 'error', text: string): void {
    void this.panel.webview.postMessage({ type: 'notice', kind, text });
  }

  /** What the person still has to enter before the drill can be recorded. */
  problems(problems: readonly OutcomeProblem[]): void {
    void this.panel.webview.postMessage({ type: 'problems', problems });
  }

  private setPage(): void {
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', name)).toString();
    webview.html = drillPage({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('drill.js'),
      styleUri: media('drill.css'),
      labels: drillLabels(),
      view: drillView(this.current),
      state: this.current,
      language: vscode.env.language,
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The page's own words in the display language. */
function drillLabels(): DrillLabels {
  const labels: Record<DrillLabel, string> = {
    heading: vscode.l10n.t('DR drill: {0}'),
    plan: vscode.l10n.t('Plan: {0}'),
    elapsed: vscode.l10n.t('Elapsed time'),
    notStarted: vscode.l10n.t('The drill has not started. The clock starts with “Start drill”.'),
    recoveryTime: vscode.l10n.t('Recovery time (planned)'),
    rto: vscode.l10n.t('RTO'),
    rpo: vscode.l10n.t('RPO'),
    noDataLoss: vscode.l10n.t('no data loss'),
    notGiven: vscode.l10n.t('not given'),
    plannedMarker: vscode.l10n.t('planned'),
    overRecoveryTime: vscode.l10n.t('Longer than the planned recovery time'),
    overRto: vscode.l10n.t('RTO exceeded by {0}'),
    withinRto: vscode.l10n.t('{0} left until the RTO'),
    steps: vscode.l10n.t('Recovery steps'),
    planned: vscode.l10n.t('planned: {0}'),
    responsible: vscode.l10n.t('responsible: {0}'),
    measured: vscode.l10n.t('measured: {0}'),
    running: vscode.l10n.t('running for {0}'),
    skipped: vscode.l10n.t('skipped: {0}'),
    note: vscode.l10n.t('Note on step {0}'),
    done: vscode.l10n.t('Done'),
    skip: vscode.l10n.t('Skip'),
    skipNeedsNote: vscode.l10n.t('Say in the note why the step is skipped.'),
    start: vscode.l10n.t('Start drill'),
    undo: vscode.l10n.t('Undo last mark'),
    endRecovery: vscode.l10n.t('Recovery complete'),
    discard: vscode.l10n.t('Discard drill'),
    noSteps: vscode.l10n.t('The scenario lists no recovery steps: the drill measures the recovery as a whole.'),
    outcome: vscode.l10n.t('Result of the drill'),
    dataLoss: vscode.l10n.t('Data loss found (RPA)'),
    dataLossHint: vscode.l10n.t('A duration, e.g. 0, 15 min or 2h; empty when not determined.'),
    dataLossInvalid: vscode.l10n.t('Not a duration: write e.g. 0, 15 min or 1.5h.'),
    result: vscode.l10n.t('Result'),
    resultMissing: vscode.l10n.t('Choose the result.'),
    kind: vscode.l10n.t('Kind of exercise'),
    kindMissing: vscode.l10n.t('Choose the kind of exercise.'),
    conductedBy: vscode.l10n.t('Conducted by'),
    notes: vscode.l10n.t('Notes'),
    record: vscode.l10n.t('Record in the plan'),
    exportReport: vscode.l10n.t('Export drill report (PDF)'),
    showPlan: vscode.l10n.t('Show in the plan'),
    recorded: vscode.l10n.t('Recorded in the plan on {0}. Save the plan to keep the entry.'),
    startedAt: vscode.l10n.t('Started {0}'),
    recoveryMeasured: vscode.l10n.t('Recovery time measured (RTA): {0}'),
    stepDone: vscode.l10n.t('Step {0} done.'),
    stepSkipped: vscode.l10n.t('Step {0} skipped.'),
    toolbar: vscode.l10n.t('Drill'),
  };
  // Every label the page reads, none it does not (drillPage.ts lists them).
  return Object.fromEntries(DRILL_LABELS.map((key) => [key, labels[key]])) as DrillLabels;
}
