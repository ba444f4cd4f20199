/**
 * DRPLAN_SERVER_INSPECT=6011 starts the language server under Node's inspector, to debug it.
 * The inspector runs whatever code a client sends it, so it listens on 127.0.0.1 only, and the
 * variable takes a port and nothing else: no host (`0.0.0.0:9229` would open the server to the
 * network), no further options. Pure (no `vscode`), so test/unit checks it.
 */

/** The Node options for the server's inspector; `ignored`: a value that is not a port, for the output channel. */
export interface InspectOption {
  readonly execArgv: readonly string[];
  readonly ignored: string | undefined;
}

/** The inspector's options for DRPLAN_SERVER_INSPECT's value: a port from 1024 to 65535, in digits. */
export function inspectOption(value: string | undefined): InspectOption {
  if (value === undefined || value === '') return { execArgv: [], ignored: undefined };
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  // Below 1024 a port needs privileges, and is some service's own.
  if (!(port >= 1024 && port <= 65535)) return { execArgv: [], ignored: value };
  return { execArgv: ['--nolazy', `--inspect=127.0.0.1:${port}`], ignored: undefined };
}
