import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';

/**
 * SECURITY.md's rules on what drplan's own code may reach for: processes, the network, code
 * made from strings. Each is kept here by a list of the modules allowed to, with the reason, so
 * that a new use (git for the change history, Prometheus for availability) must come through
 * the one module SECURITY.md names, and SECURITY.md is changed with it. And SECURITY.md itself
 * names, for each promise, tests that exist.
 */
const SOURCES = ['server/src', 'client/src'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const files = [...SOURCES.flatMap(sourceFiles), 'media/preview.js'];

/** The modules whose text matches `pattern`. */
function using(pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(readFileSync(join(ROOT, file), 'utf8'))).sort();
}

describe('SECURITY.md rules in the code', () => {
  it('starts processes in two places only: the client forks the bundled server, gitHistory.ts runs git', () => {
    assert.deepEqual(using(/\bchild_process\b|\bexecFile\b|\bexecSync\b|\bspawn\(/), ['client/src/serverProcess.ts', 'server/src/gitHistory.ts']);
    // git by its absolute name, with the pinned options, without a shell: one call.
    const git = readFileSync(join(ROOT, 'server/src/gitHistory.ts'), 'utf8');
    assert.deepEqual(git.match(/(?<!\.)\b(fork|spawn|spawnSync|exec|execSync|execFile|execFileSync)\(/g), ['execFile(']);
    assert.match(git, /execFile\(\s*where\.git,\s*\[\.\.\.PINNED, \.\.\.args\],/);
    assert.doesNotMatch(git, /shell:/);
    for (const setting of ['core.fsmonitor=false', 'core.hooksPath=${devNull}', 'log.showSignature=false', 'protocol.allow=never', 'safe.bareRepository=explicit']) {
      assert.ok(git.includes(`'${setting}'`) || git.includes(`\`${setting}\``), setting);
    }
  });

  it('opens network connections in one module: the availability import asks Prometheus (GET, no proxy, TLS verified)', () => {
    assert.deepEqual(using(/['"](node:)?(http|https|http2|tls|dgram|dns|undici)['"]|\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/), [
      'server/src/prometheus/prometheusClient.ts',
    ]);
    const client = readFileSync(join(ROOT, 'server/src/prometheus/prometheusClient.ts'), 'utf8');
    assert.deepEqual(client.match(/from 'node:[\w/]+'/g), ["from 'node:http'", "from 'node:https'"]);
    assert.deepEqual(client.match(/\bhttps?Request\b.*/g), [
      "httpRequest, type IncomingMessage } from 'node:http';",
      "httpsRequest } from 'node:https';",
      "httpsRequest : httpRequest)(url, options);",
    ], 'one request, by http or https');
    assert.deepEqual(client.match(/method: '[A-Z]+'/g), ["method: 'GET'"]);
    // No agent: no pooled socket and no proxy of the environment; a certificate that verifies.
    assert.match(client, /agent: false as const,/);
    assert.match(client, /rejectUnauthorized: true,/);
    assert.deepEqual(client.match(/new URL\(QUERY_RANGE_PATH, base\)/g), ['new URL(QUERY_RANGE_PATH, base)'], 'the one path asked');
    // Asked by the import alone: drplan measure and the language server's request.
    assert.deepEqual(using(/^import \{[^}]*\} from '[./]*prometheus\/(prometheusClient|measureFromPrometheus)'|import\('[./]*prometheus\/(prometheusClient|measureFromPrometheus)'\)/m), [
      'server/src/cli/measure.ts',
      'server/src/measureRequests.ts',
    ]);
    assert.deepEqual(using(/^import \{[^}]*\bqueryRange\b[^}]*\} from '\.\/prometheusClient'/m), ['server/src/prometheus/measureFromPrometheus.ts']);
    // node:net only to write into a Unix-domain socket a user names as the output (`-o socket`).
    assert.deepEqual(using(/['"](node:)?net['"]/), ['server/src/io/nodeOutputFiles.ts']);
    const net = readFileSync(join(ROOT, 'server/src/io/nodeOutputFiles.ts'), 'utf8');
    assert.deepEqual(net.match(/createConnection\([^)]*\)/g), ['createConnection({ path })']);
  });

  it('makes no code from strings: no eval, no new Function; vm only to reach V8\'s collector and to load its own bundle', () => {
    assert.deepEqual(using(/\beval\(|new Function\b|\bFunction\(/), []);
    // The constant `gc`, evaluated in a fresh context that has it (idleCollector.ts): no text from outside.
    assert.deepEqual(using(/['"](node:)?vm['"]/), ['server/src/codeCache.ts', 'server/src/idleCollector.ts']);
    const collector = readFileSync(join(ROOT, 'server/src/idleCollector.ts'), 'utf8');
    assert.deepEqual(collector.match(/runInNewContext\([^)]*\)/g), ["runInNewContext('gc')"]);
    // The code cache compiles the file it read (the bundle beside the server), wrapped as require wraps it.
    const cache = readFileSync(join(ROOT, 'server/src/codeCache.ts'), 'utf8');
    assert.deepEqual(cache.match(/new Script\([^,]*/g), ['new Script(Module.wrap(source)']);
    assert.match(cache, /const bytes = readFileSync\(file\);\n\s*const source = bytes\.toString\('utf8'\);/);
    const services = readFileSync(join(ROOT, 'server/src/nodeServices.ts'), 'utf8');
    assert.deepEqual(services.match(/requireWithCodeCache\([^,]*/g), ['requireWithCodeCache(file']);
    assert.match(services, /const file = join\(__dirname, 'language-service\.js'\);/);
  });

  it('hands the system only files that an export has just written ("Open")', () => {
    assert.deepEqual(using(/openExternal/), ['client/src/export/exportCommands.ts']);
  });
});

describe('SECURITY.md', () => {
  const text = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
  const table = text.slice(text.indexOf('## How each promise is tested'), text.indexOf('## Reporting a vulnerability'));

  it('names for every promise the tests that keep it', () => {
    const sections = [...text.matchAll(/^### (\d+)\. /gm)].map((match) => Number(match[1]));
    assert.ok(sections.length >= 8, `${sections.length} promises`);
    // Each row begins with the sections it tests: `| §1, §6 Every author string …`.
    const tested = new Set(table.split('\n').flatMap((line) => [...(/^\| ((?:§\d+,? )+)/.exec(line)?.[1] ?? '').matchAll(/§(\d+)/g)].map((match) => Number(match[1]))));
    for (const section of sections) assert.ok(tested.has(section), `§${section} has a row in the table of tests`);
  });

  it('cites only tests that exist', () => {
    const cited = [...table.matchAll(/`(test\/[^`]+?\.(?:ts|mjs))`/g)].map((match) => match[1]!);
    assert.ok(cited.length > 20, `${cited.length} tests cited`);
    for (const file of cited) assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
  });
});
