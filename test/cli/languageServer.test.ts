import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { version } from '../../package.json';
import { ROOT } from '../support/fixtures';

const SERVER = join(ROOT, 'dist', 'server.js');

/** The built language server run as a user runs it on a shell (stdin closed, 10 s at most). */
function server(...args: string[]) {
  const result = spawnSync('node', [SERVER, ...args], { encoding: 'utf8', input: '', timeout: 10_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('drplan-language-server on the command line', () => {
  it('answers --help with how to start it, on standard output', () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = server(flag);
      assert.equal(code, 0, flag);
      assert.equal(stderr, '');
      assert.match(stdout, /^drplan-language-server \d+\.\d+\.\d+: /);
      for (const transport of ['--stdio', '--node-ipc', '--socket=PORT', '--pipe=NAME', '--version']) assert.ok(stdout.includes(transport), transport);
    }
  });

  it('answers --version', () => {
    const { code, stdout } = server('--version');
    assert.equal(code, 0);
    assert.equal(stdout, `${version}\n`);
  });

  it('without a transport says how to start it (exit 2), and shows no stack trace', () => {
    for (const args of [[], ['--verbose'], ['plan.drplan.yaml']]) {
      const { code, stdout, stderr } = server(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^drplan-language-server: say how the client connects \(--stdio, --node-ipc, --socket=PORT or --pipe=NAME\)\n\ndrplan-language-server /);
      assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace');
    }
  });

  it('serves over --stdio until its input ends', () => {
    const { code, stderr } = server('--stdio');
    assert.equal(stderr, '');
    assert.notEqual(code, 2);
  });
});
