/**
 * Why drplan may run in an untrusted (Restricted Mode) workspace, checked on the manifest and the
 * client: a workspace's settings can change how drplan checks, never what it runs. Every setting
 * is a number, a boolean or one of a fixed list of words (no path, no command, no program), but
 * for the address of Prometheus (`drplan.prometheus.url`, an http(s) URL), which is restricted:
 * an untrusted workspace's value does not count, and the import it serves is unavailable there.
 * The language server is the extension's own bundled file, started by VS Code's Node.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { maxFileSizeFrom, VALIDATION_DELAY_RANGE, validationDelayFrom } from '../../server/src/settings';
import { ROOT } from '../support/fixtures';

interface Setting {
  readonly type?: string | string[];
  readonly enum?: unknown[];
  readonly format?: string;
  readonly pattern?: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: unknown } };
  contributes: { configuration: { properties: Record<string, Setting> } | { properties: Record<string, Setting> }[] };
};

describe('untrusted workspaces', () => {
  it('are supported, with every setting a repository could abuse held back (restrictedConfigurations)', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    // A repository's .vscode/settings.json must not stop diagnostics (a delay of 2,000,000,000 ms)
    // nor lift the size limit (0), nor aim the availability import at a server of its choice (the
    // cloud's metadata service, a host of the local network); in Restricted Mode VS Code gives the
    // user's values instead.
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['drplan.validation.delay', 'drplan.maxFileSize', 'drplan.prometheus.url']);
  });

  it('the server clamps every setting to its documented range, whatever the client sends', () => {
    assert.equal(validationDelayFrom(2_000_000_000), 2000);
    assert.equal(validationDelayFrom(-5), 0);
    assert.equal(validationDelayFrom(15), 15);
    assert.equal(validationDelayFrom(Number.NaN), undefined);
    assert.equal(validationDelayFrom('0'), undefined);
    assert.equal(maxFileSizeFrom(-1), undefined);
    assert.equal(maxFileSizeFrom(0), 0);
    assert.equal(maxFileSizeFrom(12.5), 12.5);
    assert.equal(maxFileSizeFrom(Number.NaN), undefined);
    const delay = (manifest.contributes.configuration as { properties: Record<string, { minimum?: number; maximum?: number }> }).properties['drplan.validation.delay'];
    assert.deepEqual([delay?.minimum, delay?.maximum], [VALIDATION_DELAY_RANGE.minimum, VALIDATION_DELAY_RANGE.maximum]);
  });

  it('no setting can name a program, a path or a command; the one URL is http(s) and restricted', () => {
    const configuration = manifest.contributes.configuration;
    const settings = (Array.isArray(configuration) ? configuration : [configuration]).flatMap((part) => Object.entries(part.properties));
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations as string[];
    assert.ok(settings.length > 0);
    for (const [name, setting] of settings) {
      const types = Array.isArray(setting.type) ? setting.type : [setting.type];
      // An http(s) address only (the schema's pattern), held back in untrusted workspaces.
      const url = setting.format === 'uri' && setting.pattern?.startsWith('^(https?://') === true && restricted.includes(name);
      const safe = types.every((type) => type === 'number' || type === 'integer' || type === 'boolean' || (type === 'string' && (Array.isArray(setting.enum) || url)));
      assert.ok(safe, `${name} (${types.join('|')}) could carry a path or command: drplan would then have to restrict it in untrusted workspaces`);
    }
  });

  it('the client starts the bundled server module, not a program a setting or the workspace names', () => {
    const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const serverProcess = readFileSync(join(ROOT, 'client', 'src', 'serverProcess.ts'), 'utf8');
    const browser = readFileSync(join(ROOT, 'client', 'src', 'browserExtension.ts'), 'utf8');
    assert.match(client, /new LanguageClient\('drplan', 'DR-Plan Language Server', serverTransports\(output\), options\)/);
    // In the browser: the bundled worker script of the extension's own folder, a new worker per start.
    assert.match(browser, /const server = vscode\.Uri\.joinPath\(context\.extensionUri, 'dist', 'web', 'server\.js'\)\.toString\(true\);/);
    assert.deepEqual(browser.match(/new Worker\([^)]*\)/g), ["new Worker(this.script, { name: 'DR-Plan Language Server' })"]);
    // The one program started: the bundled dist/server.js beside the client's bundle, by Node.
    assert.match(serverProcess, /export const SERVER_MODULE = path\.join\(__dirname, '\.\.', 'server\.js'\);/);
    assert.deepEqual(serverProcess.match(/\b(fork|spawn|exec|execFile)\(/g), ['fork('], 'one fork, no other way to start a program');
    assert.match(serverProcess, /return fork\(SERVER_MODULE, /);
    for (const source of [client, serverProcess, browser]) {
      assert.doesNotMatch(source, /getConfiguration\([^)]*\)\.get<string>\([^)]*(path|command|executable|runtime)/i);
    }
  });
});
