/// <reference types="mocha" />
/**
 * `drplan.trace.server: verbose` in VS Code: after each check the server's trace says what the
 * check of that version cost, step by step (server/src/checkTimings.ts), in the language client's
 * trace output; `messages` traces the messages only. The output channel's text cannot be read
 * through VS Code's API, so the test listens to what the client writes into the channel.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_TIMING_MESSAGE, type CheckTiming } from '../../server/src/checkTimings';
import { activate, copyPlan, openPlan, replaceIn, revert, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

const PUBLISHED = `${CHECK_TIMING_MESSAGE}:`;

suite('the server trace', () => {
  let client: LanguageClient;
  const lines: string[] = [];
  let restore: () => void = () => undefined;

  suiteSetup(async () => {
    client = await activate();
    const channel = client.traceOutputChannel;
    const appendLine = channel.appendLine.bind(channel);
    channel.appendLine = (line: string) => {
      lines.push(line);
      appendLine(line);
    };
    restore = () => {
      channel.appendLine = appendLine;
    };
  });

  suiteTeardown(async () => {
    restore();
    await vscode.workspace.getConfiguration('drplan').update('trace.server', undefined, vscode.ConfigurationTarget.Global);
  });

  /** The timings the trace gave for `uri` since line `from`. */
  function timingsOf(uri: vscode.Uri, from: number): CheckTiming[] {
    const timings: CheckTiming[] = [];
    for (let i = from; i + 1 < lines.length; i++) {
      if (lines[i]?.endsWith(`${PUBLISHED} ${uri.toString()}`)) timings.push(JSON.parse(lines[i + 1] as string) as CheckTiming);
    }
    return timings;
  }

  test('verbose: each check of a keystroke is followed by its steps, for the version published', async () => {
    await vscode.workspace.getConfiguration('drplan').update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'trace');
    const editor = await openPlan(plan);
    try {
      await waitForDiagnostics(plan, (d) => d.length > 0, 'the diagnostics of the plan');
      const from = lines.length;
      // An error typed into a duration, as a user would.
      await replaceIn(editor.document, 'rto: 4h', 'rto: 4hx');
      const version = editor.document.version;
      const diagnostics = await waitForDiagnostics(plan, (d) => d.some((x) => x.message.includes('4hx')), 'the diagnostic of "4hx"');
      const timing = await waitFor(
        () => timingsOf(plan, from).find((t) => t.version === version),
        () => `the trace of version ${version}; the trace said: ${lines.slice(from).join('\n').slice(0, 2000)}`,
      );
      assert.equal(timing.diagnostics, diagnostics.length);
      for (const step of ['applyMs', 'waitMs', 'analysisMs', 'renderMs', 'serialiseMs'] as const) {
        assert.ok(Number.isFinite(timing[step]) && timing[step] >= 0, `${step}: ${timing[step]}`);
      }
    } finally {
      await revert(plan);
    }
  });

  test('messages: the messages are traced, the checks\' steps are not', async () => {
    await vscode.workspace.getConfiguration('drplan').update('trace.server', 'messages', vscode.ConfigurationTarget.Global);
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'untraced');
    const editor = await openPlan(plan);
    try {
      await waitForDiagnostics(plan, (d) => d.length > 0, 'the diagnostics of the plan');
      const from = lines.length;
      await replaceIn(editor.document, 'rto: 4h', 'rto: 4hx');
      await waitForDiagnostics(plan, (d) => d.some((x) => x.message.includes('4hx')), 'the diagnostic of "4hx"');
      // The steps, when traced, follow the diagnostics at once: give them the time they would take.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(lines.slice(from).some((line) => line.includes("Received notification 'textDocument/publishDiagnostics'")), 'the messages are traced');
      assert.deepEqual(timingsOf(plan, from), []);
    } finally {
      await revert(plan);
    }
  });
});
