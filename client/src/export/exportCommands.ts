/**
 * "Als PDF exportieren" / "Als HTML exportieren": the plan document from the language server,
 * written where the user says. A save dialog proposes `<plan>.pdf` beside the plan; replacing
 * an existing file is confirmed exactly once; the file is written by the rules `drplan render`
 * keeps (atomically, through links to their file, into devices and FIFOs, never over the plan:
 * exportFiles.ts); a failed export leaves an earlier file intact and says why; a progress
 * notification runs meanwhile, and an "Öffnen" action follows.
 *
 * For automation (tests, other extensions) the commands take `{ target, overwrite?, source? }`:
 * no dialog, no question; an existing target is replaced only with `overwrite: true`; a failure
 * rejects the command's promise with the reason. A relative path is taken in the plan's folder;
 * only `file:` and the workspace's own schemes are written to, and no `*.drplan.yaml`
 * (exportTarget.ts), whoever calls.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { refusalOf, type OutputFile } from '../../../server/src/io/outputFile';
import { localeFrom } from '../../../server/src/locale';
import { requestExport, type ExportedFile } from '../planDocument';
import type { PreviewManager } from '../preview/previewManager';
import { workspaceSchemes } from '../workspaceSchemes';
import { fileName, folderOf, label, type ExportFiles } from './exportFiles';
import {
  exportFileName,
  isPlanFileName,
  relativeTargetBase,
  resolveRelative,
  saveDialogAsksBeforeReplacing,
  targetTextKind,
  type ExportFormat,
  type TargetRules,
} from './exportTarget';

/** The automation argument of drplan.exportPdf and drplan.exportHtml. */
export interface ExportArguments {
  /** The file to write: a URI, or a path (a relative one in the plan's folder). */
  readonly target: vscode.Uri | string;
  /** Replace an existing target; without it the export refuses. */
  readonly overwrite?: boolean;
  /** The plan; default: the one of the active preview or editor. */
  readonly source?: vscode.Uri | string;
}

/** What a successful export returns to its caller. */
export interface ExportOutcome {
  readonly target: vscode.Uri;
  readonly bytes: number;
  /** The plan's version the file was made from. */
  readonly version: number;
  /** The document is marked ENTWURF. */
  readonly draft: boolean;
}

/** A reason the export stops, in the user's words. */
class ExportRefused extends Error {}

export function registerExportCommands(client: BaseLanguageClient, previews: PreviewManager, files: ExportFiles): vscode.Disposable[] {
  const run = (format: ExportFormat) => (argument?: unknown) => exportPlan(client, previews, files, format, argument);
  return [vscode.commands.registerCommand('drplan.exportPdf', run('pdf')), vscode.commands.registerCommand('drplan.exportHtml', run('html'))];
}

