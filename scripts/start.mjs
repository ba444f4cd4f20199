#!/usr/bin/env node
// `npm start` (after `npm run build`): opens the extension under development on examples/ in a
// real VS Code.
//   - desktop VS Code (`code` on PATH, and a display on Linux): code --extensionDevelopmentPath=ROOT ROOT/examples
//   - otherwise: code-server on 127.0.0.1:$PORT (default: a free port), prints the URL, runs until Ctrl+C.
// Env: PORT (code-server port), DRPLAN_USE_CODE_SERVER=1 (skip desktop VS Code), DRPLAN_CACHE.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer, which, workbenchUrl } from './lib/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'examples');

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'client', 'extension.js'))) {
    console.error('[drplan] warning: dist/client/extension.js is missing; run `npm run build` first (npm start does).');
  }
  if (!existsSync(EXAMPLES)) throw new Error(`no examples folder at ${EXAMPLES}`);

  const code = process.env.DRPLAN_USE_CODE_SERVER ? null : which('code');
  // Inside a code-server/VS Code terminal `code` is the remote CLI; it also understands these flags.
  if (code && (hasDisplay() || process.env.VSCODE_IPC_HOOK_CLI)) {
    console.error(`[drplan] ${code} --extensionDevelopmentPath=${ROOT} ${EXAMPLES}`);
    const child = spawn(code, [`--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { stdio: 'inherit' });
    child.on('exit', (c, s) => process.exit(c ?? (s ? 1 : 0)));
    child.on('error', (e) => {
      console.error(`[drplan] cannot run ${code}: ${e.message}`);
      process.exit(1);
    });
    return;
  }

  const exe = await ensureCodeServer();
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (process.env.PORT && !(port > 0 && port < 65536)) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  const server = await startCodeServer({ exe, folder: EXAMPLES, port });
  const url = workbenchUrl({ base: server.url, folder: EXAMPLES, extensionDevelopmentPath: ROOT });

  const line = '─'.repeat(72);
  console.log(`\n${line}\n VS Code (code-server) with the drplan extension under development, on examples/:\n\n   ${url}\n`);
  console.log(` Open that URL in a browser on this machine (for a remote machine, forward the port first:`);
  console.log(`   ssh -L ${server.port}:127.0.0.1:${server.port} HOST).`);
  console.log(` After \`npm run build\`, reload the window (Developer: Reload Window) to pick up changes.`);
  console.log(` Ctrl+C stops it.\n${line}\n`);

  // Ctrl+C / SIGTERM: startCodeServer's signal handlers stop code-server and exit.
  server.process.on('exit', (c, s) => {
    if (server.stopping) return;
    console.error(`[drplan] code-server exited unexpectedly (${s ?? `exit ${c}`})\n${server.logs(30)}`);
    process.exit(1);
  });
}

main().catch((e) => {
  console.error(`[drplan] ${e.message}`);
  process.exit(1);
});
