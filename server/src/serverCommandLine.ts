import { version } from '../../package.json';

/**
 * The language server's own command line: how a client connects (the transports of
 * vscode-languageserver), `--help` and `--version`. Without a transport there is nothing to
 * serve: a usage text says how to start it, instead of the library's stack trace.
 */
export const SERVER_USAGE = `drplan-language-server ${version}: the language server (LSP) for drplan plans (*.drplan.yaml)

Usage:
  drplan-language-server --stdio          LSP over standard input and output (any editor)
  drplan-language-server --node-ipc       LSP over Node IPC (as the VS Code extension starts it)
  drplan-language-server --socket=PORT    LSP over a TCP socket on PORT, which the client listens on
  drplan-language-server --pipe=NAME      LSP over the named pipe or socket file NAME
  drplan-language-server --help           show this help
  drplan-language-server --version        show the version

Options:
  --clientProcessId=PID   end when the client's process PID is gone
  --codeCache=DIR         keep compiled code in DIR (default: drplan/code-cache in the user's
                          cache folder); --codeCache= keeps none
`;

export type ServerCommand = { readonly run: 'serve' } | { readonly run: 'help' } | { readonly run: 'version' } | { readonly run: 'usage-error' };

/** What the arguments (without node and the script) ask for. */
export function serverCommand(args: readonly string[]): ServerCommand {
  if (args.includes('--help') || args.includes('-h')) return { run: 'help' };
  if (args.includes('--version')) return { run: 'version' };
  const transport = args.some((arg) => ['--stdio', '--node-ipc', '--socket', '--pipe'].includes(arg.split('=')[0] as string));
  return transport ? { run: 'serve' } : { run: 'usage-error' };
}

/** Answers --help, --version and a missing transport, and ends the process; returns to serve. */
export function handleServerCommandLine(args: readonly string[]): void {
  const command = serverCommand(args);
  switch (command.run) {
    case 'serve':
      return;
    case 'help':
      process.stdout.write(SERVER_USAGE);
      process.exit(0);
      break;
    case 'version':
      process.stdout.write(`${version}\n`);
      process.exit(0);
      break;
    case 'usage-error':
      process.stderr.write(`drplan-language-server: say how the client connects (--stdio, --node-ipc, --socket=PORT or --pipe=NAME)\n\n${SERVER_USAGE}`);
      process.exit(2);
  }
}
