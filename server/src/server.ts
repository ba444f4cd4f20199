/**
 * The drplan language server in a Node process: the handlers of languageServer.ts over the
 * connection the command line names, with the services of nodeServices.ts.
 *
 * In VS Code it speaks over IPC; for any other editor: `drplan-language-server --stdio`. VS Code in
 * the browser runs the same handlers in a web worker (browserServer.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serveLanguage } from './languageServer';
import { nodeServices } from './nodeServices';
import { handleServerCommandLine } from './serverCommandLine';
import { tuneTiering } from './tiering';

handleServerCommandLine(process.argv.slice(2));
tuneTiering();

const connection = createConnection(ProposedFeatures.all);
serveLanguage(connection, nodeServices());
