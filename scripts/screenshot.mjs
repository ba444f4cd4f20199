#!/usr/bin/env node
// Developer tool: a PNG of the real VS Code workbench (code-server + headless Chromium) with the
// extension under development and a file open.
//
//   node scripts/screenshot.mjs [--file examples/x.drplan.yaml] [--out shots/NAME.png] [--problems]
//       [--folder DIR] [--ext PATH | --no-ext] [--wait MS] [--theme "Default Light Modern"]
//       [--size 1400x900] [--console] [--quick-open] [--command drplan.openPreviewToSide]
//
//   --file      file to open (default: the first *.drplan.yaml in the folder, if any)
//   --out       PNG path (default: shots/<file name>[-problems].png)
//   --problems  also open the Problems panel (Ctrl+Shift+M)
//   --folder    workspace folder (default: examples/ if the file is in it, else the file's folder)
//   --ext       extensionDevelopmentPath (default: the project root); --no-ext loads none
//   --wait      ms to wait after the file is open, for the language server (default 5000)
//   --console   print the browser console (extension host output shows up there)
//   --quick-open open the file through Quick Open (Ctrl+P) instead of the URL's openFile payload
//   --command   run a command of the extension (by id) through the Command Palette once the file is
//               open, then wait --wait ms again (e.g. drplan.openPreviewToSide)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureChromium, ensureCodeServer, launchBrowser, startCodeServer, workbenchUrl } from './lib/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m) => process.stderr.write(`[screenshot] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let parsed;
try {
  parsed = parseArgs({
    options: {
      file: { type: 'string' },
      out: { type: 'string' },
      problems: { type: 'boolean', default: false },
      folder: { type: 'string' },
      ext: { type: 'string' },
      'no-ext': { type: 'boolean', default: false },
      wait: { type: 'string', default: '5000' },
      theme: { type: 'string' },
      size: { type: 'string', default: '1400x900' },
      console: { type: 'boolean', default: false },
      'quick-open': { type: 'boolean', default: false },
      command: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  console.error(`[screenshot] ${e.message} (--help lists the options)`);
  process.exit(1);
}
const opt = parsed.values;
if (opt.help) {
  const src = await fs.readFile(fileURLToPath(import.meta.url), 'utf8');
  console.log(src.split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}

function resolveInputs() {
  const file = opt.file ? path.resolve(opt.file) : null;
  if (file && !existsSync(file)) throw new Error(`--file does not exist: ${file}`);
  let folder;
  if (opt.folder) folder = path.resolve(opt.folder);
  else if (!file || file.startsWith(path.join(ROOT, 'examples') + path.sep)) folder = path.join(ROOT, 'examples');
  else folder = path.dirname(file);
  if (!existsSync(folder)) throw new Error(`folder does not exist: ${folder}`);
  let target = file;
  if (!target) {
    const first = readdirSync(folder).filter((n) => /\.drplan\.ya?ml$/.test(n)).sort()[0];
    if (first) target = path.join(folder, first);
  }
  if (target && !target.startsWith(folder + path.sep)) {
    throw new Error(`the file ${target} is not inside the folder ${folder}`);
  }
  const ext = opt['no-ext'] ? null : path.resolve(opt.ext ?? ROOT);
  if (ext && !existsSync(path.join(ext, 'package.json'))) throw new Error(`--ext has no package.json: ${ext}`);
  const name = target ? path.basename(target).replace(/\.(drplan\.)?ya?ml$/, '') : path.basename(folder);
  const out = path.resolve(opt.out ?? path.join(ROOT, 'shots', `${name}${opt.problems ? '-problems' : ''}.png`));
  const [w, h] = opt.size.split('x').map(Number);
  if (!(w > 0 && h > 0)) throw new Error(`--size must look like 1400x900, got ${opt.size}`);
  const wait = Number(opt.wait);
  if (!(wait >= 0)) throw new Error(`--wait must be a number of milliseconds`);
  return { file: target, folder, ext, out, viewport: { width: w, height: h }, wait };
}

async function main() {
  const t0 = Date.now();
  const { file, folder, ext, out, viewport, wait } = resolveInputs();
  if (ext && ext === ROOT && !existsSync(path.join(ROOT, 'dist', 'client', 'extension.js'))) {
    log('warning: dist/client/extension.js is missing (run `npm run build`); the extension will fail to activate');
  }
  const [exe] = await Promise.all([ensureCodeServer(), ensureChromium()]);

  const settings = opt.theme ? { 'workbench.colorTheme': opt.theme } : {};
  let server;
  let browser;
  const watchdog = setTimeout(() => {
    log('timed out after 5 minutes');
    process.exit(2); // the exit handlers kill code-server
  }, 5 * 60_000);
  try {
    server = await startCodeServer({ exe, folder, settings });
    const url = workbenchUrl({ base: server.url, folder, extensionDevelopmentPath: ext ?? undefined, openFile: (!opt['quick-open'] && file) || undefined });
    log(`workbench: ${url}`);

    browser = await launchBrowser({ viewport });
    const { page } = browser;
    const consoleLines = [];
    page.on('console', (m) => {
      const where = m.type() === 'error' && m.location()?.url ? ` (${m.location().url})` : '';
      const line = `[console.${m.type()}] ${m.text()}${where}`;
      consoleLines.push(line);
      if (opt.console) process.stderr.write(line + '\n');
    });
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // The explorer shows the folder once the remote connection is up.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 }).catch(() => {
      log('warning: the explorer did not list the folder within 60s');
    });
    log(`workbench rendered after ${((Date.now() - t0) / 1000).toFixed(1)}s`);

    if (file) {
      const base = path.basename(file);
      const tab = page.locator(`.tabs-container .tab[data-resource-name="${base}"], .tabs-container .tab[aria-label^="${base}"]`).first();
      const opened = !opt['quick-open'] && (await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false));
      if (!opened) {
        log(`${opt['quick-open'] ? 'opening' : 'openFile payload did not open the file; opening'} it through Quick Open (Ctrl+P)`);
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
        await page.keyboard.type(path.relative(folder, file), { delay: 20 });
        // Enter only once the file search (ripgrep on the server) has listed it.
        await page
          .locator('.quick-input-widget .monaco-list-row', { hasText: base })
          .first()
          .waitFor({ timeout: 15_000 });
        await sleep(300);
        await page.keyboard.press('Enter');
        await tab.waitFor({ timeout: 15_000 });
      }
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 15_000 });
      log(`opened ${path.relative(folder, file)}; waiting ${wait}ms for the language server`);
    }
    await sleep(wait);

    if (opt.command) {
      const title = commandTitle(opt.command);
      log(`running ${opt.command} (${title}) through the Command Palette`);
      await focusEditor(page);
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
      await page.keyboard.type(title, { delay: 10 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await sleep(wait);
    }

    if (opt.problems) {
      // Focus the editor (without moving its cursor) so the keybinding reaches VS Code.
      const focused = await page
        .locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea')
        .first()
        .focus({ timeout: 3000 })
        .then(() => true, () => false);
      if (!focused) await page.locator('.monaco-workbench .part.statusbar').click().catch(() => {});
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel-container, .markers-panel', { timeout: 10_000 }).catch(() => {
        log('warning: the Problems panel did not appear');
      });
      await sleep(1000);
    }

    const mode = await page.locator('#status\\.editor\\.mode').first().innerText({ timeout: 2000 }).catch(() => '');
    if (mode) log(`status bar language mode: ${mode.trim()}`);
    const problems = await page.locator('#status\\.problems').first().innerText({ timeout: 2000 }).catch(() => '');
    if (problems) log(`status bar problems: ${problems.replace(/\s+/g, ' ').trim()}`);
    const toasts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => []);
    for (const t of toasts) log(`notification: ${t.trim()}`);

    await fs.mkdir(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    // Known and harmless offline: no proprietary `vsda` in code-server, no extension gallery.
    const benign = /vsda|open-vsx\.org|ERR_NAME_NOT_RESOLVED/;
    const errors = consoleLines.filter((l) => /^\[(console\.error|pageerror)\]/.test(l) && !benign.test(l));
    if (errors.length && !opt.console) log(`${errors.length} console error(s) in the page; --console shows them`);
    log(`saved ${out} (${((Date.now() - t0) / 1000).toFixed(1)}s in all)`);
    console.log(out);
  } finally {
    clearTimeout(watchdog);
    await browser?.close();
    await server?.stop();
  }
}

/** "Category: Title" of a contributed command, in English (code-server's default language). */
function commandTitle(id) {
  const read = (name) => JSON.parse(readFileSync(path.join(ROOT, name), 'utf8'));
  const manifest = read('package.json');
  const nls = read('package.nls.json');
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`--command: package.json contributes no command ${id}`);
  const text = (value) => (value ?? '').replace(/^%(.+)%$/, (_, key) => nls[key] ?? key);
  return command.category ? `${text(command.category)}: ${text(command.title)}` : text(command.title);
}

/** Focuses the editor without moving its cursor, so that keybindings reach VS Code. */
async function focusEditor(page) {
  const focused = await page
    .locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea')
    .first()
    .focus({ timeout: 3000 })
    .then(() => true, () => false);
  if (!focused) await page.locator('.monaco-workbench .part.statusbar').click().catch(() => {});
}

main().catch((e) => {
  console.error(`[screenshot] ${process.env.DEBUG ? e.stack : e.message}`);
  process.exit(1);
});
