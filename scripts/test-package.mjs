#!/usr/bin/env node
// `npm run test:package` (after `npm run package`): the packaged drplan-<version>.vsix, as a user
// gets it.
//   1. the .vsix holds the bundled code and the contributed files, and no sources, tests,
//      node_modules or source maps;
//   2. it installs into a CLEAN code-server (fresh --extensions-dir and --user-data-dir) with
//      `code-server --install-extension`;
//   3. the installed CLI and language server run without any node_modules;
//   4-6. code-server started with that extensions dir (no extensionDevelopmentPath) on a copy of
//      examples/ plus a broken plan: opening the broken plan in headless Chromium shows the
//      language mode "DR-Plan", an error count >= 1 in the status bar, and an `rto-exceeded` entry
//      in the Problems panel;
//   7. the Extensions view lists it as installed, with its icon.
// Saves shots/package-rto-exceeded.png and shots/package-extensions.png. Prints `N passed, N failed`; exit status 1 on failure.
//
//   node scripts/test-package.mjs [--vsix FILE] [--keep]   (--keep: leave the temp folder)

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureChromium, ensureCodeServer, launchBrowser, startCodeServer, workbenchUrl } from './lib/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROKEN = path.join(ROOT, 'test', 'fixtures', 'codes', 'rto-exceeded.drplan.yaml');
const SHOT = path.join(ROOT, 'shots', 'package-rto-exceeded.png');
const SHOT_EXTENSIONS = path.join(ROOT, 'shots', 'package-extensions.png');
/** A Problems panel row of the diagnostic, showing "drplan(rto-exceeded)" (innerText: "drplan\nrto-exceeded"), not the file's row. */
const MARKER = /\bdrplan\s*\(?\s*rto-exceeded\b/;
/** A .vsix above this is a sign that something unbundled slipped in. */
// The PDF engine and its embedded fonts (pdfmake, Roboto: dist/pdf-engine.js) make up most of it.
const MAX_VSIX_BYTES = 3 * 1024 * 1024;

const log = (m) => process.stderr.write(`[test-package] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { values: opt } = parseArgs({ options: { vsix: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const vsix = path.resolve(opt.vsix ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));

// ---------------------------------------------------------------------------
// tiny test harness: each group is one test; a group fails at its first failed assertion

let passed = 0;
let failed = 0;

class AssertionError extends Error {}
function assert(ok, message) {
  if (!ok) throw new AssertionError(message);
}

/** drplan/exportPdf of `plan` from the language server at `server`, over stdio: the PDF's bytes. */
async function exportOverStdio(server, plan, env, cwd) {
  const { spawn } = await import('node:child_process');
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node.js');
  const child = spawn(process.execPath, [server, '--stdio'], { env, cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = `file://${plan}`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'drplan', version: 1, text: readFileSync(plan, 'utf8') } });
    const result = await connection.sendRequest('drplan/exportPdf', { textDocument: { uri } });
    return Buffer.from(result?.data ?? '', 'base64');
  } finally {
    connection.dispose();
    child.kill();
  }
}

async function group(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${(e instanceof AssertionError ? e.message : e.stack ?? String(e)).replace(/\n/g, '\n  ')}`);
    return false;
  }
}

function skip(name, why) {
  failed++;
  console.log(`not ok - ${name} # not run: ${why}`);
}

// ---------------------------------------------------------------------------
// the .vsix is a zip: its names from the central directory, without unzip

function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AssertionError('not a zip file (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new AssertionError(`broken zip central directory at entry ${n}`);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

// ---------------------------------------------------------------------------

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...options });
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  return r;
}

/** The environment for code-server's CLI and for the bundled tools: no VS Code, no NODE_PATH. */
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  return env;
}

