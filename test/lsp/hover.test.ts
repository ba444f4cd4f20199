import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { EXAMPLES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const TEXT = read(EXAMPLE);
const URI = pathToFileURL(EXAMPLE).href;

/** The position `delta` characters into the first `needle` (after `after`) of `text`. */
function positionOf(text: string, needle: string, delta: number, after = ''): Position {
  const at = text.indexOf(needle, text.indexOf(after));
  assert.ok(at >= 0, `"${needle}" is not in the text`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] as string).length };
}

function hoverAt(client: LspClient, uri: string, position: Position): Promise<Hover | null> {
  return client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
}

function markdown(result: Hover | null): string {
  assert.ok(result, 'a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover over stdio', () => {
  let german: LspClient;
  let english: LspClient;
  before(async () => {
    [german, english] = await Promise.all([
      LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO }, { locale: 'de-DE' }),
      LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO }, { locale: 'en' }),
    ]);
    await Promise.all([german.open(URI, TEXT), english.open(URI, TEXT)]);
  });
  after(() => Promise.all([german.stop(), english.stop()]));

  it('answers in German for a German client: the RTO, its value and its relations', async () => {
    const position = positionOf(TEXT, 'rto: 4h', 6, 'id: netzwerk');
    const result = await hoverAt(german, URI, position);
    const text = markdown(result);
    assert.match(text, /^\*\*RTO\*\* – maximal zulässige Ausfallzeit \(Recovery Time Objective/);
    assert.match(text, /\n`4h` = 4 Stunden = 240 Minuten\n/);
    assert.match(text, /\n- ✓ Zeit bis zur Wiederherstellung 2 Stunden ≤ RTO 4 Stunden\n/);
    assert.match(text, /\n- ✓ RTO 4 Stunden ≤ jährliche Ausfallzeit bei 99,5 % Verfügbarkeit: 43,8 Stunden\n/);
    assert.deepEqual(result?.range, { start: { line: position.line, character: 9 }, end: { line: position.line, character: 11 } });
  });

  it('answers in English for an English client', async () => {
    const text = markdown(await hoverAt(english, URI, positionOf(TEXT, 'rto: 4h', 1, 'id: netzwerk')));
    assert.match(text, /^\*\*RTO\*\* – Recovery Time Objective \(maximal zulässige Ausfallzeit/);
    assert.match(text, /\n- ✓ Recovery time 2 hours ≤ RTO 4 hours\n/);
  });

  it('shows a referenced contact and a catalog entry', async () => {
    assert.match(markdown(await hoverAt(german, URI, positionOf(TEXT, 'owner: it-leitung', 9))), /^\*\*Kontakt `it-leitung`\*\*: Erika Mustermann\n\n- Rolle: IT-Leitung/);
    assert.match(markdown(await hoverAt(english, URI, positionOf(TEXT, 'type: network-component', 8))), /^\*\*Failure of active network components\*\* · Scenario type `network-component`/);
  });

  it('answers null where there is nothing to say', async () => {
    assert.equal(await hoverAt(german, URI, positionOf(TEXT, '# Notfallplan', 3)), null);
  });

  it('follows changes: the hover reads the analysis of the current version', async () => {
    const uri = 'untitled:hover-change.drplan.yaml';
    const text = 'drplan: "1"\nscenarios:\n  - id: s\n    category: hardware\n    type: vm-server\n    recovery_time: 1h\n    rto: 2h\n    rpo: 0\n';
    await german.open(uri, text);
    const position = positionOf(text, 'rto: 2h', 6);
    assert.match(markdown(await hoverAt(german, uri, position)), /\n- ✓ Zeit bis zur Wiederherstellung 1 Stunde ≤ RTO 2 Stunden/);
    const line = positionOf(text, 'recovery_time: 1h', 15);
    await german.change(uri, 2, [{ range: { start: line, end: { line: line.line, character: line.character + 1 } }, text: '5' }]);
    assert.match(markdown(await hoverAt(german, uri, position)), /\n- ✗ Zeit bis zur Wiederherstellung 5 Stunden > RTO 2 Stunden/);
  });

  it('survives broken YAML', async () => {
    const uri = 'untitled:hover-broken.drplan.yaml';
    const text = 'scenarios:\n  - id: s\n    rto: 2h\n  - id: t\n    rto: "4h\n    prevention: [a,\n';
    await english.open(uri, text);
    assert.match(markdown(await hoverAt(english, uri, positionOf(text, 'rto: 2h', 6))), /`2h` = 2 hours = 120 minutes/);
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= (lines[line] as string).length; character++) {
        const result = await hoverAt(english, uri, { line, character });
        assert.ok(result === null || typeof (result.contents as MarkupContent).value === 'string');
      }
    }
    // still serving
    assert.match(markdown(await hoverAt(english, uri, positionOf(text, 'rto: 2h', 1))), /^\*\*RTO\*\*/);
  });
});
