/**
 * The drill's requests to the language server (server/src/drillProtocol.ts): the scenarios of a
 * plan, the exercise entry written into the plan as one undoable edit, and the drill report's PDF.
 * The client bundles no core: the server reads the plan and computes the edit.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DRILL_PLAN_REQUEST,
  DRILL_REPORT_PDF_REQUEST,
  EXERCISE_EDIT_REQUEST,
  type DrillPlanResult,
  type DrillReportInput,
  type DrillReportPdfResult,
  type ExerciseEditResult,
  type ExerciseRecord,
} from '../../../server/src/drillProtocol';
import { askAboutDocument } from '../planDocument';

/** The plan's scenarios a drill can take, from its current version (opened for the server if need be). */
export function requestDrillPlan(client: LanguageClient, plan: vscode.Uri, token?: vscode.CancellationToken): Promise<DrillPlanResult> {
  return askAboutDocument<DrillPlanResult>(client, plan, DRILL_PLAN_REQUEST, {}, token);
}

/** How often the entry is asked for again when the plan changed between the answer and the edit. */
const ATTEMPTS = 5;

/**
 * Writes a finished drill into the plan: the server computes the edits for the document's current
 * version (the scenario found by its id now), and they are applied as one WorkspaceEdit, which
 * one undo takes back. Answers the lines of the entry; rejects with the server's reason.
 */
export async function writeExerciseEntry(client: LanguageClient, plan: vscode.Uri, scenario: string, exercise: ExerciseRecord): Promise<vscode.Range> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const document = await vscode.workspace.openTextDocument(plan);
    const answer = await askAboutDocument<ExerciseEditResult>(client, plan, EXERCISE_EDIT_REQUEST, { scenario, exercise });
    // The server's answer is for the version it has; an edit typed meanwhile makes it stale.
    if (answer.version !== document.version) {
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      continue;
    }
    const edits = await client.protocol2CodeConverter.asTextEdits([...answer.edits]);
    const edit = new vscode.WorkspaceEdit();
    edit.set(plan, edits);
    if (document.version !== answer.version) continue;
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('VS Code did not apply the edit to {0}.', plan.toString(true)));
    // Each edit of the toolkit begins with a line break at the end of a line: the entry starts below.
    const line = (edits[0]?.range.start.line ?? 0) + 1;
    const inserted = edits.reduce((lines, one) => lines + one.newText.split('\n').length - 1, 0);
    return new vscode.Range(line, 0, Math.max(line, line + inserted - 1), 0);
  }
  throw new Error(vscode.l10n.t('{0} kept changing while the drill was written into it. Try again.', plan.toString(true)));
}

/** The drill report (Übungsprotokoll) as PDF bytes, made by the server's PDF machinery. */
export async function requestDrillReport(client: LanguageClient, input: DrillReportInput): Promise<Uint8Array> {
  const result = await client.sendRequest<DrillReportPdfResult>(DRILL_REPORT_PDF_REQUEST, input);
  return Buffer.from(result.data, 'base64');
}
