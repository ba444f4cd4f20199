import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER_NODE_OPTIONS } from '../server/src/nodeOptions';
import { LspClient } from '../test/support/lspClient';

const ROOT = join(__dirname, '..');

/** A language server as the benchmark drives it: the same LSP client code for both. */
export interface ServerUnderTest {
  readonly name: string;
  readonly languageId: string;
  /** Whether its diagnostics say which document version they are of. */
  readonly publishesVersions: boolean;
  start(): Promise<LspClient>;
  /**
   * Registers the wait for a version's diagnostics before the change is sent: the diagnostics of
   * that version (drplan) or of the next publication (peer).
   */
  expectDiagnostics(client: LspClient, uri: string, version: number): Promise<Diagnostic[]>;
}

export const drplan: ServerUnderTest = {
  name: 'drplan',
  languageId: 'drplan',
  publishesVersions: true,
  // Started as VS Code starts it (client/src/serverProcess.ts), with the same Node options.
  start: () => LspClient.start('node', [...SERVER_NODE_OPTIONS, join(ROOT, 'dist', 'server.js'), '--stdio']),
  expectDiagnostics: (client, uri, version) => client.diagnosticsOfVersion(uri, version, 120_000),
};

/**
 * The floor (echoServer.ts): answers every change at once with `diagnosticsFile`'s diagnostics,
 * drplan's of the same plan, in a process started with drplan's Node options.
 */
export function echoServer(diagnosticsFile: string): ServerUnderTest {
  return {
    name: 'echo server',
    languageId: 'drplan',
    publishesVersions: true,
    start: () => LspClient.start('node', [...SERVER_NODE_OPTIONS, '--import', 'tsx', join(ROOT, 'bench', 'echoServer.ts'), diagnosticsFile, '--stdio']),
    expectDiagnostics: drplan.expectDiagnostics,
  };
}

/**
 * Red Hat's yaml-language-server (the engine of the YAML extension for VS Code), configured
 * with drplan's own schema for `*.drplan.yaml`: what a user would otherwise pick. It publishes
 * no document version, so the next publication after a change counts as that change's.
 */
export const yamlLanguageServer: ServerUnderTest = {
  name: 'yaml-language-server',
  languageId: 'yaml',
  publishesVersions: false,
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
  expectDiagnostics: (client, uri) => client.nextDiagnostics(uri, () => true, 120_000).then((published) => published.diagnostics),
};

/** A process's memory (MB): its peak resident set since it started (VmHWM) and its current one (VmRSS). */
export interface ProcessMemory {
  peakMb: number;
  residentMb: number;
}

/** A server process's memory from /proc (Linux); NaN where it cannot be read. */
export function processMemory(pid: number | undefined): ProcessMemory {
  try {
    return memoryOfStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return { peakMb: NaN, residentMb: NaN };
  }
}

/**
 * Starts a process's peak resident set (VmHWM) afresh at its current one (Linux's clear_refs), so
 * that a later peak is of what happened since; false where it cannot.
 */
export function resetPeakMemory(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The memory in the text of /proc/<pid>/status. */
export function memoryOfStatus(status: string): ProcessMemory {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  };
  return { peakMb: field('VmHWM'), residentMb: field('VmRSS') };
}
