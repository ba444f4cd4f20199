/**
 * The URI schemes drplan writes to (the export automation) and reopens (a restored preview):
 * `file:`, the disk, and the schemes of the workspace's own folders (a virtual workspace such as
 * `vscode-vfs:`); not a web address, a command, nor another extension's file system that a
 * caller or a saved state names. Pure (no `vscode`), so test/unit checks its users.
 */
export function workspaceSchemes(workspaceFolders: readonly { readonly scheme: string }[]): string[] {
  // `untitled:` has no folders; an unsaved plan is no place to write to.
  return [...new Set(['file', ...workspaceFolders.map((folder) => folder.scheme)])].filter((scheme) => scheme !== 'untitled');
}
