import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { at, commentedPlan, freePort, PROMETHEUS_SKIP, resultsBlock, startPrometheus, withResults, type ProbeSeries, type RunningPrometheus } from '../support/prometheus';

/**
 * `drplan measure` against a real Prometheus (test/support/prometheus.ts): probe data with known
 * outages backfilled, the figures compared with that truth to the second; and from a list of
 * outages (CSV), which needs no server. The plan file is byte for byte unchanged whenever the
 * command ends with status 2.
 */

const CLI = join(ROOT, 'dist', 'cli.js');
/** Periods must have ended: the tests measure November 2026 as of this day. */
const TODAY = '2026-12-05';
const scratch = mkdtempSync(join(tmpdir(), 'drplan-measure-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI (asynchronously: a Prometheus of this process may have to answer meanwhile). */
function drplan(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const measure = (plan: string, ...args: string[]) => drplan(['measure', plan, '--today', TODAY, ...args]);

let plans = 0;
function planFile(text: string): string {
  const file = join(scratch, `plan-${++plans}.drplan.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('drplan measure against a real Prometheus', { skip: PROMETHEUS_SKIP }, () => {
  let prometheus: RunningPrometheus;
  const minute = 60;
  const probes = (labels: Record<string, string>, extra: Partial<ProbeSeries> = {}): ProbeSeries => ({
    labels,
    from: at('2026-10-31T00:00:00Z'),
    to: at('2026-12-01T23:59:00Z'),
    every: minute,
    ...extra,
  });

  before(async () => {
    prometheus = await startPrometheus(join(scratch, 'prometheus'), [
      // The month of the done-criterion: 90 and 45 minutes down.
      probes(
        { instance: 'month' },
        { down: [{ start: at('2026-11-04T10:00:00Z'), end: at('2026-11-04T11:30:00Z') }, { start: at('2026-11-17T03:15:00Z'), end: at('2026-11-17T04:00:00Z') }] },
      ),
      // Outages across both ends of November; data from September on, so October is whole.
      probes(
        { instance: 'boundary' },
        {
          from: at('2026-09-30T22:00:00Z'),
          down: [{ start: at('2026-10-31T23:00:00Z'), end: at('2026-11-01T00:30:00Z') }, { start: at('2026-11-30T23:40:00Z'), end: at('2026-12-01T01:00:00Z') }],
        },
      ),
      // Two hours without a sample, and ten minutes down.
      probes(
        { instance: 'gap' },
        { missing: [{ start: at('2026-11-10T06:00:00Z'), end: at('2026-11-10T08:00:00Z') }], down: [{ start: at('2026-11-12T12:00:00Z'), end: at('2026-11-12T12:10:00Z') }] },
      ),
      // Two probes of one service: down when either is.
      probes({ job: 'pair', instance: 'pair-a' }, { down: [{ start: at('2026-11-05T10:00:00Z'), end: at('2026-11-05T10:30:00Z') }] }),
      probes(
        { job: 'pair', instance: 'pair-b' },
        { down: [{ start: at('2026-11-05T10:20:00Z'), end: at('2026-11-05T11:00:00Z') }, { start: at('2026-11-20T08:00:00Z'), end: at('2026-11-20T08:10:00Z') }] },
      ),
    ]);
  });
  after(() => prometheus?.stop());

  it('imports a month with outages of 90 and 45 minutes as 99.69 %, 2 outages, 2 h 15 min; every comment stays', async () => {
    const original = commentedPlan('probe_success{instance="month"}');
    const plan = planFile(original);
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    // Below the target of 99.9 %: exit status 1, and written all the same (it is the evidence).
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      `Availability November 2026 (2026-11), target 99.9 %

measurement  measured  downtime    outages  without data
http-check   99.69 %   2 h 15 min  2        –

http-check: probe_success{instance="month"} at ${prometheus.url}, 1 series, a point every 1 min
  2026-11-04 10:00:00Z – 11:30:00Z   1 h 30 min
  2026-11-17 03:15:00Z – 04:00:00Z   45 min
Below the target of 99.9 %: http-check.
Time without data counts as downtime; with several series for one query, a moment counts as down when any series is 0.
`,
    );
    assert.equal(run.stderr, `drplan: wrote availability.results for 2026-11 into ${plan} (added: http-check)\n`);
    // Exactly the entry added; everything else, each comment included, as it was.
    assert.equal(readFileSync(plan, 'utf8'), withResults(original, resultsBlock('99.69', '135 min', 2)));
  });

  it('replaces the entry of the same month and source when imported again; its comments stay, and the maintenance it excludes', async () => {
    const original = commentedPlan('probe_success{instance="month"}');
    const plan = planFile(original);
    assert.equal((await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write')).code, 1);
    const once = readFileSync(plan, 'utf8');
    assert.equal((await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write')).code, 1);
    assert.equal(readFileSync(plan, 'utf8'), once, 'the same figures again: the file as it was');

    // An entry written by hand before, with a comment and maintenance left out: figures replaced.
    const handWritten = withResults(
      original,
      `  results:
    - period: 2026-10   # anderer Monat bleibt
      measured: 99.95
      source: http-check
    - period: 2026-11   # von Hand
      measured: 99.99   # geschätzt
      excluded: 30 min  # Wartung
      source: http-check
`,
    );
    writeFileSync(plan, handWritten);
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    // 135 minutes down, 30 of them announced maintenance: 105 of 43,170 minutes, still below 99.9 %.
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /replaced: http-check\)\n$/);
    assert.match(run.stdout, /\nhttp-check: without the announced maintenance the plan excludes \(30 minutes\): 99\.75 %\.\n/);
    assert.equal(
      readFileSync(plan, 'utf8'),
      withResults(
        original,
        `  results:
    - period: 2026-10   # anderer Monat bleibt
      measured: 99.95
      source: http-check
    - period: 2026-11   # von Hand
      measured: 99.69   # geschätzt
      excluded: 30 min  # Wartung
      source: http-check
      downtime: 135 min
      outages: 2
`,
      ),
    );
  });

  it('compares the period as drplan check will: two hours of announced maintenance left out, the target is met (exit status 0)', async () => {
    const plan = planFile(
      withResults(
        commentedPlan('probe_success{instance="month"}'),
        `  results:
    - period: 2026-11
      measured: 99
      excluded: 2h   # angekündigte Wartung am 4.11.
      source: http-check
`,
      ),
    );
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    // 15 of 43,080 minutes down: 99.965 %.
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\nhttp-check +99\.69 % +2 h 15 min +2 +–\n/);
    assert.match(run.stdout, /\nhttp-check: without the announced maintenance the plan excludes \(2 hours\): 99\.96 %\.\n/);
    assert.doesNotMatch(run.stdout, /Below the target/);
    assert.match(readFileSync(plan, 'utf8'), /measured: 99\.69\n {6}excluded: 2h   # angekündigte Wartung am 4\.11\.\n/);
    const check = await drplan(['check', '--today', TODAY, '--format', 'json', plan]);
    assert.deepEqual((JSON.parse(check.stdout) as { code: string }[]).filter((d) => d.code === 'availability-not-met'), []);
  });

  it('drplan check then reports availability-not-met against the 99.9 % target', async () => {
    const plan = planFile(commentedPlan('probe_success{instance="month"}'));
    await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    const check = await drplan(['check', '--today', TODAY, '--format', 'json', plan]);
    const found = (JSON.parse(check.stdout) as { code: string; message: string }[]).filter((d) => d.code === 'availability-not-met');
    assert.equal(found.length, 1, check.stdout);
    const met = planFile(commentedPlan('probe_success{instance="month"}', '99.5'));
    await measure(met, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    const none = await drplan(['check', '--today', TODAY, '--format', 'json', met]);
    assert.deepEqual((JSON.parse(none.stdout) as { code: string }[]).filter((d) => d.code === 'availability-not-met'), []);
  });

  it('counts of an outage across the period\'s boundary only its part inside', async () => {
    const plan = planFile(commentedPlan('probe_success{instance="boundary"}', '99'));
    const november = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11');
    assert.equal(november.code, 0, november.stderr);
    // 30 minutes on 1 November, 20 minutes on 30 November: 50 of 43,200 minutes.
    assert.match(november.stdout, /\nhttp-check +99\.88 % +50 min +2 +–\n/);
    assert.match(november.stdout, /\n {2}2026-11-01 00:00:00Z – 00:30:00Z {3}30 min\n {2}2026-11-30 23:40:00Z – 2026-12-01 00:00:00Z {3}20 min\n/);
    // October: the hour from 23:00 on its last day; 60 of 44,640 minutes is 99.8656 %.
    const october = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-10');
    assert.match(october.stdout, /\nhttp-check +99\.87 % +1 h +1 +–\n/);
    assert.match(october.stdout, /\n {2}2026-10-31 23:00:00Z – 2026-11-01 00:00:00Z {3}1 h\n/);
    assert.equal(readFileSync(plan, 'utf8'), commentedPlan('probe_success{instance="boundary"}', '99'), 'without --write nothing is written');
  });

  it('counts time without data as downtime, and says so', async () => {
    const original = commentedPlan('probe_success{instance="gap"}');
    const plan = planFile(original);
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    assert.equal(run.code, 1, run.stderr);
    // No sample from 06:00 to 08:00: Prometheus takes the last one (05:59) for five minutes more
    // (its lookback), so the query has no value from 06:05 to 08:00, 115 minutes; then ten minutes down.
    assert.match(run.stdout, /\nhttp-check +99\.71 % +2 h 5 min +2 +1 h 55 min\n/);
    assert.match(run.stdout, /\n {2}2026-11-10 06:05:00Z – 08:00:00Z {3}1 h 55 min \(1 h 55 min of it without data\)\n {2}2026-11-12 12:00:00Z – 12:10:00Z {3}10 min\n/);
    assert.match(run.stdout, /\nTime without data counts as downtime;/);
    assert.equal(readFileSync(plan, 'utf8'), withResults(original, resultsBlock('99.71', '125 min', 2)));
  });

  it('takes two series of one query as down when either is 0', async () => {
    const plan = planFile(commentedPlan('probe_success{job="pair"}'));
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11');
    // 10:00–10:30 (a) and 10:20–11:00 (b) are one outage of an hour; then b's ten minutes.
    assert.match(run.stdout, /\nhttp-check +99\.84 % +1 h 10 min +2 +–\n/);
    assert.match(run.stdout, /, 2 series, a point every 1 min\n {2}2026-11-05 10:00:00Z – 11:00:00Z {3}1 h\n {2}2026-11-20 08:00:00Z – 08:10:00Z {3}10 min\n/);
  });

  it('splits a range of more than 11,000 points into several queries: a step of 15 s gives the same figures', async () => {
    // 30 days at 15 s are 172,800 points: 18 queries of at most 10,000.
    const plan = planFile(commentedPlan('probe_success{instance="month"}'));
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--step', '15s');
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /\nhttp-check +99\.69 % +2 h 15 min +2 +–\n/);
    assert.match(run.stdout, /a point every 15 s\n {2}2026-11-04 10:00:00Z – 11:30:00Z {3}1 h 30 min\n/);
  });

  it('a month without data, a query Prometheus refuses, a value other than 0 or 1: exit 2, the plan untouched', async () => {
    const original = commentedPlan('probe_success{instance="month"}');
    const plan = planFile(original);
    const september = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-09', '--write');
    assert.deepEqual(september, {
      code: 2,
      stdout: '',
      stderr: `drplan: the query of 'http-check' (probe_success{instance="month"}) gives no data for 2026-09\n`,
    });
    assert.equal(readFileSync(plan, 'utf8'), original);

    const broken = planFile(commentedPlan('probe_success{instance="month"'));
    const refused = await measure(broken, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, new RegExp(`^drplan: Prometheus at ${prometheus.url} refuses the query: .*parse error.*\\n$`));

    const average = planFile(commentedPlan('avg(probe_success{job="pair"})'));
    const half = await measure(average, '--prometheus', prometheus.url, '--period', '2026-11', '--write');
    assert.equal(half.code, 2);
    assert.equal(half.stderr, `drplan: the query of 'http-check' (avg(probe_success{job="pair"})) gives 0.5 at 2026-11-05 10:00:00Z; it must give 1 (up) or 0 (down)\n`);
    assert.equal(readFileSync(average, 'utf8'), commentedPlan('avg(probe_success{job="pair"})'));
  });

  it('an unreachable server: exit 2, one line, the plan byte for byte unchanged', async () => {
    const original = commentedPlan('probe_success{instance="month"}');
    const plan = planFile(original);
    const port = await freePort();
    const run = await measure(plan, '--prometheus', `http://127.0.0.1:${port}`, '--period', '2026-11', '--write');
    assert.deepEqual(run, { code: 2, stdout: '', stderr: `drplan: cannot reach Prometheus at http://127.0.0.1:${port}/ (connection refused)\n` });
    assert.equal(readFileSync(plan, 'utf8'), original);
    const german = await measure(plan, '--prometheus', `http://127.0.0.1:${port}`, '--period', '2026-11', '--lang', 'de');
    assert.equal(german.stderr, `drplan: Prometheus unter http://127.0.0.1:${port}/ ist nicht erreichbar (Verbindung abgelehnt)\n`);
  });

  it('asks the server named, not a proxy of the environment', async () => {
    const plan = planFile(commentedPlan('probe_success{instance="month"}'));
    const port = await freePort();
    const proxy = `http://127.0.0.1:${port}`;
    const run = await drplan(['measure', plan, '--today', TODAY, '--prometheus', prometheus.url, '--period', '2026-11'], {
      HTTP_PROXY: proxy,
      http_proxy: proxy,
      HTTPS_PROXY: proxy,
      NODE_USE_ENV_PROXY: '1',
    });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /99\.69 %/);
  });

  it('speaks German with --lang de', async () => {
    const plan = planFile(commentedPlan('probe_success{instance="month"}'));
    const run = await measure(plan, '--prometheus', prometheus.url, '--period', '2026-11', '--lang', 'de');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^Verfügbarkeit November 2026 \(2026-11\), Ziel 99,9 %\n\nMessung {5}gemessen {2}Ausfallzeit {2}Ausfälle {2}ohne Daten\nhttp-check {2}99,69 % {3}2 h 15 min {3}2 {9}–\n/);
    assert.match(run.stdout, /\nUnter dem Ziel von 99,9 %: http-check\.\nZeit ohne Daten zählt als Ausfallzeit;/);
    assert.equal(run.stderr, 'Nicht geschrieben; --write trägt die Ergebnisse in availability.results ein.\n');
  });
});

