// A person runs a recovery drill (DR-Übung) in the real VS Code workbench (code-server +
// headless Chromium): the code lens above the storage scenario opens the drill panel; the drill
// is started and its steps marked with the keyboard (a note typed, Enter; a step skipped with
// why); the window is reloaded in the middle, and the panel comes back with the drill where it
// was, its clock running on; the extension host is killed right after a step and nothing is lost; what was found is entered, the drill recorded into the plan (saved
// with Ctrl+S, `drplan check` agrees), its Übungsprotokoll exported as PDF, and the preview shows
// the entry. A second, short plan shows the clock past the recovery time and past the RTO, and
// the drill discarded. Screenshots of every step land in shots/e2e/drill-NN-*.png (ignored).
//
//   npm run build && node --test test/e2e/drill.e2e.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { closeWorkbench, openWorkbench, pathSteps, ROOT, SHOTS } from './workbenchPath.mjs';
const PLAN = 'plone-intranet.drplan.yaml';
/** A plan whose scenario has an RTO of one minute: the clock passes it while one waits. */
const SHORT = 'kurz.drplan.yaml';
const STEP_TIMEOUT = 30_000;

const SHORT_PLAN = `drplan: "1"
plan:
  title: Kurzer Plan
  organisation: Beispiel GmbH
  system: Testsystem
  version: "1"
scenarios:
  - id: schnell
    category: software
    type: configuration-error
    prevention:
      - Konfiguration in Git
    recovery:
      - step: Letzte Konfiguration einspielen
        duration: 30 s
    recovery_time: 30 s
    rto: 1 min
    rpo: 0
`;

