/**
 * "DR-Plan: Verfügbarkeit aus Prometheus importieren" / "DR Plan: Import Availability from
 * Prometheus": the figures of a period that has ended, asked of the Prometheus the setting
 * `drplan.prometheus.url` names, recorded in the open plan's `availability.results` as one
 * undoable edit of the document (not a file written behind the editor's back; the author saves).
 *
 * The language server asks Prometheus and makes the edit (server/src/measureRequests.ts): the
 * plan's measurements and the YAML edit come from the core, which only the server loads, and
 * `drplan measure` runs the same code. The command is unavailable in Restricted Mode (package.json
 * `enablement`, and checked here), and the setting is a restricted one: an untrusted repository's
 * settings cannot aim it anywhere. The quick pick of the period names the server's address in its
 * title: choosing a period is agreeing to ask that server.
 *
 * For automation (tests, other extensions) the command takes `{ period, source?, plan? }`: no
 * quick pick; it resolves with what was imported and rejects with the reason.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { periodTitle } from '../../../server/src/core/i18n/measureMessages';
import { parsePeriod, type Period } from '../../../server/src/core/period';
import { localeFrom } from '../../../server/src/locale';
import { applyVersionedEdits } from '../serverEdits';
import {
  AVAILABILITY_EDIT_REQUEST,
  MEASURE_AVAILABILITY_REQUEST,
  type AvailabilityEditParams,
  type AvailabilityEditResult,
  type MeasureAvailabilityParams,
  type MeasureAvailabilityResult,
} from '../../../server/src/measureProtocol';

export const IMPORT_AVAILABILITY_COMMAND = 'drplan.importAvailability';
export const PROMETHEUS_URL_SETTING = 'prometheus.url';

/** The automation argument. */
export interface ImportArguments {
  /** `2026-11`, `2026-Q3`, `2026`: a period that has ended. */
  readonly period: string;
  /** One measurement id; default every measurement with a query. */
  readonly source?: string;
  /** The plan; default the active editor's. */
  readonly plan?: vscode.Uri | string;
}

/** What an import returns to its caller. */
export interface ImportOutcome {
  readonly period: string;
  readonly results: MeasureAvailabilityResult['results'];
  readonly belowTarget: boolean;
  readonly summary: string;
}

/** A reason the import stops, in the user's words. */
class ImportStopped extends Error {}

/**
 * `available`: the language server can ask Prometheus (a Node process). In VS Code for the browser
 * it cannot: the command, hidden from the palette there (`drplan.webExtension`), says so when it is
 * run all the same, as a note rather than an error; the automation's promise rejects with it.
 */
export function registerImportCommand(client: BaseLanguageClient, available: boolean): vscode.Disposable {
  if (!available) {
    return vscode.commands.registerCommand(IMPORT_AVAILABILITY_COMMAND, async (argument?: unknown) => {
      const message = vscode.l10n.t('Importing availability from Prometheus is not available in VS Code in the browser: it needs VS Code on the desktop, or "drplan measure" on the command line.');
      if (argument !== undefined) throw new Error(message);
      void vscode.window.showInformationMessage(message);
    });
  }
  return vscode.commands.registerCommand(IMPORT_AVAILABILITY_COMMAND, (argument?: unknown) => importAvailability(client, argument));
}

