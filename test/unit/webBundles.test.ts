import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { webBundleSection, webBundleSizes } from '../../bench/webBundles';

/** The benchmark's section on the browser's bundles (bench/webBundles.ts), measured on files of known size. */
describe('the web bundles in docs/benchmarks.md', () => {
  const root = mkdtempSync(join(tmpdir(), 'drplan-web-sizes-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const extension = 'exports.activate = () => undefined;\n'.repeat(40);
  const server = 'self.onmessage = () => undefined;\n'.repeat(300);

  it('refuses to measure what is not built', () => {
    assert.throws(() => webBundleSizes(root), /no dist\/web\/extension\.js, dist\/web\/server\.js under .*: build first/);
  });

  it('gives each bundle\'s bytes and gzip bytes, and both together', () => {
    mkdirSync(join(root, 'dist', 'web'), { recursive: true });
    writeFileSync(join(root, 'dist', 'web', 'extension.js'), extension);
    writeFileSync(join(root, 'dist', 'web', 'server.js'), server);
    const sizes = webBundleSizes(root);
    const gzip = (text: string) => gzipSync(Buffer.from(text)).length;
    assert.deepEqual(sizes, {
      'dist/web/extension.js': { bytes: extension.length, gzipBytes: gzip(extension) },
      'dist/web/server.js': { bytes: server.length, gzipBytes: gzip(server) },
    });
    const section = webBundleSection(sizes);
    assert.match(section, /^## VS Code in the browser\n/);
    assert.ok(section.includes(`| dist/web/extension.js | ${extension.length} | ${gzip(extension)} |`), section);
    assert.ok(section.includes(`| dist/web/server.js | ${server.length} | ${gzip(server)} |`), section);
    assert.ok(section.includes(`| together | ${extension.length + server.length} | ${gzip(extension) + gzip(server)} |`), section);
  });
});
