/**
 * `npm run test:pack`: the npm package as a CI pipeline gets it. `npm pack` (its prepack script
 * builds the bundles minified) gives a tarball of the runtime files only; installed into an empty
 * folder with no network, `npx drplan check` and `npx drplan render` work there, and so does the
 * language server. Not part of `npm test`: packing rebuilds dist/, which the other tests run.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { EXAMPLES, FIXTURES, ROOT } from '../support/fixtures';
import { LspClient } from '../support/lspClient';
import { runOffline, WITHOUT_NETWORK } from '../support/offline';

/** What the tarball holds: the bundles the two commands run, and what npm always packs. */
const PACKED = [
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/language-service.js',
  'dist/pdf-engine.js',
  'dist/pdf-worker.js',
  'dist/server.js',
  'package.json',
];

describe('the npm package', { timeout: 10 * 60_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-pack-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const tarball = join(scratch, `drplan-${version}.tgz`);
  const project = join(scratch, 'project');
  // no npm configuration of this machine's user, a cache of its own: nothing comes from elsewhere
  const env = { ...process.env, HOME: scratch, npm_config_cache: join(scratch, 'npm-cache'), npm_config_userconfig: join(scratch, 'npmrc'), LANG: 'C.UTF-8', LC_ALL: '' };
  let packed: { name: string; version: string; files: { path: string; size: number; mode: number }[] };

  before(() => {
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    assert.equal(pack.status, 0, pack.stderr);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0] as typeof packed;
  });

  it('packs the runtime files only: no sources, tests, source maps or VS Code parts', () => {
    assert.equal(packed.name, 'drplan');
    assert.equal(packed.version, version);
    assert.deepEqual(packed.files.map((file) => file.path).sort(), PACKED);
    assert.ok(statSync(tarball).size < 3 * 1024 * 1024, `${statSync(tarball).size} bytes`);
    // built by prepack, minified: a bundle without its source map is read by nobody
    const cli = packed.files.find((file) => file.path === 'dist/cli.js');
    assert.ok(cli && cli.size < 1_000_000, `dist/cli.js: ${cli?.size} bytes, minified?`);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
    assert.equal(manifest.dependencies, undefined, 'the bundles need no dependencies');
    assert.deepEqual(manifest.bin, { drplan: './dist/cli.js', 'drplan-language-server': './dist/server.js' });
  });

  it('installs into an empty folder with no network', () => {
    mkdirSync(join(project, 'plans'), { recursive: true });
    // a CI job's project: the plans, and a package.json of its own
    assert.equal(runOffline('npm', ['init', '--yes'], { cwd: project, env }).status, 0);
    copyFileSync(join(EXAMPLES, 'plone-intranet.drplan.yaml'), join(project, 'plans', 'intranet.drplan.yaml'));
    copyFileSync(join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml'), join(project, 'plans', 'storage.drplan.yaml'));
    const install = runOffline('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, env });
    assert.equal(install.status, 0, `${install.stdout}${install.stderr}${WITHOUT_NETWORK ? '' : ' (npm offline; no network namespace here)'}`);
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/drplan'], 'drplan and nothing else');
  });

  it('checks plans with npx drplan check', () => {
    assert.equal(runOffline('npx', ['drplan', '--version'], { cwd: project, env }).stdout, `${version}\n`);
    const check = runOffline('npx', ['drplan', 'check', '--format', 'json', 'plans/'], { cwd: project, env });
    assert.equal(check.status, 1, check.stderr);
    const findings = JSON.parse(check.stdout) as { code: string; severity: string; file: string }[];
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => [f.file, f.code]), [['plans/storage.drplan.yaml', 'rto-exceeded']]);
    const clean = runOffline('npx', ['drplan', 'check', 'plans/intranet.drplan.yaml'], { cwd: project, env });
    assert.equal(clean.status, 0, clean.stdout);
    assert.match(clean.stdout, /^1 file checked: /m);
    const report = runOffline('npx', ['drplan', 'check', '--format', 'gitlab', 'plans/'], { cwd: project, env });
    assert.ok((JSON.parse(report.stdout) as { check_name: string }[]).some((issue) => issue.check_name === 'rto-exceeded'));
  });

  it('renders a plan with npx drplan render', () => {
    const render = runOffline('npx', ['drplan', 'render', '-o', 'intranet.pdf', 'plans/intranet.drplan.yaml'], { cwd: project, env });
    assert.equal(render.status, 0, render.stderr);
    const pdf = join(project, 'intranet.pdf');
    assert.match(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout, /^Title:\s+Notfallplan Plone-Intranet$/m);
    assert.match(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout, /Wiederanlauf|Notfallkarte/);
    const draft = runOffline('npx', ['drplan', 'render', 'plans/storage.drplan.yaml'], { cwd: project, env });
    assert.equal(draft.status, 1);
    assert.match(draft.stderr, /marked ENTWURF/);
    assert.ok(statSync(join(project, 'plans', 'storage.pdf')).size > 10_000);
  });

  it('starts the language server, which checks a plan', async () => {
    const server = join(project, 'node_modules', '.bin', 'drplan-language-server');
    const client = await LspClient.start(server, ['--stdio']);
    try {
      const uri = pathToFileURL(join(project, 'plans', 'storage.drplan.yaml')).href;
      await client.open(uri, readFileSync(join(project, 'plans', 'storage.drplan.yaml'), 'utf8'));
      const diagnostics = await client.diagnosticsOfVersion(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'rto-exceeded'));
    } finally {
      await client.stop();
    }
  });
});