async function exportPlan(client: BaseLanguageClient, previews: PreviewManager, files: ExportFiles, format: ExportFormat, argument: unknown): Promise<ExportOutcome | undefined> {
  const failed = (reason: string) => vscode.l10n.t('The DR plan could not be exported: {0}', reason);
  const automation = automationArguments(argument, files);
  const plan = (argument instanceof vscode.Uri ? argument : automation?.source) ?? previews.activePreviewUri() ?? planOfActiveEditor() ?? previews.anyPreviewUri();
  if (!plan) {
    const message = failed(vscode.l10n.t('Open a DR plan (*.drplan.yaml) first.'));
    if (automation) throw new Error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  return exportDocument(
    {
      source: plan,
      format,
      fileName: exportFileName(fileName(plan), format),
      dialogTitle: format === 'pdf' ? vscode.l10n.t('Export the DR plan as PDF') : vscode.l10n.t('Export the DR plan as HTML'),
      make: (progress) => requestExport(client, plan, format, progress),
      failed,
    },
    automation,
    files,
  );
}

/** A document to export: made from a plan (never written over), proposed under `fileName` beside it. */
export interface DocumentExport {
  readonly source: vscode.Uri;
  readonly format: ExportFormat;
  /** The file name the save dialog proposes, in the plan's folder. */
  readonly fileName: string;
  readonly dialogTitle: string;
  /** The document; `progress` hears the part done (0 to 1) while it is made. */
  make(progress: (done: number) => void): Promise<ExportedFile>;
  /** The message of a failed export, with its reason. */
  failed(reason: string): string;
}

/** Where the automation writes (no dialog, no question). */
export interface ExportAutomation {
  readonly target: vscode.Uri | string;
  readonly overwrite: boolean;
}

/**
 * Exports a document by the rules of the plan's export: the save dialog (or the automation's
 * target), one question before an existing file is replaced, the output-file rules, a progress
 * notification and an "Open" action. The automation's failures reject with the reason; a
 * person's are shown. `files` writes as the extension's platform does.
 */
export async function exportDocument(spec: DocumentExport, automation: ExportAutomation | undefined, files: ExportFiles): Promise<ExportOutcome | undefined> {
  const { source, format } = spec;
  let target: vscode.Uri | undefined;
  let output: OutputFile | undefined;
  try {
    let overwrite: boolean;
    if (automation) {
      target = automationTarget(automation.target, source, files);
      overwrite = automation.overwrite;
      await checkFolder(target);
      output = files.file(target, source);
      const problem = await checkOutput(output, target, overwrite);
      if (problem) throw problem;
    } else {
      target = await vscode.window.showSaveDialog({
        defaultUri: defaultTarget(source, spec.fileName),
        filters: format === 'pdf' ? { [vscode.l10n.t('PDF document')]: ['pdf'] } : { [vscode.l10n.t('HTML document')]: ['html', 'htm'] },
        saveLabel: vscode.l10n.t('Export'),
        title: spec.dialogTitle,
      });
      if (!target) return undefined;
      await checkFolder(target);
      overwrite = false;
      output = files.file(target, source);
      const problem = await checkOutput(output, target, overwrite);
      if (refusalOf(problem) === 'exists') {
        // The dialog has asked on most platforms; where it has not, ask here, so: once.
        overwrite = dialogAskedBeforeReplacing(target, files.platform) || (await confirmReplace(target));
        if (!overwrite) return undefined;
      } else if (problem) {
        throw problem;
      }
    }

    const chosen = target;
    const file = output;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} …', fileName(chosen)) },
      async (progress): Promise<ExportOutcome | undefined> => {
        // The bar fills as the server lays out and renders the PDF (a large plan takes a while).
        let reported = 0;
        const document = await spec.make((done) => {
          const percent = Math.round(done * 100);
          if (percent > reported) progress.report({ increment: percent - reported });
          reported = Math.max(reported, percent);
        });
        try {
          await file.write(document.bytes, overwrite);
        } catch (error) {
          // Someone made the file while the document was rendered: nobody has agreed to replace it.
          if (automation || overwrite || refusalOf(error) !== 'exists') throw error;
          if (!(await confirmReplace(chosen))) return undefined;
          await file.write(document.bytes, true);
        }
        return { target: chosen, bytes: document.bytes.byteLength, version: document.version, draft: document.draft };
      },
    );
    if (outcome && !automation) void offerToOpen(outcome);
    return outcome;
  } catch (error) {
    const message = spec.failed(describe(error, target, output));
    if (automation) throw new Error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

type AutomationArguments = ExportAutomation & { readonly source: vscode.Uri | undefined };

function automationArguments(argument: unknown, files: ExportFiles): AutomationArguments | undefined {
  if (typeof argument !== 'object' || argument === null || argument instanceof vscode.Uri || !('target' in argument)) return undefined;
  const { target, overwrite, source } = argument as Partial<ExportArguments>;
  if (!(target instanceof vscode.Uri) && (typeof target !== 'string' || target === '')) throw new Error(vscode.l10n.t('The export needs a target: a URI or a path.'));
  return { target, overwrite: overwrite === true, source: toUri(source, files.platform) };
}

/** The automation's target as a URI, refused unless the rules of exportTarget.ts allow it. */
function automationTarget(value: vscode.Uri | string, plan: vscode.Uri, files: ExportFiles): vscode.Uri {
  const rules: TargetRules = { plan, workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri), windows: files.platform === 'win32' };
  const target = typeof value === 'string' && targetTextKind(value, rules.windows) === 'relative' ? relativeTarget(value, rules) : uriOf(value, files.platform);
  const schemes = workspaceSchemes(rules.workspaceFolders);
  if (!schemes.includes(target.scheme)) {
    const allowed = schemes.map((scheme) => `${scheme}:`).join(', ');
    throw new ExportRefused(vscode.l10n.t('{0} is not a file on disk or in the workspace; the export writes only to {1}.', target.toString(true), allowed));
  }
  return target;
}

