/**
 * Activation benchmark, run inside the extension host of a fresh VS Code window
 * (`extensionTestsPath` = dist/test/vscode/bench/index.js; scripts/lib/vscode-suite.mjs
 * `benchActivation()` loads it in several fresh windows).
 *
 * Measures, in a window where nothing has activated the extension yet:
 *   activateMs          extension.activate() called → resolved (the extension module loaded, the
 *                       server process forked and initialized: activate() awaits client.start())
 *   clientRunningMs     extension.activate() called → the client's state is Running
 *   firstDiagnosticsMs  openTextDocument(example plan) → its first diagnostics in VS Code
 * and writes them under `bench` into the result JSON (report.ts).
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extension, waitForClientRunning, waitForDiagnostics, workspaceFile } from '../helpers';
import { serverPids } from '../nodeHelpers';
import { hostInfo, log, writeResult, type SuiteResult } from '../report';

export interface ActivationSample {
  /** true if the extension was already active when the benchmark started (then the figures mean nothing) */
  wasActive: boolean;
  activateMs: number;
  clientRunningMs: number;
  firstDiagnosticsMs: number;
  /** how long the extension host had been running when the benchmark started */
  extensionHostUptimeMs: number;
  diagnostics: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function run(): Promise<void> {
  const t0 = Date.now();
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], durationMs: 0, tests: [], host: hostInfo() };
  try {
    const ext = extension();
    const wasActive = ext.isActive;
    const extensionHostUptimeMs = process.uptime() * 1000;

    const start = performance.now();
    const api = await ext.activate();
    const activated = performance.now();
    await waitForClientRunning(api.client);
    const running = performance.now();

    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const opening = performance.now();
    await vscode.workspace.openTextDocument(plan);
    const diagnostics = await waitForDiagnostics(plan, (d) => d.length > 0, 'the first diagnostics of the example plan', 60_000);
    const checked = performance.now();

    const sample: ActivationSample = {
      wasActive,
      activateMs: round(activated - start),
      clientRunningMs: round(running - start),
      firstDiagnosticsMs: round(checked - opening),
      extensionHostUptimeMs: round(extensionHostUptimeMs),
      diagnostics: diagnostics.length,
    };
    result.bench = { ...sample, serverPids: serverPids() };
    log(`activation: ${JSON.stringify(sample)}`);
    if (wasActive) throw new Error('the extension was already active: not a first activation');
    result.passed = 1;
    result.tests.push({ title: 'activation benchmark', state: 'passed', durationMs: Date.now() - t0 });
  } catch (error) {
    result.failed = 1;
    result.failures.push({ title: 'activation benchmark', error: (error as Error)?.stack ?? String(error) });
    result.tests.push({ title: 'activation benchmark', state: 'failed' });
  }
  result.durationMs = Date.now() - t0;
  writeResult(result);
  if (result.failed) throw new Error(result.failures[0]?.error);
}