describe('a person runs a recovery drill in VS Code, with a window reload in the middle', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let page;
  let workspace;
  let shot = 0;
  const screenshot = async (name) => {
    shot += 1;
    await page.screenshot({ path: path.join(SHOTS, `drill-${String(shot).padStart(2, '0')}-${name}.png`) });
  };
  const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');

  /** The page of the drill panel in sight: the webview frame that shows `#drill`. */
  const drillFrame = async () => {
    const deadline = Date.now() + STEP_TIMEOUT;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (await frame.locator('#drill').isVisible().catch(() => false)) return frame;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await screenshot('no-drill-panel');
    assert.fail('no drill panel');
  };

  /** Picks a colour theme as a person does (Ctrl+K Ctrl+T, its name, Enter). */
  const pickTheme = async (theme) => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await quickInput().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await quickInput().fill(theme);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
  };

  /** Runs a command from the palette, as a person does (F1, its title, Enter). */
  const command = async (title) => {
    await page.keyboard.press('F1');
    await quickInput().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await quickInput().fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
  };

  /** Opens a file of the workspace from the explorer, as a person clicks it. */
  const openFile = async (name) => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: STEP_TIMEOUT });
    await row.click();
    // The tab of the file itself, not a preview's ("Preview: <name>"), which may be active in its group.
    const label = page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
    await page.locator('.tabs-container .tab.active', { has: label }).first().waitFor({ timeout: STEP_TIMEOUT });
  };

  /** The extension host under code-server (a process of its, `--type=extensionHost`). */
  const extensionHostPid = async () => {
    const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,ppid=,args=']);
    const rows = stdout.split('\n').map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter(Boolean).map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
    const ours = new Set([server.process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of rows) if (ours.has(row.ppid) && !ours.has(row.pid)) ours.add(row.pid), (grew = true);
    }
    return rows.find((row) => ours.has(row.pid) && row.args.includes('--type=extensionHost'))?.pid;
  };

  /** The elapsed time the panel's clock shows, in seconds. */
  const elapsed = async (frame) => {
    const text = await frame.locator('.drill-time').innerText();
    const [h, m, s] = text.split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };

  before(async () => {
    ({ workspace, server, browser, page } = await openWorkbench('drplan-e2e-drill-', async (folder) => {
      await cp(path.join(ROOT, 'examples'), folder, { recursive: true });
      await writeFile(path.join(folder, SHORT), SHORT_PLAN);
    }));
  });

  after(() => closeWorkbench({ workspace, server, browser }));

  const step = pathSteps(() => screenshot('failed'));

  /** The clock's reading just before the reload. */
  let beforeReload = 0;

  step('opens the drill panel from the code lens above the storage scenario', async () => {
    await openFile(PLAN);
    await page.locator('#status\\.editor\\.mode', { hasText: 'DR-Plan' }).first().waitFor({ timeout: STEP_TIMEOUT });
    const text = await readFile(path.join(workspace, PLAN), 'utf8');
    const line = text.split('\n').indexOf('  - id: storage') + 1;
    await page.keyboard.press('Control+G');
    await quickInput().fill(`:${line}`);
    await page.keyboard.press('Enter');
    // The lens stands in the line above the scenario's first line.
    const scenarioLine = page.locator('.editor-instance .view-line', { hasText: /-\sid:\sstorage$/ }).first();
    await scenarioLine.waitFor({ timeout: STEP_TIMEOUT });
    const lenses = page.locator('.editor-instance .codelens-decoration a', { hasText: 'Run DR drill' });
    await lenses.filter({ visible: true }).first().waitFor({ timeout: 60_000 });
    await screenshot('code-lens');
    // VS Code may draw the lenses anew while they are looked at (a lens gone between counting and
    // measuring it): then look again, a few times.
    let lens;
    for (let attempt = 0; attempt < 10 && !lens; attempt++) {
      if (attempt > 0) await page.waitForTimeout(500);
      const lineTop = (await scenarioLine.boundingBox()).y;
      let best = -Infinity;
      for (let i = 0; i < (await lenses.count()); i++) {
        const box = await lenses.nth(i).boundingBox({ timeout: 2_000 }).catch(() => null);
        if (box && box.y < lineTop && box.y > best) {
          best = box.y;
          lens = lenses.nth(i);
        }
      }
    }
    assert.ok(lens, 'a lens above the storage scenario');
    await lens.click();
    await page.locator('.tabs-container .tab', { hasText: 'DR drill: Ausfall des Storage-Servers' }).first().waitFor({ timeout: STEP_TIMEOUT });
    const frame = await drillFrame();
    await frame.locator('#drill-title', { hasText: 'DR drill: Ausfall des Storage-Servers' }).waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await frame.locator('.drill-step').count(), 3);
    assert.match(await frame.locator('.drill-targets').innerText(), /8 hours/);
    await screenshot('drill-ready');
  });

  step('starts the drill and marks the first step done with the keyboard: a note, Enter', async () => {
    const frame = await drillFrame();
    await frame.locator('button[data-key="start"]').focus();
    await page.keyboard.press('Enter');
    // The focus moves to the first step's "Done"; the note field is one Shift+Tab away.
    await frame.locator('button[data-key="done-0"]:focus').waitFor({ timeout: STEP_TIMEOUT });
    await frame.locator('.drill-time', { hasText: /^0:00:0\d$/ }).waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('drill-started');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Ersatz-Pool aus dem Lager');
    await page.keyboard.press('Enter');
    await frame.locator('.drill-step.done').first().waitFor({ timeout: STEP_TIMEOUT });
    await frame.locator('button[data-key="done-1"]:focus').waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await frame.locator('.drill-step.done').first().innerText(), /measured: 0:00:0\d[\s\S]*Ersatz-Pool aus dem Lager/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    beforeReload = await elapsed(frame);
    await screenshot('drill-first-step-done');
  });

  step('reloads the window in the middle of the drill: the panel comes back with the drill where it was', async () => {
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // Now and then a restored panel shows its page only once its tab is selected.
    const tab = page.locator('.tabs-container .tab', { hasText: 'DR drill: Ausfall des Storage-Servers' }).first();
    await tab.waitFor({ timeout: 60_000 });
    let frame = await drillFrame().catch(() => undefined);
    if (!frame) {
      await tab.click();
      frame = await drillFrame();
    }
    await frame.locator('.drill-step.done').first().waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await frame.locator('.drill-step.done').count(), 1, 'the first step stays done');
    assert.equal(await frame.locator('.drill-step.current').count(), 1, 'the second is the current one');
    assert.match(await frame.locator('.drill-step.done').first().innerText(), /Ersatz-Pool aus dem Lager/);
    // The clock runs on from the drill's start: the time of the reload counts.
    const after = await elapsed(frame);
    assert.ok(after >= beforeReload, `the clock goes on (${beforeReload} s before the reload, ${after} s after)`);
    await screenshot('drill-after-reload');
  });

  step('the extension host crashes (SIGKILL) right after the second step: after the reload, nothing is lost', async () => {
    let frame = await drillFrame();
    await frame.locator('button[data-key="done-1"]').click();
    // The page shows a mark once the extension has saved it.
    await frame.locator('button[data-key="done-2"]:focus').waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await frame.locator('.drill-step.done').count(), 2);
    const host = await extensionHostPid();
    assert.ok(host, 'the extension host of the workbench');
    process.kill(host, 'SIGKILL');
    for (const until = Date.now() + STEP_TIMEOUT; (await extensionHostPid()) === host; ) {
      if (Date.now() > until) assert.fail('the extension host did not end');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await screenshot('drill-extension-host-killed');
    // VS Code in the browser starts no new extension host by itself: the window is reloaded.
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    const tab = page.locator('.tabs-container .tab', { hasText: 'DR drill: Ausfall des Storage-Servers' }).first();
    await tab.waitFor({ timeout: 60_000 });
    frame = await drillFrame().catch(async () => {
      await tab.click();
      return drillFrame();
    });
    await frame.locator('.drill-step.current').waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await frame.locator('.drill-step.done').count(), 2, 'both steps stay done');
    assert.match(await frame.locator('.drill-step.current').innerText(), /Konsistenz der ZODB/);
    await screenshot('drill-after-crash');
  });

  step('skips the third step, with why', async () => {
    const frame = await drillFrame();
    // Skipping without a note is refused, with the reason beside the note field.
    await frame.locator('button[data-key="skip-2"]').click();
    await frame.locator('#note-2-error', { hasText: 'why the step is skipped' }).waitFor({ timeout: STEP_TIMEOUT });
    await frame.locator('#note-2:focus').waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('drill-skip-needs-a-note');
    await page.keyboard.type('fsrefs läuft nachts');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await frame.locator('button[data-key="skip-2"]:focus').waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await frame.locator('.drill-step.skipped').waitFor({ timeout: STEP_TIMEOUT });
    // The recovery is over with the last step: the form has the focus.
    await frame.locator('#dataLoss:focus').waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await frame.locator('.drill-rta').innerText(), /Recovery time measured \(RTA\): 0:00:\d\d/);
    await screenshot('drill-steps-done');
  });

  step('enters what was found with the keyboard and records the drill into the plan', async () => {
    const frame = await drillFrame();
    await page.keyboard.type('2h');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight'); // partial
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight'); // full recovery
    await page.keyboard.press('Tab');
    await page.keyboard.type('Erika Mustermann');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ersatz-Pool lag im falschen Lager.');
    await screenshot('drill-outcome');
    await frame.locator('button[data-key="record"]').focus();
    await page.keyboard.press('Enter');
    await frame.locator('.drill-recorded').waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await frame.locator('.drill-summary').innerText(), /partial[\s\S]*Full recovery exercise[\s\S]*Erika Mustermann/);
    await screenshot('drill-recorded');
    // The plan's editor has the entry: Ctrl+S there (code-server may have saved it already).
    await page.locator('.tabs-container .tab', { hasText: PLAN }).first().click();
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab:not(.dirty)', { hasText: PLAN }).first().waitFor({ timeout: STEP_TIMEOUT });
    // On disk once saved: the entry's notes are in the file.
    const saved = (content) => content.includes('notes: Ersatz-Pool lag im falschen Lager.');
    let text = '';
    for (const deadline = Date.now() + STEP_TIMEOUT; !saved(text) && Date.now() < deadline; ) {
      text = await readFile(path.join(workspace, PLAN), 'utf8');
      if (!saved(text)) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const plan = parseDocument(text).toJS();
    const storage = plan.scenarios.find((scenario) => scenario.id === 'storage');
    const entry = storage.exercises.at(-1);
    assert.equal(storage.exercises.length, 2);
    assert.equal(entry.kind, 'full-recovery');
    assert.equal(entry.result, 'partial');
    assert.equal(entry.data_loss, '2h');
    assert.equal(entry.notes, 'Ersatz-Pool lag im falschen Lager.');
    assert.match(entry.started, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.match(entry.recovery_time, /^\d+ s$|^\d+ min$/);
    assert.deepEqual(
      entry.steps.map((s) => [s.step.slice(0, 20), s.skipped === true, s.note]),
      [
        ['Storage tauschen ode', false, 'Ersatz-Pool aus dem Lager'],
        ['ZEO-Server mit dem B', false, undefined],
        ['Konsistenz der ZODB ', true, 'fsrefs läuft nachts'],
      ],
    );
    // The step lasted across the reload: its measured time includes it.
    assert.match(entry.steps[1].duration, /^\d+ s$|^\d+ min$/);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', PLAN], { cwd: workspace });
    const errors = JSON.parse(stdout).filter((diagnostic) => diagnostic.severity === 'error');
    assert.deepEqual(errors, []);
    await page.locator('.editor-instance .view-line', { hasText: 'Ersatz-Pool lag im falschen Lager.' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('drill-entry-in-the-plan');
    process.stderr.write(`[drill] entry: ${JSON.stringify(entry)}\n`);
  });

  step('exports the Übungsprotokoll as PDF from the panel', async () => {
    const tab = page.locator('.tabs-container .tab', { hasText: 'DR drill: Ausfall des Storage-Servers' }).first();
    await tab.click();
    const frame = await drillFrame();
    await frame.locator('button[data-key="export"]').click();
    const input = quickInput();
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const deadline = Date.now() + STEP_TIMEOUT;
    while (!(await input.inputValue()).endsWith('.pdf') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const proposed = await input.inputValue();
    assert.match(proposed, /\/plone-intranet-uebungsprotokoll-storage-\d{4}-\d\d-\d\d\.pdf$/);
    await screenshot('drill-report-dialog');
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'was exported' }).first().waitFor({ timeout: 60_000 });
    const pdf = path.join(workspace, path.basename(proposed));
    assert.equal((await readFile(pdf)).subarray(0, 5).toString('latin1'), '%PDF-');
    await stat(pdf);
    await screenshot('drill-report-exported');
    // A PNG of the report's page, for a person to look at.
    await promisify(execFile)('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(SHOTS, `drill-${String(++shot).padStart(2, '0')}-report-page`)]).catch(() => undefined);
  });

  step('the preview shows the drill in the scenario\'s exercises', async () => {
    await page.locator('.tabs-container .tab', { hasText: PLAN }).first().click();
    await command('DR Plan: Open Preview to the Side');
    const deadline = Date.now() + STEP_TIMEOUT;
    let found;
    while (!found && Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (await frame.locator('#szenario-storage').count().catch(() => 0)) found = frame;
      }
      if (!found) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(found, 'the preview');
    const row = found.locator('tr', { hasText: 'Ersatz-Pool lag im falschen Lager.' }).first();
    // The page may show a newer body meanwhile (the preview updates in place): the row is found again.
    let text = '';
    for (const until = Date.now() + STEP_TIMEOUT; ; ) {
      try {
        await row.scrollIntoViewIfNeeded({ timeout: 5000 });
        text = await row.innerText({ timeout: 5000 });
        break;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
    }
    assert.match(text, /teilweise/);
    await screenshot('drill-in-the-preview');
    // The scenario's chart (recovery time, the latest RTA, RTO) follows the theme: its text takes
    // the theme's colour in light, dark and high contrast.
    const chart = found.locator('#szenario-storage ~ figure.chart').first();
    await chart.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT });
    const textColour = () => chart.locator('text.bar-label').first().evaluate((element) => getComputedStyle(element).fill);
    const colours = [await textColour()];
    await screenshot('drill-chart-dark');
    for (const [theme, kind] of [['Light Modern', 'vscode-light'], ['Dark High Contrast', 'vscode-high-contrast']]) {
      await pickTheme(theme);
      await found.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
      await chart.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT });
      colours.push(await textColour());
      await screenshot(`drill-chart-${kind.replace('vscode-', '')}`);
    }
    await pickTheme('Dark Modern');
    await found.locator('body.vscode-dark').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
    assert.equal(new Set(colours).size, 3, `the chart's text in each theme's colour: ${colours.join(', ')}`);
  });

  step('a short drill: the clock past the recovery time, past the RTO; then discarded', async () => {
    await openFile(SHORT);
    await command('DR Plan: Run DR Drill');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'schnell' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('drill-quick-pick');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'DR drill: Konfigurationsfehler' }).first().waitFor({ timeout: STEP_TIMEOUT });
    let frame;
    const deadline = Date.now() + STEP_TIMEOUT;
    while (!frame && Date.now() < deadline) {
      for (const candidate of page.frames()) {
        if (await candidate.locator('#drill-title', { hasText: 'Konfigurationsfehler' }).count().catch(() => 0)) frame = candidate;
      }
    }
    assert.ok(frame, 'the short drill\'s panel');
    await frame.locator('button[data-key="start"]').click();
    await frame.locator('.drill-clock.over-recovery').waitFor({ timeout: 45_000 });
    assert.match(await frame.locator('.drill-alert').innerText(), /Longer than the planned recovery time/);
    await screenshot('drill-over-recovery-time');
    await frame.locator('.drill-clock.over-rto').waitFor({ timeout: 45_000 });
    assert.match(await frame.locator('.drill-alert').innerText(), /RTO exceeded by 0:00:\d\d/);
    await screenshot('drill-over-rto');
    // The panel follows the theme: light, and high contrast, picked as a person picks them.
    for (const [theme, kind] of [['Light Modern', 'vscode-light'], ['Dark High Contrast', 'vscode-high-contrast']]) {
      await pickTheme(theme);
      await frame.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
      await screenshot(`drill-theme-${kind.replace('vscode-', '')}`);
    }
    await pickTheme('Dark Modern');
    await frame.locator('body.vscode-dark').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
    await frame.locator('button[data-key="discard"]').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await dialog.innerText(), /Discard the DR drill of “Konfigurationsfehler”/);
    await screenshot('drill-discard-question');
    await dialog.locator('.monaco-button', { hasText: 'Discard' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'DR drill: Konfigurationsfehler' }).first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    assert.equal(await readFile(path.join(workspace, SHORT), 'utf8'), SHORT_PLAN, 'the plan is untouched');
    // The scenario's lens offers a new drill again, not the discarded one.
    await page.locator('.editor-instance .codelens-decoration a', { hasText: 'Run DR drill' }).first().waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await page.locator('.editor-instance .codelens-decoration a', { hasText: 'Resume DR drill' }).count(), 0);
    // The preview the panel covered is in sight again, with its page.
    const deadlineShown = Date.now() + STEP_TIMEOUT;
    let shown = false;
    while (!shown && Date.now() < deadlineShown) {
      for (const candidate of page.frames()) {
        if (await candidate.locator('.doc-title', { hasText: 'Kurzer Plan' }).isVisible().catch(() => false)) shown = true;
      }
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await screenshot('drill-discarded');
    assert.ok(shown, 'the preview of the short plan shows its page again');
  });
});
