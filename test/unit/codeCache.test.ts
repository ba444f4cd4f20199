import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CACHES_KEPT, codeCacheFolder } from '../../server/src/codeCache';

describe('the code cache of the language service bundle', () => {
  const root = mkdtempSync(join(tmpdir(), 'drplan-code-cache-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const bundle = join(root, 'bundle.js');
  // A bundle with a function that runs (and is compiled) only when called, and a require of its own.
  writeFileSync(bundle, "const { join } = require('node:path');\nexports.answer = (x) => join('a', String(x * 2));\n");
  const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));
  const MODULE = join(__dirname, '..', '..', 'server', 'src', 'codeCache.ts');
  /**
   * A fresh process's start, as the server's: loads the bundle (V8 would otherwise find the code
   * in its own memory and never look at the cache), calls it, and writes the cache if asked.
   */
  function start(folder: string | undefined, save = true): { fromCache: boolean; answer: string } {
    const script = `const { requireWithCodeCache } = require(${JSON.stringify(MODULE)});
      const loaded = requireWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(folder)});
      const answer = loaded.exports.answer(21);
      if (${save}) loaded.save();
      console.log(JSON.stringify({ fromCache: loaded.fromCache, answer }));`;
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })) as { fromCache: boolean; answer: string };
  }

  it('compiles the first time, writes the compiled code when asked, and reads it on the next start', () => {
    const folder = join(root, 'cache');
    assert.deepEqual(start(folder), { fromCache: false, answer: join('a', '42') });
    const [file] = cacheFiles(folder);
    assert.ok(file?.startsWith('bundle-'));
    // Only the user may enter the folder or read the file.
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.equal(statSync(join(folder, file)).mode & 0o777, 0o600);
    assert.deepEqual(start(folder), { fromCache: true, answer: join('a', '42') });
  });

  it('compiles as without a cache when the cache is damaged, and writes it anew', () => {
    const folder = join(root, 'damaged');
    start(folder);
    const [file] = cacheFiles(folder);
    writeFileSync(join(folder, file!), Buffer.from('not compiled code at all'));
    assert.deepEqual(start(folder), { fromCache: false, answer: join('a', '42') });
    assert.deepEqual(start(folder), { fromCache: true, answer: join('a', '42') });
  });

  it('keeps the caches of the last few versions of a bundle, not of every version there was', () => {
    const folder = join(root, 'versions');
    mkdirSync(folder, { mode: 0o700 });
    // Caches that earlier versions of the bundle wrote, the oldest first; and another bundle's.
    const earlier = ['0', '1', '2', '3', '4'].map((digit, age) => {
      const file = join(folder, `bundle-${digit.repeat(32)}.v8cache`);
      writeFileSync(file, 'old');
      utimesSync(file, new Date(2026, 0, 1 + age), new Date(2026, 0, 1 + age));
      return file;
    });
    writeFileSync(join(folder, `other-${'5'.repeat(32)}.v8cache`), 'another bundle');
    start(folder);
    const kept = cacheFiles(folder).sort();
    assert.equal(kept.length, CACHES_KEPT + 1);
    assert.ok(kept.includes(`other-${'5'.repeat(32)}.v8cache`));
    // This version's, and the most recent of the earlier ones.
    for (const file of earlier.slice(-(CACHES_KEPT - 1))) assert.ok(existsSync(file), file);
    for (const file of earlier.slice(0, -(CACHES_KEPT - 1))) assert.ok(!existsSync(file), file);
    assert.deepEqual(start(folder), { fromCache: true, answer: join('a', '42') });
  });

  it('uses no folder that others may write to', { skip: typeof process.getuid !== 'function' }, () => {
    const folder = join(root, 'shared');
    start(folder);
    chmodSync(folder, 0o777);
    const [file] = cacheFiles(folder);
    const written = statSync(join(folder, file!)).mtimeMs;
    assert.deepEqual(start(folder), { fromCache: false, answer: join('a', '42') }, 'a cache others could have written is not read');
    assert.deepEqual(cacheFiles(folder), [file]);
    assert.equal(statSync(join(folder, file!)).mtimeMs, written, 'and nothing is written there');
  });

  it('keeps nothing without a folder', () => {
    assert.deepEqual(start(undefined), { fromCache: false, answer: join('a', '42') });
  });

  it("lives in the user's cache folder of each system, or where --codeCache says", () => {
    assert.equal(codeCacheFolder([], { HOME: '/home/erika' }, 'linux'), join('/home/erika', '.cache', 'drplan', 'code-cache'));
    assert.equal(codeCacheFolder([], { HOME: '/home/erika', XDG_CACHE_HOME: '/var/cache/erika' }, 'linux'), join('/var/cache/erika', 'drplan', 'code-cache'));
    assert.equal(codeCacheFolder([], { HOME: '/Users/erika' }, 'darwin'), join('/Users/erika', 'Library', 'Caches', 'drplan', 'code-cache'));
    assert.equal(codeCacheFolder([], { HOME: 'C:\\Users\\erika', LOCALAPPDATA: 'C:\\Users\\erika\\AppData\\Local' }, 'win32'), join('C:\\Users\\erika\\AppData\\Local', 'drplan', 'code-cache'));
    assert.equal(codeCacheFolder(['--stdio', '--codeCache=/tmp/mine'], {}, 'linux'), '/tmp/mine');
    assert.equal(codeCacheFolder(['--codeCache='], { HOME: '/home/erika' }, 'linux'), undefined);
  });
});
