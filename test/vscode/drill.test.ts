/// <reference types="mocha" />
/**
 * The recovery drill (DR-Übung) in the real extension host: the code lens above each scenario
 * and the command; a drill driven through its panel's messages (the extension's API hands them
 * on as the page would, checked the same way) ends as the right exercise entry of its scenario,
 * one edit that one undo takes back; a drill whose panel was closed (as by a window reload) is
 * resumed by the command, the code lens and the quick pick, and offered when its plan is opened;
 * a plan changed meanwhile gets the entry in the right scenario; the Übungsprotokoll exports as
 * PDF and replaces no file unless told.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import type { DrillApi } from '../../client/src/drill/drillManager';
import type { DrillState } from '../../client/src/drill/drillSession';
import { activate, closeAllEditors, copyPlan, extension, openPlan, restorePanel, revert, waitFor, waitForEvent, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');
const MINUTE = 60_000;
/** 2026-11-29 08:00 UTC: the drill's clock (the API's), so the entry's durations are known. */
const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);

function drills(): DrillApi {
  const api = extension().exports?.drills;
  assert.ok(api, 'activate() returns { drills }');
  return api;
}

/** `started` as the extension host's clock writes it: local time and its offset. */
function localStart(at: number): string {
  const offset = -new Date(at).getTimezoneOffset();
  const local = new Date(at + offset * MINUTE).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The exercises of scenario `id` in a plan's text, as YAML reads them. */
function exercisesOf(text: string, id: string): Record<string, unknown>[] {
  const plan = parseDocument(text).toJS() as { scenarios: { id: string; exercises?: Record<string, unknown>[] }[] };
  return plan.scenarios.find((scenario) => scenario.id === id)?.exercises ?? [];
}

/** The drill `id` as saved, once `accept` holds for it. */
function savedDrill(id: string, accept: (state: DrillState) => boolean, what: string): Promise<DrillState> {
  return waitFor(() => {
    const state = drills().drills().find((candidate) => candidate.id === id);
    return state && accept(state) ? state : undefined;
  }, what);
}

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((lens) => lens.command?.command === 'drplan.runDrill');
}

