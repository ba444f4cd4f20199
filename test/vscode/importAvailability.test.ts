/// <reference types="mocha" />
/**
 * "Verfügbarkeit aus Prometheus importieren" in the real extension host, against a real
 * Prometheus the suite starts (test/support/prometheus.ts) with probes of the last month that has
 * ended: two outages, 90 and 45 minutes. The figures land in the open document as one undoable
 * edit (the file on disk untouched until the author saves), through the quick pick of the period
 * as through automation; a month without data and an unreachable server change nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { at, commentedPlan, freePort, PROMETHEUS_SKIP, resultsBlock, startPrometheus, withResults, type RunningPrometheus } from '../support/prometheus';
import { activate, closeAllEditors, openPlan, revert, workspaceFile } from './helpers';

const COMMAND = 'drplan.importAvailability';
const german = () => vscode.env.language.toLowerCase().startsWith('de');

/** The last month that has ended, as `2026-11`, with its first day and its length in days. */
function lastMonth(): { id: string; first: Date; days: number } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { id: `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`, first, days };
}

/** `day` of the last month at `time` (UTC), as seconds. */
function inMonth(day: number, time: string): number {
  const { first } = lastMonth();
  return at(`${first.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}T${time}:00Z`);
}

const PLAN = commentedPlan('probe_success{instance="vscode"}');

/** The plan with the month's entry: 135 minutes down, two outages. */
function planWithResult(): string {
  const { id, days } = lastMonth();
  const measured = Math.round((1 - 135 / (days * 1440)) * 10_000) / 100;
  return withResults(PLAN, resultsBlock(String(measured), '135 min', 2, 'http-check', id));
}

let plans = 0;
async function newPlan(): Promise<vscode.TextDocument> {
  const uri = workspaceFile('scratch', `import-availability-${++plans}.drplan.yaml`);
  await vscode.workspace.fs.createDirectory(workspaceFile('scratch'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PLAN));
  return (await openPlan(uri)).document;
}

async function failedImport(argument: Record<string, unknown>): Promise<string> {
  try {
    await vscode.commands.executeCommand(COMMAND, argument);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail('the import succeeded');
}

const setUrl = (url: string | undefined) => vscode.workspace.getConfiguration('drplan').update('prometheus.url', url, vscode.ConfigurationTarget.Global);

suite('availability imported from Prometheus', function () {
  let prometheus: RunningPrometheus | undefined;
  let storage = '';
  const opened: vscode.Uri[] = [];

  suiteSetup(async function () {
    if (PROMETHEUS_SKIP) this.skip();
    this.timeout(120_000);
    await activate();
    storage = mkdtempSync(path.join(tmpdir(), 'drplan-vscode-prometheus-'));
    const { first, days } = lastMonth();
    const from = first.getTime() / 1000 - 86_400;
    prometheus = await startPrometheus(storage, [
      {
        labels: { instance: 'vscode' },
        from,
        to: from + (days + 2) * 86_400,
        every: 60,
        down: [
          { start: inMonth(4, '10:00'), end: inMonth(4, '11:30') },
          { start: inMonth(17, '03:15'), end: inMonth(17, '04:00') },
        ],
      },
    ]);
    await setUrl(prometheus.url);
  });

  teardown(async () => {
    await revert(...opened.splice(0));
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    await setUrl(undefined);
    await prometheus?.stop();
    if (storage) rmSync(storage, { recursive: true, force: true });
  });

  test('records the month in the open document as one undoable edit; the file stays as it was until saved', async () => {
    const document = await newPlan();
    opened.push(document.uri);
    const outcome = (await vscode.commands.executeCommand(COMMAND, { period: lastMonth().id, plan: document.uri })) as { results: unknown[]; belowTarget: boolean; summary: string };
    assert.equal(document.getText(), planWithResult());
    assert.deepEqual(outcome.results, [{ source: 'http-check', measured: Number(/measured: (\S+)/.exec(planWithResult())?.[1]), downtime: 8100, outages: 2 }]);
    assert.equal(outcome.belowTarget, true);
    assert.match(outcome.summary, german() ? /http-check: 99,\d\d % \(2 Ausfälle, 2 h 15 min\)/ : /http-check: 99\.\d\d % \(2 outages, 2 h 15 min\)/);
    assert.equal(document.isDirty, true, 'an edit of the document, not a write of the file');
    assert.equal(readFileSync(document.uri.fsPath, 'utf8'), PLAN);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), PLAN, 'one undo takes the whole import back');

    // Imported again: the month's entry is replaced, not added twice.
    await vscode.commands.executeCommand(COMMAND, { period: lastMonth().id, plan: document.uri });
    await vscode.commands.executeCommand(COMMAND, { period: lastMonth().id, plan: document.uri });
    assert.equal(document.getText(), planWithResult());
  });

  test('asks for the period in a quick pick whose first choice is the last month', async () => {
    const document = await newPlan();
    opened.push(document.uri);
    let finished = false;
    const running = Promise.resolve(vscode.commands.executeCommand(COMMAND)).finally(() => (finished = true));
    // The quick pick opens once the command has read the setting (no event says so): accept its
    // first item, again until the command goes on.
    const deadline = Date.now() + 30_000;
    while (!finished && document.getText() === PLAN) {
      assert.ok(Date.now() < deadline, 'the quick pick was accepted within 30 s');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await running;
    assert.equal(document.getText(), planWithResult());
  });

  test('a month without data and an unreachable server change nothing, and say why', async () => {
    const document = await newPlan();
    opened.push(document.uri);
    const { first } = lastMonth();
    const earlier = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 3, 1));
    const empty = `${earlier.getUTCFullYear()}-${String(earlier.getUTCMonth() + 1).padStart(2, '0')}`;
    const noData = await failedImport({ period: empty, plan: document.uri });
    assert.match(noData, german() ? new RegExp(`liefert für ${empty} keine Daten`) : new RegExp(`gives no data for ${empty}`));

    const port = await freePort();
    await setUrl(`http://127.0.0.1:${port}`);
    try {
      const unreachable = await failedImport({ period: lastMonth().id, plan: document.uri });
      assert.match(unreachable, german() ? /nicht erreichbar \(Verbindung abgelehnt\)/ : /cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+\/ \(connection refused\)/);
      await setUrl('');
      assert.match(await failedImport({ period: lastMonth().id, plan: document.uri }), /drplan\.prometheus\.url/);
    } finally {
      await setUrl(prometheus?.url);
    }
    assert.match(await failedImport({ period: '2999-01', plan: document.uri }), /2999-01/);
    assert.equal(document.getText(), PLAN);
    assert.equal(document.isDirty, false);
  });
});
