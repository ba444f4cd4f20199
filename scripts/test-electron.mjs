#!/usr/bin/env node
// @ts-check
// `npm run test:electron` (after `npm run build`): the same VS Code suite as `npm run test:vscode`
// (dist/test/vscode/index.js), in desktop VS Code (Electron) through @vscode/test-electron, on a
// temporary copy of examples/ and test/fixtures/. The last line is `N passed, N failed`.
//
// Env: VSCODE_EXECUTABLE   an installed VS Code's executable (the Electron binary, e.g.
//                          /usr/share/code/code, "/Applications/Visual Studio Code.app/Contents/MacOS/Electron",
//                          "C:\Program Files\Microsoft VS Code\Code.exe"); without it, VS Code is
//                          downloaded into .vscode-test/ (needs the internet: update.code.visualstudio.com)
//      VSCODE_VERSION      the version to download (default: stable)
//      DRPLAN_VSCODE_GREP  run only tests whose full title matches this regular expression
// On Linux without a display, run it under xvfb: `xvfb-run -a npm run test:electron`.
// Here (no internet, no display) use `npm run test:vscode`: the same suite in code-server.

import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { prepareWorkspace, RESULT_ENV, ROOT, SUITE_PATH, TEST_SETTINGS } from './lib/vscode-suite.mjs';

/** @param {string} message */
const say = (message) => process.stderr.write(`[test:electron] ${message}\n`);

/** @returns {Promise<string>} the VS Code executable to run */
async function vscodeExecutable() {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!existsSync(given)) throw new Error(`VSCODE_EXECUTABLE=${given} does not exist`);
    return given;
  }
  const version = process.env.VSCODE_VERSION || 'stable';
  say(`no VSCODE_EXECUTABLE: downloading VS Code ${version} into .vscode-test/ ...`);
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: path.join(ROOT, '.vscode-test'), timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `Could not download VS Code ${version} (${error instanceof Error ? error.message : String(error)}).\n` +
        `  Without internet access, point VSCODE_EXECUTABLE at an installed VS Code (its Electron binary, e.g. /usr/share/code/code),\n` +
        `  or run the same suite in code-server: npm run test:vscode`,
    );
  }
}

/** @returns {Promise<number>} the exit status */
async function main() {
  if (!existsSync(SUITE_PATH)) throw new Error(`${path.relative(ROOT, SUITE_PATH)} is missing: run \`npm run build\` first (npm run test:electron does).`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    say('warning: no DISPLAY; desktop VS Code needs one (xvfb-run -a npm run test:electron)');
  }
  const executable = await vscodeExecutable();
  const workspace = await prepareWorkspace();
  try {
    const userDataDir = path.join(workspace.root, 'user-data');
    await fs.mkdir(path.join(userDataDir, 'User'), { recursive: true });
    await fs.writeFile(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify(TEST_SETTINGS, null, 2),
    );
    /** @type {Record<string, string>} */
    const extensionTestsEnv = { [RESULT_ENV]: workspace.resultFile };
    if (process.env.DRPLAN_VSCODE_GREP) extensionTestsEnv.DRPLAN_VSCODE_GREP = process.env.DRPLAN_VSCODE_GREP;
    let exitCode;
    try {
      exitCode = await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: SUITE_PATH,
        extensionTestsEnv,
        launchArgs: [
          workspace.folder,
          '--disable-extensions', // other extensions, not the one under development
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${userDataDir}`,
          `--extensions-dir=${path.join(workspace.root, 'extensions')}`,
        ],
      });
    } catch (error) {
      // runTests rejects when VS Code exits non-zero (failed tests, or it did not start).
      exitCode = error instanceof Error ? error.message : String(error);
    }
    if (!existsSync(workspace.resultFile)) {
      throw new Error(`VS Code ended (${exitCode}) without a test result: it did not start, or the suite did not load. See its output above.`);
    }
    const result = JSON.parse(await fs.readFile(workspace.resultFile, 'utf8'));
    if (result.failures.length) console.log('\nFailed:');
    for (const failure of result.failures) console.log(`  ${failure.title}: ${String(failure.error).split('\n')[0]}`);
    console.log(`\n[test:electron] ${result.host.appName} ${result.host.vscodeVersion}: ${result.passed + result.failed + result.pending} tests in ${(result.durationMs / 1000).toFixed(1)}s`);
    console.log(`${result.passed} passed, ${result.failed} failed`);
    return result.failed === 0 && result.passed > 0 ? 0 : 1;
  } finally {
    await workspace.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[test:electron] ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
