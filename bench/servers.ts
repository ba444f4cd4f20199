import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_OPTIONS } from '../server/src/nodeOptions';
import { LspClient } from '../test/support/lspClient';

const ROOT = join(__dirname, '..');

/** A language server as the benchmark drives it: the same LSP client code for both. */
export interface ServerUnderTest {
  readonly name: string;
  readonly languageId: string;
  start(): Promise<LspClient>;
  /** Diagnostics after a change, for the version sent (drplan) or the next publication (peer). */
  diagnosticsAfter(client: LspClient, uri: string, version: number): Promise<unknown>;
  /** Registers the wait for a version's diagnostics before the change is sent. */
  expectDiagnostics(client: LspClient, uri: string, version: number): Promise<unknown>;
}

export const drplan: ServerUnderTest = {
  name: 'drplan',
  languageId: 'drplan',
  // Started as VS Code starts it (client/src/serverProcess.ts), with the same Node options.
  start: () => LspClient.start('node', [...SERVER_NODE_OPTIONS, join(ROOT, 'dist', 'server.js'), '--stdio']),
  diagnosticsAfter: (client, uri, version) => client.diagnosticsOfVersion(uri, version, 120_000),
  expectDiagnostics: (client, uri, version) => client.diagnosticsOfVersion(uri, version, 120_000),
};

/**
 * Red Hat's yaml-language-server (the engine of the YAML extension for VS Code), configured
 * with drplan's own schema for `*.drplan.yaml`: what a user would otherwise pick. It publishes
 * no document version, so the next publication after a change counts as that change's.
 */
export const yamlLanguageServer: ServerUnderTest = {
  name: 'yaml-language-server',
  languageId: 'yaml',
  start: () =>
    LspClient.start('node', [join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], {}, {
      settings: {
        yaml: {
          schemas: { [pathToFileURL(join(ROOT, 'schemas', 'drplan.schema.json')).href]: '*.drplan.yaml' },
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
        },
      },
    }),
  diagnosticsAfter: (client, uri) => client.nextDiagnostics(uri, undefined, 120_000),
  expectDiagnostics: (client, uri) => client.nextDiagnostics(uri, (_: PublishDiagnosticsParams) => true, 120_000),
};
