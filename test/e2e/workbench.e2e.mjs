// A person's path through the real VS Code workbench (code-server + headless Chromium):
// open a plan from the explorer, type a mistake, see the squiggle, hover it, find it in the
// Problems panel, fix it and see it go. Screenshots of every step land in shots/e2e/ (ignored).
//
//   npm run test:e2e        (builds first; installs code-server and Chromium on first use)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';
import { problemCounts as readProblemCounts, waitForProblemCounts } from './problemCounts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(ROOT, 'shots', 'e2e');
const PLAN = 'plone-intranet.drplan.yaml';
const STEP_TIMEOUT = 30_000;

describe('a person checks a plan in VS Code', { timeout: 240_000 }, () => {
  let server;
  let browser;
  let page;
  let workspace;
  let shot = 0;
  /** The line where the mistake is typed (the file may be auto-saved meanwhile, so remember it). */
  let mistakeLine = 0;
  const screenshot = async (name) => {
    shot += 1;
    await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) });
  };
  const editor = () => page.locator('.editor-instance .monaco-editor').first();
  const squiggles = () => editor().locator('.squiggly-error');

  /** Puts the cursor at the end of a 1-based line, through "Go to Line" as a person would. */
  const goToLineEnd = async (line) => {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: STEP_TIMEOUT });
    // The box may still hold the last line number: replace it, keeping the ':' of "go to line".
    await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
  };
  const lineOf = async (needle) => {
    const text = await readFile(path.join(workspace, PLAN), 'utf8');
    const index = text.split('\n').findIndex((line) => line.includes(needle));
    assert.ok(index >= 0, `no line with ${needle}`);
    return index + 1;
  };
  const problemCounts = () => readProblemCounts(page);
  const waitForCounts = (accept) => waitForProblemCounts(page, accept, STEP_TIMEOUT);

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    workspace = await mkdtemp(path.join(tmpdir(), 'drplan-e2e-'));
    await cp(path.join(ROOT, 'examples'), workspace, { recursive: true });
    server = await startCodeServer({ folder: workspace });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(workbenchUrl({ base: server.url, folder: workspace, extensionDevelopmentPath: ROOT }));
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('opens the plan from the explorer', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: PLAN }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator(`.tabs-container .tab[data-resource-name="${PLAN}"]`).first().waitFor({ timeout: STEP_TIMEOUT });
    await editor().locator('.view-lines').waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('#status\\.editor\\.mode', { hasText: 'DR-Plan' }).first().waitFor({ timeout: STEP_TIMEOUT });
    // The language server has answered once the example's information diagnostics arrive.
    await waitForCounts('infos > 0');
    assert.deepEqual(await problemCounts(), { errors: 0, warnings: 0, infos: 9 });
    await screenshot('plan-open');
  });

  it('shows a squiggle where a mistake is typed', async () => {
    await editor().click({ position: { x: 600, y: 300 } });
    mistakeLine = await lineOf('rto: 8h');
    await goToLineEnd(mistakeLine);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1h');
    await squiggles().first().waitFor({ timeout: STEP_TIMEOUT });
    await waitForCounts('errors > 0');
    assert.ok((await problemCounts()).errors >= 1);
    await screenshot('mistake-typed');
  });

  it('explains the mistake on hover', async () => {
    // Monaco re-renders its decorations while the editor settles, and shows a hover only for a
    // mouse that moves onto the text and rests: move there the way a hand does, and retry.
    const hover = page.locator('.monaco-hover').filter({ hasText: 'RTO' }).first();
    for (let attempt = 0; attempt < 4; attempt++) {
      const squiggle = squiggles().first();
      await squiggle.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const box = await squiggle.boundingBox();
      if (box) {
        // The squiggle's box is its whole line: rest on the middle of the marked word.
        await page.mouse.move(box.x + box.width / 2, box.y + box.height * 2, { steps: 2 });
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
        if (await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) break;
      }
    }
    await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    assert.match(await hover.innerText(), /rto-exceeded|RTO/);
    await screenshot('hover');
    await page.mouse.move(5, 5);
  });

  it('lists the mistake in the Problems panel', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'rto-exceeded' }).first();
    await entry.waitFor({ timeout: STEP_TIMEOUT });
    assert.match(await entry.innerText(), /RTO/);
    await screenshot('problems');
  });

  it('lets the squiggle go once the mistake is fixed', async () => {
    await editor().click({ position: { x: 600, y: 300 } });
    await goToLineEnd(mistakeLine);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('8h');
    await waitForCounts('errors === 0');
    // The status bar, the squiggles and the Problems panel each re-render on their own frame.
    await squiggles().first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'rto-exceeded' }).first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    assert.equal(await squiggles().count(), 0);
    await screenshot('fixed');
  });
  it('completes a category with its German label', async () => {
    await page.keyboard.press('Escape');
    await editor().click({ position: { x: 600, y: 300 } });
    const line = await lineOf('category: force-majeure');
    await goToLineEnd(line);
    for (let i = 0; i < 'force-majeure'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Höhere Gewalt' }).first();
    await suggestion.waitFor({ timeout: STEP_TIMEOUT }).catch(async (error) => {
      await screenshot('completion-missing');
      throw error;
    });
    for (const label of ['Hardware-Fehler', 'Software-Fehler', 'Bedienfehler']) {
      assert.equal(await page.locator('.suggest-widget .monaco-list-row', { hasText: label }).count(), 1, label);
    }
    await screenshot('completion');
    assert.match(await suggestion.innerText(), /force-majeure/);
    await page.keyboard.type('forc');
    await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'force-majeure' }).waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      // Monaco renders spaces as no-break spaces.
      () => [...document.querySelectorAll('.editor-instance .view-line')].some((el) => el.textContent?.replace(/\u00a0/g, ' ').includes('category: force-majeure')),
      null,
      { timeout: STEP_TIMEOUT },
    );
    await waitForCounts('errors === 0');
  });

  it('fixes a misspelt type with a quick fix (Ctrl+.)', async () => {
    await editor().click({ position: { x: 600, y: 300 } });
    const line = await lineOf('type: vm-server');
    await goToLineEnd(line);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('r');
    await waitForCounts('errors > 0');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Replace with 'vm-server'" }).first();
    await fix.waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('quick-fix');
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: "Replace with 'vm-server'" }).waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await waitForCounts('errors === 0');
    await squiggles().first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    await screenshot('quick-fix-applied');
  });

  // The plan document: the preview beside the editor, live while typing, and its PDF export.
  /** The preview's page: the webview's outer frame holds the page in an inner one. */
  const preview = () => page.frameLocator('iframe.webview.ready >> nth=0').frameLocator('iframe#active-frame');
  /** Polls `read` until `accept` holds for its value (for what has no event to wait on). */
  const poll = async (read, accept, what) => {
    const deadline = Date.now() + STEP_TIMEOUT;
    let value;
    while (Date.now() < deadline) {
      value = await read().catch(() => undefined);
      if (value !== undefined && accept(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
  };
  /** Where an element of the preview is, from the top of the preview's view. */
  const topInPreview = (selector) => preview().locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);

  it('opens the preview beside the plan from the button in the editor title', async () => {
    await page.keyboard.press('Escape');
    await editor().click({ position: { x: 600, y: 300 } });
    const button = page.locator('.editor-actions .action-label[aria-label*="Open Preview to the Side"]').first();
    await button.waitFor({ timeout: STEP_TIMEOUT });
    await button.click();
    await page.locator('.tabs-container .tab', { hasText: `Preview: ${PLAN}` }).first().waitFor({ timeout: STEP_TIMEOUT });
    await preview().locator('.doc-title').waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await preview().locator('.doc-title').innerText(), 'Notfallplan Plone-Intranet');
    assert.ok((await preview().locator('[data-line]').count()) > 100, 'blocks carry their source lines');
    await screenshot('preview-beside');
  });

  it('changes the preview while typing, and scrolls it with the editor', async () => {
    await editor().click({ position: { x: 300, y: 300 } });
    await goToLineEnd(await lineOf('title: Notfallplan Plone-Intranet'));
    await page.keyboard.type(' 2027', { delay: 40 });
    await preview().locator('.doc-title', { hasText: 'Notfallplan Plone-Intranet 2027' }).waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('preview-typing');

    // The editor goes to the storage scenario: the preview shows its section.
    await goToLineEnd(await lineOf('type: storage-server'));
    const viewHeight = await preview().locator('body').evaluate(() => window.innerHeight);
    // The preview's top shows the editor's top line, a few lines above the cursor: the section's
    // heading is in view (before the sync it is thousands of pixels further down).
    await poll(() => topInPreview('#szenario-storage'), (top) => top > -400 && top < viewHeight - 60, `the storage scenario in the preview (view ${viewHeight} px high)`);
    await screenshot('preview-scroll-sync');

    // Typed there, the preview changes in place: same scroll position.
    await goToLineEnd(await lineOf('recovery_time: 6h'));
    const scrollY = () => preview().locator('body').evaluate(() => window.scrollY);
    let before = await scrollY();
    await poll(async () => [before, (before = await new Promise((resolve) => setTimeout(resolve, 300)).then(scrollY))], ([a, b]) => a === b, 'the preview to settle');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7h', { delay: 40 });
    await preview().locator('#szenario-storage ~ dl.fields', { hasText: '7 Stunden' }).first().waitFor({ timeout: STEP_TIMEOUT });
    const after = await preview().locator('body').evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) <= 2, `the preview kept its place (${before} → ${after})`);
    await screenshot('preview-updated-in-place');
  });

  it('jumps to the source line on a double-click in the preview', async () => {
    const heading = preview().locator('#szenario-vm-server');
    await heading.scrollIntoViewIfNeeded();
    await heading.dblclick();
    const line = await lineOf('- id: vm-server');
    await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('preview-double-click');
  });

  it("exports the PDF from the preview's button, asking once before it replaces the file", async () => {
    const target = path.join(workspace, 'plone-intranet.pdf');
    const exported = page.locator('.notifications-toasts .notification-list-item', { hasText: 'plone-intranet.pdf was exported' }).first();
    for (const round of ['new', 'replace']) {
      await preview().locator('button[data-export="pdf"]').click();
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      // The save dialog proposes <plan>.pdf beside the plan.
      await poll(() => input.inputValue(), (value) => value.endsWith('/plone-intranet.pdf'), 'the proposed file name');
      await screenshot(`export-dialog-${round}`);
      await page.keyboard.press('Enter');
      if (round === 'replace') {
        // VS Code's own dialog asks before replacing; the extension does not ask a second time.
        await page.locator('.quick-input-widget', { hasText: 'already exists' }).first().waitFor({ timeout: STEP_TIMEOUT });
        await screenshot('export-replace-question');
        await page.keyboard.press('Enter');
      }
      await exported.waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no modal question of the extension');
      assert.equal(await exported.locator('.monaco-button', { hasText: 'Open' }).count(), 1, 'an Open action');
      await screenshot(`export-done-${round}`);
      const pdf = await readFile(target);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      // Close the notification, so the next round waits for a new one.
      await exported.hover();
      await exported.locator('.codicon-notifications-clear, .codicon-close').first().click();
      await exported.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    }
  });

  it('restores the preview after the window is reloaded', async () => {
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // Now and then (about one reload in four here) the restored panel shows its page only once
    // its tab is selected, as a person would click it; the content must then be there.
    const restored = await preview().locator('.doc-title').waitFor({ timeout: 30_000 }).then(() => true, () => false);
    if (!restored) {
      await page.locator('.tabs-container .tab', { hasText: `Preview: ${PLAN}` }).first().click();
      await preview().locator('.doc-title').waitFor({ timeout: 30_000 });
    }
    assert.match(await preview().locator('.doc-title').innerText(), /^Notfallplan Plone-Intranet/);
    await page.locator('.tabs-container .tab', { hasText: `Preview: ${PLAN}` }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('preview-restored');
  });

  it('shows how far the export of a large plan is, in its notification', async () => {
    // A plan of 400 scenarios: its PDF (about 300 pages) takes some seconds.
    const large = 'gross.drplan.yaml';
    const text = execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./bench/generatePlan.ts').then((m) => process.stdout.write((m.generatePlan ?? m.default.generatePlan)(400)))"], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    await writeFile(path.join(workspace, large), text);
    // The example and its preview are closed: the export takes the plan in front.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').fill('>View: Close All Editors');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Close All Editors' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill(large);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: large }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: large }).waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('large-plan-open');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').fill('>DR Plan: Export as PDF');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Export as PDF' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await poll(() => input.inputValue(), (value) => value.endsWith('/gross.pdf'), 'the proposed file name');
    await screenshot('export-large-dialog');
    await page.keyboard.press('Enter');
    // The notification's bar is determinate (a width in percent) once the server reports progress.
    const exporting = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exporting gross.pdf' }).first();
    await exporting.waitFor({ timeout: STEP_TIMEOUT });
    const bar = exporting.locator('.monaco-progress-container .progress-bit');
    const widths = [];
    await poll(
      async () => {
        const style = (await bar.getAttribute('style').catch(() => '')) ?? '';
        const width = /width:\s*([\d.]+)%/.exec(style);
        if (width) widths.push(Number(width[1]));
        return widths.filter((w) => w > 0 && w < 100).length;
      },
      (count) => count >= 2,
      'a progress bar that fills',
    );
    await screenshot('export-progress');
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'gross.pdf was exported' }).first().waitFor({ timeout: 120_000 });
    assert.deepEqual([...widths].sort((a, b) => a - b), widths, `the bar only grows: ${widths.join(', ')}`);
    const pdf = await readFile(path.join(workspace, 'gross.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await screenshot('export-progress-done');
  });
});
