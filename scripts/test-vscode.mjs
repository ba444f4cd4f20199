#!/usr/bin/env node
// `npm run test:vscode` (after `npm run build`): the VS Code suite (test/vscode/) inside the
// extension host of a real VS Code: code-server on a free loopback port, a fresh user-data and
// extensions folder, a temporary copy of examples/ and test/fixtures/ as the workspace, the
// workbench in headless Chromium. The suite's output (the extension host's console) goes to
// stdout; the last line is `N passed, N failed`. Exit status 0 only if every test passed.
//
// Env: DRPLAN_VSCODE_GREP   run only tests whose full title matches this regular expression
//      DRPLAN_VSCODE_TIMEOUT overall time-out in seconds (default 300)
//      DRPLAN_VSCODE_VERBOSE=1 also print the workbench's own console errors

import { runSuiteInCodeServer } from './lib/vscode-suite.mjs';

const timeoutMs = Number(process.env.DRPLAN_VSCODE_TIMEOUT || 300) * 1000;
const verbose = Boolean(process.env.DRPLAN_VSCODE_VERBOSE);
const env = process.env.DRPLAN_VSCODE_GREP ? { DRPLAN_VSCODE_GREP: process.env.DRPLAN_VSCODE_GREP } : {};

async function main() {
  const t0 = Date.now();
  const workbenchErrors = [];
  let result;
  try {
    const { runs } = await runSuiteInCodeServer({
      timeoutMs,
      env,
      onConsole: (line) => process.stdout.write(`${line}\n`),
      onWorkbenchError: (line) => {
        workbenchErrors.push(line);
        if (verbose) process.stderr.write(`[workbench] ${line}\n`);
      },
    });
    result = runs[0].result;
  } catch (error) {
    console.error(`[test:vscode] ${error.message}`);
    // Harmless offline: no extension gallery (open-vsx.org), no proprietary `vsda`, missing icons.
    const benign = /open-vsx\.org|ERR_NAME_NOT_RESOLVED|vsda|status of 404/;
    const errors = workbenchErrors.filter((e) => !benign.test(e));
    if (!verbose && errors.length) {
      console.error(`[test:vscode] the workbench logged ${errors.length} error(s); the last ones (DRPLAN_VSCODE_VERBOSE=1 shows all):`);
      for (const line of errors.slice(-10)) console.error(`  ${line.split('\n')[0]}`);
    }
    console.log('0 passed, 1 failed');
    return 1;
  }
  // mocha's report above has the details; here the list.
  if (result.failures.length) console.log('\nFailed:');
  for (const failure of result.failures) console.log(`  ${failure.title}: ${String(failure.error).split('\n')[0]}`);
  console.log(`\n[test:vscode] ${result.host.appName} ${result.host.vscodeVersion}: ${result.passed + result.failed + result.pending} tests in ${(result.durationMs / 1000).toFixed(1)}s (${((Date.now() - t0) / 1000).toFixed(1)}s with code-server and the browser)`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return result.failed === 0 && result.passed > 0 ? 0 : 1;
}

// process.exit runs the exit handlers that remove the temporary workspace.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[test:vscode] ${error.stack ?? error}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
