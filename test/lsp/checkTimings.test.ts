import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LogTraceParams } from 'vscode-languageserver-protocol';
import { CHECK_TIMING_MESSAGE, type CheckTiming } from '../../server/src/checkTimings';
import { EXAMPLES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');

/** `drplan.trace.server: verbose`: each check's steps in the output channel, as `npm run bench` reads them. */
describe('the timing trace of checks', () => {
  let client: LspClient;
  const traces: LogTraceParams[] = [];
  before(async () => {
    client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO });
    client.connection.onNotification('$/logTrace', (params: LogTraceParams) => traces.push(params));
  });
  after(() => client.stop());

  const uri = 'untitled:timed.drplan.yaml';
  const text = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
  const at = text.indexOf('recovery_time: ') + 'recovery_time: '.length;
  const position = { line: text.slice(0, at).split('\n').length - 1, character: at - text.lastIndexOf('\n', at - 1) - 1 };

  it('says nothing while the trace is off', async () => {
    await client.open(uri, text);
    await client.diagnosticsOfVersion(uri, 1);
    await client.change(uri, 2, [{ range: { start: position, end: position }, text: '1' }]);
    await client.diagnosticsOfVersion(uri, 2);
    assert.deepEqual(traces, []);
  });

  it('gives each step of a check of a keystroke, once the client asks for verbose traces', async () => {
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
    const end = { line: position.line, character: position.character + 1 };
    await client.change(uri, 3, [{ range: { start: position, end }, text: '' }]);
    const diagnostics = await client.diagnosticsOfVersion(uri, 3);
    // The trace follows the publication it is about.
    await waitFor(() => traces.length > 0);
    assert.equal(traces.length, 1);
    assert.equal(traces[0]!.message, `${CHECK_TIMING_MESSAGE}: ${uri}`);
    const timing = JSON.parse(traces[0]!.verbose!) as CheckTiming;
    assert.equal(timing.version, 3);
    assert.equal(timing.diagnostics, diagnostics.length);
    for (const step of ['applyMs', 'waitMs', 'analysisMs', 'renderMs', 'serialiseMs'] as const) {
      assert.equal(typeof timing[step], 'number', step);
      assert.ok(timing[step] >= 0, step);
    }
    // The analysis of a keystroke is work; applying a one-character change is measured too.
    assert.ok(timing.analysisMs > 0);
    assert.ok(timing.applyMs > 0);
  });

  it('stops when the client turns the trace off', async () => {
    await client.connection.sendNotification('$/setTrace', { value: 'off' });
    await client.change(uri, 4, [{ range: { start: position, end: position }, text: '1' }]);
    await client.diagnosticsOfVersion(uri, 4);
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }); // a round trip after it
    assert.equal(traces.length, 1);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
