/**
 * Edits the language server computed for one version of an open plan (the drill's exercise
 * entry, the imported availability), applied as one WorkspaceEdit, which one undo takes back. An
 * edit is applied only to the version it was made for: when the author typed meanwhile, it is
 * asked for again, for the version now.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { TextEdit } from 'vscode-languageserver-types';

/** The server's edits and the document version they are for. */
export interface VersionedEdits {
  readonly version: number;
  readonly edits: readonly TextEdit[];
}

/** How often the edits are asked for again while the document keeps changing. */
const ATTEMPTS = 5;

/**
 * Applies `first` (or what `ask` answers) to `document` once the versions agree; answers the edits
 * applied. Rejects when VS Code refuses the edit, or with `keptChanging` when the document changed
 * under every answer.
 */
export async function applyVersionedEdits(
  client: BaseLanguageClient,
  document: vscode.TextDocument,
  ask: () => Promise<VersionedEdits>,
  keptChanging: string,
  first?: VersionedEdits,
): Promise<vscode.TextEdit[]> {
  let made = first ?? (await ask());
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (document.version === made.version) {
      const edits = await client.protocol2CodeConverter.asTextEdits([...made.edits]);
      // Typed while the edits were converted: the next round asks again.
      if (document.version === made.version) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('VS Code did not apply the edit to {0}.', document.uri.toString(true)));
        return edits;
      }
    } else {
      // The server may not have the latest change yet: a moment for it to arrive.
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
    made = await ask();
  }
  throw new Error(keptChanging);
}
