/**
 * Where the export writes on the desktop: files on disk (`file:`) through Node's fs, as
 * `drplan render` writes them (the extension host is Node: a link, a device, a FIFO, the plan
 * itself are what they are there); other schemes (a virtual workspace) through workspace.fs.
 */
import { nodeOutputFiles } from '../../../server/src/io/nodeOutputFiles';
import { outputFile } from '../../../server/src/io/outputFile';
import { workspaceExportFiles, type ExportFiles } from './exportFiles';

export const nodeExportFiles: ExportFiles = {
  file: (target, plan) =>
    target.scheme === 'file' ? outputFile(nodeOutputFiles, target.fsPath, plan.scheme === 'file' ? [plan.fsPath] : []) : workspaceExportFiles.file(target, plan),
  platform: process.platform,
};