async function main() {
  if (!existsSync(vsix)) {
    throw new Error(`${vsix} does not exist; run \`npm run package\` first (npm run test:package does).`);
  }
  const tmp = await fs.mkdtemp(path.join(tmpdir(), 'drplan-package-'));
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  const folder = path.join(tmp, 'workspace');
  const configFile = path.join(tmp, 'config.yaml');
  const xdgData = path.join(tmp, 'xdg-data');
  await Promise.all([extensionsDir, userDataDir, xdgData].map((d) => fs.mkdir(d, { recursive: true })));
  await fs.writeFile(configFile, 'auth: none\n');
  await fs.cp(path.join(ROOT, 'examples'), folder, { recursive: true });
  await fs.copyFile(BROKEN, path.join(folder, path.basename(BROKEN)));
  const brokenCopy = path.join(folder, path.basename(BROKEN));

  let server;
  let browser;
  const watchdog = setTimeout(() => {
    log('timed out after 6 minutes');
    process.exit(2); // code-server.mjs's exit handler kills code-server
  }, 6 * 60_000);
  try {
    // 1 -----------------------------------------------------------------
    await group(`${path.basename(vsix)}: bundled code only`, async () => {
      const bytes = statSync(vsix).size;
      const entries = zipEntries(readFileSync(vsix));
      const names = entries.map((e) => e.name);
      log(`${path.basename(vsix)}: ${(bytes / 1024).toFixed(1)} KiB, ${names.length} entries`);
      const required = [
        'extension.vsixmanifest',
        'extension/package.json',
        'extension/dist/client/extension.js',
        'extension/dist/server.js',
        'extension/dist/language-service.js',
        'extension/dist/pdf-engine.js',
        'extension/dist/pdf-worker.js',
        'extension/dist/cli.js',
        'extension/dist/web/extension.js',
        'extension/dist/web/server.js',
        'extension/language-configuration.json',
        'extension/LICENSE.txt',
        'extension/changelog.md',
        'extension/readme.md',
        `extension/${manifest.icon}`,
        ...['package.nls.json', 'package.nls.de.json'].map((f) => `extension/${f}`),
      ];
      // every file the manifest points at
      const c = manifest.contributes ?? {};
      for (const list of [c.languages, c.grammars, c.snippets]) {
        for (const item of list ?? []) {
          for (const key of ['path', 'configuration']) if (item[key]) required.push(`extension/${path.posix.normalize(item[key])}`);
        }
      }
      for (const v of c.yamlValidation ?? []) if (v.url?.startsWith('./')) required.push(`extension/${path.posix.normalize(v.url)}`);
      if (manifest.l10n) required.push(`extension/${path.posix.normalize(manifest.l10n)}/bundle.l10n.de.json`);
      const missing = required.filter((r) => !names.includes(r));
      assert(missing.length === 0, `missing from the .vsix: ${missing.join(', ')}`);
      const forbidden = names.filter((n) =>
        /\.map$|\.ts$|(^|\/)node_modules\/|^extension\/(client|server|test|scripts|bench|docs|examples|shots|\.ci)\/|tsconfig|\.vsix$|package-lock\.json$/.test(n),
      );
      assert(forbidden.length === 0, `must not be in the .vsix: ${forbidden.slice(0, 10).join(', ')}${forbidden.length > 10 ? ' …' : ''}`);
      assert(bytes < MAX_VSIX_BYTES, `the .vsix is ${bytes} bytes, more than ${MAX_VSIX_BYTES}`);
    });

    // 2 -----------------------------------------------------------------
    const exe = await ensureCodeServer();
    const installedDir = path.join(extensionsDir, `${extensionId}-${manifest.version}`);
    const csEnv = cleanEnv({ XDG_DATA_HOME: xdgData });
    const csArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    const installed = await group('installs into a clean code-server with --install-extension', async () => {
      const r = run(exe, [...csArgs, '--install-extension', vsix], { env: csEnv, cwd: tmp });
      assert(r.status === 0, `code-server --install-extension exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
      assert(existsSync(path.join(installedDir, 'package.json')), `no ${installedDir}/package.json after the install:\n${r.stdout}\n${r.stderr}`);
      const list = run(exe, [...csArgs, '--list-extensions', '--show-versions'], { env: csEnv, cwd: tmp });
      const ids = list.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
      assert(ids.includes(`${extensionId}@${manifest.version}`), `--list-extensions shows ${JSON.stringify(ids)}, not ${extensionId}@${manifest.version}`);
      log(`installed: ${ids.join(', ')}`);
    });

    // 3 -----------------------------------------------------------------
    let rtoLine; // 1-based line of the rto-exceeded diagnostic, as the installed CLI reports it
    if (!installed) skip('installed CLI and language server run without node_modules', 'not installed');
    else
      await group('installed CLI and language server run without node_modules', async () => {
        // The temp folder has no node_modules above it: every require must be bundled.
        const env = cleanEnv();
        const version = run(process.execPath, [path.join(installedDir, 'dist', 'server.js'), '--version'], { env, cwd: tmp });
        assert(version.status === 0 && version.stdout.trim() === manifest.version, `server.js --version: exit ${version.status}, ${JSON.stringify(version.stdout)} ${version.stderr}`);
        const cli = run(process.execPath, [path.join(installedDir, 'dist', 'cli.js'), 'check', '--format', 'json', '--lang', 'en', brokenCopy], { env, cwd: tmp });
        assert(cli.status === 1, `cli.js check on the broken plan: exit ${cli.status} (want 1: errors found)\n${cli.stderr}`);
        let diagnostics;
        try {
          diagnostics = JSON.parse(cli.stdout);
        } catch {
          throw new AssertionError(`cli.js check --format json printed no JSON (exit ${cli.status}):\n${cli.stdout}${cli.stderr}`.trimEnd());
        }
        const rto = diagnostics.find((d) => d.code === 'rto-exceeded');
        assert(rto, `cli.js check found ${JSON.stringify(diagnostics.map((d) => d.code))}, no rto-exceeded`);
        rtoLine = rto.range.start.line + 1;
        const good = run(process.execPath, [path.join(installedDir, 'dist', 'cli.js'), 'check', path.join(folder, 'plone-intranet.drplan.yaml')], { env, cwd: tmp });
        assert(good.status === 0, `cli.js check on the example: exit ${good.status}\n${good.stdout}${good.stderr}`);
        // The PDF engine is a bundle of its own (dist/pdf-engine.js), required on the first export.
        const pdf = path.join(tmp, 'example.pdf');
        const render = run(process.execPath, [path.join(installedDir, 'dist', 'cli.js'), 'render', '--format', 'pdf', '-o', pdf, path.join(folder, 'plone-intranet.drplan.yaml')], { env, cwd: tmp });
        assert(render.status === 0, `cli.js render --format pdf on the example: exit ${render.status}\n${render.stdout}${render.stderr}`);
        assert(readFileSync(pdf).subarray(0, 5).toString('latin1') === '%PDF-', 'cli.js render wrote no PDF');
        // The language server makes PDFs in its worker (dist/pdf-worker.js, which requires the engine).
        const exported = await exportOverStdio(path.join(installedDir, 'dist', 'server.js'), path.join(folder, 'plone-intranet.drplan.yaml'), env, tmp);
        assert(exported.subarray(0, 5).toString('latin1') === '%PDF-', 'server.js answered drplan/exportPdf without a PDF');
      });

    // 4-6 ---------------------------------------------------------------
    const workbench = ['language mode is "DR-Plan"', 'status bar counts >= 1 error', 'Problems panel lists rto-exceeded', 'Extensions view lists the installed extension with its icon'];
    if (!installed) {
      for (const name of workbench) skip(`workbench: ${name}`, 'not installed');
      return;
    }
    await ensureChromium();
    server = await startCodeServer({ exe, folder, extensionsDir, userDataDir, env: { XDG_DATA_HOME: xdgData } });
    const url = workbenchUrl({ base: server.url, folder, openFile: brokenCopy }); // no extensionDevelopmentPath
    log(`workbench: ${url}`);
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
    const { page } = browser;
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 }).catch(() => log('warning: the explorer did not list the folder within 60s'));

    const base = path.basename(brokenCopy);
    const tab = page.locator(`.tabs-container .tab[data-resource-name="${base}"], .tabs-container .tab[aria-label^="${base}"]`).first();
    if (!(await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
      log('openFile payload did not open the file; opening it through Quick Open (Ctrl+P)');
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
      await page.keyboard.type(base, { delay: 20 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first().waitFor({ timeout: 15_000 });
      await sleep(300);
      await page.keyboard.press('Enter');
      await tab.waitFor({ timeout: 15_000 });
    }
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 15_000 });
    log(`opened ${base}`);

    const poll = async (fn, ok, timeoutMs) => {
      const t0 = Date.now();
      let value;
      for (;;) {
        value = await fn().catch(() => undefined);
        if (ok(value) || Date.now() - t0 > timeoutMs) return value;
        await sleep(250);
      }
    };

    await group(`workbench: ${workbench[0]}`, async () => {
      const mode = await poll(() => page.locator('#status\\.editor\\.mode').first().innerText({ timeout: 1000 }), (v) => v?.trim() === 'DR-Plan', 20_000);
      assert(mode?.trim() === 'DR-Plan', `status bar language mode: ${JSON.stringify(mode)}`);
    });

    await group(`workbench: ${workbench[1]}`, async () => {
      // The problems item reads e.g. "1 0 11" (errors, warnings, infos); its aria-label spells it out.
      const errors = await poll(
        async () => {
          const item = page.locator('#status\\.problems').first();
          const label = (await item.getAttribute('aria-label', { timeout: 1000 })) ?? (await item.innerText({ timeout: 1000 }));
          const m = /(\d+)\s*(errors?|Fehler)/i.exec(label) ?? /^\s*(\d+)/.exec(await item.innerText({ timeout: 1000 }));
          return m ? { n: Number(m[1]), label } : { n: 0, label };
        },
        (v) => v?.n >= 1,
        45_000,
      );
      log(`status bar problems: ${errors?.label?.replace(/\s+/g, ' ')}`);
      assert(errors?.n >= 1, `status bar problems: ${JSON.stringify(errors?.label)} (want >= 1 error)`);
    });

    await group(`workbench: ${workbench[2]}`, async () => {
      const focused = await page
        .locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea')
        .first()
        .focus({ timeout: 3000 })
        .then(() => true, () => false);
      if (!focused) await page.locator('.monaco-workbench .part.statusbar').click().catch(() => {});
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel-container, .markers-panel', { timeout: 10_000 });
      const rows = await poll(
        () => page.locator('.markers-panel .monaco-list-row').allInnerTexts(),
        (v) => v?.some((t) => MARKER.test(t)),
        20_000,
      );
      await sleep(500);
      await fs.mkdir(path.dirname(SHOT), { recursive: true });
      await page.screenshot({ path: SHOT });
      log(`saved ${path.relative(ROOT, SHOT)}`);
      // The file's own row ("rto-exceeded.drplan.yaml 12") does not count: the marker row shows
      // "Recovery takes 10 hours, … drplan(rto-exceeded) [Ln 14, Col 20]".
      const hit = rows?.find((t) => MARKER.test(t));
      assert(hit, `no drplan(rto-exceeded) entry in the Problems panel; rows: ${JSON.stringify(rows?.slice(0, 8))}`);
      if (rtoLine) assert(new RegExp(`Ln ${rtoLine}\\b`).test(hit), `the rto-exceeded entry is not at line ${rtoLine} as from the CLI: ${JSON.stringify(hit)}`);
      log(`Problems panel: ${hit.replace(/\s*\n\s*/g, ' | ').trim()}`);
    });

    await group(`workbench: ${workbench[3]}`, async () => {
      await page.keyboard.press('Control+Shift+X');
      const input = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor').first();
      await input.waitFor({ timeout: 10_000 });
      await input.click();
      await page.keyboard.type('@installed', { delay: 20 });
      await sleep(300);
      await page.keyboard.press('Escape'); // closes the filter suggestions over the list
      const row = page.locator('.extensions-viewlet .extension-list-item', { hasText: manifest.displayName }).first();
      const shown = await row.waitFor({ timeout: 20_000 }).then(() => true, () => false);
      await sleep(1000); // the icon loads after the row
      await page.screenshot({ path: SHOT_EXTENSIONS });
      log(`saved ${path.relative(ROOT, SHOT_EXTENSIONS)}`);
      const names = await page.locator('.extensions-viewlet .extension-list-item .name').allInnerTexts();
      assert(shown, `the Extensions view (@installed) does not list ${JSON.stringify(manifest.displayName)}; it lists ${JSON.stringify(names)}`);
      const icon = await row.locator('img.icon').first().evaluate((img) => ({ src: img.src, w: img.naturalWidth })).catch(() => null);
      assert(icon?.w > 0 && /icon\.png/.test(icon.src), `the extension's icon did not load: ${JSON.stringify(icon)}`);
    });

    if (failed) {
      const errors = consoleLines.filter((l) => /^\[(console\.error|pageerror)\]/.test(l) && !/vsda|open-vsx\.org|ERR_NAME_NOT_RESOLVED/.test(l));
      for (const l of errors.slice(0, 20)) log(l);
      log(`code-server output:\n${server.logs(40)}`);
    }
  } finally {
    clearTimeout(watchdog);
    await browser?.close();
    await server?.stop();
    if (opt.keep) log(`kept ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
  }
}

main()
  .catch((e) => {
    failed++;
    console.log(`not ok - setup\n  ${(e.stack ?? String(e)).replace(/\n/g, '\n  ')}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
