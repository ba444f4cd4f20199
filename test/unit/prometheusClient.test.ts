import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prometheusBase, PrometheusFailure, queryRange } from '../../server/src/prometheus/prometheusClient';

/**
 * The network edge of the availability import (server/src/prometheus/prometheusClient.ts) against
 * small servers of the test on loopback: the one request it makes, and its limits (time, size,
 * redirects, certificates, cancelling). Prometheus itself: test/cli/measure.test.ts.
 */

const range = { query: 'probe_success{instance="a b"}', start: 1_793_491_200, end: 1_793_491_320, step: 60 };
const limits = { timeoutMs: 300, maxResponseBytes: 2_000 };

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; detail: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PrometheusFailure, String(error));
    return { kind: error.kind, detail: error.detail };
  }
  assert.fail('the request succeeded');
}

describe('the Prometheus client', () => {
  const seen: string[] = [];
  let handler: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    handler(request, response);
  });
  let host = '';
  before(async () => (host = await listening(server)));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
    handler = (_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };
  };

  it('asks GET <URL>/api/v1/query_range with the query, start, end and step, below the URL\'s path', async () => {
    answer(200, JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { instance: 'a b' }, values: [[range.start, '1']] }] } }));
    seen.length = 0;
    const base = prometheusBase(`http://${host}/prometheus`);
    assert.ok(base instanceof URL);
    const series = await queryRange(base, range, limits);
    assert.deepEqual(series, [{ metric: { instance: 'a b' }, values: [[range.start, '1']] }]);
    assert.deepEqual(seen, [`GET /prometheus/api/v1/query_range?query=probe_success%7Binstance%3D%22a+b%22%7D&start=${range.start}&end=${range.end}&step=60`]);
  });

  it('takes only http(s) URLs without credentials, query or fragment', () => {
    assert.equal((prometheusBase('https://prometheus.example.org:9090') as URL).href, 'https://prometheus.example.org:9090/');
    assert.equal(prometheusBase('ftp://example.org'), 'scheme');
    assert.equal(prometheusBase('file:///etc/passwd'), 'scheme');
    assert.equal(prometheusBase('http://user:pw@example.org'), 'credentials');
    assert.equal(prometheusBase('http://example.org/?x=1'), 'queryOrFragment');
    assert.equal(prometheusBase('http://example.org/#top'), 'queryOrFragment');
    assert.equal(prometheusBase('example.org:9090'), 'scheme');
    assert.equal(prometheusBase('not a url'), 'syntax');
  });

  it('reports Prometheus\'s own error, another status, an answer that is not the API', async () => {
    answer(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }));
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'queryError', detail: 'parse error at char 5' });
    answer(502, '<html>Bad Gateway</html>');
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'status', detail: '502' });
    answer(200, '{"status":"success","data":{"resultType":"vector","result":[]}}');
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'badResponse', detail: 'resultType vector' });
    answer(200, '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["x",1]]}]}}');
    assert.equal((await failure(queryRange(new URL(`http://${host}/`), range, limits))).kind, 'badResponse');
  });

  it('follows no redirect', async () => {
    seen.length = 0;
    answer(301, '', { location: `http://${host}/elsewhere/` });
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'redirect', detail: `http://${host}/elsewhere/` });
    assert.equal(seen.length, 1, 'one request, none to where it pointed');
  });

  it('gives up on an answer larger than its cap, and on a server that does not answer in time', async () => {
    answer(200, JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: Array(200).fill([range.start, '1']) }] } }));
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'tooLarge', detail: '2000' });
    handler = () => undefined; // never answers
    const started = Date.now();
    assert.deepEqual(await failure(queryRange(new URL(`http://${host}/`), range, limits)), { kind: 'timeout', detail: '300' });
    assert.ok(Date.now() - started < 5_000);
  });

  it('ends its request when the import is cancelled', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = queryRange(new URL(`http://${host}/`), range, { timeoutMs: 60_000, maxResponseBytes: 1000 }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    assert.deepEqual(await failure(pending), { kind: 'cancelled', detail: '' });
  });

  it('a port where nothing listens: unreachable, with the code', async () => {
    const closed = createServer();
    const free = await listening(closed);
    closed.close();
    assert.deepEqual(await failure(queryRange(new URL(`http://${free}/`), range, limits)), { kind: 'unreachable', detail: 'ECONNREFUSED' });
  });
});

describe('the Prometheus client over TLS', () => {
  const folder = mkdtempSync(join(tmpdir(), 'drplan-tls-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')],
    { stdio: 'ignore' },
  );
  const skip = made.status === 0 ? false : 'openssl is not installed';

  it('verifies the certificate, whatever NODE_TLS_REJECT_UNAUTHORIZED says', { skip }, async () => {
    const server = createTlsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (_request, response) => {
      response.end('{"status":"success","data":{"resultType":"matrix","result":[]}}');
    });
    const host = await listening(server);
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      assert.deepEqual(await failure(queryRange(new URL(`https://${host}/`), range, limits)), { kind: 'certificate', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
      server.close();
    }
  });
});
