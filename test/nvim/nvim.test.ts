/**
 * Neovim as a client of `drplan-language-server --stdio`: headless nvim with the minimal config
 * test/nvim/drplan.lua opens a plan, waits for the diagnostics the server publishes and writes them
 * as JSON. Needs nvim 0.7 or newer on PATH, so it is not part of `npm test`:
 *
 *   npm run test:nvim
 *
 * What Neovim 0.7.2 (Debian 12) delivers for each diagnostic (vim.diagnostic.get): lnum, col,
 * end_lnum, end_col (0-based; col in bytes, which equals the LSP character on ASCII lines), severity
 * (1 error, 2 warning, 3 information, 4 hint), message, source, and the LSP code twice: top-level
 * `code` and, deprecated, `user_data.lsp.code`. drplan.lua keeps just these fields, so newer
 * versions (where user_data.lsp is the whole LSP diagnostic) give the same JSON.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';

const CONFIG = join(ROOT, 'test', 'nvim', 'drplan.lua');
const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const RTO = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');
/** drplan.lua gives up after this long; nvim itself is killed after twice as long. */
const WAIT_MS = 10_000;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string | number;
  user_data?: { lsp?: { code?: string | number } };
}

interface NvimResult {
  status: number | null;
  stderr: string;
  json: { error?: string; filetype?: string; diagnostics?: NvimDiagnostic[] } | undefined;
}

let nvimChecked: string | undefined;

/** Fails (never skips) with what to install when there is no usable nvim. */
function requireNvim(): string {
  if (nvimChecked) return nvimChecked;
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.error || result.status !== 0) {
    assert.fail(
      `nvim is not installed or does not run (${result.error?.message ?? `exit ${result.status}`}). ` +
        'These tests need Neovim 0.7 or newer: apt-get install neovim',
    );
  }
  const version = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(result.stdout);
  assert.ok(version, `cannot read the version of nvim from: ${result.stdout.slice(0, 200)}`);
  const [major, minor] = [Number(version[1]), Number(version[2])];
  assert.ok(major > 0 || minor >= 7, `nvim ${version[0]} is too old: these tests need 0.7 or newer (apt-get install neovim)`);
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build (npm run test:nvim does)`);
  nvimChecked = version[0];
  return nvimChecked;
}

describe('Neovim with drplan-language-server --stdio', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-nvim-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let runs = 0;

  function nvim(plan: string, env: Record<string, string> = {}): NvimResult {
    requireNvim();
    const out = join(scratch, `diagnostics-${++runs}.json`);
    const result = spawnSync('nvim', ['--headless', '--clean', '-u', CONFIG, plan], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 2 * WAIT_MS,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        // Keep nvim's logs and state out of the developer's home.
        XDG_CACHE_HOME: join(scratch, 'cache'),
        XDG_STATE_HOME: join(scratch, 'state'),
        XDG_DATA_HOME: join(scratch, 'data'),
        NVIM_LOG_FILE: join(scratch, 'nvim.log'),
        DRPLAN_NVIM_PLAN: plan,
        DRPLAN_NVIM_OUT: out,
        DRPLAN_NVIM_LOCALE: 'en',
        DRPLAN_NVIM_TODAY: TODAY_ISO,
        DRPLAN_NVIM_TIMEOUT: String(WAIT_MS),
        ...env,
      },
    });
    if (result.error) assert.fail(`nvim did not finish within ${2 * WAIT_MS} ms: ${result.error.message}\n${result.stderr}`);
    const json = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as NvimResult['json']) : undefined;
    return { status: result.status, stderr: result.stderr, json };
  }

  /** The diagnostics of a run that must have worked, with nvim's own reason when it did not. */
  function diagnosticsOf(result: NvimResult): NvimDiagnostic[] {
    assert.ok(result.json, `nvim wrote no JSON (exit ${result.status}): ${result.stderr}`);
    assert.equal(result.json.error, undefined, `drplan.lua failed: ${result.json.error}`);
    assert.equal(result.status, 0, `nvim exited with ${result.status}: ${result.stderr}`);
    assert.equal(result.json.filetype, 'drplan');
    assert.ok(Array.isArray(result.json.diagnostics) && result.json.diagnostics.length > 0, 'no diagnostics');
    return result.json.diagnostics;
  }

  it('has nvim 0.7 or newer (apt-get install neovim)', () => {
    assert.match(requireNvim(), /^NVIM v\d+\.\d+\.\d+$/);
  });

  it('receives rto-exceeded as an error at the marked range, with source and code', () => {
    const diagnostics = diagnosticsOf(nvim(RTO));
    const rto = diagnostics.filter((d) => d.code === 'rto-exceeded');
    assert.deepEqual(rto, [
      {
        lnum: 13,
        col: 19,
        end_lnum: 13,
        end_col: 29,
        severity: 1,
        message: 'Recovery takes 10 hours, longer than the RTO (maximum tolerable downtime) of 8 hours.',
        source: 'drplan',
        code: 'rto-exceeded',
        user_data: { lsp: { code: 'rto-exceeded' } },
      },
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'drplan'));
  });

  it('speaks German with init_options = { locale = "de" }', () => {
    const diagnostics = diagnosticsOf(nvim(RTO, { DRPLAN_NVIM_LOCALE: 'de' }));
    const rto = diagnostics.find((d) => d.code === 'rto-exceeded');
    assert.ok(rto, 'no rto-exceeded diagnostic');
    assert.deepEqual([rto.lnum, rto.col, rto.end_lnum, rto.end_col, rto.severity], [13, 19, 13, 29, 1]);
    assert.match(rto.message, /überschreitet/);
    assert.equal(
      rto.message,
      'Die Wiederherstellung dauert 10 Stunden und überschreitet damit die RTO, die maximal zulässige Ausfallzeit (8 Stunden).',
    );
  });

  it('gets only untested information for the clean example', () => {
    const diagnostics = diagnosticsOf(nvim(EXAMPLE));
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 1),
      [],
      'the example must have no errors',
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.source]),
      Array.from({ length: 9 }, () => ['untested', 3, 'drplan']),
    );
  });

  it('reports a server that publishes nothing as a failure, not a hang', () => {
    const idle = join(scratch, 'idle-server.js');
    writeFileSync(idle, 'setInterval(() => {}, 1000);\n');
    const result = nvim(RTO, { DRPLAN_NVIM_SERVER: idle, DRPLAN_NVIM_TIMEOUT: '500' });
    assert.equal(result.status, 2, result.stderr);
    assert.deepEqual(result.json, { error: `no diagnostics within 500 ms for ${RTO}` });
  });
});
