import { CodeActionKind } from 'vscode-languageserver-types';

/** drplan's fix-all action ("Fix all drplan problems"), as the server announces it in `initialize`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.drplan`;
