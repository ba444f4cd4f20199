/**
 * How a suite running in the extension host tells its launcher the outcome: a JSON file, since a
 * code-server window does not close (and so has no exit status) when the tests are done.
 *
 * The path comes from the environment variable DRPLAN_VSCODE_RESULT (the launchers set it:
 * code-server passes its environment on to the extension host, @vscode/test-electron through
 * `extensionTestsEnv`); without it, `vscode-test-result.json` next to the workspace folder.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

export const RESULT_ENV = 'DRPLAN_VSCODE_RESULT';

/**
 * Marks the suite's own lines in the extension host's console. code-server's workbench logs them
 * among its own messages (`%c INFO color: #33f <text>`, with printf placeholders left
 * unformatted), so the launcher keeps the lines with this prefix and strips it.
 */
export const LOG_PREFIX = '[drplan-test] ';

/** Marks a line that only tells the launcher which test is running (it prints it on a time-out). */
export const RUNNING_MARK = '\u0001running ';

export function running(title: string): void {
  console.log(LOG_PREFIX + RUNNING_MARK + title);
}

/** console.log for the suite: formatted here, every line marked for the launcher. */
export function log(...args: unknown[]): void {
  const text = format(...args);
  console.log(text.split('\n').map((line) => LOG_PREFIX + line).join('\n'));
}

export interface SuiteFailure {
  title: string;
  error: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: SuiteFailure[];
  durationMs: number;
  /** Titles and times of the tests that ran. */
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }[];
  /** What ran the suite: `vscode.env.appName`, `vscode.version`, the extension host's pid. */
  host: { appName: string; vscodeVersion: string; uiKind: string; pid: number; node: string };
  /** Extra figures, e.g. the activation benchmark's. */
  [key: string]: unknown;
}

export function hostInfo(): SuiteResult['host'] {
  return {
    appName: vscode.env.appName,
    vscodeVersion: vscode.version,
    uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind),
    pid: process.pid,
    node: process.version,
  };
}

export function resultPath(): string | undefined {
  const fromEnv = process.env[RESULT_ENV];
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') return path.join(path.dirname(folder.uri.fsPath), 'vscode-test-result.json');
  return undefined;
}

/** Writes the result atomically (a launcher polling for the file never reads half of it). */
export function writeResult(result: object): string | undefined {
  const file = resultPath();
  if (!file) {
    log(`no ${RESULT_ENV} and no file workspace: result not written`);
    return undefined;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(result, null, 2) + '\n');
  renameSync(partial, file);
  return file;
}
