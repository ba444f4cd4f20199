/**
 * The drplan language server in a web worker, for VS Code in the browser (vscode.dev, github.dev,
 * GitLab's Web IDE): the handlers of languageServer.ts, speaking LSP through the worker's
 * messages, with the same language service as the Node server, bundled in (dist/web/server.js).
 *
 * What needs Node is not here: PDFs are made in this worker itself (pdfmake runs in it), the
 * document's change history is the plan's `history:` entries (no git, as in Restricted Mode), and
 * the availability import is refused with a note (no network code).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createLanguageService } from './core/languageService';
import { serveLanguage } from './languageServer';

/** The worker's global scope, as far as it is used here (the DOM's types are not in this project's lib). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
const port = scope as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
serveLanguage(connection, {
  languageService: () => createLanguageService,
  // The client stopped the server (a restart starts a new worker): end this one.
  exit: () => scope.close(),
});
