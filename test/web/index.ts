/// <reference types="mocha" />
/**
 * The entry of the web suite (extensionTestsPath = dist/test/web/index.js, bundled by
 * scripts/lib/test-web-build.mjs): VS Code for the Web calls `run()` in its extension host's web
 * worker once the window is up, and ends the run by whether it resolves. It runs mocha's browser
 * build (TDD UI) over the test files below, in their order, and hands the outcome and mocha's
 * report to the launcher through the bridge.
 */
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { print, report, suiteConfig } from './bridge';

/**
 * The test files, in the order they run (web.test first: it sees the extension activate). Those
 * of the Node suite (test/vscode/) that need nothing but the `vscode` API run here as they are,
 * `node:assert/strict` being ./assert.ts in this bundle.
 */
const TEST_FILES = [
  () => import('./web.test'),
  () => import('./diagnostics.test'),
  () => import('../vscode/completion.test'),
  () => import('../vscode/hover.test'),
  () => import('./hover.test'),
  () => import('../vscode/navigation.test'),
  () => import('../vscode/codeActions.test'),
  () => import('./preview.test'),
  () => import('./export.test'),
];

interface WebSuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  durationMs: number;
  /** What ran the suite: `vscode.env.appName`, `vscode.version`, `vscode.env.uiKind`. */
  host: string;
}

/** console.log's placeholders (%s, %d, %i, %f, %j, %o, %O, %%), which mocha's reporter writes with. */
function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%([sdifjoO%])/g, (placeholder, kind: string) => {
    if (kind === '%') return '%';
    if (rest.length === 0) return placeholder;
    const value = rest.shift();
    if (kind === 'd' || kind === 'i') return String(Math.trunc(Number(value)));
    if (kind === 'f') return String(Number(value));
    if (kind === 'j' || kind === 'o' || kind === 'O') return JSON.stringify(value);
    return String(value);
  });
  return [text, ...rest.map(String)].join(' ');
}

/** mocha's report lines, sent to the launcher one after another (in order). */
let printed = Promise.resolve();
function printLine(...args: unknown[]): void {
  const line = format(...args);
  printed = printed.then(() => print(line)).catch(() => undefined);
}

export async function run(): Promise<void> {
  const t0 = Date.now();
  const host = `${vscode.env.appName} ${vscode.version} (${vscode.UIKind[vscode.env.uiKind]})`;
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = printLine;
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000 });
  const { grep } = await suiteConfig();
  if (grep) mocha.grep(new RegExp(grep));
  const result: WebSuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], durationMs: 0, host };
  // The Welcome page a fresh profile opens with (test-web takes no settings to turn it off).
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    for (const load of TEST_FILES) await load();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => void result.passed++);
      runner.on('pending', () => void result.pending++);
      runner.on('fail', (test, error) => {
        result.failed++;
        result.failures.push({ title: test.fullTitle(), error: (error as Error)?.stack ?? String(error) });
      });
    });
  } catch (error) {
    result.failed++;
    result.failures.push({ title: 'loading the test files', error: (error as Error)?.stack ?? String(error) });
  }
  result.durationMs = Date.now() - t0;
  await printed;
  await report(result);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
}
