/**
 * Two promises of SECURITY.md, checked on the built programs: a plan cannot make drplan run
 * code (YAML tags that other loaders turn into functions or objects are data here), and drplan
 * opens no network connection (the CLI's check and render, the language server answering
 * diagnostics, preview and export), watched with strace for every socket the processes open.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { isMap, isScalar, isSeq, visit } from 'yaml';
import { analyze } from '../../server/src/core';
import { LspClient } from '../support/lspClient';
import { EXAMPLES, ROOT, TODAY_ISO } from '../support/fixtures';

const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');

describe('no code execution from a plan', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-tags-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const marker = join(scratch, 'pwned');

  // Tags that js-yaml (unsafe load), PyYAML and Ruby's Psych turn into functions, calls or objects.
  const tagged = `drplan: "1"
plan:
  title: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'js'); return 'x' }"
  organisation: !!js/eval "globalThis.__pwned = 'eval'"
  system: !<tag:yaml.org,2002:js/undefined> ""
  version: !!python/object/apply:os.system ["touch ${marker}"]
  status: !ruby/object:Gem::Installer {i: x}
  owner: !Ref boss
  scope: !!binary aGFsbG8=
contacts: !!set {boss: null}
`;

  it('the core reads tags as data: no function, no call, no object of a class', () => {
    const analysis = analyze(tagged, { locale: 'de' });
    assert.equal((globalThis as { __pwned?: unknown }).__pwned, undefined);
    assert.equal(existsSync(marker), false);
    const values: unknown[] = [];
    visit(analysis.yaml.doc, {
      Scalar: (_key, node) => {
        values.push(node.value);
      },
    });
    assert.ok(values.length > 10);
    for (const value of values) assert.ok(value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Uint8Array, `a ${typeof value} in the tree`);
    // The collections are plain maps and lists.
    visit(analysis.yaml.doc, { Collection: (_key, node) => assert.ok(isMap(node) || isSeq(node)) });
    assert.ok(isScalar(analysis.yaml.doc.get('drplan', true)));
  });

  it('drplan check and drplan render on the plan: findings, no crash, nothing executed', () => {
    const plan = join(scratch, 'tags.drplan.yaml');
    writeFileSync(plan, tagged);
    for (const args of [['check', plan], ['render', '--format', 'html', '-o', join(scratch, 'tags.html'), plan]]) {
      const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
      assert.equal(result.status, 1, `${args[0]}: the plan has errors (exit 1), not a crash: ${result.stderr}`);
      assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at .*\(/, 'no stack trace');
    }
    assert.equal(existsSync(marker), false, 'nothing the tags asked for happened');
  });
});

/**
 * Runs `command` under strace, following every thread and child, and returns the socket-related
 * system calls (AF_INET/AF_INET6 sockets, connects, sends to an address) it made.
 */
function networkCalls(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => /\b(socket|connect|sendto|sendmsg)\(/.test(line) && /AF_INET6?\b/.test(line));
}

function traced(scratch: string, name: string, command: string, args: readonly string[]) {
  const trace = join(scratch, `${name}.strace`);
  const result = spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket,connect,sendto,sendmsg', '-o', trace, command, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `strace must be installed (apt-get install strace): ${result.error?.message}`);
  return { status: result.status, stderr: result.stderr, calls: networkCalls(trace), trace };
}

describe('no network access', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-network-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('the watch works: a process that connects is seen', () => {
    const { calls } = traced(scratch, 'control', 'node', ['-e', "require('net').connect(9, '127.0.0.1').on('error', () => {})"]);
    assert.ok(calls.some((call) => call.includes('connect(')), 'strace sees a TCP connect');
  });

  it('drplan check and drplan render (PDF, HTML) open no network socket', () => {
    for (const [name, args] of [
      ['check', ['check', EXAMPLE]],
      ['render-pdf', ['render', '--format', 'pdf', '-o', join(scratch, 'plan.pdf'), EXAMPLE]],
      ['render-html', ['render', '--format', 'html', '-o', join(scratch, 'plan.html'), EXAMPLE]],
    ] as const) {
      const { status, stderr, calls } = traced(scratch, name, 'node', [CLI, ...args]);
      assert.equal(status, 0, `${name}: ${stderr}`);
      assert.deepEqual(calls, [], name);
    }
  });

  it('the language server opens no network socket while checking, previewing and exporting', async () => {
    const trace = join(scratch, 'server.strace');
    const client = await LspClient.start('strace', ['-f', '-qq', '-e', 'trace=socket,connect,sendto,sendmsg', '-o', trace, 'node', SERVER, '--stdio'], { today: TODAY_ISO }, { locale: 'de' });
    try {
      const uri = pathToFileURL(EXAMPLE).href;
      const diagnostics = client.nextDiagnostics(uri);
      await client.open(uri, readFileSync(EXAMPLE, 'utf8'));
      await diagnostics;
      for (const method of ['drplan/preview', 'drplan/exportHtml', 'drplan/exportPdf']) {
        const result = await client.connection.sendRequest<unknown>(method, { textDocument: { uri } });
        assert.ok(result, `${method} answered`);
      }
    } finally {
      await client.stop();
    }
    assert.deepEqual(networkCalls(trace), []);
  });
});
