// A person writes a new plan in the real VS Code workbench (code-server + headless Chromium):
// "DR Plan: New Plan" from the command palette, then, with the keyboard only, from problem to
// problem (F8): typing what only the author knows, completing durations, enumeration values,
// keys and ids (Ctrl+Space), repairing what the check marks with its quick fixes (Ctrl+.), until
// the Problems panel shows no error and no warning; saved with Ctrl+S, and `drplan check` agrees.
// The plan opens as notfallplan.drplan.yaml in the workspace folder (an untitled document with
// that path), so Ctrl+S saves it there without asking for a name.
// Screenshots of every step land in shots/e2e/newplan-NN-*.png (ignored).
//
//   npm run test:e2e        (builds first; installs code-server and Chromium on first use)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { promisify } from 'node:util';
import { problemCounts, waitForProblemCounts } from './problemCounts.mjs';
import { closeWorkbench, openWorkbench, pathSteps, ROOT, SHOTS } from './workbenchPath.mjs';
/** The new plan's name: the tab, the Problems panel and the saved file. */
const PLAN = 'notfallplan.drplan.yaml';
const STEP_TIMEOUT = 30_000;

/** What only the author knows, typed as it is. */
const TYPED = {
  organisation: 'Stadtwerke Musterstadt',
  system: 'Bürgerportal',
  name: 'Erika Mustermann',
  what: 'ZODB und Blobs',
  // Notbetrieb, a list: written as a flow list where the value goes.
  emergency_operation: '[Aushänge und Rundmails statt Intranet-Nachrichten]',
};
/** What the author picks from the completion list: the value, and what is typed to filter it. */
const COMPLETED = {
  method: { value: 'repozo', filter: 'repo' },
  interval: { value: '4h', filter: '4h' },
  recovery_time: { value: '4h', filter: '4h' },
  rto: { value: '8h', filter: '8h' },
  rpo: { value: '4h', filter: '4h' },
  within: { value: '1h', filter: '1h' },
  // Completion offers today (the server's day, UTC): a restore test done today is neither in the future nor overdue.
  last_restore_test: { value: new Date().toISOString().slice(0, 10), filter: new Date().toISOString().slice(0, 4) },
};