suite('drill', () => {
  let clock = T0;
  const touched: vscode.Uri[] = [];
  const example = () => workspaceFile('examples', 'plone-intranet.drplan.yaml');
  const tick = (minutes: number) => {
    clock += minutes * MINUTE;
  };

  suiteSetup(async () => {
    await activate();
    drills().setClock(() => clock);
  });

  suiteTeardown(() => {
    drills().setClock(undefined);
  });

  teardown(async () => {
    await revert(...touched.splice(0));
    await closeAllEditors();
  });

  /** Starts a drill of `scenario` through the command, as the code lens does; answers its id. */
  async function begin(plan: vscode.Uri, scenario: string): Promise<string> {
    const id = await vscode.commands.executeCommand<string | undefined>('drplan.runDrill', plan, scenario);
    assert.ok(id, 'the command answers the drill');
    assert.ok(drills().panels().some((panel) => panel.id === id), 'its panel is open');
    return id;
  }

  /** A copy of the example, open, with a drill of its network scenario past its first step (20 minutes). */
  async function networkDrillPastFirstStep(name: string): Promise<{ plan: vscode.Uri; id: string }> {
    const plan = await copyPlan(example(), name);
    touched.push(plan);
    await openPlan(plan);
    clock = T0;
    const id = await begin(plan, 'netzwerk');
    await drills().receive(id, { type: 'start' });
    tick(20);
    await drills().receive(id, { type: 'mark', step: 0, skipped: false, note: 'Switch 2 defekt' });
    return { plan, id };
  }

  /** Closes every editor, and with them the drill's panel (as a reload does); the drill stays kept. */
  async function closePanelOf(id: string): Promise<void> {
    await closeAllEditors();
    await waitFor(() => !drills().panels().some((panel) => panel.id === id), 'the panel to close');
  }

  test('drill: the command is registered and a code lens stands above each scenario', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('drplan.runDrill'));
    const manifest = extension().packageJSON as { activationEvents: string[]; contributes: { commands: { command: string; title: string; category: string }[] } };
    const command = manifest.contributes.commands.find((candidate) => candidate.command === 'drplan.runDrill');
    assert.equal(`${command?.category}: ${command?.title}`, german() ? 'DR-Plan: DR-Übung durchführen' : 'DR Plan: Run DR Drill');
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:drplan.drill'), 'a drill panel is restored after a reload');

    const plan = await copyPlan(example(), 'drill-lens');
    const { document } = await openPlan(plan);
    const found = await waitForLenses(plan);
    const scenarioLines = document
      .getText()
      .split('\n')
      .flatMap((line, index) => (/^ {2}- id: /.test(line) && index > document.getText().split('\n').indexOf('scenarios:') ? [index] : []));
    assert.deepEqual(found.map((lens) => lens.range.start.line), scenarioLines);
    const storage = found.find((lens) => lens.command?.arguments?.[1] === 'storage');
    assert.equal(storage?.command?.title, german() ? '▶ DR-Übung durchführen' : '▶ Run DR drill');
    assert.equal(String(storage?.command?.arguments?.[0]), plan.toString());
  });

  test('drill: driven through the panel\'s messages, it ends as the right exercise entry, one edit that one undo takes back', async () => {
    const plan = await copyPlan(example(), 'drill-run');
    touched.push(plan);
    const editor = await openPlan(plan);
    const before = editor.document.getText();
    clock = T0;
    const id = await begin(plan, 'storage');
    const api = drills();
    await api.receive(id, { type: 'ready' });
    await api.receive(id, { type: 'start' });
    tick(125);
    await api.receive(id, { type: 'mark', step: 0, skipped: false, note: 'Ersatz-Pool aus dem Lager' });
    // The same click again: one step, not two.
    await api.receive(id, { type: 'mark', step: 0, skipped: false });
    tick(190);
    await api.receive(id, { type: 'mark', step: 1, skipped: false });
    tick(2);
    await api.receive(id, { type: 'mark', step: 2, skipped: true, note: 'fsrefs am nächsten Morgen' });
    let state = await savedDrill(id, (saved) => saved.ended !== undefined, 'the drill to end with its last step');
    assert.equal(state.marks.length, 3);

    // Recording without a result: the page is told, the plan is untouched.
    await api.receive(id, { type: 'record' });
    assert.equal(editor.document.getText(), before);
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '2h', kind: 'full-recovery', result: 'partial', notes: 'Ersatz-Pool fehlte zunächst', conductedBy: 'Erika Mustermann' } });
    tick(5);
    await api.receive(id, { type: 'record' });
    state = await savedDrill(id, (saved) => saved.recorded !== undefined, 'the drill to be recorded');

    const text = editor.document.getText();
    assert.ok(editor.document.isDirty, 'written into the document, for the person to save');
    const exercises = exercisesOf(text, 'storage');
    assert.equal(exercises.length, 2);
    assert.deepEqual(exercises[1], {
      date: localStart(T0).slice(0, 10),
      started: localStart(T0),
      kind: 'full-recovery',
      recovery_time: '317 min',
      data_loss: '2h',
      result: 'partial',
      notes: 'Ersatz-Pool fehlte zunächst',
      steps: [
        { step: 'Storage tauschen oder Ersatz-Pool bereitstellen', duration: '125 min', note: 'Ersatz-Pool aus dem Lager' },
        { step: 'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen', duration: '190 min' },
        { step: 'Konsistenz der ZODB prüfen (fsrefs)', skipped: true, note: 'fsrefs am nächsten Morgen' },
      ],
    });
    // Only lines added, inside the storage scenario; comments and everything else as they were.
    const added = text.split('\n').length - before.split('\n').length;
    assert.equal(added, 16);
    // The storage scenario ends before the blank line that precedes the next one.
    const end = before.indexOf('\n\n  - id: rack\n');
    assert.ok(text.startsWith(before.slice(0, end)), 'everything before the entry as it was');
    assert.ok(text.endsWith(before.slice(end)), 'everything after the entry as it was');

    // The preview shows the plan with the entry (the document's exercises table of the scenario).
    const shown = waitForEvent(extension().exports.preview.onDidRender, (event) => event !== undefined && event.uri.toString() === plan.toString() && event.version >= editor.document.version, 20_000, 'the preview of the recorded plan');
    await vscode.commands.executeCommand('drplan.openPreviewToSide', plan);
    await shown;
    const html = extension().exports.preview.renderedHtml(plan) ?? '';
    assert.match(html, /<td>teilweise<\/td>/);
    assert.match(html, /Ersatz-Pool fehlte zunächst/);

    // One undo takes the whole entry back.
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === before, 'one undo to take the entry back');
  });

  test('drill: a closed panel (as after a reload) is resumed by the code lens, the command and the quick pick, and offered when the plan opens', async () => {
    const { plan, id } = await networkDrillPastFirstStep('drill-resume');
    const api = drills();
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '', kind: '', result: '', notes: 'Notiz während der Übung', conductedBy: 'Max' } });

    // The panel goes (closed, or gone with a reload); the drill stays saved.
    await closePanelOf(id);
    const saved = await savedDrill(id, (state) => state.marks.length === 1, 'the drill kept after its panel closed');
    assert.equal(saved.outcome.notes, 'Notiz während der Übung');

    // Opening the plan offers it; the code lens says "resume".
    const offered = waitForEvent(api.onDidOffer, (offer) => offer?.id === id, 10_000, 'the offer to resume the drill');
    await openPlan(plan);
    await offered;
    const lens = (await waitForLenses(plan)).find((candidate) => candidate.command?.arguments?.[1] === 'netzwerk');
    assert.equal(lens?.command?.title, german() ? '▶ DR-Übung fortsetzen' : '▶ Resume DR drill');

    // The command of the lens resumes the same drill, where it stood.
    assert.equal(await vscode.commands.executeCommand('drplan.runDrill', plan, 'netzwerk'), id);
    assert.equal(api.panels().filter((panel) => panel.id === id).length, 1);
    await closeAllEditors();

    // From the palette: the quick pick lists the unfinished drill first.
    await openPlan(plan);
    const picked = vscode.commands.executeCommand<string | undefined>('drplan.runDrill');
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return api.panels().some((panel) => panel.id === id);
    }, 'the quick pick to resume the drill');
    assert.equal(await picked, id);

    // It goes on: the second step, the entry.
    tick(40);
    await api.receive(id, { type: 'mark', step: 1, skipped: false });
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '0', kind: 'functional-test', result: 'passed', notes: 'Notiz während der Übung', conductedBy: 'Max' } });
    await api.receive(id, { type: 'record' });
    await savedDrill(id, (state) => state.recorded !== undefined, 'the resumed drill to be recorded');
    const document = await vscode.workspace.openTextDocument(plan);
    const entry = exercisesOf(document.getText(), 'netzwerk').at(-1);
    assert.deepEqual(entry && [entry.recovery_time, entry.data_loss, entry.result, (entry.steps as unknown[]).length], ['1h', 0, 'passed', 2]);
  });

  test('drill: a panel brought back without its page\'s state (saved before the page started) shows the drill kept under its title', async () => {
    const { plan, id } = await networkDrillPastFirstStep('drill-restore');
    const api = drills();
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('drplan.drill'));
    assert.ok(tab, 'the drill panel\'s tab');
    await closePanelOf(id);

    const restore = (title: string) => restorePanel('drplan.drill', title, true, (panel) => api.restore(panel, undefined));
    const gone = await restore(german() ? 'DR-Übung: Meteoriteneinschlag' : 'DR drill: Meteorite strike');
    assert.ok(gone(), 'a panel whose title names no drill kept is closed');
    await restore(tab.label);
    assert.deepEqual(api.panels().map((panel) => panel.id), [id], 'the drill of that title, in a panel of its own');
    assert.equal((await savedDrill(id, () => true, 'the drill')).marks.length, 1, 'where it stood');
    const twice = await restore(tab.label);
    assert.ok(twice(), 'a second panel of the same drill is closed');

    // The restored panel goes on to the entry.
    tick(40);
    await api.receive(id, { type: 'mark', step: 1, skipped: false });
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '0', kind: 'functional-test', result: 'passed', notes: '', conductedBy: 'Max' } });
    await api.receive(id, { type: 'record' });
    await savedDrill(id, (state) => state.recorded !== undefined, 'the restored drill to be recorded');
    assert.equal(exercisesOf((await vscode.workspace.openTextDocument(plan)).getText(), 'netzwerk').at(-1)?.recovery_time, '1h');
  });

  test('drill: a plan changed meanwhile (lines above, the scenario moved) gets the entry in the right scenario', async () => {
    const plan = await copyPlan(example(), 'drill-moved');
    touched.push(plan);
    const editor = await openPlan(plan);
    clock = T0;
    const id = await begin(plan, 'vm-server');
    const api = drills();
    await api.receive(id, { type: 'start' });
    tick(30);
    await api.receive(id, { type: 'mark', step: 0, skipped: false });
    // Meanwhile someone edits the plan: lines at the top, the vm-server scenario moved to the end.
    const text = editor.document.getText();
    const lines = text.split('\n');
    const start = lines.indexOf('  - id: vm-server');
    const end = lines.indexOf('  - id: storage');
    const moved = [...lines.slice(0, start), ...lines.slice(end)];
    const history = moved.indexOf('history:');
    const changed = ['# Überarbeitet während der Übung', '# (zweite Zeile)', ...moved.slice(0, history - 1), '', ...lines.slice(start, end - 1), ...moved.slice(history - 1)].join('\n');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(plan, new vscode.Range(0, 0, editor.document.lineCount, 0), changed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    tick(15);
    await api.receive(id, { type: 'mark', step: 1, skipped: false });
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '4h', kind: 'functional-test', result: 'passed', notes: '', conductedBy: '' } });
    await api.receive(id, { type: 'record' });
    await savedDrill(id, (state) => state.recorded !== undefined, 'the drill to be recorded');
    const after = editor.document.getText();
    const entries = exercisesOf(after, 'vm-server');
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]?.steps, [
      { step: 'VMs auf einem anderen Host aus dem Snapshot starten', duration: '30 min' },
      { step: 'ZEO-Clients am Load-Balancer prüfen', duration: '15 min' },
    ]);
    for (const other of ['netzwerk', 'storage', 'rack']) assert.deepEqual(exercisesOf(after, other), exercisesOf(text, other), other);
  });

  test('drill: the Übungsprotokoll exports as PDF, and replaces a file only when told', async () => {
    const plan = await copyPlan(example(), 'drill-report');
    touched.push(plan);
    await openPlan(plan);
    clock = T0;
    const id = await begin(plan, 'strom');
    const api = drills();
    await api.receive(id, { type: 'start' });
    const state = await savedDrill(id, (saved) => saved.started !== undefined, 'the start');
    for (let step = 0; step < state.scenario.steps.length; step++) {
      tick(10);
      await api.receive(id, { type: 'mark', step, skipped: false });
    }
    await assert.rejects(api.exportReport(id, { target: 'protokoll.pdf', overwrite: false }), german() ? /nicht abgeschlossen|Ergebnis/ : /not finished|result/);
    await api.receive(id, { type: 'outcome', outcome: { dataLoss: '0', kind: 'functional-test', result: 'passed', notes: '', conductedBy: 'Erika Mustermann' } });
    const target = workspaceFile('scratch', 'uebungsprotokoll-strom.pdf');
    const outcome = await api.exportReport(id, { target, overwrite: false });
    assert.equal(outcome?.target.toString(), target.toString());
    const pdf = readFileSync(target.fsPath);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await assert.rejects(api.exportReport(id, { target, overwrite: false }), german() ? /existiert bereits/ : /already exists/);
    assert.ok(readFileSync(target.fsPath).equals(pdf), 'the file is untouched');
    await api.exportReport(id, { target, overwrite: true });
    await assert.rejects(api.exportReport(id, { target: plan, overwrite: true }), /itself|selbst/);
  });
});

/** The drill lenses of `uri`, once the server has answered for it. */
function waitForLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return eventually(async () => {
    const lenses = await lensesOf(uri);
    return lenses.length > 0 ? lenses : undefined;
  }, `code lenses above the scenarios of ${uri.path}`);
}

/** Polls an asynchronous condition (what has no event to wait on) until it holds. */
async function eventually<T>(condition: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
