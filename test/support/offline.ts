import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/**
 * How to run a command with no network at all: in a network namespace of its own (only a loopback
 * device that is down), through unshare: as root directly, else as a user with user namespaces.
 * Undefined where neither is allowed; a caller then still keeps npm offline by its configuration.
 */
export const WITHOUT_NETWORK: readonly string[] | undefined = [['unshare', '--net'], ['unshare', '--user', '--map-root-user', '--net']].find(
  (prefix) => spawnSync(prefix[0] as string, [...prefix.slice(1), 'true']).status === 0,
);

/** `command` run without network where that can be had (WITHOUT_NETWORK), and npm offline in any case. */
export function runOffline(command: string, args: readonly string[], options: SpawnSyncOptions & { env: NodeJS.ProcessEnv }) {
  const env = { ...options.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const [file, ...rest] = WITHOUT_NETWORK ? [...WITHOUT_NETWORK, command, ...args] : [command, ...args];
  return spawnSync(file as string, rest, { ...options, env, encoding: 'utf8' });
}
