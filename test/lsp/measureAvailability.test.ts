/**
 * The language server's availability import (measureProtocol.ts) over stdio: it asks Prometheus
 * only once the client says the workspace is trusted (initializationOptions.workspaceTrusted, or
 * the notification drplan/workspaceTrusted), answers the figures and the edit of the document's
 * current version, makes the edit again for a newer version, and writes only figures a client
 * sends back. The server here is a small stand-in for Prometheus's range query that counts the
 * requests; the real Prometheus: test/cli/measure.test.ts and test/vscode/importAvailability.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AvailabilityEditResult, MeasureAvailabilityResult } from '../../server/src/measureProtocol';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const URI = 'file:///tmp/measure-availability.drplan.yaml';
const PLAN = `drplan: "1"
availability:
  target: 99.9   # SLA
  measurements:
    - id: http-check
      interval: 1 min
      query: probe_success
scenarios: []
`;
/** November 2026 begins at this second; the stand-in is down for its first ten minutes. */
const NOVEMBER = Date.UTC(2026, 10, 1) / 1000;

describe('the availability import of the language server', () => {
  let prometheus: Server;
  let url = '';
  let asked = 0;
  const clients: LspClient[] = [];
  before(async () => {
    prometheus = createServer((request, response) => {
      asked++;
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const [start, end, step] = ['start', 'end', 'step'].map((name) => Number(query.get(name)));
      const values: [number, string][] = [];
      for (let t = start as number; t <= (end as number); t += step as number) values.push([t, t < NOVEMBER + 600 ? '0' : '1']);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'probe_success' }, values }] } }));
    });
    await new Promise<void>((resolve) => prometheus.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}/`;
  });
  after(async () => {
    for (const client of clients) await client.stop();
    await new Promise<void>((resolve) => prometheus.close(() => resolve()));
  });

  async function server(initializationOptions: object): Promise<LspClient> {
    const client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, ...initializationOptions });
    clients.push(client);
    await client.open(URI, PLAN);
    return client;
  }

  const measure = (client: LspClient) =>
    client.connection.sendRequest<MeasureAvailabilityResult>('drplan/measureAvailability', { textDocument: { uri: URI }, period: '2026-11', url });

  it('asks nothing in a workspace not trusted, until the client says it is', async () => {
    const client = await server({});
    asked = 0;
    await assert.rejects(measure(client), /availability is imported from Prometheus only in a trusted workspace/);
    assert.equal(asked, 0, 'no request reached the server');

    await client.connection.sendNotification('drplan/workspaceTrusted');
    const result = await measure(client);
    assert.equal(asked, 5, 'a month at one minute: five range queries');
    assert.deepEqual(result.results, [{ source: 'http-check', measured: 99.98, downtime: 600, outages: 1 }]);
    assert.equal(result.belowTarget, false);
    assert.equal(result.version, 1);
    assert.equal(result.summary, `November 2026 from ${url}: http-check: 99.98 % (1 outage, 10 min)`);
    const edited = TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 1, PLAN), [result.edit]);
    assert.equal(edited, PLAN.replace('scenarios:', '  results:\n    - period: 2026-11\n      measured: 99.98\n      downtime: 10 min\n      outages: 1\n      source: http-check\nscenarios:'));
  });

  it('makes the edit again for a version changed since the figures came', async () => {
    const client = await server({ workspaceTrusted: true });
    const { results } = await measure(client);
    await client.change(URI, 2, [{ text: `# neu\n${PLAN}` }]);
    const again = await client.connection.sendRequest<AvailabilityEditResult>('drplan/availabilityResultsEdit', { textDocument: { uri: URI }, period: '2026-11', results });
    assert.equal(again.version, 2);
    assert.equal(TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 2, `# neu\n${PLAN}`), [again.edit]).split('\n').slice(0, 8).join('\n'), `# neu\n${PLAN.split('\n').slice(0, 7).join('\n')}`);
    assert.match(TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 2, `# neu\n${PLAN}`), [again.edit]), /\n {2}results:\n {4}- period: 2026-11\n/);
  });

  it('writes only figures: anything else a client sends back is refused', async () => {
    const client = await server({ workspaceTrusted: true });
    for (const results of [[{ source: 'x', measured: 'NaN', downtime: 0, outages: 0 }], [{ source: 'x', measured: 99, downtime: -1, outages: 0 }], [{ source: '', measured: 99, downtime: 0, outages: 0 }], 'all']) {
      await assert.rejects(
        client.connection.sendRequest('drplan/availabilityResultsEdit', { textDocument: { uri: URI }, period: '2026-11', results }),
        /no readable plan|is no month/,
        JSON.stringify(results),
      );
    }
    await assert.rejects(
      client.connection.sendRequest('drplan/measureAvailability', { textDocument: { uri: URI }, period: '2026-11', url: 'file:///etc/passwd' }),
      /drplan\.prometheus\.url 'file:\/\/\/etc\/passwd' is no http\(s\) address/,
    );
  });
});
