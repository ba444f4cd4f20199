// The VS Code suite (test/vscode/, bundled to dist/test/vscode/) in a real VS Code: code-server
// plus headless Chromium here (see code-server.mjs), @vscode/test-electron elsewhere
// (scripts/test-electron.mjs). Plain Node ESM, no build step; types in vscode-suite.d.mts.
//
// Exports:
//   SUITE_PATH, BENCH_PATH       the bundled extensionTestsPath entries (after `npm run build`)
//   RESULT_ENV                   env var naming the result file the suite writes
//   TEST_SETTINGS                user settings for a fresh test window
//   prepareWorkspace()           -> { root, folder, resultFile, cleanup() }: a temporary copy of
//                                   examples/ and test/fixtures/ the tests may edit
//   stageExtension(root, dest)   copies the extension as VS Code loads it (a consistent build)
//   runSuiteInCodeServer({...})  -> { runs: [{ result, wallMs }], codeServerStartMs, workspace }
//   benchActivation({...})       -> activation figures (see its comment), for bench/run.ts
//   bundleSizes()                -> bytes of the shipped bundles in dist/

import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SETTINGS, ensureChromium, ensureCodeServer, launchBrowser, startCodeServer, workbenchUrl } from './code-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE_PATH = path.join(ROOT, 'dist', 'test', 'vscode', 'index.js');
export const BENCH_PATH = path.join(ROOT, 'dist', 'test', 'vscode', 'bench', 'index.js');
export const RESULT_ENV = 'DRPLAN_VSCODE_RESULT';

/** User settings for a fresh test window: quiet, nothing restored, no hot exit. */
export const TEST_SETTINGS = { ...DEFAULT_SETTINGS, 'files.hotExit': 'off', 'window.restoreWindows': 'none', 'workbench.editor.restoreViewState': false };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => process.stderr.write(`[vscode-suite] ${m}\n`);

/**
 * A temporary workspace the tests may edit freely:
 *   <root>/workspace/examples/   copy of examples/
 *   <root>/workspace/fixtures/   copy of test/fixtures/
 *   <root>/result.json           where the suite writes its result (next to the workspace)
 * Removed by cleanup(), and in any case when this process exits.
 */
