/**
 * Where an export goes (a relative target of the automation too), that it goes over no plan,
 * and who asks before an existing file is replaced. Pure (no `vscode`), so test/unit checks it.
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

/** The parts of a URI the automation's rules look at (a vscode.Uri has them). */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
}

/** What the automation's rules need to know besides the target. */
export interface TargetRules {
  /** The plan exported. */
  readonly plan: UriParts;
  readonly workspaceFolders: readonly UriParts[];
  /** Paths are Windows paths (drive letters, backslashes). */
  readonly windows: boolean;
}

/** A target given as text: a URI, an absolute path, or a path relative to the plan's folder. */
export function targetTextKind(text: string, windows: boolean): 'uri' | 'absolute' | 'relative' {
  // A URI has a scheme of two letters or more ("C:\…" is a Windows path).
  if (/^[a-z][a-z0-9+.-]+:/i.test(text)) return 'uri';
  if (text.startsWith('/') || (windows && (text.startsWith('\\') || /^[a-z]:/i.test(text)))) return 'absolute';
  return 'relative';
}

/**
 * The folder a relative target is taken in: the plan's; for an unsaved plan (`untitled:`, no
 * folder) the first workspace folder, where the save dialog proposes it too; else none.
 */
export function relativeTargetBase(rules: TargetRules): UriParts | undefined {
  const { plan } = rules;
  if (plan.scheme !== 'untitled') return { ...plan, path: plan.path.slice(0, plan.path.lastIndexOf('/')) || '/' };
  return rules.workspaceFolders[0];
}

/**
 * `relative` in the folder `base`: `.` and `..` resolved (never above the root, nor above the
 * drive of a Windows path), backslashes separators on Windows.
 */
export function resolveRelative(base: UriParts, relative: string, windows: boolean): UriParts {
  const segments = base.path.split('/').filter((segment) => segment !== '');
  // `/c:/…`: the drive is the root.
  const root = windows && /^[a-z]:$/i.test(segments[0] ?? '') ? 1 : 0;
  for (const segment of (windows ? relative.replace(/\\/g, '/') : relative).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > root) segments.pop();
    } else segments.push(segment);
  }
  return { scheme: base.scheme, authority: base.authority, path: `/${segments.join('/')}` };
}

/**
 * A plan's file name, `*.drplan.yaml` or `*.drplan.yml` in any case; also with what Windows
 * reads as the same file (trailing dots and blanks, a data stream `::$DATA`). No export writes
 * a document over a plan (the plan exported itself is refused under any name by the
 * output-file rules, server/src/io/outputFile.ts).
 */
export function isPlanFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /\.drplan\.ya?ml(?::[^/]*)?[. ]*$/i.test(name);
}
