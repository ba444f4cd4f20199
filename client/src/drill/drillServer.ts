/**
 * The drill's requests to the language server (server/src/drillProtocol.ts): the scenarios of a
 * plan, the exercise entry written into the plan as one undoable edit, and the drill report's PDF.
 * The client bundles no core: the server reads the plan and computes the edit.
 */
import * as vscode from 'vscode';
import { base64ToBytes } from '../../../server/src/core/base64';
import type { BaseLanguageClient } from 'vscode-languageclient';
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
import { applyVersionedEdits } from '../serverEdits';

/** The plan's scenarios a drill can take, from its current version (opened for the server if need be). */
export function requestDrillPlan(client: BaseLanguageClient, plan: vscode.Uri, token?: vscode.CancellationToken): Promise<DrillPlanResult> {
  return askAboutDocument<DrillPlanResult>(client, plan, DRILL_PLAN_REQUEST, {}, token);
}

/**
 * Writes a finished drill into the plan: the server computes the edits for the document's current
 * version (the scenario found by its id now), applied as one WorkspaceEdit (serverEdits.ts).
 * Answers the lines of the entry; rejects with the server's reason.
 */
export async function writeExerciseEntry(client: BaseLanguageClient, plan: vscode.Uri, scenario: string, exercise: ExerciseRecord): Promise<vscode.Range> {
  const document = await vscode.workspace.openTextDocument(plan);
  const edits = await applyVersionedEdits(
    client,
    document,
    () => askAboutDocument<ExerciseEditResult>(client, plan, EXERCISE_EDIT_REQUEST, { scenario, exercise }),
    vscode.l10n.t('{0} kept changing while the drill was written into it. Try again.', plan.toString(true)),
  );
  // Each edit of the toolkit begins with a line break at the end of a line: the entry starts below.
  const line = (edits[0]?.range.start.line ?? 0) + 1;
  const inserted = edits.reduce((lines, one) => lines + one.newText.split('\n').length - 1, 0);
  return new vscode.Range(line, 0, Math.max(line, line + inserted - 1), 0);
}

/** The drill report (Übungsprotokoll) as PDF bytes, made by the server's PDF machinery. */
export async function requestDrillReport(client: BaseLanguageClient, input: DrillReportInput): Promise<Uint8Array> {
  const result = await client.sendRequest<DrillReportPdfResult>(DRILL_REPORT_PDF_REQUEST, input);
  return base64ToBytes(result.data);
}