async function importAvailability(client: BaseLanguageClient, argument: unknown): Promise<ImportOutcome | undefined> {
  const automation = automationArguments(argument);
  let cancelled = false;
  try {
    if (!vscode.workspace.isTrusted) throw new ImportStopped(vscode.l10n.t('Availability is imported from Prometheus only in a trusted workspace.'));
    const document = await planDocument(automation?.plan);
    const url = vscode.workspace.getConfiguration('drplan', document.uri).get<string>(PROMETHEUS_URL_SETTING, '').trim();
    if (url === '') {
      if (automation) throw new ImportStopped(vscode.l10n.t('Set drplan.prometheus.url to the address of your Prometheus first.'));
      const open = vscode.l10n.t('Open Settings');
      const chosen = await vscode.window.showInformationMessage(vscode.l10n.t('Set drplan.prometheus.url to the address of your Prometheus first.'), open);
      if (chosen === open) await vscode.commands.executeCommand('workbench.action.openSettings', `drplan.${PROMETHEUS_URL_SETTING}`);
      return undefined;
    }
    const period = automation ? endedPeriod(automation.period) : await pickPeriod(url);
    if (!period) return undefined;

    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking {0} …', url), cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => (cancelled = true));
        const params: MeasureAvailabilityParams = { textDocument: { uri: uriOf(client, document) }, period: period.id, url, ...(automation?.source ? { source: automation.source } : {}) };
        const measured = await client.sendRequest<MeasureAvailabilityResult>(MEASURE_AVAILABILITY_REQUEST, params, token);
        await applyToDocument(client, document, measured);
        return { period: measured.period, results: measured.results, belowTarget: measured.belowTarget, summary: measured.summary };
      },
    );
    const imported = vscode.l10n.t('Availability imported: {0}', outcome.summary);
    if (outcome.belowTarget) void vscode.window.showWarningMessage(imported);
    else void vscode.window.showInformationMessage(imported);
    return outcome;
  } catch (error) {
    // Cancelled by the user: nothing to say, and nothing was changed.
    if (cancelled) return undefined;
    const message = vscode.l10n.t('The availability could not be imported: {0}', error instanceof Error ? error.message : String(error));
    if (automation) throw new Error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

/**
 * Applies the server's edit as one WorkspaceEdit, to the version it was made for: when the author
 * typed meanwhile, the edit is made again for the version now (the figures stay; serverEdits.ts).
 */
async function applyToDocument(client: BaseLanguageClient, document: vscode.TextDocument, measured: MeasureAvailabilityResult): Promise<void> {
  const versioned = (made: AvailabilityEditResult) => ({ version: made.version, edits: [made.edit] });
  const params: AvailabilityEditParams = { textDocument: { uri: uriOf(client, document) }, period: measured.period, results: measured.results };
  await applyVersionedEdits(
    client,
    document,
    async () => versioned(await client.sendRequest<AvailabilityEditResult>(AVAILABILITY_EDIT_REQUEST, params)),
    vscode.l10n.t('{0} kept changing; the availability was not recorded. Please run the import again.', document.uri.toString(true)),
    versioned(measured),
  );
}

function uriOf(client: BaseLanguageClient, document: vscode.TextDocument): string {
  return client.code2ProtocolConverter.asUri(document.uri);
}

/** The plan: the one named, else the active editor's; opened, so that the server has it. */
async function planDocument(named: vscode.Uri | string | undefined): Promise<vscode.TextDocument> {
  const uri = named === undefined ? undefined : named instanceof vscode.Uri ? named : vscode.Uri.file(named);
  const active = vscode.window.activeTextEditor?.document;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : active?.languageId === 'drplan' ? active : undefined;
  if (!document) throw new ImportStopped(vscode.l10n.t('Open a DR plan (*.drplan.yaml) first.'));
  if (document.languageId !== 'drplan') throw new ImportStopped(vscode.l10n.t('{0} is not a DR plan (*.drplan.yaml).', document.uri.toString(true)));
  return document;
}

/** The period `text` names, if it has ended (UTC, as the periods are). */
function endedPeriod(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new ImportStopped(vscode.l10n.t('{0} is no month (2026-11), quarter (2026-Q3) or year (2026).', text));
  if (period.end > todayInDays()) throw new ImportStopped(vscode.l10n.t('{0} has not ended yet; only periods that have ended are imported.', period.id));
  return period;
}

function todayInDays(): number {
  return Math.floor(Date.now() / 86_400_000);
}

interface PeriodItem extends vscode.QuickPickItem {
  readonly period?: Period;
}

/**
 * The quick pick of the period: the last three months, the last two quarters and the last year
 * that have ended, and "another period …". Its title names the server that will be asked.
 */
async function pickPeriod(url: string): Promise<Period | undefined> {
  const locale = localeFrom(vscode.env.language);
  const item = (period: Period): PeriodItem => ({ label: periodTitle(period, locale), description: period.id, period });
  const today = new Date();
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const quarter = Math.floor(month / 3);
  const months = [1, 2, 3].map((back) => new Date(Date.UTC(year, month - back, 1))).map((d) => parsePeriod(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`) as Period);
  const quarters = [1, 2].map((back) => {
    const index = quarter - back;
    return parsePeriod(`${year + Math.floor(index / 4)}-Q${((index % 4) + 4) % 4 + 1}`) as Period;
  });
  const other: PeriodItem = { label: vscode.l10n.t('Another period …'), description: vscode.l10n.t('a month, a quarter or a year') };
  const items: PeriodItem[] = [
    ...months.map(item),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...quarters.map(item),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    item(parsePeriod(String(year - 1)) as Period),
    other,
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Import availability from {0}', url),
    placeHolder: vscode.l10n.t('The period to measure; drplan asks {0} for it', url),
  });
  if (!chosen) return undefined;
  if (chosen.period) return chosen.period;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import availability from {0}', url),
    prompt: vscode.l10n.t('A month (2026-11), a quarter (2026-Q3) or a year (2026) that has ended'),
    validateInput: (text) => {
      try {
        endedPeriod(text);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return typed === undefined ? undefined : endedPeriod(typed);
}

function automationArguments(argument: unknown): ImportArguments | undefined {
  if (typeof argument !== 'object' || argument === null || argument instanceof vscode.Uri) return undefined;
  const { period, source, plan } = argument as Record<string, unknown>;
  if (typeof period !== 'string') return undefined;
  return {
    period,
    ...(typeof source === 'string' ? { source } : {}),
    ...(plan instanceof vscode.Uri || typeof plan === 'string' ? { plan } : {}),
  };
}
