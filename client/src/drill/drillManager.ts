/**
 * "DR-Übung durchführen" / "Run DR drill" (drplan.runDrill): from the code lens above a scenario,
 * the command palette (a quick pick of the scenarios, unfinished drills first) or the editor's
 * menu. Keeps the drills (drillStore.ts), one panel per drill (drillPanel.ts), applies the page's
 * messages to the drill's state (drillSession.ts) one at a time, saving each new state before the
 * page shows it, and writes the finished drill into the plan and its report to a file. A drill
 * begun and not recorded is offered again: the code lens says "fortsetzen", the command resumes
 * it, and showing its plan in an editor asks.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DrillScenario } from '../../../server/src/drillProtocol';
import { exportDocument, type ExportAutomation, type ExportOutcome } from '../export/exportCommands';
import type { ExportFiles } from '../export/exportFiles';
import { fileName } from '../export/exportFiles';
import { restorableScheme } from '../preview/pageMessages';
import { drillPageMessage, type DrillPageMessage } from './drillMessages';
import { DRILL_VIEW_TYPE, DrillPanel, drillPanelOptions, drillPanelTitle, type DrillPanelHost } from './drillPanel';
import { requestDrillPlan, requestDrillReport, writeExerciseEntry } from './drillServer';
import * as session from './drillSession';
import { drillStateOf, exerciseRecord, isRefused, phaseOf, type DrillState } from './drillSession';
import { DrillStore, type DrillMemento } from './drillStore';
import { DrillCodeLenses } from './drillCodeLens';

/** What the extension's API offers about drills (its integration tests use it). */
export interface DrillApi {
  /** The drills kept: begun and not recorded, or recorded with their panel open. */
  drills(): readonly DrillState[];
  /** The open drill panels. */
  panels(): readonly { readonly id: string; readonly plan: string; readonly scenario: string; readonly visible: boolean }[];
  /** Fires after each saved change of a drill; `state` undefined once it is discarded. */
  readonly onDidChange: vscode.Event<{ readonly id: string; readonly state: DrillState | undefined }>;
  /** Fires when opening a plan offered one of its unfinished drills for resumption. */
  readonly onDidOffer: vscode.Event<{ readonly plan: string; readonly id: string }>;
  /** Hands `message` to the drill `id` as its page would send it (checked the same way); resolves once it is handled. */
  receive(id: string, message: unknown): Promise<void>;
  /** Exports the drill's report to `target` without a dialog (the automation of the export commands). */
  exportReport(id: string, automation: ExportAutomation): Promise<ExportOutcome | undefined>;
  /** The clock the drills read, in milliseconds since 1970 (tests); undefined: Date.now. */
  setClock(clock: (() => number) | undefined): void;
  /** Brings `panel` back as after a window reload, its page having kept `pageState` (tests). */
  restore(panel: vscode.WebviewPanel, pageState: unknown): Promise<void>;
}

