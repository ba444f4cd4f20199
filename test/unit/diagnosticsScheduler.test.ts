import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DiagnosticsScheduler } from '../../server/src/diagnosticsScheduler';

/** One turn of the timers: the scheduler's turns (immediates) are done by then. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
/** One turn of the event loop, in which the connection handles the next message it has. */
const immediate = () => new Promise((resolve) => setImmediate(resolve));

describe('the diagnostics scheduler', () => {
  it('checks a change at once when idle: no timer of its own before the check', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticsScheduler(0, (uri) => void runs.push(uri));
    scheduler.schedule('a');
    assert.deepEqual(runs, [], 'not inside the message handler: the messages already read go first');
    await turn();
    await turn();
    await turn();
    assert.deepEqual(runs, ['a']);
    scheduler.dispose();
  });

  it('checks a change without a timer: in the turn after the one in which a message that has arrived would be handled', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticsScheduler(0, (uri) => void runs.push(uri));
    scheduler.schedule('a');
    await immediate();
    assert.deepEqual(runs, [], 'a message already read is handled first');
    await immediate();
    assert.deepEqual(runs, [], 'a message read from the pipe in the first turn is handled in this one');
    await immediate();
    assert.deepEqual(runs, ['a']);
    scheduler.dispose();
  });

  it('waits while changes keep coming, one per turn, and then checks once', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticsScheduler(0, (uri) => void runs.push(uri));
    for (let i = 0; i < 5; i++) {
      scheduler.schedule('a');
      await immediate();
    }
    assert.deepEqual(runs, []);
    for (let i = 0; i < 5; i++) await immediate();
    assert.deepEqual(runs, ['a']);
    scheduler.dispose();
  });

  it('checks a burst of changes read together once', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticsScheduler(0, (uri) => void runs.push(uri));
    for (let i = 0; i < 10; i++) scheduler.schedule('a');
    await turn();
    await turn();
    await turn();
    assert.deepEqual(runs, ['a']);
    scheduler.dispose();
  });

  it('checks again, once, after a check during which changes came', async () => {
    const runs: string[] = [];
    let during = 3;
    const scheduler = new DiagnosticsScheduler(0, (uri) => {
      runs.push(uri);
      // Changes that the server reads after this check (it reads none while one runs).
      if (during-- > 0) setImmediate(() => [1, 2, 3].forEach(() => scheduler.schedule(uri)));
    });
    scheduler.schedule('a');
    for (let i = 0; i < 12; i++) await turn();
    assert.deepEqual(runs, ['a', 'a', 'a', 'a']);
    scheduler.dispose();
  });

  it('waits for a delay set in the settings; a document opened is checked at once all the same', async () => {
    const runs: string[] = [];
    const scheduler = new DiagnosticsScheduler(5_000, (uri) => void runs.push(uri));
    scheduler.schedule('a');
    scheduler.schedule('b');
    await turn();
    await turn();
    assert.deepEqual(runs, [], 'not before the delay');
    scheduler.now('b');
    await turn();
    await turn();
    await turn();
    assert.deepEqual(runs, ['b']);
    scheduler.dispose();
  });

  it('work that waits for the messages comes after a message already in the pipe: vscode-jsonrpc over a real socket', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'drplan-pipe-'));
    const path = join(folder, 'server.sock');
    const listening = createServer();
    const accepted = new Promise<Socket>((resolve) => listening.once('connection', resolve));
    await new Promise<void>((resolve) => listening.listen(path, resolve));
    const client = connect(path);
    const socket = await accepted;
    const connection = createMessageConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
    const scheduler = new DiagnosticsScheduler(0, () => undefined);
    const order: string[] = [];
    connection.onNotification('textDocument/didChange', () => {
      order.push('change');
      scheduler.schedule('a');
    });
    connection.listen();
    try {
      // As when a timer falls due while the server was busy: the client's next change is in the
      // pipe (a socket writes at once), not yet read, when the work is queued.
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {} });
          client.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
          scheduler.afterMessages(() => {
            order.push('work');
            resolve();
          });
        }, 0),
      );
      assert.deepEqual(order, ['change', 'work']);
    } finally {
      scheduler.dispose();
      connection.dispose();
      client.destroy();
      socket.destroy();
      listening.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
