import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { withCursor } from '../support/cursor';
import { germanAndEnglishServers, LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');

const PLAN = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1.0"
contacts:
  - id: it-leitung
    name: Erika Mustermann
backups:
  - id: zodb-snapshot
    what: ZODB und Blobs
    method: volume-snapshot
    interval: 4h
scenarios:
  - id: storage
    category: |
`;

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] as string).length };
}

async function completion(client: LspClient, uri: string, text: string, offset: number, version = 1): Promise<CompletionItem[]> {
  if (version === 1) await client.open(uri, text);
  else await client.change(uri, version, [{ text }]);
  const result = (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(text, offset),
  })) as CompletionItem[] | CompletionList | null;
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

describe('completion over stdio', () => {
  let german: LspClient;
  let english: LspClient;
  before(async () => {
    [german, english] = await germanAndEnglishServers(SERVER, { today: TODAY_ISO, validationDelay: 10 });
  });
  after(() => Promise.all([german.stop(), english.stop()]));

  it('announces completion with its trigger characters', async () => {
    // a bare connection, to read the answer to `initialize` that LspClient keeps to itself
    const child = spawn('node', [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as {
        capabilities: { completionProvider?: { triggerCharacters?: string[]; resolveProvider?: boolean } };
      };
      assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [' ', ':', '[', ',', '-'], resolveProvider: false });
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('offers the categories with German labels after `category: `', async () => {
    const { text, offset } = withCursor(PLAN);
    const items = await completion(german, 'untitled:categories.drplan.yaml', text, offset);
    assert.deepEqual(items.map((item) => item.label), ['hardware', 'force-majeure', 'software', 'operator']);
    assert.deepEqual(items.map((item) => item.detail), ['Hardware-Fehler', 'Höhere Gewalt', 'Software-Fehler', 'Bedienfehler']);
    const edit = items[0]?.textEdit as TextEdit;
    assert.deepEqual(edit.range.start, positionOf(text, offset));
    assert.match((items[1]?.documentation as MarkupContent).value, /Stromausfall|außerhalb des eigenen Einflusses/);
  });

  it('answers in English for an English client, and follows the document as it changes', async () => {
    const uri = 'untitled:changing.drplan.yaml';
    const first = withCursor(PLAN);
    await completion(english, uri, first.text, first.offset);
    const second = withCursor(PLAN.replace('category: |', 'category: hardware\n    |'));
    const keys = await completion(english, uri, second.text, second.offset, 2);
    const labels = keys.map((item) => item.label);
    assert.equal(labels[0], 'type');
    assert.ok(!labels.includes('category') && !labels.includes('id'));
    const rto = keys.find((item) => item.label === 'rto');
    assert.equal(rto?.labelDetails?.description, 'required');
    assert.match((rto?.documentation as MarkupContent).value, /Recovery Time Objective/);

    const third = withCursor(PLAN.replace('category: |', 'category: hardware\n    type: storage-server\n    rpo: |'));
    const rpo = await completion(english, uri, third.text, third.offset, 3);
    assert.deepEqual(rpo.map((item) => item.label), ['4h', '0', '15 min', '1h', '24h']);
    assert.equal(rpo[0]?.labelDetails?.description, "interval of backup 'zodb-snapshot'");
  });

  it('offers whole scenarios on a new item of `scenarios`', async () => {
    const { text, offset } = withCursor(PLAN.replace('category: |', 'category: hardware\n  - |'));
    const items = await completion(german, 'untitled:scenario.drplan.yaml', text, offset);
    const storage = items.find((item) => item.label === 'Szenario: Ausfall des Storage-Servers');
    assert.ok(storage, JSON.stringify(items.map((item) => item.label)));
    assert.match((storage.textEdit as TextEdit).newText, /^id: \$\{1:storage-server\}\n {4}category: hardware\n {4}type: storage-server\n/);
  });

  it('offers the contacts after `responsible: ` in a document with a syntax error', async () => {
    const { text, offset } = withCursor(PLAN.replace('  title: Notfallplan', '  title: [kaputt').replace('category: |', 'category: hardware\n    responsible: |'));
    const items = await completion(german, 'untitled:broken.drplan.yaml', text, offset);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [['it-leitung', 'Erika Mustermann']]);
  });

  it('answers nothing for an unknown document', async () => {
    const result = await german.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: 'untitled:unknown.drplan.yaml' },
      position: { line: 0, character: 0 },
    });
    assert.deepEqual(result, []);
  });
});