export class DrillManager implements vscode.Disposable {
  private readonly store: DrillStore;
  private readonly panels = new Map<string, DrillPanel>();
  /** The messages of a drill are handled one after the other, each on the state the one before saved. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly changes = new vscode.EventEmitter<{ readonly id: string; readonly state: DrillState | undefined }>();
  private readonly offers = new vscode.EventEmitter<{ readonly plan: string; readonly id: string }>();
  /** Drills offered in this window already (a notification each, not one per opened editor). */
  private readonly offered = new Set<string>();
  private readonly lenses: DrillCodeLenses;
  private readonly disposables: vscode.Disposable[] = [this.changes, this.offers];
  private clock: () => number = Date.now;
  private readonly host: DrillPanelHost;
  readonly api: DrillApi;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    memento: DrillMemento,
    /** The plan the user is looking at (an editor or a preview). */
    private readonly currentPlan: () => vscode.Uri | undefined,
    /** How the drill report is written (exportFiles.ts). */
    private readonly exportFiles: ExportFiles,
  ) {
    this.store = new DrillStore(memento);
    this.host = {
      extensionUri,
      onMessage: (panel, message) => void this.enqueue(panel, message),
      onClosed: (panel) => {
        this.panels.delete(panel.id);
        // A drill begun and not recorded stays, for resumption; one recorded or never begun goes.
        const phase = phaseOf(panel.state);
        if (phase === 'recorded' || phase === 'ready') void this.forget(panel.id);
      },
    };
    this.lenses = new DrillCodeLenses(client, (plan) => this.store.unfinished(plan));
    this.api = {
      drills: () => this.store.all().filter((state) => phaseOf(state) !== 'ready' || this.panels.has(state.id)),
      panels: () => [...this.panels.values()].map((panel) => ({ id: panel.id, plan: panel.state.plan, scenario: panel.state.scenario.id, visible: panel.visible })),
      onDidChange: this.changes.event,
      onDidOffer: this.offers.event,
      receive: async (id, message) => {
        const panel = this.panels.get(id);
        const checked = drillPageMessage(message);
        if (!panel || !checked) throw new Error(`no drill panel ${id}, or not a message of its page`);
        await this.enqueue(panel, checked);
      },
      exportReport: (id, automation) => {
        const state = this.store.get(id);
        if (!state) return Promise.reject(new Error(`no drill ${id}`));
        return this.exportReport(state, automation);
      },
      setClock: (clock) => {
        this.clock = clock ?? Date.now;
      },
      restore: (panel, pageState) => this.revive(panel, pageState),
    };
    this.disposables.push(
      this.lenses,
      vscode.languages.registerCodeLensProvider({ language: 'drplan' }, this.lenses),
      vscode.commands.registerCommand('drplan.runDrill', (plan?: unknown, scenario?: unknown) => this.run(plan, scenario)),
      // A drill panel open when the window closed comes back after the reload (activation event
      // onWebviewPanel:drplan.drill) with the drill its page kept, or the newer saved copy.
      vscode.window.registerWebviewPanelSerializer(DRILL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
      // A plan shown in an editor (opened, or brought back): its unfinished drills are offered.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.offerResumption(editor.document);
      }),
    );
    // Plans shown already (the window was reloaded): asked once the restored panels are back.
    const settle = setTimeout(() => {
      for (const editor of vscode.window.visibleTextEditors) this.offerResumption(editor.document);
    }, 2000);
    this.disposables.push({ dispose: () => clearTimeout(settle) });
  }

  // ---------------------------------------------------------------------------
  // the command

  /**
   * Runs a drill of `scenarioArgument` (an id) in the plan `planArgument`, resuming its
   * unfinished one; without a scenario, the person picks one (unfinished drills first). Answers
   * the drill's id.
   */
  private async run(planArgument: unknown, scenarioArgument: unknown): Promise<string | undefined> {
    const plan = planArgument instanceof vscode.Uri ? planArgument : typeof planArgument === 'string' ? vscode.Uri.parse(planArgument, true) : this.currentPlan();
    if (!plan) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a DR plan (*.drplan.yaml) first.'));
      return undefined;
    }
    const unfinished = this.store.unfinished(plan.toString());
    if (typeof scenarioArgument === 'string') {
      const resumed = unfinished.find((state) => state.scenario.id === scenarioArgument);
      if (resumed) return this.open(resumed).id;
    }
    let answer;
    try {
      answer = await requestDrillPlan(this.client, plan);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The DR drill could not be started: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const { plan: drillPlan } = answer;
    let scenario: DrillScenario | undefined;
    if (typeof scenarioArgument === 'string') {
      scenario = drillPlan.scenarios.find((candidate) => candidate.id === scenarioArgument);
      if (!scenario) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The plan has no scenario with the id {0} (or more than one).', scenarioArgument));
        return undefined;
      }
    } else {
      const picked = await this.pick(unfinished, drillPlan.scenarios);
      if (!picked) return undefined;
      if ('drill' in picked) return this.open(picked.drill).id;
      scenario = picked.scenario;
    }
    // A drill made and never begun, whose panel is gone (a reload before the start), is let go.
    for (const stale of this.store.all()) {
      if (stale.plan === plan.toString() && phaseOf(stale) === 'ready' && !this.panels.has(stale.id)) await this.forget(stale.id);
    }
    const { title, organisation, system } = drillPlan;
    const info = { title, ...(organisation === undefined ? {} : { organisation }), ...(system === undefined ? {} : { system }) };
    const state = await this.store.save(session.newDrill(globalThis.crypto.randomUUID(), plan.toString(), info, scenario, drillPlan.kinds, drillPlan.results));
    this.changes.fire({ id: state.id, state });
    return this.open(state).id;
  }

  private async pick(unfinished: readonly DrillState[], scenarios: readonly DrillScenario[]): Promise<{ drill: DrillState } | { scenario: DrillScenario } | undefined> {
    type Item = vscode.QuickPickItem & { readonly choice?: { drill: DrillState } | { scenario: DrillScenario } };
    const resumable = new Map(unfinished.map((state) => [state.scenario.id, state]));
    const items: Item[] = [];
    if (unfinished.length > 0) items.push({ label: vscode.l10n.t('Unfinished drills'), kind: vscode.QuickPickItemKind.Separator });
    for (const state of unfinished) {
      items.push({
        label: `$(debug-continue) ${vscode.l10n.t('Resume: {0}', state.scenario.title)}`,
        description: state.scenario.id,
        detail: progressText(state),
        choice: { drill: state },
      });
    }
    const fresh = scenarios.filter((scenario) => !resumable.has(scenario.id));
    if (fresh.length > 0) items.push({ label: vscode.l10n.t('Scenarios'), kind: vscode.QuickPickItemKind.Separator });
    for (const scenario of fresh) {
      const rpo = scenario.rpo && (scenario.rpo.minutes === 0 ? vscode.l10n.t('no data loss') : scenario.rpo.words);
      const objectives = [scenario.rto ? `RTO ${scenario.rto.words}` : undefined, rpo ? `RPO ${rpo}` : undefined].filter(Boolean).join(' · ');
      const steps = scenario.steps.length === 1 ? vscode.l10n.t('1 recovery step') : vscode.l10n.t('{0} recovery steps', scenario.steps.length);
      items.push({
        label: `$(play) ${scenario.title}`,
        description: scenario.id,
        detail: [steps, objectives].filter(Boolean).join(' · '),
        choice: { scenario },
      });
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The plan has no scenario with an id of its own to drill.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Run DR drill'), placeHolder: vscode.l10n.t('Which scenario is drilled?'), matchOnDescription: true });
    return picked?.choice;
  }

  // ---------------------------------------------------------------------------
  // panels

  /** The drill's panel, made or revealed. */
  private open(state: DrillState): DrillPanel {
    const existing = this.panels.get(state.id);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DRILL_VIEW_TYPE, drillPanelTitle(state), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, drillPanelOptions(this.extensionUri));
    return this.track(new DrillPanel(panel, this.host, state));
  }

  private track(panel: DrillPanel): DrillPanel {
    this.panels.set(panel.id, panel);
    return panel;
  }

  private async revive(webviewPanel: vscode.WebviewPanel, pageState: unknown): Promise<void> {
    const copy = typeof pageState === 'object' && pageState !== null ? drillStateOf((pageState as { drill?: unknown }).drill) : undefined;
    const mayHaveShown = (candidate: DrillState) => !this.panels.has(candidate.id) && this.inWorkspace(candidate.plan);
    let state = this.store.restored(copy, { title: webviewPanel.title, titleOf: drillPanelTitle, mayHaveShown });
    if (!state || !this.mayOpen(state.plan) || this.panels.has(state.id)) {
      webviewPanel.dispose();
      return;
    }
    // The page's copy, newer than the one kept (the host crashed before it was saved), is kept.
    if (this.store.get(state.id)?.revision !== state.revision) state = await this.store.save(state);
    this.track(new DrillPanel(webviewPanel, this.host, state));
  }

  /** Whether `plan` (a URI's text) is a file of one of the workspace's folders. */
  private inWorkspace(plan: string): boolean {
    try {
      return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(plan, true)) !== undefined;
    } catch {
      return false;
    }
  }

  /** A plan a saved drill may name: one on disk, in the workspace or unsaved (as a restored preview). */
  private mayOpen(plan: string): boolean {
    try {
      return restorableScheme(vscode.Uri.parse(plan, true).scheme, (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri));
    } catch {
      return false;
    }
  }

  private offerResumption(document: vscode.TextDocument): void {
    if (document.languageId !== 'drplan') return;
    for (const state of this.store.unfinished(document.uri.toString())) {
      if (this.panels.has(state.id) || this.offered.has(state.id)) continue;
      this.offered.add(state.id);
      this.offers.fire({ plan: state.plan, id: state.id });
      const resume = vscode.l10n.t('Resume');
      const discard = vscode.l10n.t('Discard');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('The DR drill of “{0}” is not finished ({1}). Resume it?', state.scenario.title, progressText(state)), resume, discard)
        .then(async (answer) => {
          const current = this.store.get(state.id);
          if (!current) return;
          if (answer === resume) this.open(current);
          if (answer === discard && (await this.confirmDiscard(current))) await this.forget(current.id);
        });
    }
  }

  // ---------------------------------------------------------------------------
  // the page's messages

  private enqueue(panel: DrillPanel, message: DrillPageMessage): Promise<void> {
    const previous = this.queues.get(panel.id) ?? Promise.resolve();
    const handled = previous.then(() => this.handle(panel, message)).catch((error: unknown) => {
      panel.notice('error', error instanceof Error ? error.message : String(error));
    });
    this.queues.set(panel.id, handled);
    return handled;
  }

  private async handle(panel: DrillPanel, message: DrillPageMessage): Promise<void> {
    // The saved state is the truth (another window may have moved the drill on).
    const state = this.store.get(panel.id) ?? panel.state;
    const now = this.clock();
    switch (message.type) {
      case 'ready':
        return panel.show(state);
      case 'start':
        return this.apply(panel, session.start(state, now, -new Date(now).getTimezoneOffset()));
      case 'mark':
        return this.apply(panel, session.mark(state, message.step, now, message.skipped, message.note));
      case 'end':
        return this.apply(panel, session.end(state, now));
      case 'undo':
        return this.apply(panel, session.undo(state));
      case 'outcome':
        return this.apply(panel, session.setOutcome(state, message.outcome), false);
      case 'record':
        return this.record(panel, state);
      case 'exportReport':
        await this.exportReport(state, undefined, panel);
        return;
      case 'discard':
        if (await this.confirmDiscard(state)) {
          await this.forget(state.id);
          panel.dispose();
        }
        return;
      case 'showPlan':
        return this.showPlan(state);
    }
  }

  /** Saves the new state, then shows it; a refused transition (a message that came twice) changes nothing. */
  private async apply(panel: DrillPanel, result: ReturnType<typeof session.start>, show = true): Promise<void> {
    if (isRefused(result)) {
      if (result.refused === 'note') panel.notice('error', vscode.l10n.t('Say in the note why the step is skipped.'));
      return panel.show(this.store.get(panel.id) ?? panel.state);
    }
    const saved = await this.store.save(result);
    this.changes.fire({ id: saved.id, state: saved });
    this.lenses.refresh();
    // What is typed is not sent back to the page that typed it (it would move the cursor).
    if (show || saved !== result) panel.show(saved);
  }

  private async record(panel: DrillPanel, state: DrillState): Promise<void> {
    if (phaseOf(state) !== 'finishing') return panel.show(state);
    const made = exerciseRecord(state);
    if ('problems' in made) return panel.problems(made.problems);
    const plan = vscode.Uri.parse(state.plan, true);
    let lines: vscode.Range;
    try {
      lines = await writeExerciseEntry(this.client, plan, state.scenario.id, made.record);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      panel.notice('error', vscode.l10n.t('The drill was not recorded: {0}', reason));
      return;
    }
    await this.apply(panel, session.recorded(state, this.clock()));
    // The entry in sight, in the plan's editor (opened beside the panel if none shows it): the
    // person sees it and saves it.
    const editor =
      vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === state.plan) ??
      (await vscode.window.showTextDocument(plan, { viewColumn: panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One, preserveFocus: true, preview: false }));
    editor.revealRange(lines, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportReport(state: DrillState, automation: ExportAutomation | undefined, panel?: DrillPanel): Promise<ExportOutcome | undefined> {
    const made = exerciseRecord(state);
    const failed = (reason: string) => vscode.l10n.t('The drill report could not be exported: {0}', reason);
    if ('problems' in made) {
      if (automation) throw new Error(failed(vscode.l10n.t('the drill is not finished, or its result is missing.')));
      panel?.problems(made.problems);
      return undefined;
    }
    const plan = vscode.Uri.parse(state.plan, true);
    const { outcome } = state;
    const input = {
      plan: state.planInfo,
      scenario: state.scenario,
      record: made.record,
      ...(outcome.conductedBy.trim() === '' ? {} : { conductedBy: outcome.conductedBy.trim() }),
    };
    return exportDocument(
      {
        source: plan,
        format: 'pdf',
        fileName: reportFileName(fileName(plan), state.scenario.id, made.record.started.slice(0, 10)),
        dialogTitle: vscode.l10n.t('Export the drill report as PDF'),
        make: async () => ({ bytes: await requestDrillReport(this.client, input), version: 0, draft: false }),
        failed,
      },
      automation,
      this.exportFiles,
    );
  }

  private async showPlan(state: DrillState): Promise<void> {
    const plan = vscode.Uri.parse(state.plan, true);
    const document = await vscode.workspace.openTextDocument(plan);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
    const line = (await requestDrillPlan(this.client, plan).catch(() => undefined))?.plan.scenarios.find((scenario) => scenario.id === state.scenario.id)?.line;
    if (line === undefined) return;
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }

  private async confirmDiscard(state: DrillState): Promise<boolean> {
    const discard = vscode.l10n.t('Discard');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Discard the DR drill of “{0}”?', state.scenario.title),
      { modal: true, detail: vscode.l10n.t('What was measured is lost; the plan is not changed.') },
      discard,
    );
    return answer === discard;
  }

  private async forget(id: string): Promise<void> {
    await this.store.remove(id);
    this.changes.fire({ id, state: undefined });
    this.lenses.refresh();
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** "2 of 5 steps, started 29.11.2026, 09:12". */
function progressText(state: DrillState): string {
  const started = state.started ? new Date(state.started.at).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return vscode.l10n.t('{0} of {1} steps, started {2}', state.marks.length, state.scenario.steps.length, started);
}

/** `plone-intranet-uebungsprotokoll-storage-2026-11-29.pdf`, beside the plan (German like the report). */
export function reportFileName(planFileName: string, scenario: string, day: string): string {
  const plan = planFileName.replace(/(\.drplan)?\.ya?ml$/i, '') || 'drplan';
  const id = scenario.replace(/[^\w-]+/g, '-').slice(0, 60);
  return `${plan}-uebungsprotokoll-${id}-${day}.pdf`;
}
