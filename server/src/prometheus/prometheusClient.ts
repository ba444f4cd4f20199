/**
 * The one module of drplan that talks to the network (SECURITY.md §2, §10): Prometheus's HTTP
 * API, for the availability import (`drplan measure --prometheus URL`, and the VS Code command
 * through the language server). It asks one thing, a range query (`GET <URL>/api/v1/query_range`),
 * of the server the user named, and nothing else:
 *
 * - only `http:` and `https:` URLs, without user name or password, query or fragment; the API
 *   path is appended to the URL's path (a Prometheus behind `/prometheus/` works);
 * - a connection of its own to that host (no proxy: `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY`
 *   are not read, so the environment cannot send the query and its answer elsewhere); TLS is
 *   verified, whatever `NODE_TLS_REJECT_UNAUTHORIZED` says (`NODE_EXTRA_CA_CERTS` adds a CA);
 * - no redirect is followed: a 3xx answer is an error that names where it points;
 * - each request has a time limit (30 s) and a cap on the answer (64 MB); a cancelled import
 *   ends its request at once.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ServerFailure, ServerFailureKind } from '../core/i18n/measureMessages';

export const QUERY_RANGE_PATH = 'api/v1/query_range';

export interface PrometheusLimits {
  /** Milliseconds one request may take, from connecting to the last byte. */
  readonly timeoutMs: number;
  /** Bytes an answer may have. */
  readonly maxResponseBytes: number;
}

export const DEFAULT_LIMITS: PrometheusLimits = { timeoutMs: 30_000, maxResponseBytes: 64 * 1024 * 1024 };

export class PrometheusFailure extends Error implements ServerFailure {
  constructor(
    readonly kind: ServerFailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** Why a text is no URL the import may ask. */
export type UrlProblem = 'syntax' | 'scheme' | 'credentials' | 'queryOrFragment';

/** The server's base URL, checked; its path ends with `/` so that the API path is appended. */
export function prometheusBase(text: string): URL | UrlProblem {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'syntax';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) return 'queryOrFragment';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/** One series of a range query's answer: its labels and its samples, `[seconds, "value"]`. */
export interface Series {
  readonly metric: Readonly<Record<string, string>>;
  readonly values: readonly (readonly [number, string])[];
}

export interface RangeQuery {
  readonly query: string;
  /** Seconds since 1970-01-01; both evaluated. */
  readonly start: number;
  readonly end: number;
  /** Seconds. */
  readonly step: number;
}

/** `GET <base>api/v1/query_range?query=…&start=…&end=…&step=…`: the series of the answer. */
export async function queryRange(base: URL, range: RangeQuery, limits: PrometheusLimits = DEFAULT_LIMITS, signal?: AbortSignal): Promise<Series[]> {
  const url = new URL(QUERY_RANGE_PATH, base);
  url.search = new URLSearchParams({ query: range.query, start: String(range.start), end: String(range.end), step: String(range.step) }).toString();
  const { status, location, body } = await get(url, limits, signal);
  if (status >= 300 && status < 400) throw new PrometheusFailure('redirect', location ?? '');
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    if (status < 200 || status >= 300) throw new PrometheusFailure('status', String(status));
    throw new PrometheusFailure('badResponse', 'not JSON');
  }
  if (isRecord(answer) && answer.status === 'error') throw new PrometheusFailure('queryError', typeof answer.error === 'string' ? answer.error : String(status));
  if (status < 200 || status >= 300) throw new PrometheusFailure('status', String(status));
  return seriesOf(answer);
}

/** The matrix of a successful answer, its shape checked. */
function seriesOf(answer: unknown): Series[] {
  const data = isRecord(answer) && answer.status === 'success' ? answer.data : undefined;
  if (!isRecord(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    throw new PrometheusFailure('badResponse', isRecord(data) && typeof data.resultType === 'string' ? `resultType ${data.resultType}` : 'no matrix');
  }
  return data.result.map((item: unknown): Series => {
    if (!isRecord(item) || !isRecord(item.metric) || !Array.isArray(item.values)) throw new PrometheusFailure('badResponse', 'a series without metric or values');
    const metric: Record<string, string> = {};
    for (const [name, value] of Object.entries(item.metric)) metric[name] = String(value);
    const values = item.values.map((sample: unknown): [number, string] => {
      if (!Array.isArray(sample) || typeof sample[0] !== 'number' || typeof sample[1] !== 'string') throw new PrometheusFailure('badResponse', 'a sample that is not [time, "value"]');
      return [sample[0], sample[1]];
    });
    return { metric, values };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;

/** One GET: status, Location and the body as text, within the limits. */
function get(url: URL, limits: PrometheusLimits, signal: AbortSignal | undefined): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new PrometheusFailure('cancelled', ''));
      return;
    }
    const options = {
      method: 'GET',
      headers: { accept: 'application/json' },
      // A connection of its own (no agent: no pooled socket, no proxy), a verified certificate.
      agent: false as const,
      rejectUnauthorized: true,
    };
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options);
    const fail = (failure: PrometheusFailure) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      request.destroy();
      reject(failure);
    };
    const timer = setTimeout(() => fail(new PrometheusFailure('timeout', String(limits.timeoutMs))), limits.timeoutMs);
    const cancel = () => fail(new PrometheusFailure('cancelled', ''));
    signal?.addEventListener('abort', cancel, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      fail(new PrometheusFailure(TLS_CODES.test(code) ? 'certificate' : 'unreachable', code));
    });
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) fail(new PrometheusFailure('tooLarge', String(limits.maxResponseBytes)));
        else chunks.push(chunk);
      });
      response.on('error', (error: NodeJS.ErrnoException) => fail(new PrometheusFailure('unreachable', error.code ?? error.message)));
      response.on('end', () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        const location = response.headers.location;
        resolve({ status: response.statusCode ?? 0, location, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end();
  });
}