export async function prepareWorkspace() {
  const root = await fs.mkdtemp(path.join(tmpdir(), 'drplan-vscode-'));
  const onExit = () => rmSync(root, { recursive: true, force: true });
  process.on('exit', onExit);
  const folder = path.join(root, 'workspace');
  await fs.mkdir(folder);
  await fs.cp(path.join(ROOT, 'examples'), path.join(folder, 'examples'), { recursive: true });
  await fs.cp(path.join(ROOT, 'test', 'fixtures'), path.join(folder, 'fixtures'), { recursive: true });
  return {
    root,
    folder,
    resultFile: path.join(root, 'result.json'),
    async cleanup() {
      process.off('exit', onExit);
      await fs.rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** What test/vscode/report.ts puts before each line the suite logs. */
export const LOG_PREFIX = '[drplan-test] ';
/** A suite line that only says which test is running (report.ts `running()`). */
const RUNNING_MARK = '\u0001running ';

/**
 * Splits a console message of the workbench page into the suite's lines (marked with LOG_PREFIX,
 * returned without it) and the rest. code-server's workbench logs the extension host's console
 * as `%c INFO color: #33f <text>` (ERR, WARN likewise), next to its own messages.
 */
function splitConsole(text) {
  const m = /^%c\s*(\w+)\s+color: #[0-9a-fA-F]+ ([\s\S]*)$/.exec(text);
  const body = m ? m[2] : text;
  const suite = [];
  const other = [];
  for (const line of body.split('\n')) {
    if (line.startsWith(LOG_PREFIX)) suite.push(line.slice(LOG_PREFIX.length));
    else other.push(line);
  }
  return { suite, other: other.join('\n'), level: m ? m[1] : null };
}

/**
 * Copies the extension as VS Code loads it (package.json and its translations, dist/ with the
 * test bundles, and every file or folder package.json names, e.g. syntaxes/, schemas/) to
 * `dest`. A test run then uses one consistent build, even while other work in the same tree runs
 * `npm run build` (which rewrites dist/ in place) during the run.
 */
export async function stageExtension(root, dest) {
  const manifest = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8'));
  const tops = new Set(['package.json', 'dist']);
  for (const name of await fs.readdir(root)) if (/^package\.nls(\.[\w-]+)?\.json$/.test(name)) tops.add(name);
  const visit = (value) => {
    if (typeof value === 'string') {
      const rel = value.replace(/^\.\//, '');
      const top = rel.split('/')[0];
      if (top && top !== '..' && !rel.includes('://') && /^[\w.-]+$/.test(top) && existsSync(path.join(root, top))) tops.add(top);
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) visit(v);
  };
  visit({ main: manifest.main, browser: manifest.browser, icon: manifest.icon, l10n: manifest.l10n, contributes: manifest.contributes });
  // And what the package lets in (.vscodeignore's `!` lines), e.g. media/ for the preview's page.
  const packaged = await fs.readFile(path.join(root, '.vscodeignore'), 'utf8').catch(() => '');
  for (const line of packaged.split('\n')) if (line.startsWith('!')) visit(line.slice(1).trim());
  for (const top of ['node_modules', '.git']) tops.delete(top);
  await fs.mkdir(dest, { recursive: true });
  for (const top of tops) await fs.cp(path.join(root, top), path.join(dest, top), { recursive: true });
  return [...tops].sort();
}

function missingBuild(file) {
  return new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first (npm run test:vscode does).`);
}

/**
 * Runs a suite bundle (`extensionTestsPath`) in code-server: a fresh user-data and extensions
 * folder, the extension under development from `extensionDevelopmentPath`, the workbench in
 * headless Chromium, `loads` times in a new page each (each page load is a new window with a new
 * extension host), on one code-server. Returns the result JSON of each load.
 *
 * @param {object} [options]
 * @param {string} [options.testsPath]  default SUITE_PATH
 * @param {{ folder: string, resultFile: string }} [options.workspace]  default: a fresh prepareWorkspace(), removed afterwards
 * @param {string} [options.extensionDevelopmentPath]  default: the project root
 * @param {boolean} [options.stage]  run a temporary copy of the extension (stageExtension), default true
 * @param {number} [options.loads]  default 1
 * @param {number} [options.timeoutMs]  for everything, default 5 minutes
 * @param {(line: string) => void} [options.onConsole]  each line the extension host logs (default: none)
 * @param {(line: string) => void} [options.onWorkbenchError]  errors of the workbench page (default: none)
 * @param {Record<string, string>} [options.env]  more environment for code-server and its extension host
 */
export async function runSuiteInCodeServer({
  testsPath = SUITE_PATH,
  workspace,
  extensionDevelopmentPath = ROOT,
  stage = true,
  loads = 1,
  timeoutMs = 5 * 60_000,
  onConsole = () => {},
  onWorkbenchError = () => {},
  env = {},
} = {}) {
  if (!existsSync(testsPath)) throw missingBuild(testsPath);
  if (!existsSync(path.join(extensionDevelopmentPath, 'dist', 'client', 'extension.js'))) {
    throw missingBuild(path.join(extensionDevelopmentPath, 'dist', 'client', 'extension.js'));
  }
  const deadline = Date.now() + timeoutMs;
  const remaining = () => deadline - Date.now();
  const ownWorkspace = !workspace;
  workspace ??= await prepareWorkspace();
  let server;
  let browser;
  let staged;
  const removeStaged = () => staged && rmSync(staged, { recursive: true, force: true });
  try {
    if (stage) {
      // The tests bundle goes along when it lies inside the extension (dist/test/vscode).
      staged = await fs.mkdtemp(path.join(tmpdir(), 'drplan-ext-'));
      process.on('exit', removeStaged);
      const dest = path.join(staged, 'extension');
      await stageExtension(extensionDevelopmentPath, dest);
      const relTests = path.relative(extensionDevelopmentPath, testsPath);
      if (!relTests.startsWith('..') && !path.isAbsolute(relTests)) testsPath = path.join(dest, relTests);
      extensionDevelopmentPath = dest;
    }
    const [exe] = await Promise.all([ensureCodeServer(), ensureChromium()]);
    const t0 = Date.now();
    server = await startCodeServer({
      exe,
      folder: workspace.folder,
      env: { ...env, [RESULT_ENV]: workspace.resultFile },
      timeoutMs: Math.min(90_000, remaining()),
      settings: TEST_SETTINGS,
    });
    const codeServerStartMs = Date.now() - t0;
    const url = workbenchUrl({ base: server.url, folder: workspace.folder, extensionDevelopmentPath, extensionTestsPath: testsPath });
    browser = await launchBrowser();

    const runs = [];
    let currentTest = null;
    let loadError = null;
    for (let load = 1; load <= loads; load++) {
      currentTest = null;
      loadError = null;
      await fs.rm(workspace.resultFile, { force: true });
      const page = load === 1 ? browser.page : await browser.context.newPage();
      page.on('console', (message) => {
        const { suite, other, level } = splitConsole(message.text());
        for (const line of suite) {
          if (line.startsWith(RUNNING_MARK)) currentTest = line.slice(RUNNING_MARK.length);
          else onConsole(line);
        }
        if (other.trim() && (message.type() === 'error' || level === 'ERR')) {
          onWorkbenchError(other);
          // e.g. "Cannot find module '…/index.js'", or an exception while loading it: the extension
          // host gives up on the tests and no result will come.
          if (other.includes(testsPath)) loadError ??= other;
        }
      });
      page.on('pageerror', (error) => onWorkbenchError(`page error: ${error.message}`));
      const started = Date.now();
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, Math.min(60_000, remaining())) });
      const result = await waitForResult(workspace.resultFile, { deadline, server, page, load, loadError: () => loadError }).catch((error) => {
        error.message += currentTest ? ` while running: ${currentTest}` : ' (no test had started: did the extension host load the suite?)';
        throw error;
      });
      runs.push({ result, wallMs: Date.now() - started });
      if (loads > 1) await page.close().catch(() => {});
    }
    return { runs, codeServerStartMs, workspace: workspace.folder };
  } catch (error) {
    if (server && !server.stopping) error.message += `\n--- code-server's last output ---\n${server.logs(30)}`;
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
    if (ownWorkspace) await workspace.cleanup();
    if (staged) {
      process.off('exit', removeStaged);
      await fs.rm(staged, { recursive: true, force: true });
    }
  }
}

/** Waits for the result file the suite writes (atomically), while code-server and the page live. */
async function waitForResult(file, { deadline, server, page, load, loadError }) {
  for (;;) {
    // The suite writes its result before run() rejects (which the extension host then logs).
    const failedToLoad = loadError();
    if (existsSync(file)) {
      const text = await fs.readFile(file, 'utf8');
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new Error(`the result file ${file} is not JSON: ${error.message}`);
      }
    }
    if (failedToLoad) throw new Error(`the extension host could not run the suite: ${failedToLoad.split('\n').slice(0, 4).join('\n')}`);
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      throw new Error(`code-server exited (${server.process.signalCode ?? `exit ${server.process.exitCode}`}) before the suite reported`);
    }
    if (page.isClosed()) throw new Error('the workbench page closed before the suite reported');
    if (Date.now() > deadline) {
      const e = new Error(`timed out: the suite did not report within the time-out (page load ${load})`);
      e.timedOut = true;
      throw e;
    }
    await sleep(200);
  }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round(((s[mid - 1] + s[mid]) / 2) * 10) / 10;
};

/** Bytes of the shipped bundles as they are in dist/ now (minified only after `build --minify`). */
export function bundleSizes(files = ['dist/client/extension.js', 'dist/server.js', 'dist/language-service.js', 'dist/pdf-engine.js'], root = ROOT) {
  const sizes = {};
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    const bytes = statSync(full).size;
    sizes[file] = { bytes, gzipBytes: gzipSync(readFileSync(full)).length };
  }
  return sizes;
}

