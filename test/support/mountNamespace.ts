import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/**
 * Runs `script` with sh as root of a mount namespace of its own (unshare: as root, or as a
 * user with user namespaces), so its tmpfs mounts disappear with it even if the test dies; its
 * output lines `name=value` come back as a record. `env` is added to the environment (LANG=C).
 */
export function inMountNamespace(script: string, env: Record<string, string>): Record<string, string> {
  const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
    env: { ...process.env, LANG: 'C', LC_ALL: '', ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `unshare and mount -t tmpfs must work here: ${result.stderr}`);
  return Object.fromEntries(result.stdout.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}
