import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { BROWSER_DEFINE, browserOnly } from '../../scripts/lib/browserBundle.mjs';
import { ROOT } from '../support/fixtures';

/** The rules of the browser bundles (scripts/lib/browserBundle.mjs): no Node built-in gets in. */
function bundle(contents: string): Promise<string> {
  return esbuild
    .build({
      stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.js' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      logLevel: 'silent',
      plugins: [browserOnly],
      define: BROWSER_DEFINE,
    })
    .then((result) => result.outputFiles[0]!.text);
}

describe('the browser bundles take in no Node built-in', () => {
  for (const name of ['node:fs', 'fs', 'child_process', 'node:worker_threads', 'path', 'os', 'crypto', 'zlib', 'stream', 'buffer']) {
    it(`an import of ${name} fails the build, naming the importer`, async () => {
      await assert.rejects(bundle(`import * as m from '${name}'; console.log(m);`), (error: Error) => {
        assert.match(error.message, new RegExp(`${name} is a Node built-in, which a bundle for the browser cannot have \\(imported by entry\\.js\\)`));
        return true;
      });
    });
  }

  it('events is the npm package for browsers', async () => {
    const code = await bundle(`import { EventEmitter } from 'events'; new EventEmitter().emit('x');`);
    assert.match(code, /node_modules\/events\/events\.js/);
    assert.match(code, /\.prototype\.emit = function emit\(/);
    assert.doesNotMatch(code, /\brequire\(["']/);
  });

  it('sax\'s stream (under xmldoc) is an empty module; pdfkit is its build for browsers', async () => {
    const svg = await bundle(`import { XmlDocument } from 'xmldoc'; console.log(new XmlDocument('<svg/>').name);`);
    assert.doesNotMatch(svg, /require\(["']stream["']\)/);
    assert.match(svg, /scripts\/stubs\/empty\.cjs/);
    const pdf = await bundle(`import PDFDocument from 'pdfkit'; console.log(PDFDocument);`);
    assert.match(pdf, /pdfkit\/js\/pdfkit\.standalone\.js/);
    assert.doesNotMatch(pdf, /\b(?:__)?require\(["'](?:fs|zlib|stream)["']\)/);
  });

  it('global is the worker\'s globalThis', async () => {
    assert.match(await bundle(`console.log(global.xmldocAssumeBrowser);`), /globalThis\.xmldocAssumeBrowser/);
  });
});
