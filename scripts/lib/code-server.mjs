// Real VS Code, here and offline: code-server (from the npm registry) + Debian chromium.
// Plain Node ESM, no build step. @vscode/test-electron downloads VS Code, which a machine
// without internet cannot; code-server serves the same workbench with a Node extension host.
//
// Exports:
//   codeServerCacheDir()          where code-server is (or will be) installed
//   ensureCodeServer()            -> path of the code-server executable (installs once)
//   startCodeServer({...})        -> { url, port, process, userDataDir, extensionsDir, logs(), stop(), stopping }
//   workbenchUrl({...})           -> workbench URL with the extension-development payload
//   ensureChromium()              -> path of the chromium executable (installs with apt once)
//   launchBrowser({...})          -> { context, page, close() } (playwright-core, persistent context)
//   ensureDebPackages(names)      installs missing Debian packages (root only)
//   freePort()                    a free loopback TCP port

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.99.4';
// code-server 4.99.4 depends on @vscode/ripgrep 1.15.11, whose postinstall downloads
// ripgrep v13.0.0-10 from GitHub unless an archive is already in its cache folder.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const MARKER = '.drplan-installed.json';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Settings that keep a fresh code-server quiet and predictable. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
  'editor.minimap.enabled': false,
};

// ---------------------------------------------------------------------------
// small helpers

function log(msg) {
  process.stderr.write(`[drplan] ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the promise's value, or with 'timeout' after ms (without keeping the process alive). */
function withTimeout(promise, ms) {
  let timer;
  const t = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Absolute path of an executable on PATH, or null. */
export function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      accessSync(p, fsConstants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

function fmtSecs(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Runs a command, streaming its output to stderr; rejects on non-zero exit. */
function run(cmd, args, { env = process.env, cwd, logFile, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
    const tail = [];
    const onData = (buf) => {
      out?.write(buf);
      if (!quiet && !out) process.stderr.write(buf);
      for (const line of buf.toString().split('\n')) {
        if (line.trim()) tail.push(line);
      }
      if (tail.length > 60) tail.splice(0, tail.length - 60);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => reject(new Error(`cannot run ${cmd}: ${err.message}`)));
    child.on('close', (code, signal) => {
      out?.end();
      if (code === 0) resolve({ tail });
      else {
        const err = new Error(
          `${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})` +
            (logFile ? `; full log: ${logFile}` : '') +
            `\n--- last output ---\n${tail.slice(-40).join('\n')}`,
        );
        err.tail = tail;
        reject(err);
      }
    });
  });
}

// ---------------------------------------------------------------------------
// Debian packages

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/**
 * Installs the given Debian packages that are missing (apt-get, as root).
 * Not root or no apt: throws an error saying what to install.
 */
export async function ensureDebPackages(pkgs, { why = '' } = {}) {
  if (!which('dpkg-query') || !which('apt-get')) {
    return false; // not Debian-like: callers check the commands they need themselves
  }
  const missing = pkgs.filter((p) => !debInstalled(p));
  if (missing.length === 0) return true;
  if (!isRoot()) {
    throw new Error(
      `Missing Debian packages${why ? ` (${why})` : ''}: ${missing.join(' ')}\n` +
        `Install them with:  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptArgs = ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...missing];
  log(`apt-get install ${missing.join(' ')}${why ? ` (${why})` : ''} ...`);
  const t0 = Date.now();
  try {
    await run('apt-get', aptArgs, { env, quiet: true });
  } catch (first) {
    // Typically "Unable to locate package" on a machine whose package lists were never fetched.
    log('apt-get install failed; running apt-get update and retrying ...');
    await run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], { env, quiet: true }).catch((e) => {
      throw new Error(`apt-get update failed:\n${e.message}\n(first error: ${first.message})`);
    });
    await run('apt-get', aptArgs, { env, quiet: true });
  }
  log(`apt-get install done in ${fmtSecs(Date.now() - t0)}`);
  const still = missing.filter((p) => !debInstalled(p));
  if (still.length) throw new Error(`apt-get did not install: ${still.join(' ')}`);
  return true;
}

