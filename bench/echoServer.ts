/**
 * The floor of the keystroke measurement: a language server with the same library, transport and
 * Node options as drplan's that checks nothing. It answers every didOpen and didChange at once with
 * the diagnostics in the JSON file it is given (drplan's first publication of the same plan), so
 * what it takes is the pipe both ways and the client reading the message alone.
 *
 *   node --import tsx bench/echoServer.ts <diagnostics.json> --stdio
 */
import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { tuneTiering } from '../server/src/tiering';

tuneTiering(); // as drplan's server.ts

const diagnostics = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Diagnostic[];
const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
const publish = ({ textDocument }: { textDocument: { uri: string; version: number } }) =>
  void connection.sendDiagnostics({ uri: textDocument.uri, version: textDocument.version, diagnostics });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.listen();