/** A relative path in the plan's folder (relativeTargetBase). */
function relativeTarget(path: string, rules: TargetRules): vscode.Uri {
  const base = relativeTargetBase(rules);
  if (!base) throw new ExportRefused(vscode.l10n.t('The relative target {0} needs a saved plan or an open folder to be taken in; give an absolute path or a URI.', path));
  return vscode.Uri.from(resolveRelative(base, path, rules.windows));
}

/**
 * What stops the write to `target` (undefined: nothing): the plan itself, under any name, in the
 * words of the output-file rules; else a plan's name (no document over another plan, whatever
 * `overwrite` says); else what the rules say.
 */
async function checkOutput(output: OutputFile, target: vscode.Uri, overwrite: boolean): Promise<unknown> {
  const problem = await output.check(overwrite);
  if (refusalOf(problem) !== 'input' && isPlanFileName(target.path)) {
    return new ExportRefused(vscode.l10n.t('{0} is named like a DR plan (*.drplan.yaml); the export writes no document over a plan.', label(target)));
  }
  return problem;
}

function toUri(value: unknown, platform: string): vscode.Uri | undefined {
  return value instanceof vscode.Uri || (typeof value === 'string' && value !== '') ? uriOf(value, platform) : undefined;
}

/** A URI as it is; text as a URI when it has a scheme, else as a path. */
function uriOf(value: vscode.Uri | string, platform: string): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  return targetTextKind(value, platform === 'win32') === 'uri' ? vscode.Uri.parse(value, true) : vscode.Uri.file(value);
}

function planOfActiveEditor(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'drplan' ? editor.document.uri : undefined;
}

/** `name` beside the plan (`<plan>.pdf`); for an unsaved plan in the workspace's first folder. */
function defaultTarget(source: vscode.Uri, name: string): vscode.Uri {
  if (source.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
  }
  return vscode.Uri.joinPath(folderOf(source), name);
}

function dialogAskedBeforeReplacing(target: vscode.Uri, platform: string): boolean {
  return saveDialogAsksBeforeReplacing({
    web: vscode.env.uiKind === vscode.UIKind.Web,
    remote: vscode.env.remoteName !== undefined,
    simpleDialog: vscode.workspace.getConfiguration('files').get<boolean>('simpleDialog.enable') === true,
    scheme: target.scheme,
    platform,
  });
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Do you want to replace it?', fileName(target)),
    { modal: true, detail: target.scheme === 'file' ? target.fsPath : target.toString(true) },
    replace,
  );
  return answer === replace;
}

/** The target's folder must exist (writing would create it, and a mistyped path with it). */
async function checkFolder(target: vscode.Uri): Promise<void> {
  const folder = folderOf(target);
  const stat = await vscode.workspace.fs.stat(folder).then(
    (found) => found,
    () => undefined,
  );
  if (!stat || (stat.type & vscode.FileType.Directory) === 0) throw new ExportRefused(vscode.l10n.t('The folder {0} does not exist.', label(folder)));
}

/**
 * The reason, in words: a file that exists by the automation's rule, a folder, the other
 * refusals of the output-file rules and file system errors in the words `drplan render` uses (a
 * full disk, a read-only file system, no permission, …; VS Code's file system passes some of
 * them on only in Node's message), else the error's message (the server's, for a plan too large
 * to export).
 */
function describe(error: unknown, target: vscode.Uri | undefined, output: OutputFile | undefined): string {
  if (error instanceof ExportRefused || !target || !output) return error instanceof Error ? error.message : String(error);
  switch (refusalOf(error)) {
    case 'exists':
      return vscode.l10n.t('{0} already exists; it is replaced only with overwrite: true.', fileName(target));
    case 'folder':
      return vscode.l10n.t('{0} is a folder.', label(target));
    default:
      return output.describe(error, localeFrom(vscode.env.language)) ?? String(error);
  }
}

async function offerToOpen(outcome: ExportOutcome): Promise<void> {
  const open = vscode.l10n.t('Open');
  const message = outcome.draft
    ? vscode.l10n.t('{0} was exported. The plan is a draft or has errors, so the document is marked ENTWURF.', fileName(outcome.target))
    : vscode.l10n.t('{0} was exported.', fileName(outcome.target));
  const answer = await vscode.window.showInformationMessage(message, open);
  if (answer !== open) return;
  // A local desktop hands the file to the system's PDF viewer or browser; elsewhere VS Code opens it.
  const local = vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined && outcome.target.scheme === 'file';
  if (local) await vscode.env.openExternal(outcome.target);
  else await vscode.commands.executeCommand('vscode.open', outcome.target);
}
