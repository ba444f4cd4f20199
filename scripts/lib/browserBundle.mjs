// The rules of drplan's bundles for VS Code in the browser (scripts/build.mjs): dist/web/extension.js
// and the language server's worker dist/web/server.js run where there is no Node.
//
// Exports:
//   browserOnly      esbuild plugin: every import of a Node built-in fails the build, but for the
//                    three it names below
//   BROWSER_DEFINE   esbuild `define`: `global` is the worker's `globalThis`, as in the bundlers of
//                    browserify's day (xmldoc asks `global.xmldocAssumeBrowser`)

import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const EMPTY_MODULE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'stubs', 'empty.cjs');
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Built-ins whose npm package of the same name is made for browsers. */
const BROWSER_PACKAGES = new Set(['events']);

/**
 * A Node built-in fails the build, with the module that imports it, except:
 * - `events`: the npm package `events` (pdfmake's layout emits its page events with it);
 * - `stream` in sax (under xmldoc, for the charts' SVG), required in a try block and only for a
 *   streaming parser drplan never makes: an empty module;
 * - pdfkit itself: its own build for browsers (pdfkit.standalone.js, the same version, with its
 *   stream, zlib and Buffer for the browser inside) instead of its Node module.
 * @type {import('esbuild').Plugin}
 */
export const browserOnly = {
  name: 'browser-only',
  setup(build) {
    build.onResolve({ filter: /^pdfkit$/ }, () => ({ path: require.resolve('pdfkit/js/pdfkit.standalone.js') }));
    build.onResolve({ filter: /^stream$/ }, (args) => (/[\\/]sax[\\/]/.test(args.importer) ? { path: EMPTY_MODULE } : undefined));
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) || BROWSER_PACKAGES.has(args.path)) return undefined;
      const importer = args.importer ? path.relative(process.cwd(), args.importer) : args.importer;
      return { errors: [{ text: `${args.path} is a Node built-in, which a bundle for the browser cannot have (imported by ${importer || 'the entry'})` }] };
    });
  },
};

export const BROWSER_DEFINE = { global: 'globalThis' };