describe('drplan measure --outages (a list from any monitoring tool)', () => {
  const csv = (text: string) => {
    const file = join(scratch, `outages-${++plans}.csv`);
    writeFileSync(file, text);
    return file;
  };

  it('reads start,end[,reason] with a header and quotes; clips to the period and joins what overlaps', async () => {
    const original = commentedPlan('probe_success{instance="month"}', '99.5');
    const plan = planFile(original);
    const list = csv(
      'start,end,reason\n' +
        '2026-10-31T23:30:00Z,2026-11-01T00:15:00Z,"Strom, USV"\n' +
        '2026-11-04 10:00+01:00,2026-11-04T10:30:00Z,Update\n' +
        '2026-11-04T10:20:00Z,2026-11-04T10:40:00Z\n' +
        '2026-12-03T10:00:00Z,2026-12-03T11:00:00Z,Dezember\n',
    );
    const run = await measure(plan, '--outages', list, '--source', 'http-check', '--period', '2026-11', '--write');
    assert.equal(run.code, 0, run.stderr);
    // 15 minutes on 1 November; 09:00–10:40 UTC joined: 100 minutes; December is outside.
    assert.equal(
      run.stdout,
      `Availability November 2026 (2026-11), target 99.5 %

measurement  measured  downtime    outages  without data
http-check   99.73 %   1 h 55 min  2        –

http-check: 3 outages from ${list}
  2026-11-01 00:00:00Z – 00:15:00Z   15 min  Strom, USV
  2026-11-04 09:00:00Z – 10:40:00Z   1 h 40 min  Update
`,
    );
    assert.equal(readFileSync(plan, 'utf8'), withResults(original, resultsBlock('99.73', '115 min', 2)));
  });

  it('writes a downtime with seconds exactly (ISO 8601), and a month without outages as 100 %', async () => {
    const original = commentedPlan('x');
    const plan = planFile(original);
    const list = csv('2026-11-02T00:00:00Z,2026-11-02T00:01:30.5Z\n');
    assert.equal((await measure(plan, '--outages', list, '--source', 'http-check', '--period', '2026-11', '--write')).code, 0);
    assert.equal(readFileSync(plan, 'utf8'), withResults(original, resultsBlock('99.99', 'PT1M31S', 1)));
    const empty = csv('start,end\n');
    const run = await measure(plan, '--outages', empty, '--source', 'http-check', '--period', '2026-10', '--write');
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(plan, 'utf8'), /\n {4}- period: 2026-10\n {6}measured: 100\n {6}downtime: 0\n {6}outages: 0\n {6}source: http-check\n/);
  });

  it('a bad line, an unknown source, a folder as the list: exit 2, the plan untouched', async () => {
    const original = commentedPlan('x');
    const plan = planFile(original);
    const bad = csv('start,end\n2026-11-02T00:00:00Z,morgen\n');
    assert.deepEqual(await measure(plan, '--outages', bad, '--source', 'http-check', '--period', '2026-11', '--write'), {
      code: 2,
      stdout: '',
      stderr: `drplan: ${bad}:2: 'morgen' is no ISO 8601 date and time (such as 2026-11-04T10:00:00Z)\n`,
    });
    const good = csv('2026-11-02T00:00:00Z,2026-11-02T01:00:00Z\n');
    const unknown = await measure(plan, '--outages', good, '--source', 'ping', '--period', '2026-11', '--write');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, "drplan: the plan has no measurement 'ping' in availability.measurements (it has http-check, handbuch)\n");
    assert.equal((await measure(plan, '--outages', scratch, '--source', 'http-check', '--period', '2026-11', '--write')).code, 2);
    assert.equal(readFileSync(plan, 'utf8'), original);
  });

  it('replaces the plan file in one rename: its permissions kept, a link stays a link', async () => {
    const original = commentedPlan('x');
    const real = planFile(original);
    chmodSync(real, 0o640);
    const link = join(scratch, 'link.drplan.yaml');
    symlinkSync(real, link);
    const list = csv('2026-11-02T00:00:00Z,2026-11-02T01:00:00Z\n');
    assert.equal((await measure(link, '--outages', list, '--source', 'http-check', '--period', '2026-11', '--write')).code, 1, 'below 99.9 %');
    assert.equal(readFileSync(real, 'utf8'), withResults(original, resultsBlock('99.86', '60 min', 1)));
    assert.equal(statSync(real).mode & 0o777, 0o640);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link stays a link');
    assert.deepEqual(readdirSync(scratch).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('refuses to write a plan with YAML errors', async () => {
    const original = `${commentedPlan('x')}broken: [\n`;
    const plan = planFile(original);
    const list = csv('2026-11-02T00:00:00Z,2026-11-02T01:00:00Z\n');
    const run = await measure(plan, '--outages', list, '--source', 'http-check', '--period', '2026-11', '--write');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is no readable plan \(YAML errors, or too large\); drplan writes only into plans it can read/);
    assert.equal(readFileSync(plan, 'utf8'), original);
  });
});

