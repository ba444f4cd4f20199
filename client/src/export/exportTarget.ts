/**
 * Where an export goes and who asks before an existing file is replaced. Pure (no `vscode`),
 * so test/unit checks it.
 */

export type ExportFormat = 'pdf' | 'html';

/** `plone-intranet.drplan.yaml` → `plone-intranet.pdf` (as `drplan render` names it). */
export function exportFileName(planFileName: string, format: ExportFormat): string {
  const name = planFileName.replace(/(\.drplan)?\.ya?ml$/i, '') || 'drplan';
  return `${name}.${format}`;
}

/** What decides which save dialog VS Code shows. */
export interface DialogEnvironment {
  /** VS Code in a browser (vscode.dev, code-server): its own dialog. */
  readonly web: boolean;
  /** A remote window (SSH, container, WSL): its own dialog for the remote's files. */
  readonly remote: boolean;
  /** `files.simpleDialog.enable`: its own dialog everywhere. */
  readonly simpleDialog: boolean;
  /** The target's URI scheme: VS Code's own dialog for anything but local files. */
  readonly scheme: string;
  readonly platform: string;
}

/**
 * Whether the save dialog has already asked before replacing an existing file, so the export
 * must not ask a second time. VS Code's own dialog asks ("… already exists. Are you sure you
 * want to overwrite it?"), and so do the native dialogs of macOS and Windows. The native dialog
 * on Linux does not: Electron asks there only when told to (`showOverwriteConfirmation`), and
 * VS Code does not tell it; there the export asks itself.
 */
export function saveDialogAsksBeforeReplacing(environment: DialogEnvironment): boolean {
  if (environment.web || environment.remote || environment.simpleDialog || environment.scheme !== 'file') return true;
  return environment.platform === 'darwin' || environment.platform === 'win32';
}