/**
 * The activation benchmark: `loads` fresh VS Code windows (code-server, one page load each, a new
 * extension host each time), each measuring in the extension host, before anything else has
 * activated the extension:
 *   activateMs          vscode.extensions.getExtension('drplan.drplan').activate() → resolved
 *   clientRunningMs     the same call → language client state Running
 *   firstDiagnosticsMs  openTextDocument(examples/plone-intranet.drplan.yaml) → its diagnostics
 * `extensionDevelopmentPath` may point at another build of the extension (e.g. a copy with the
 * minified bundles, as packaged); `bundles` gives the sizes of its dist/client/extension.js and
 * dist/server.js.
 *
 * @returns {Promise<{ loads: number, samples: object[], median: { activateMs: number, clientRunningMs: number, firstDiagnosticsMs: number },
 *   host: object, codeServerStartMs: number, windowLoadMs: number[], bundles: object }>}
 */
export async function benchActivation({ loads = 3, timeoutMs = 5 * 60_000, onConsole, extensionDevelopmentPath = ROOT } = {}) {
  const { runs, codeServerStartMs } = await runSuiteInCodeServer({ testsPath: BENCH_PATH, loads, timeoutMs, onConsole, extensionDevelopmentPath });
  const failed = runs.filter((r) => r.result.failed > 0);
  if (failed.length) throw new Error(`the activation benchmark failed: ${failed.map((r) => r.result.failures?.[0]?.error).join('\n')}`);
  const samples = runs.map((r) => r.result.bench);
  return {
    loads,
    samples,
    median: {
      activateMs: median(samples.map((s) => s.activateMs)),
      clientRunningMs: median(samples.map((s) => s.clientRunningMs)),
      firstDiagnosticsMs: median(samples.map((s) => s.firstDiagnosticsMs)),
    },
    host: runs[0].result.host,
    codeServerStartMs,
    windowLoadMs: runs.map((r) => r.wallMs),
    bundles: bundleSizes(undefined, extensionDevelopmentPath),
  };
}
