/**
 * The code lens above each scenario: "▶ DR-Übung durchführen", or "▶ DR-Übung fortsetzen" where
 * a drill of the scenario is begun and not recorded. The scenarios and their lines come from the
 * language server (drplan/drillPlan), for the version the editor shows.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DRILL_PLAN_REQUEST, type DrillPlanResult } from '../../../server/src/drillProtocol';
import type { DrillState } from './drillSession';

export class DrillCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly client: BaseLanguageClient,
    /** The plan's drills begun and not recorded. */
    private readonly unfinished: (plan: string) => readonly DrillState[],
  ) {}

  /** The drills changed: the titles may. */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.client.isRunning()) return [];
    const answer = await this.client
      .sendRequest<DrillPlanResult | null>(DRILL_PLAN_REQUEST, { textDocument: { uri: this.client.code2ProtocolConverter.asUri(document.uri) } }, token)
      .catch(() => null);
    // The server answers for the version it has, which is the editor's but for an edit on its
    // way: VS Code asks again after the next change.
    if (!answer || token.isCancellationRequested) return [];
    const resumable = new Set(this.unfinished(document.uri.toString()).map((state) => state.scenario.id));
    return answer.plan.scenarios.map((scenario) => {
      const title = resumable.has(scenario.id) ? vscode.l10n.t('▶ Resume DR drill') : vscode.l10n.t('▶ Run DR drill');
      return new vscode.CodeLens(new vscode.Range(scenario.line, 0, scenario.line, 0), {
        title,
        tooltip: vscode.l10n.t('Run a recovery drill of “{0}”: its steps with the time they take, recorded in the plan', scenario.title),
        command: 'drplan.runDrill',
        arguments: [document.uri, scenario.id],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