describe('a person writes a new plan in VS Code', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let page;
  let workspace;
  let shot = 0;
  const screenshot = async (name) => {
    shot += 1;
    await page.screenshot({ path: path.join(SHOTS, `newplan-${String(shot).padStart(2, '0')}-${name}.png`) });
  };
  const failWith = async (name, message) => {
    await screenshot(name);
    assert.fail(message);
  };
  const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');

  const waitForCounts = (accept) => waitForProblemCounts(page, accept, STEP_TIMEOUT);
  /** Waits until the check has taken in the last edit: one error fewer than `before`. */
  const oneErrorFewer = (before) => waitForCounts(`errors === ${before - 1}`);

  /** Closes whatever widget is open (find, suggestions, problem peek); the editor keeps the focus. */
  const closeWidgets = async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  };

  /**
   * F8: the next problem after the cursor, as the problem peek shows it. Returns its message
   * (with the code in brackets) once the peek shows the problem at the cursor's new place.
   */
  const nextProblem = async () => {
    await closeWidgets();
    await page.keyboard.press('F8');
    const handle = await page.waitForFunction(
      () => {
        const message = document.querySelector('.marker-widget .message');
        const at = /Ln (\d+), Col (\d+)/.exec(document.querySelector('#status\\.editor\\.selection')?.textContent ?? '');
        if (!message || !at) return undefined;
        // The peek's label ends with "…, Error at 7:17." for the marker it shows.
        const shown = / at (\d+):(\d+)\.\s*$/.exec(message.getAttribute('aria-label') ?? '');
        return shown && shown[1] === at[1] && shown[2] === at[2] ? (message.textContent ?? '') : undefined;
      },
      null,
      { timeout: STEP_TIMEOUT },
    );
    return handle.jsonValue();
  };

  /** Ctrl+Space, then types `filter` and takes the focused suggestion once it is `value`. */
  const complete = async (value, filter, shotName) => {
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout: STEP_TIMEOUT });
    if (shotName) await screenshot(shotName);
    await page.keyboard.type(filter);
    await page
      .locator('.suggest-widget.visible .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${escapeRegExp(value)}$`) })
      .waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
  };

  /** Ctrl+.: picks the quick fix with this title (moving to it with the arrow keys). */
  const quickFix = async (title, shotName) => {
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT });
    const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: title });
    const rows = await page.locator('.action-widget .monaco-list-row').count();
    for (let i = 0; i < rows; i++) {
      if (await focused.waitFor({ timeout: 2000 }).then(() => true, () => false)) break;
      await page.keyboard.press('ArrowDown');
    }
    await focused.waitFor({ timeout: STEP_TIMEOUT });
    if (shotName) await screenshot(shotName);
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  };

  /** Ctrl+F: selects the first match of `text` after the cursor, and closes the find widget. */
  const find = async (text) => {
    await page.keyboard.press('Control+F');
    const input = page.locator('.editor-instance .find-widget.visible textarea, .editor-instance .find-widget.visible input').first();
    await input.waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    // Find as you type selects the first match after the cursor (Enter would go on to the next).
    await page.locator('.find-widget.visible .matchesCount', { hasText: /^\d+ of \d+/ }).waitFor({ timeout: STEP_TIMEOUT });
    // Closed before the keys after this, so that they go to the editor: under load, an Escape
    // once left the widget open, its Enter went to the next match and the typing replaced the
    // selection. A second Escape only while it is still open (in the editor it would end the selection).
    const widget = page.locator('.editor-instance .find-widget.visible');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
    await widget.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    await page.locator('#status\\.editor\\.selection', { hasText: `(${text.length} selected)` }).waitFor({ timeout: STEP_TIMEOUT });
  };

  /** A new line below the first line after the top that contains `text`, indented by the editor. */
  const newLineBelow = async (text) => {
    await page.keyboard.press('Control+Home');
    await find(text);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
  };

  before(async () => {
    ({ workspace, server, browser, page } = await openWorkbench('drplan-e2e-new-'));
  });

  after(() => closeWorkbench({ workspace, server, browser }));

  const step = pathSteps(() => screenshot('failed'));

  /** The counts right after the command, for the note. */
  let initial;

  step('creates the plan with "DR Plan: New Plan" from the command palette', async () => {
    // The palette lists the extension's commands once the extension host has read them; until
    // then a person would close the palette and open it again.
    const command = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'DR Plan: New Plan' });
    const deadline = Date.now() + 90_000;
    for (;;) {
      await page.keyboard.press('F1');
      await quickInput().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await quickInput().pressSequentially('DR Plan: New Plan');
      if (await command.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) await failWith('command-missing', 'the palette does not offer "DR Plan: New Plan"');
      await page.keyboard.press('Escape');
    }
    await screenshot('command-palette');
    await page.keyboard.press('Enter');
    await page.locator('#status\\.editor\\.mode', { hasText: 'DR-Plan' }).first().waitFor({ timeout: STEP_TIMEOUT });
    // The tab has the plan's name (not the first words of its text), unsaved.
    const tab = page.locator('.tabs-container .tab.active');
    await tab.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(PLAN)}$`) }).waitFor({ timeout: STEP_TIMEOUT });
    assert.match((await tab.getAttribute('class')) ?? '', /\bdirty\b/, 'the new plan is marked unsaved');
    // The cursor is at the start of the plan.
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 1, Col 1' }).waitFor({ timeout: STEP_TIMEOUT });
    // The server has checked the plan once every scenario's `untested` has arrived with the errors.
    await waitForCounts('errors > 0 && infos > 0');
    initial = await problemCounts(page);
    assert.equal(initial.warnings, 0);
    await screenshot('new-plan');

    await page.keyboard.press('Control+Shift+M');
    // The Problems panel lists the problems under the plan's name.
    await page.locator('.markers-panel .monaco-list-row .file-icon .label-name', { hasText: new RegExp(`^${escapeRegExp(PLAN)}$`) }).first().waitFor({ timeout: STEP_TIMEOUT });
    const organisation = page.locator('.markers-panel .monaco-list-row', { hasText: "'organisation' must be a text value, but is empty." }).first();
    await organisation.waitFor({ timeout: STEP_TIMEOUT });
    // A duration among the first rows (the panel shows only the rows it has room for).
    await page.locator('.markers-panel .monaco-list-row', { hasText: "'within' must be a duration, but is empty." }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('problems-of-the-empty-fields');
    process.stderr.write(`[newplan] after the command: ${JSON.stringify(initial)}\n`);
  });

  step('fills every empty field from problem to problem (F8): typing, completion and a quick fix', async () => {
    // Back to the editor (Ctrl+1), to the top.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+Home');
    const seen = { typed: 0, completed: 0 };
    const typedFields = new Set();
    const shown = new Set();
    let durationFixed = false;
    for (let turn = 0; turn < 400; turn++) {
      const { errors } = await problemCounts(page);
      if (errors === 0) break;
      const message = await nextProblem();
      if (turn === 0) await screenshot('f8-first-problem');
      // VS Code visits errors before infos, but an `untested` is no job for this pass either.
      if (/\(untested\)/.test(message)) continue;
      const empty = /^'([a-z_]+)' must be a (text value|duration|date|list), but is empty/.exec(message);
      assert.ok(empty, `a problem the person did not expect: ${message}`);
      const field = empty[1];
      await closeWidgets();
      if (field in TYPED) {
        await page.keyboard.type(TYPED[field]);
        await oneErrorFewer(errors);
        typedFields.add(field);
        if (seen.typed++ === 0) await screenshot('typed-organisation');
      } else if (field === 'recovery_time' && !durationFixed) {
        // A person writes "30m": the check asks minutes or months, the quick fix knows.
        await page.keyboard.type('30m');
        await page.locator('.markers-panel .monaco-list-row', { hasText: "'30m' is not a valid duration for 'recovery_time'" }).first().waitFor({ timeout: STEP_TIMEOUT });
        await page.keyboard.press('ArrowLeft');
        await quickFix("Replace with '30 min'", 'quick-fix-30m');
        await oneErrorFewer(errors);
        await screenshot('quick-fix-30m-applied');
        durationFixed = true;
      } else {
        const pick = COMPLETED[field];
        assert.ok(pick, `no completion planned for ${field}`);
        await complete(pick.value, pick.filter, shown.has(field) ? undefined : `completion-${field}`);
        shown.add(field);
        await oneErrorFewer(errors);
        seen.completed += 1;
      }
    }
    await closeWidgets();
    await waitForCounts('errors === 0 && warnings === 0');
    assert.ok(durationFixed, 'the 30m repair was shown');
    assert.equal(typedFields.size, Object.keys(TYPED).length);
    await screenshot('all-fields-filled');
    process.stderr.write(`[newplan] F8 path: ${JSON.stringify(seen)}\n`);
  });

  step('changes the classification, and a quick fix corrects the typo', async () => {
    await page.keyboard.press('Control+Home');
    await find('internal');
    const { errors } = await problemCounts(page);
    await page.keyboard.type('confidental');
    await waitForCounts(`errors === ${errors + 1}`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: "Did you mean 'confidential'?" }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('ArrowLeft');
    await quickFix("Replace with 'confidential'", 'quick-fix-unknown-value');
    await waitForCounts(`errors === ${errors}`);
    await screenshot('quick-fix-unknown-value-applied');
  });

  step('adds a deputy contact; a quick fix inserts the missing name, which the person then writes', async () => {
    // Below the last contact (the data protection officer).
    await newLineBelow('function: dpo');
    // The new line is indented for `role`'s mapping; one level out for a new list item.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('- id: bereitschaft');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "Required field 'name' is missing" }).first().waitFor({ timeout: STEP_TIMEOUT });
    await waitForCounts('errors === 1');
    await screenshot('missing-name');
    await quickFix("Insert required field 'name'", 'quick-fix-missing-field');
    await waitForCounts('errors === 0 && warnings === 0');
    // The quick fix writes a placeholder (its value passes the check); the person finds it and
    // writes the real name over it.
    await find('Ansprechpartner');
    await page.keyboard.type('Rufbereitschaft Betrieb');
    await screenshot('deputy-contact');
  });

  step('makes the deputy responsible for a scenario: completion of the key, then of the contact', async () => {
    await newLineBelow('rpo: 4h');
    await complete('responsible', 'resp', 'completion-key');
    // The key's completion asks for its value at once: the contacts, with their names.
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'Rufbereitschaft Betrieb' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('completion-contact');
    await page.keyboard.type('ber');
    await page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name', { hasText: /^bereitschaft$/ }).waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await waitForCounts('errors === 0 && warnings === 0');
    await screenshot('responsible');
  });

  step('a quick fix gives the new responsible a deputy, picked from the suggestions it opens', async () => {
    // Responsible for a scenario, the new contact needs a deputy: a piece of information (no-deputy).
    await page.locator('.markers-panel .monaco-list-row', { hasText: "'bereitschaft' is responsible for the scenario" }).first().waitFor({ timeout: STEP_TIMEOUT });
    const { infos } = await problemCounts(page);
    await page.keyboard.press('Control+Home');
    await find('id: bereitschaft');
    await quickFix("Add a deputy for 'bereitschaft'", 'quick-fix-deputy');
    // The cursor stands after `deputy: `, and the suggestions offer the other contacts.
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'it-leitung' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('suggested-deputies');
    await page.keyboard.type('it-l');
    await page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name', { hasText: /^it-leitung$/ }).waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await waitForCounts(`errors === 0 && warnings === 0 && infos === ${infos - 1}`);
    await screenshot('deputy');
  });

  step(`saves the plan with Ctrl+S as ${PLAN} in the workspace folder, without a dialog`, async () => {
    await closeWidgets();
    await screenshot('before-save');
    await page.keyboard.press('Control+S');
    // The untitled plan's path is where it is saved: the tab turns into the file's, not dirty.
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: PLAN }).waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('#status\\.editor\\.mode', { hasText: 'DR-Plan' }).first().waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await quickInput().isVisible(), false, 'no save dialog');
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no question');
    await stat(path.join(workspace, PLAN));
    await screenshot('saved');
  });

  step('ends with no error and no warning in the Problems panel, and drplan check agrees', async () => {
    await waitForCounts('errors === 0 && warnings === 0');
    const { infos } = await problemCounts(page);
    // The Problems panel, open since the first step, now lists the saved file's findings.
    await page.locator('.markers-panel .monaco-list-row', { hasText: PLAN }).filter({ visible: true }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Recovery of this scenario has not been exercised' }).filter({ visible: true }).first().waitFor({ timeout: STEP_TIMEOUT });
    await screenshot('clean-check');

    const text = await readFile(path.join(workspace, PLAN), 'utf8');
    assert.match(text, /\n {2}organisation: Stadtwerke Musterstadt {2,}# /, 'the hint stays a comment');
    assert.match(text, /\n {2}classification: confidential /);
    assert.match(text, /\n {4}recovery_time: 30 min /);
    assert.match(text, /\n {2}- id: bereitschaft\n {4}name: Rufbereitschaft Betrieb\n {4}deputy: it-leitung\n/);
    assert.match(text, /\n {4}responsible: bereitschaft\n/);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', PLAN], { cwd: workspace });
    const diagnostics = JSON.parse(stdout);
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 'information'), []);
    // What remains: no exercise has measured a recovery yet, true of every new plan.
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['untested']);
    assert.equal(diagnostics.length, infos, 'the CLI reports what the Problems panel shows');
    process.stderr.write(`[newplan] end: 0 errors, 0 warnings, ${infos} untested\n`);
  });
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
