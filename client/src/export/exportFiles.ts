/**
 * Where the export writes, under the output-file rules `drplan render` keeps
 * (server/src/io/outputFile.ts). On the desktop, files on disk (`file:`) through Node's fs
 * (nodeExportFiles.ts); everything else, and everything in VS Code for the browser (where even a
 * local folder is a file system of the workbench), through vscode.workspace.fs, which knows files
 * and folders only: atomically, a temporary file renamed into place.
 */
import * as vscode from 'vscode';
import { outputFile, type OutputFile, type OutputFileSystem, type OutputKind } from '../../../server/src/io/outputFile';

/** How the extension's platform writes an export. */
export interface ExportFiles {
  /** The export's target, with the plan it is made from (never written over). */
  file(target: vscode.Uri, plan: vscode.Uri): OutputFile;
  /** The operating system as Node names it (`win32`, `darwin`, `linux`), or `browser`. */
  readonly platform: string;
}

/** VS Code in the browser: every target through vscode.workspace.fs. */
export const workspaceExportFiles: ExportFiles = {
  file: (target, plan) => outputFile(workspaceOutputFiles, target, [plan]),
  platform: 'browser',
};

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

export function label(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/** vscode.workspace.fs: no links it would tell of, no devices; a URI is one file. */
const workspaceOutputFiles: OutputFileSystem<vscode.Uri> = {
  sibling: (target, name) => vscode.Uri.joinPath(folderOf(target), name),
  name: fileName,
  folder: folderOf,
  label,
  async inspect(target) {
    const found = await vscode.workspace.fs.stat(target).then(
      (stat) => stat,
      () => undefined,
    );
    return { named: target, resolved: target, throughLink: false, kind: kindOf(found), identity: found ? target.toString() : undefined };
  },
  async writeFile(uri, content) {
    // workspace.fs.writeFile has no exclusive create (it passes create and overwrite to the
    // provider, which only FileSystemProvider.writeFile itself could refuse), so a look first is
    // the best there is. The window between the look and the write is open only to someone who
    // knows the name, and the name is unguessable (writeAtomically).
    const found = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (found) throw vscode.FileSystemError.FileExists(uri);
    await vscode.workspace.fs.writeFile(uri, content);
  },
  rename: (from, to, overwrite) => Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite })),
  delete: (uri) => Promise.resolve(vscode.workspace.fs.delete(uri, { useTrash: false })),
  writeInto: (target) => Promise.reject(new Error(`${label(target.named)}: a virtual file system has no devices`)),
};

function kindOf(stat: vscode.FileStat | undefined): OutputKind {
  if (!stat) return 'none';
  if ((stat.type & vscode.FileType.Directory) !== 0) return 'folder';
  if ((stat.type & vscode.FileType.File) !== 0) return 'file';
  return 'other';
}