// ---------------------------------------------------------------------------
// code-server installation

export function codeServerCacheDir() {
  if (process.env.DRPLAN_CACHE) return path.resolve(process.env.DRPLAN_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'drplan', `code-server-${CODE_SERVER_VERSION}`);
}

function ripgrepTarget() {
  const arch = process.env.npm_config_arch || process.arch;
  if (process.platform === 'linux') {
    if (arch === 'x64') return 'x86_64-unknown-linux-musl';
    if (arch === 'arm64') return 'aarch64-unknown-linux-musl';
    return null; // other targets use another release; let @vscode/ripgrep try the network
  }
  if (process.platform === 'darwin') return arch === 'arm64' ? 'aarch64-apple-darwin' : 'x86_64-apple-darwin';
  return null;
}

/**
 * @vscode/ripgrep's postinstall uses `$TMPDIR/vscode-ripgrep-cache-<pkgver>/<asset>` if present
 * instead of downloading from GitHub. We put an archive holding the system `rg` there.
 */
async function prepareRipgrepCache(tmpDir) {
  const target = ripgrepTarget();
  if (!target) {
    log(`no ripgrep cache for ${process.platform}/${process.arch}; @vscode/ripgrep will try to download`);
    return;
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (existsSync(archive)) return archive;
  const rg = which('rg');
  if (!rg) {
    throw new Error('ripgrep (`rg`) is not on PATH; install it (Debian: apt-get install ripgrep).');
  }
  const check = spawnSync(rg, ['--version'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`${rg} --version failed: ${check.stderr}`);
  await fs.mkdir(cacheDir, { recursive: true });
  const stage = await fs.mkdtemp(path.join(tmpDir, 'rg-stage-'));
  try {
    await fs.copyFile(await fs.realpath(rg), path.join(stage, 'rg'));
    await fs.chmod(path.join(stage, 'rg'), 0o755);
    const tmpArchive = `${archive}.partial`;
    await run('tar', ['czf', tmpArchive, '-C', stage, 'rg'], { quiet: true });
    await fs.rename(tmpArchive, archive);
  } finally {
    await fs.rm(stage, { recursive: true, force: true });
  }
  log(`ripgrep cache archive prepared from ${rg} (${check.stdout.split('\n')[0]})`);
  return archive;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** A directory lock, so that two processes do not install at the same time. */
async function withLock(lockDir, fn, { timeoutMs = 45 * 60_000 } = {}) {
  const t0 = Date.now();
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(await fs.readFile(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        /* being created or stale */
      }
      const st = await fs.stat(lockDir).catch(() => null);
      const old = st && Date.now() - st.mtimeMs > 10_000;
      if ((Number.isFinite(pid) && !pidAlive(pid)) || (!Number.isFinite(pid) && old)) {
        log(`removing stale lock ${lockDir}`);
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log(`waiting for another installation (pid ${pid}) holding ${lockDir} ...`);
        announced = true;
      }
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for lock ${lockDir}`);
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

function codeServerExe(dir) {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

function installedExe(dir) {
  const exe = codeServerExe(dir);
  return existsSync(path.join(dir, MARKER)) && existsSync(exe) ? exe : null;
}

/**
 * Installs code-server@4.99.4 into its own cache folder (not the project's node_modules) on
 * first use and returns the path of its executable. Fast when already installed.
 */
export async function ensureCodeServer() {
  const dir = codeServerCacheDir();
  const ready = installedExe(dir);
  if (ready) {
    try {
      const built = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')).node;
      if (built && built.split('.')[0] !== process.versions.node.split('.')[0]) {
        log(`warning: code-server in ${dir} was built with Node ${built}, this is Node ${process.versions.node}; ` +
          'its native modules may not load (delete that folder to rebuild)');
      }
    } catch {
      /* marker unreadable: trust the executable */
    }
    return ready;
  }

  await fs.mkdir(path.dirname(dir), { recursive: true });
  return withLock(`${dir}.lock`, async () => {
    const again = installedExe(dir); // installed by another process meanwhile
    if (again) return again;

    const nodeMajor = Number(process.versions.node.split('.')[0]);
    const wanted = Number(process.env.FORCE_NODE_VERSION || 20);
    if (nodeMajor !== wanted) {
      throw new Error(
        `code-server ${CODE_SERVER_VERSION} needs Node.js 20 to install and run; this is Node ${process.versions.node}. ` +
          'Run with Node 20 (e.g. via nvm), or set FORCE_NODE_VERSION at your own risk.',
      );
    }

    const t0 = Date.now();
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (one-time, takes a few minutes) ...`);

    // Debian packages: Kerberos headers for the `kerberos` native module, build tools for
    // node-gyp, ripgrep to stand in for the binary @vscode/ripgrep would download.
    const debian = await ensureDebPackages(['libkrb5-dev', 'ripgrep', 'build-essential', 'python3'], {
      why: 'to build code-server',
    });
    if (!debian) {
      const need = { 'krb5-config': 'Kerberos development files', make: 'make', 'c++': 'a C++ compiler', python3: 'python3', rg: 'ripgrep' };
      const lacking = Object.keys(need).filter((c) => !which(c));
      if (lacking.length) {
        throw new Error(`Installing code-server needs: ${lacking.map((c) => need[c]).join(', ')} (commands: ${lacking.join(', ')}).`);
      }
    }

    // Start from a clean folder (an earlier attempt may have been interrupted), but keep tmp/.
    // Only ever delete what an install of ours leaves there (DRPLAN_CACHE may point anywhere).
    await fs.mkdir(dir, { recursive: true });
    const ours = new Set(['tmp', 'node_modules', 'package.json', 'package-lock.json', 'install.log', MARKER]);
    const foreign = (await fs.readdir(dir)).filter((e) => !ours.has(e));
    if (foreign.length) {
      throw new Error(
        `${dir} holds files that are not from a drplan code-server install (${foreign.slice(0, 5).join(', ')}); ` +
          'refusing to clean it. Point DRPLAN_CACHE at an empty or new folder.',
      );
    }
    for (const entry of await fs.readdir(dir)) {
      if (entry !== 'tmp') await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    }
    const tmpDir = path.join(dir, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    await prepareRipgrepCache(tmpDir);

    const env = {
      ...process.env,
      TMPDIR: tmpDir, // where @vscode/ripgrep looks for its cached archive
      npm_config_unsafe_perm: 'true', // code-server's postinstall insists on it as root
      npm_config_yes: 'true', // a native module runs `npx node-gyp`
      // npm >= 11.? blocks dependency install scripts unless approved (allowScripts); code-server's
      // postinstall runs nested `npm install`s in lib/vscode whose native modules must build.
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    delete env.npm_config_ignore_scripts;
    // Build native modules against the local Node headers (no download from nodejs.org).
    const localHeaders = path.resolve(path.dirname(process.execPath), '..');
    if (!env.npm_config_nodedir && existsSync(path.join(localHeaders, 'include', 'node', 'node_api.h'))) {
      env.npm_config_nodedir = localHeaders;
    }
    for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];

    const logFile = path.join(dir, 'install.log');
    log(`npm install code-server@${CODE_SERVER_VERSION} in ${dir}  (log: ${logFile})`);
    const heartbeat = setInterval(() => {
      let last = '';
      try {
        const text = readFileSync(logFile, 'utf8').trimEnd().split('\n');
        last = text[text.length - 1].slice(0, 120);
      } catch {
        /* no log yet */
      }
      log(`  ... still installing (${fmtSecs(Date.now() - t0)})${last ? `: ${last}` : ''}`);
    }, 30_000);
    try {
      // A project of its own in `dir` (not `npm install -g --prefix`: npm exports its CLI config as
      // npm_config_* to lifecycle scripts, so code-server's nested `npm install` in lib/vscode would
      // also run as a global install into the same prefix and delete the tree being installed).
      await fs.writeFile(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'drplan-code-server', private: true, description: 'code-server for drplan (generated)', dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) + '\n',
      );
      await run('npm', ['install', '--foreground-scripts', '--loglevel', 'warn'], { env, cwd: dir, logFile });
    } catch (e) {
      throw new Error(
        `Installing code-server failed. Common causes: no access to the npm registry, missing build tools ` +
          `(build-essential, python3, libkrb5-dev), or Node is not version 20.\n${e.message}`,
      );
    } finally {
      clearInterval(heartbeat);
    }

    const exe = codeServerExe(dir);
    const pkgDir = path.join(dir, 'node_modules', 'code-server');
    const must = [
      exe,
      path.join(pkgDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
      path.join(pkgDir, 'lib', 'vscode', 'node_modules.asar'),
      path.join(pkgDir, 'lib', 'vscode', 'extensions', 'node_modules'),
    ];
    const absent = must.filter((p) => !existsSync(p));
    if (absent.length) {
      throw new Error(`code-server install looks incomplete; missing:\n  ${absent.join('\n  ')}\nSee ${logFile}`);
    }
    // --config: otherwise code-server writes ~/.config/code-server/config.yaml even for --version.
    await fs.writeFile(path.join(tmpDir, 'config.yaml'), 'auth: none\n');
    const ver = spawnSync(exe, ['--config', path.join(tmpDir, 'config.yaml'), '--version'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, XDG_DATA_HOME: tmpDir }, // its log folder, instead of ~/.local/share
    });
    if (ver.status !== 0) {
      throw new Error(`${exe} --version failed:\n${ver.stdout}\n${ver.stderr}`);
    }
    const secs = (Date.now() - t0) / 1000;
    await fs.writeFile(
      path.join(dir, MARKER),
      JSON.stringify({ version: CODE_SERVER_VERSION, node: process.versions.node, installedAt: new Date().toISOString(), seconds: secs, reported: ver.stdout.trim() }, null, 2) + '\n',
    );
    log(`code-server ${ver.stdout.trim().split('\n').pop()} installed in ${secs.toFixed(0)}s`);
    return exe;
  });
}

// ---------------------------------------------------------------------------
// starting code-server

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, { timeoutMs, child, logs }) {
  const t0 = Date.now();
  let lastErr = '';
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const e = new Error(
        `code-server exited (${child.signalCode ?? `exit ${child.exitCode}`}) before answering on ${url}\n--- output ---\n${logs()}`,
      );
      e.exited = true;
      throw e;
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
      if (res.status < 500) return;
      lastErr = `HTTP ${res.status}`;
    } catch (e) {
      lastErr = e.cause?.code || e.message;
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer on ${url} within ${fmtSecs(timeoutMs)} (${lastErr})\n--- output ---\n${logs()}`);
}

// Servers started by this process; stopped on Ctrl+C / SIGTERM / SIGHUP (the code-server process
// group is detached, so a terminal's Ctrl+C does not reach it by itself).
const running = new Set();
let signalsInstalled = false;
function installSignalHandlers() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  let handling = false;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, async () => {
      if (handling) return;
      handling = true;
      if (running.size) log(`${sig}: stopping code-server / browser ...`);
      await Promise.all([...running].map((s) => s.stop().catch(() => {})));
      process.exit(code);
    });
  }
}

/**
 * Starts code-server on 127.0.0.1 for `folder`.
 * Unless `handleSignals: false`, SIGINT/SIGTERM/SIGHUP stop it and exit this process.
 * @param {{ folder: string, port?: number, extensionsDir?: string, userDataDir?: string,
 *           settings?: object|false, exe?: string, timeoutMs?: number, logFile?: string,
 *           extraArgs?: string[], env?: object, handleSignals?: boolean }} opts
 *   settings: merged over DEFAULT_SETTINGS into User/settings.json (false: write none).
 */
export async function startCodeServer({
  folder,
  port,
  extensionsDir,
  userDataDir,
  settings = {},
  exe,
  timeoutMs = 90_000,
  logFile,
  extraArgs = [],
  env: extraEnv = {},
  handleSignals = true,
} = {}) {
  if (!folder) throw new Error('startCodeServer: `folder` is required');
  folder = path.resolve(folder);
  if (!existsSync(folder)) throw new Error(`startCodeServer: folder does not exist: ${folder}`);
  exe ??= await ensureCodeServer();

  const t0 = Date.now();
  const tmpRoot = await fs.mkdtemp(path.join(tmpdir(), 'drplan-cs-'));
  const ownTmp = [tmpRoot];
  userDataDir = path.resolve(userDataDir ?? path.join(tmpRoot, 'user-data'));
  extensionsDir = path.resolve(extensionsDir ?? path.join(tmpRoot, 'extensions'));
  await fs.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fs.mkdir(extensionsDir, { recursive: true });
  if (settings !== false) {
    const file = path.join(userDataDir, 'User', 'settings.json');
    let existing = {};
    try {
      existing = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      /* none yet, or not plain JSON */
    }
    await fs.writeFile(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...settings }, null, 2) + '\n');
  }
  // A config file of its own, so code-server does not create ~/.config/code-server/config.yaml.
  const configFile = path.join(tmpRoot, 'config.yaml');
  await fs.writeFile(configFile, 'auth: none\n');

  const env = { ...process.env, ...extraEnv };
  // From inside a VS Code terminal, code-server would hand the folder to that VS Code instead.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  delete env.ELECTRON_RUN_AS_NODE;
  // code-server keeps its own logs under $XDG_DATA_HOME/code-server; keep them out of ~/.local.
  if (!extraEnv.XDG_DATA_HOME) env.XDG_DATA_HOME = path.join(tmpRoot, 'xdg-data');

  const autoPort = !port;
  for (let attempt = 1; ; attempt++) {
    const p = port ? Number(port) : await freePort();
    const args = [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${p}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--config', configFile,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...extraArgs,
      folder,
    ];
    const child = spawn(exe, args, { env, cwd: folder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    const fileOut = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
    const onData = (buf) => {
      fileOut?.write(buf);
      for (const l of buf.toString().split('\n')) if (l.trim()) lines.push(l);
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const spawnError = new Promise((_, reject) => child.once('error', reject));
    spawnError.catch(() => {});
    const logs = (n = 60) => lines.slice(-n).join('\n');

    const killGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        try {
          child.kill(sig);
        } catch {
          /* gone */
        }
      }
    };
    const onExit = () => killGroup('SIGKILL');
    process.on('exit', onExit);
    const handle = {};
    let stopped = false;
    let stopPromise = null;
    const stop = (opts) => (stopPromise ??= doStop(opts)); // every caller waits for the same stop
    const doStop = async ({ keepDirs = false } = {}) => {
      stopped = true;
      running.delete(handle);
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', () => r('exited')));
        killGroup('SIGTERM');
        if ((await withTimeout(exited, 5000)) !== 'exited') {
          killGroup('SIGKILL');
          await withTimeout(exited, 2000);
        }
      }
      killGroup('SIGKILL'); // leftovers (extension host, language servers) in the group
      fileOut?.end();
      if (!keepDirs) for (const d of ownTmp) await fs.rm(d, { recursive: true, force: true }).catch(() => {});
    };
    handle.stop = stop;
    running.add(handle);
    if (handleSignals) installSignalHandlers();
    const url = `http://127.0.0.1:${p}/`;
    try {
      await Promise.race([waitForHttp(`${url}healthz`, { timeoutMs, child, logs }), spawnError]);
    } catch (e) {
      await stop({ keepDirs: true });
      if (autoPort && attempt < 3 && e.exited && /EADDRINUSE/.test(logs())) continue; // raced for the port
      await fs.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
      throw e;
    }
    log(`code-server up on ${url} in ${fmtSecs(Date.now() - t0)} (folder ${folder})`);
    return {
      url,
      port: p,
      process: child,
      folder,
      userDataDir,
      extensionsDir,
      logs,
      stop,
      /** true once stop() was called (an exit of the process is then expected) */
      get stopping() {
        return stopped;
      },
    };
  }
}

