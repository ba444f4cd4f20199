// Bundles the extension client, the language server and the CLI into dist/ with esbuild, and for
// VS Code in the browser the extension and its language server's web worker into dist/web/.
// `--watch` rebuilds on change; `--minify` for packaging.
// Also bundles the VS Code suite (test/vscode/, run inside VS Code's extension host) into
// dist/test/vscode/: index.js (the extensionTestsPath), one *.test.js per test file, and
// bench/index.js (the activation benchmark); mocha is bundled in, `vscode` is the host's.
// First it writes the schema validator, generated from the schema (scripts/lib/planValidator.mjs).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BROWSER_DEFINE, browserOnly } from './lib/browserBundle.mjs';
import { PLAN_SCHEMA_FILE, planValidatorSource, writePlanValidator } from './lib/planValidator.mjs';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** fontkit (under pdfmake) reads WOFF2 with brotli; the bundles embed TrueType fonts only. */
const withoutBrotli = {
  name: 'without-brotli',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: path.resolve('scripts/stubs/brotli-decompress.cjs') }));
  },
};

/**
 * The schema validator ajv generates at build time (server/src/core/schema/planValidator.generated.js,
 * not committed), so that no bundle compiles code at run time. The file is written before the
 * bundles are made, for the TypeScript sources (tests through tsx); each bundle takes the code as
 * generated from the schema file now, so a changed schema is never bundled with an old validator
 * (and `--watch` rebuilds it).
 */
let generated = { schemaText: '', source: '', written: Promise.resolve() };
function currentPlanValidator() {
  const schemaText = readFileSync(PLAN_SCHEMA_FILE, 'utf8');
  if (generated.schemaText !== schemaText) {
    const source = planValidatorSource();
    // one write at a time, in order: the file ends as the last schema makes it
    generated = { schemaText, source, written: generated.written.then(() => writePlanValidator(source)) };
  }
  return generated;
}
const planValidator = {
  name: 'plan-validator',
  setup(build) {
    build.onLoad({ filter: /[\\/]planValidator\.generated\.js$/ }, async () => {
      const { source, written } = currentPlanValidator();
      await written;
      return { contents: source, loader: 'js', watchFiles: [PLAN_SCHEMA_FILE] };
    });
  },
};

/**
 * yaml as the ES module it also ships (its `default` export, the one the browser bundles take),
 * not its CommonJS build: esbuild reaches a CommonJS module's exports through a getter per use,
 * and the parser calls isScalar, isMap and isPair on every node (the first check of a
 * 500-scenario plan about 8 ms sooner, measured). Same source, same version.
 */
const yamlModule = {
  name: 'yaml-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: path.join(path.dirname(require.resolve('yaml/package.json')), 'browser', 'index.js') }));
  },
};

/**
 * The PDF engine (pdfmake, pdfkit, Roboto: 2 MB) is its own bundle, dist/pdf-engine.js, required
 * by server.js and cli.js (same folder) on the first export, so neither reads it at start.
 */
const PDF_ENGINE = 'server/src/core/render/pdfEngine.ts';
const pdfEngineApart = {
  name: 'pdf-engine-apart',
  setup(build) {
    build.onResolve({ filter: /\/pdfEngine$/ }, () => ({ path: './pdf-engine.js', external: true }));
  },
};

/**
 * The language service (server/src/core/languageService.ts, whose factory brings the core, yaml
 * and ajv) is its own bundle too, dist/language-service.js, which server.js requires once the
 * client is initialized: the answer to `initialize` does not wait for it to be compiled.
 */
const LANGUAGE_SERVICE = 'server/src/core/languageService.ts';
const languageServiceApart = {
  name: 'language-service-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/core\/languageService$/ }, (args) =>
      args.importer.endsWith(path.join('server', 'src', 'nodeServices.ts')) ? { path: './language-service.js', external: true } : undefined,
    );
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify,
  logLevel: 'info',
  legalComments: 'none',
  plugins: [withoutBrotli, planValidator, yamlModule],
};

const TESTS_OUT = 'dist/test/vscode';

/**
 * For VS Code in the browser (vscode.dev, github.dev, GitLab's Web IDE), which runs the extension
 * in a web worker and has no Node: no Node built-in gets in (lib/browserBundle.mjs says which
 * three are replaced), and `global` is the worker's `globalThis`.
 */
/** @type {esbuild.BuildOptions} */
const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [browserOnly, withoutBrotli, planValidator], define: BROWSER_DEFINE };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, pdfEngineApart, languageServiceApart] },
  { ...common, entryPoints: [LANGUAGE_SERVICE], outfile: 'dist/language-service.js', plugins: [...common.plugins, pdfEngineApart] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, pdfEngineApart] },
  { ...common, entryPoints: [PDF_ENGINE], outfile: 'dist/pdf-engine.js' },
  // The language server's PDF worker (server/src/pdfWorker.ts), which requires the engine too.
  { ...common, entryPoints: ['server/src/pdfWorker.ts'], outfile: 'dist/pdf-worker.js', plugins: [...common.plugins, pdfEngineApart] },
  // VS Code in the browser: the extension (CommonJS, as VS Code loads a web extension) and the
  // language server's web worker, which has the language service and the PDF engine inside.
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/web/server.js', format: 'iife' },
  {
    ...common,
    entryPoints: [
      'test/vscode/index.ts',
      'test/vscode/bench/index.ts',
      ...readdirSync('test/vscode').filter((name) => name.endsWith('.test.ts')).sort().map((name) => `test/vscode/${name}`),
    ],
    outbase: 'test/vscode',
    outdir: TESTS_OUT,
    metafile: true,
    external: ['vscode'],
    minify: false,
    logLevel: 'warning',
    // mocha's parallel mode (worker files found with require.resolve) is never used here.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];

/**
 * A test file deleted or renamed must not leave its old bundle behind for index.js to run: remove
 * what this build did not write. (Not the whole folder first: another build or a test run may be
 * using it at the same moment.)
 */
async function pruneTests(written) {
  const files = await readdir(TESTS_OUT, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of files) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!written.has(path.resolve(file))) await rm(file, { force: true });
  }
}

await currentPlanValidator().written;

if (watch) {
  await rm(TESTS_OUT, { recursive: true, force: true });
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  await Promise.all(['dist/server.js', 'dist/cli.js'].map((file) => chmod(file, 0o755)));
  const written = new Set(results.flatMap((r) => Object.keys(r.metafile?.outputs ?? {})).map((file) => path.resolve(file)));
  await pruneTests(written);
}
