/**
 * The language server's process, started as soon as this bundle is loaded: VS Code loads an
 * extension's main module only to activate it, and between loading it and calling activate()
 * it still sets up the extension's context. The server (a fresh Node process, about 70 ms to
 * boot here) starts meanwhile, which shortens activation; the language client then takes this
 * process, and forks a new one like it for every restart after a crash.
 *
 * The process is what vscode-languageclient's own `TransportKind.ipc` would make: Node IPC,
 * `--clientProcessId` (the server exits when the extension host is gone), Electron run as Node,
 * standard output and errors into the output channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { l10n, type OutputChannel } from 'vscode';
import type { MessageTransports } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../server/src/nodeOptions';
import { inspectOption } from './serverInspect';

/** dist/server.js, beside this bundle's folder (dist/client/extension.js). */
export const SERVER_MODULE = path.join(__dirname, '..', 'server.js');

/** DRPLAN_SERVER_INSPECT=6011: the server under the inspector on 127.0.0.1:6011 (serverInspect.ts). */
const inspect = inspectOption(process.env.DRPLAN_SERVER_INSPECT);
/** A value that is not a port is said once, in the output channel (which exists only after activation). */
let inspectIgnoredSaid = false;

function startServer(): ChildProcess {
  return fork(SERVER_MODULE, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    execArgv: [...SERVER_NODE_OPTIONS, ...inspect.execArgv],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
    silent: true,
  });
}

let early: ChildProcess | undefined = startServer();
let current: ChildProcess | undefined;

/**
 * The language client's server: the process started early the first time, a new one after that.
 * Its standard output and errors (a crash's stack, say) go to `output`.
 */
export function serverTransports(output: OutputChannel): () => Promise<MessageTransports> {
  return async () => {
    if (inspect.ignored !== undefined && !inspectIgnoredSaid) {
      inspectIgnoredSaid = true;
      output.appendLine(
        l10n.t('DRPLAN_SERVER_INSPECT={0} is ignored: it takes a port number from 1024 to 65535, and the inspector listens on 127.0.0.1 only.', JSON.stringify(inspect.ignored.slice(0, 100))),
      );
    }
    const child = early && early.exitCode === null && early.signalCode === null ? early : startServer();
    early = undefined;
    current = child;
    const append = (data: Buffer | string) => output.append(typeof data === 'string' ? data : data.toString('utf8'));
    child.stderr?.on('data', append);
    child.stdout?.on('data', append);
    // Required here, not imported: the fork above runs before the client library is evaluated.
    const { IPCMessageReader, IPCMessageWriter } = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
    return { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
  };
}

/**
 * Ends the server process if it outlived the client's stop (the client only knows the
 * connection, not the process), and the early one if no client took it.
 */
export function endServerProcess(): void {
  for (const child of [current, early]) if (child && child.exitCode === null && child.signalCode === null) child.kill();
  current = undefined;
  early = undefined;
}
