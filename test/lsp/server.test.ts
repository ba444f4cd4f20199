import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { newPlanText } from '../../server/src/core/features/newPlan';
import { NEW_PLAN_REQUEST, type NewPlanResult } from '../../server/src/newPlanProtocol';
import { EXAMPLES, fixtureFiles, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const uriOf = (path: string) => pathToFileURL(path).href;

describe('the language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, validationDelay: 10 });
  });
  after(() => client.stop());

  it('publishes no error and no warning for the example', async () => {
    const file = join(EXAMPLES, 'plone-intranet.drplan.yaml');
    await client.open(uriOf(file), read(file));
    const diagnostics = await client.diagnosticsOfVersion(uriOf(file), 1);
    assert.deepEqual(diagnostics.filter((d) => d.severity! <= DiagnosticSeverity.Warning), []);
    assert.ok(diagnostics.every((d) => d.source === 'drplan'));
  });

  it('re-checks after an incremental change, for that version', async () => {
    const uri = 'untitled:change.drplan.yaml';
    const text = 'drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"}\nscenarios:\n  - {id: s, category: hardware, type: vm-server, prevention: [p], recovery: [r], recovery_time: 1h, rto: 2h, rpo: 0}\n';
    await client.open(uri, text);
    const first = await client.diagnosticsOfVersion(uri, 1);
    assert.ok(!first.some((d) => d.code === 'rto-exceeded'));
    // recovery_time: 1h → 5h, as a keystroke would change it
    const line = 3;
    const character = text.split('\n')[line]!.indexOf('1h');
    await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '5' }]);
    const second = await client.diagnosticsOfVersion(uri, 2);
    const rto = second.find((d) => d.code === 'rto-exceeded');
    assert.ok(rto, JSON.stringify(second));
    assert.deepEqual(rto.range, { start: { line, character }, end: { line, character: character + 2 } });
  });

  it('publishes only the last of a burst of changes', async () => {
    const uri = 'untitled:burst.drplan.yaml';
    await client.open(uri, 'drplan: "1"\n');
    await client.diagnosticsOfVersion(uri, 1);
    const seen: number[] = [];
    const done = client.nextDiagnostics(uri, (p) => {
      seen.push(p.version ?? -1);
      return p.version === 6;
    });
    for (let version = 2; version <= 6; version++) {
      await client.change(uri, version, [{ text: `drplan: "1"\n# ${'x'.repeat(version)}\n` }]);
    }
    await done;
    assert.deepEqual(seen, [6]);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'untitled:closed.drplan.yaml';
    await client.open(uri, 'drplan: 2\n');
    assert.ok((await client.diagnosticsOfVersion(uri, 1)).length > 0);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('gives the same diagnostics as the CLI for every fixture', async () => {
    const files = [...fixtureFiles('codes'), ...fixtureFiles('styles')];
    let output: string;
    try {
      output = execFileSync('node', [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, ...files], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const fromCli = JSON.parse(output) as { severity: string; file: string }[];
    for (const file of files) {
      const uri = uriOf(file);
      await client.open(uri, read(file));
      const fromServer = await client.diagnosticsOfVersion(uri, 1);
      const expected = fromCli
        .filter((d) => d.file === file)
        .map(({ file: _file, severity, ...rest }) => ({ ...rest, severity: ['error', 'warning', 'information', 'hint'].indexOf(severity) + 1 }));
      assert.deepEqual(fromServer, expected, file);
      await client.close(uri);
    }
  });

  it('answers drplan/newPlan with the text of a new plan, in its language and dated its day', async () => {
    const { text } = await client.connection.sendRequest<NewPlanResult>(NEW_PLAN_REQUEST, {});
    assert.equal(text, newPlanText('en', new Date(TODAY_ISO)));
  });
});

describe('the language server in German', () => {
  it('speaks German when the client asks for it', async () => {
    const client = await LspClient.start('node', [SERVER, '--stdio'], {}, { locale: 'de-DE' });
    try {
      await client.open('untitled:de.drplan.yaml', 'drplan: "1"\nplan: {title: a}\n');
      const diagnostics = await client.diagnosticsOfVersion('untitled:de.drplan.yaml', 1);
      assert.ok(diagnostics.some((d) => /Pflichtfeld „organisation“ fehlt in „plan“/.test(d.message)), JSON.stringify(diagnostics));
    } finally {
      await client.stop();
    }
  });
  it("says YAML's own errors in German, at yaml's positions", async () => {
    const client = await LspClient.start('node', [SERVER, '--stdio'], {}, { locale: 'de-DE' });
    try {
      await client.open('untitled:yaml.drplan.yaml', 'drplan: "1"\nplan:\n  title: Notfall: Server\n  system x\n  version: "1"\n');
      const syntax = (await client.diagnosticsOfVersion('untitled:yaml.drplan.yaml', 1)).filter((d) => d.code === 'yaml-syntax');
      assert.deepEqual(
        syntax.map((d) => [d.range.start.line, d.range.start.character, /^YAML-Syntaxfehler: (Nach dem Schlüssel steht|Ein Schlüssel muss auf einer Zeile)/.test(d.message)]),
        [[2, 9, true], [3, 2, true]],
        JSON.stringify(syntax),
      );
    } finally {
      await client.stop();
    }
  });
  it('makes a new plan with German comments', async () => {
    const client = await LspClient.start('node', [SERVER, '--stdio'], {}, { locale: 'de-DE' });
    try {
      const { text } = await client.connection.sendRequest<NewPlanResult>(NEW_PLAN_REQUEST);
      // Dated the server's today: compared without the history's date, which may turn meanwhile.
      const withoutDate = (plan: string) => plan.replace(/\n {4}date: \d{4}-\d{2}-\d{2}\n/, '\n    date: …\n');
      assert.equal(withoutDate(text), withoutDate(newPlanText('de', new Date())));
      assert.match(text, /# Leere Werte ausfüllen/);
    } finally {
      await client.stop();
    }
  });
  it('takes the validation delay from the drplan settings', async () => {
    const client = await LspClient.start('node', [SERVER, '--stdio'], {}, { settings: { drplan: { validation: { delay: 0 } } } });
    try {
      await client.open('untitled:s.drplan.yaml', 'drplan: "1"\n');
      await client.diagnosticsOfVersion('untitled:s.drplan.yaml', 1);
      await client.change('untitled:s.drplan.yaml', 2, [{ text: 'drplan: "2"\n' }]);
      const diagnostics = await client.diagnosticsOfVersion('untitled:s.drplan.yaml', 2);
      assert.ok(diagnostics.some((d) => d.code === 'invalid-value'));
    } finally {
      await client.stop();
    }
  });

  it('clamps settings to their range: a delay of 2,000,000,000 ms waits 2 s at most, a negative size limit is no limit lifted', async () => {
    const settings = { drplan: { validation: { delay: 2_000_000_000 }, maxFileSize: -1 } };
    const client = await LspClient.start('node', [SERVER, '--stdio'], { validationDelay: 2_000_000_000, maxFileSize: -1 }, { settings });
    try {
      const uri = 'untitled:clamped.drplan.yaml';
      await client.open(uri, 'drplan: "1"\n');
      await client.diagnosticsOfVersion(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      await client.change(uri, 2, [{ text: 'drplan: "2"\n' }]);
      const start = performance.now();
      const diagnostics = await client.diagnosticsOfVersion(uri, 2, 10_000);
      assert.ok(performance.now() - start < 5000, 'the delay is held to its maximum of 2 s');
      assert.ok(diagnostics.some((d) => d.code === 'invalid-value'));
      // The default limit (5 MB) still holds: a 6 MB plan is not parsed.
      await client.open('untitled:big.drplan.yaml', `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
      const big = await client.diagnosticsOfVersion('untitled:big.drplan.yaml', 1, 10_000);
      assert.equal(big.length, 1);
      assert.match(big[0]?.message ?? '', /5 MB/);
    } finally {
      await client.stop();
    }
  });
});
