/**
 * The entry of the VS Code suite (`extensionTestsPath` = dist/test/vscode/index.js): VS Code
 * calls `run()` inside its extension host once the window is up. It runs mocha (TDD UI) over
 * every `*.test.js` next to it (one bundle per test/vscode/*.test.ts; activation first) and
 * writes the outcome as JSON for the launcher (report.ts).
 *
 * Env: DRPLAN_VSCODE_RESULT (where to write the result), DRPLAN_VSCODE_GREP (run only the
 * tests whose full title matches this regular expression).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { hostInfo, log, running, writeResult, type SuiteResult } from './report';

/** Files that must run first; activation.test asserts the extension is not yet active. */
const FIRST = ['activation.test.js'];

function testFiles(dir: string): string[] {
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => path.join(dir, name));
}

export async function run(): Promise<void> {
  const t0 = Date.now();
  // The reporter's lines through log(): formatted (placeholders), marked for the launcher.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.DRPLAN_VSCODE_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], durationMs: 0, tests: [], host: hostInfo() };
  log(`${result.host.appName} ${result.host.vscodeVersion} (${result.host.uiKind}), extension host pid ${process.pid}`);
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('test', (test) => running(test.fullTitle()));
      runner.on('pass', (test) => {
        result.passed++;
        result.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      runner.on('pending', (test) => {
        result.pending++;
        result.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
      runner.on('fail', (test, error) => {
        result.failed++;
        result.failures.push({ title: test.fullTitle(), error: (error as Error)?.stack ?? String(error) });
        result.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0 });
      });
    });
  } catch (error) {
    // A test file that does not load: mocha throws from run().
    result.failed++;
    result.failures.push({ title: 'loading the test files', error: (error as Error)?.stack ?? String(error) });
  }
  result.durationMs = Date.now() - t0;
  const file = writeResult(result);
  log(`done: ${result.passed} passed, ${result.failed} failed${file ? ` (result in ${file})` : ''}`);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
}
