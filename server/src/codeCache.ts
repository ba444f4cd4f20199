/**
 * Loads a bundle through V8's code cache, which Node 20 offers only through `vm.Script` (Node 22's
 * `module.enableCompileCache` does the same): the first start of a version compiles the bundle
 * and, once the first plan has been checked, writes the compiled code of every function that ran
 * so far; later starts read it instead of parsing and compiling the bundle again. The first open
 * of a plan in a fresh server is that much sooner (docs/benchmarks.md).
 *
 * Compiled code is code: the cache lives only in a folder of the user's own that no one else may
 * write to (checked before each read), its files are named after the bundle's hash, Node's version
 * and the V8 flags, and V8 rejects a cache that does not fit the source (then it is written anew).
 * Any failure only means compiling as without the cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedBundle {
  readonly exports: unknown;
  /** Writes the compiled code when there was no usable cache; call once the bundle has done its first work. */
  save(): void;
  /** Whether the code came from the cache. */
  readonly fromCache: boolean;
}

/** Requires `file` (a CommonJS bundle) with the code cache in `folder`; without a folder, as `require` does. */
export function requireWithCodeCache(file: string, folder: string | undefined): CachedBundle {
  // The bytes are hashed as they are read: hashing the decoded text would encode it again.
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const cacheFile = folder && privateFolder(folder) ? join(folder, cacheName(file, bytes)) : undefined;
  const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: { exports: unknown }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (saved || !cacheFile) return;
      saved = true;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        pruneOlderCaches(cacheFile);
      } catch {
        // A full disk or a read-only home: the next start compiles again.
      }
    },
  };
}

/**
 * Where the server keeps its code cache: `--codeCache=DIR` (empty: none), else the user's cache
 * folder (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 */
export function codeCacheFolder(args: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const given = args.find((arg) => arg.startsWith('--codeCache='));
  if (given !== undefined) return given.slice('--codeCache='.length) || undefined;
  const home = env.HOME || homedir();
  const base =
    platform === 'win32' ? env.LOCALAPPDATA : platform === 'darwin' ? join(home, 'Library', 'Caches') : env.XDG_CACHE_HOME || join(home, '.cache');
  return base ? join(base, 'drplan', 'code-cache') : undefined;
}

/**
 * How many caches of one bundle a folder keeps: each version of drplan (and each Node or flags it
 * runs with) writes its own, and an updated extension would otherwise leave the old ones behind.
 * More than one, for two editors (of different Node versions) that share the folder.
 */
export const CACHES_KEPT = 3;

/** Removes all but the CACHES_KEPT most recently written caches of the bundle `cacheFile` is one of. */
function pruneOlderCaches(cacheFile: string): void {
  const folder = dirname(cacheFile);
  const bundle = basename(cacheFile).replace(/-[0-9a-f]{32}\.v8cache$/, '-');
  const caches = readdirSync(folder)
    .filter((name) => name.startsWith(bundle) && name.endsWith('.v8cache'))
    .map((name) => ({ file: join(folder, name), written: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { file } of caches.slice(CACHES_KEPT)) if (file !== cacheFile) rmSync(file, { force: true });
}

function cacheName(file: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).update('\0').update(process.version).update('\0').update(process.execArgv.join(' ')).digest('hex');
  return `${file.replace(/^.*[\\/]/, '').replace(/\.js$/, '')}-${hash.slice(0, 32)}.v8cache`;
}

/** Makes the folder (only the user may enter it) or checks that it is the user's alone. */
function privateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    if (!stat.isDirectory()) return false;
    // Windows has no owner ids here; its per-user folder is the user's.
    if (typeof process.getuid !== 'function') return true;
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
