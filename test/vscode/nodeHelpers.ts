/**
 * Helpers of the VS Code suite that need Node (the file system, processes): the Node extension
 * host only (code-server, Electron); helpers.ts has those that need only the `vscode` API.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_TIMEOUT_MS, extension, waitFor, waitForEvent, workspaceFile } from './helpers';

/** The plan files of a folder of the workspace copy, sorted. */
export function plansIn(...segments: string[]): vscode.Uri[] {
  const dir = workspaceFile(...segments);
  return readdirSync(dir.fsPath)
    .filter((name) => /\.drplan\.ya?ml$/.test(name))
    .sort()
    .map((name) => vscode.Uri.joinPath(dir, name));
}

// ---------------------------------------------------------------------------
// the server process

/**
 * Process ids of the drplan language servers this extension host started:
 * `node …/dist/server.js --node-ipc --clientProcessId=<this pid>`. Linux reads /proc; macOS asks
 * `ps`; Windows has neither, so there it is the client's own (private) handle of the process.
 */
export function serverPids(): number[] {
  if (process.platform === 'win32') {
    const handle = (extension().exports?.client as unknown as { _serverProcess?: { pid?: number; exitCode: number | null } } | undefined)?._serverProcess;
    return handle?.pid !== undefined && handle.exitCode === null ? [handle.pid] : [];
  }
  const mine = `--clientProcessId=${process.pid}`;
  const isOurs = (args: string[]) => args.some((a) => /[\\/]dist[\\/]server\.js$/.test(a)) && args.includes('--node-ipc') && args.includes(mine);
  if (existsSync('/proc/self/cmdline')) {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let args: string[];
      let state: string;
      try {
        args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
        state = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '')[0] ?? '';
      } catch {
        continue; // gone meanwhile
      }
      if (state !== 'Z' && isOurs(args)) pids.push(Number(entry));
    }
    return pids.sort((a, b) => a - b);
  }
  const out = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && isOurs((m[2] as string).split(/\s+/)))
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** The one server process of this extension host (fails if there is none or more than one). */
export async function theServerPid(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
  const pids = await waitFor(() => {
    const found = serverPids();
    return found.length === 1 ? found : false;
  }, () => `exactly one drplan server process of extension host ${process.pid} (found: ${serverPids().join(', ') || 'none'})`, timeoutMs);
  return pids[0] as number;
}

/**
 * Kills the server process with SIGKILL and waits until the client has restarted it (its state
 * left Running and came back) and the killed process is gone. Answers the killed process's pid.
 */
export async function killServerAndAwaitRestart(client: LanguageClient): Promise<number> {
  const old = await theServerPid();
  // Running → (Starting) → Running again, after the state has left Running.
  let left = false;
  const restarted = waitForEvent(
    client.onDidChangeState,
    () => {
      if (!client.isRunning()) left = true;
      return left && client.isRunning();
    },
    20_000,
    'the client to restart the server after the crash',
  );
  process.kill(old, 'SIGKILL');
  await restarted;
  await waitFor(() => !isAlive(old), `the killed server ${old} to be gone`);
  return old;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed child that its parent has not reaped yet still answers signal 0.
  if (existsSync(`/proc/${pid}/stat`)) {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}
