/**
 * A real Prometheus for the availability import's tests (Debian's `prometheus` package): probe
 * data with known outages written as OpenMetrics, backfilled with `promtool tsdb
 * create-blocks-from openmetrics`, and `prometheus` started on a free loopback port with that
 * storage and a configuration without scrape targets; ready once `/-/ready` answers.
 *
 * The tests skip, saying why, only where `prometheus` or `promtool` is missing and CI is not set;
 * in CI (.ci/run installs the package) a missing binary fails them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

function found(program: string): boolean {
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Why the tests against Prometheus are skipped here, or false when they run. */
export const PROMETHEUS_SKIP: string | false =
  found('prometheus') && found('promtool')
    ? false
    : process.env.CI
      ? false // in CI a missing Prometheus fails the tests instead
      : 'prometheus and promtool are not installed (apt-get install prometheus); CI installs them';

/** Seconds since 1970-01-01 UTC of an ISO time (`2026-11-04T10:00Z`). */
export const at = (iso: string): number => Date.parse(iso) / 1000;

export interface ProbeSeries {
  /** Labels besides `__name__` (probe_success). */
  readonly labels: Readonly<Record<string, string>>;
  /** The first and the last sample's time, seconds. */
  readonly from: number;
  readonly to: number;
  /** Seconds between samples. */
  readonly every: number;
  /** Where the probe failed: samples of 0 from start until before end. */
  readonly down?: readonly { readonly start: number; readonly end: number }[];
  /** Where no sample was taken at all. */
  readonly missing?: readonly { readonly start: number; readonly end: number }[];
}

/** probe_success of each series as OpenMetrics text (one family; each series in time order). */
export function openMetrics(series: readonly ProbeSeries[]): string {
  const lines = ['# HELP probe_success Displays whether or not the probe was a success', '# TYPE probe_success gauge'];
  const inside = (t: number, spans: ProbeSeries['down']) => (spans ?? []).some((span) => t >= span.start && t < span.end);
  for (const one of series) {
    const labels = Object.entries(one.labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(',');
    for (let t = one.from; t <= one.to; t += one.every) {
      if (inside(t, one.missing)) continue;
      lines.push(`probe_success{${labels}} ${inside(t, one.down) ? 0 : 1} ${t}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

// ---------------------------------------------------------------------------
// plans to measure

/** A plan with comments everywhere; `query` of http-check as given. */
export function commentedPlan(query: string, target = '99.9'): string {
  return `# Notfallplan Intranet: Kopfkommentar
drplan: "1"
plan:
  title: Intranet   # Titel
  organisation: Beispiel GmbH
  system: Intranet
  version: "1.0"
contacts:
  - id: bereitschaft   # rund um die Uhr
    name: Bereitschaft
# Verfügbarkeit: gemessen, nicht behauptet
availability:
  target: ${target}   # laut SLA
  measurements:
    - id: http-check   # Blackbox-Exporter
      what: HTTP-Check der Startseite
      interval: 1 min
      alert: bereitschaft
      query: ${query}
    # ohne Abfrage: wird übergangen
    - id: handbuch
      what: Sichtprüfung
  # Ergebnisse folgen
scenarios: []   # keine Szenarien in diesem Test
`;
}

/** The entry `drplan measure --write` adds to a plan without results. */
export function resultsBlock(measured: string, downtime: string, outages: number, source = 'http-check', period = '2026-11'): string {
  return `  results:
    - period: ${period}
      measured: ${measured}
      downtime: ${downtime}
      outages: ${outages}
      source: ${source}
`;
}

/** The plan with `block` inserted after the measurements (before the comment that follows them). */
export function withResults(plan: string, block: string): string {
  const at = plan.indexOf('  # Ergebnisse folgen');
  return plan.slice(0, at) + block + plan.slice(at);
}

// ---------------------------------------------------------------------------
// Prometheus

export interface RunningPrometheus {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the system's choice; free again when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Backfills `series` into a new storage under `folder` and starts Prometheus on it. */
export async function startPrometheus(folder: string, series: readonly ProbeSeries[], timeoutMs = 60_000): Promise<RunningPrometheus> {
  mkdirSync(folder, { recursive: true });
  const data = join(folder, 'probes.om');
  const storage = join(folder, 'tsdb');
  const config = join(folder, 'prometheus.yml');
  writeFileSync(data, openMetrics(series));
  // Blocks of up to 93 days: a few blocks instead of one per two hours.
  const backfill = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=2232h', data, storage], { encoding: 'utf8' });
  if (backfill.status !== 0) throw new Error(`promtool failed (${backfill.status}): ${backfill.stderr || backfill.error}`);
  writeFileSync(config, 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${storage}`,
      // The blocks lie in the past; a retention of 15 days (the default) would delete them.
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await ready(url, child, () => log, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resolves once `/-/ready` answers 200; fails when the process ends or the time is up. */
async function ready(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`prometheus ended before it was ready:\n${log()}`);
    if ((await status(`${url}-/ready`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus was not ready within ${timeoutMs / 1000} s:\n${log()}`);
}

function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => req.destroy());
    req.end();
  });
}