describe('drplan measure: usage errors (exit 2)', () => {
  const plan = planFile(commentedPlan('x'));
  const cases: [string[], string][] = [
    [['--prometheus', 'http://127.0.0.1:9'], '--period is missing: a month (2026-11), a quarter (2026-Q3) or a year (2026)'],
    [['--period', '2026-13', '--prometheus', 'http://127.0.0.1:9'], "--period wants a month (2026-11), a quarter (2026-Q3) or a year (2026), not '2026-13'"],
    [['--period', '2026-12', '--prometheus', 'http://127.0.0.1:9'], '2026-12 has not ended yet (today is 2026-12-05); only periods that have ended are measured'],
    [['--period', '2026-11'], 'from where? --prometheus URL or --outages FILE.csv --source ID'],
    [['--period', '2026-11', '--prometheus', 'http://127.0.0.1:9', '--outages', 'x.csv'], '--prometheus and --outages exclude each other'],
    [['--period', '2026-11', '--outages', 'x.csv'], '--outages needs --source ID: the measurement the outages come from'],
    [['--period', '2026-11', '--prometheus', 'ftp://prometheus.example.org'], "--prometheus 'ftp://prometheus.example.org': only http: and https:"],
    [['--period', '2026-11', '--prometheus', 'https://user:secret@prometheus.example.org'], "--prometheus 'https://user:secret@prometheus.example.org': without a user name or password in the URL"],
    [['--period', '2026-11', '--prometheus', 'http://127.0.0.1:9', '--step', '90'], "--step wants a duration of at least one second in whole seconds (60s, 1 min, 5 min), not '90'"],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const run = await measure(plan, ...args);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: `drplan: ${message}\nTry 'drplan --help'.\n` });
    });
  }
});

describe('drplan measure: what the server answers besides the API', () => {
  let server: Server;
  let url = '';
  before(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/moved/')) {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
      } else {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Not Found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('follows no redirect, and says where it pointed', async () => {
    const plan = planFile(commentedPlan('up'));
    const run = await measure(plan, '--prometheus', `${url}moved/`, '--period', '2026-11');
    assert.deepEqual(run, {
      code: 2,
      stdout: '',
      stderr: `drplan: ${url}moved/ redirects to http://169.254.169.254/latest/meta-data/; drplan follows no redirect: give Prometheus's own address\n`,
    });
  });

  it('a page that is not the API', async () => {
    const plan = planFile(commentedPlan('up'));
    const run = await measure(plan, '--prometheus', url, '--period', '2026-11');
    assert.deepEqual(run, { code: 2, stdout: '', stderr: `drplan: ${url} answers with HTTP status 404, not with Prometheus's API\n` });
  });
});