// ---------------------------------------------------------------------------
// workbench URL

/**
 * The workbench URL that opens `folder` and loads an extension under development (and optionally
 * its tests, and a file) in code-server at `base` (e.g. http://127.0.0.1:PORT/).
 */
export function workbenchUrl({ base, folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const u = new URL(base);
  const remote = (p) => `vscode-remote://${u.host}${encodeURI(path.resolve(p)).replace(/#/g, '%23').replace(/\?/g, '%3F')}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  let query = '';
  if (folder) query += `folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`;
  if (payload.length) query += `${query ? '&' : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${u.origin}${u.pathname}${query ? `?${query}` : ''}`;
}

// ---------------------------------------------------------------------------
// browser

/** Path of a Chromium executable; installs Debian's `chromium` when missing (root only). */
export async function ensureChromium() {
  const wanted = process.env.DRPLAN_CHROMIUM || DEFAULT_CHROMIUM;
  if (existsSync(wanted)) return wanted;
  if (process.env.DRPLAN_CHROMIUM) throw new Error(`DRPLAN_CHROMIUM=${wanted} does not exist`);
  if (!which('apt-get')) {
    throw new Error(`${DEFAULT_CHROMIUM} not found and no apt-get here. Install Chromium and set DRPLAN_CHROMIUM to its path.`);
  }
  if (!isRoot()) {
    throw new Error(`${DEFAULT_CHROMIUM} not found. Install it with:  sudo apt-get install -y chromium\n(or set DRPLAN_CHROMIUM to a Chromium executable)`);
  }
  await ensureDebPackages(['chromium'], { why: 'headless browser for the VS Code workbench' });
  if (!existsSync(DEFAULT_CHROMIUM)) throw new Error(`apt-get installed chromium but ${DEFAULT_CHROMIUM} is still missing`);
  return DEFAULT_CHROMIUM;
}

/**
 * Launches Chromium through playwright-core with a fresh user-data dir; `preferences`, if given,
 * become the profile's Default/Preferences before the start (e.g. the cookie settings).
 * @returns {{ context, page, close(): Promise<void> }}
 */
export async function launchBrowser({ headless = true, viewport = { width: 1400, height: 900 }, args = [], executablePath, preferences } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is not installed (npm install --save-dev playwright-core): ${e.message}`);
  }
  executablePath ??= await ensureChromium();
  const userDataDir = await fs.mkdtemp(path.join(tmpdir(), 'drplan-chromium-'));
  let context;
  try {
    if (preferences) {
      await fs.mkdir(path.join(userDataDir, 'Default'));
      await fs.writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
    }
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      viewport,
      args: [...CHROMIUM_FLAGS, ...args],
      timeout: 60_000,
      // Playwright's own signal handlers exit the process (130) as soon as the browser is closed,
      // before code-server is stopped and temp folders are removed; ours close everything.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    await fs.rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    throw new Error(`cannot launch ${executablePath}: ${e.message}`);
  }
  const handle = {};
  let closing = null;
  const close = () =>
    (closing ??= (async () => {
      running.delete(handle);
      await context.close().catch(() => {});
      // Chromium may still be writing its profile while it goes down.
      await fs.rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((e) => log(`cannot remove ${userDataDir}: ${e.message}`));
    })());
  handle.stop = close;
  running.add(handle);
  installSignalHandlers();
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}
