import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange, Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, textOf } from '../support/edits';
import { EXAMPLES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

/** The LSP position of the first `needle` after `after`, `into` characters in. */
function positionOf(text: string, needle: string, after = '', into = 1) {
  const offset = text.indexOf(needle, text.indexOf(after)) + into;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/** The error message of a request that must fail. */
async function failure(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('the request did not fail');
}

describe('navigation over stdio (outline, definition, references, rename, folding)', () => {
  let english: LspClient;
  let german: LspClient;
  const uri = 'file:///navigation/plone-intranet.drplan.yaml';

  before(async () => {
    [english, german] = await Promise.all([
      LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, validationDelay: 10 }),
      LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, validationDelay: 10 }, { locale: 'de' }),
    ]);
    for (const client of [english, german]) {
      await client.open(uri, EXAMPLE);
      await client.diagnosticsOfVersion(uri, 1);
    }
  });
  after(() => Promise.all([english.stop(), german.stop()]));

  const request = <T>(client: LspClient, method: string, params: object) =>
    client.connection.sendRequest(method, { textDocument: { uri }, ...params }) as Promise<T>;

  it('answers the outline in the client’s language', async () => {
    const [en, de] = await Promise.all([
      request<DocumentSymbol[]>(english, 'textDocument/documentSymbol', {}),
      request<DocumentSymbol[]>(german, 'textDocument/documentSymbol', {}),
    ]);
    assert.deepEqual(de.map((s) => s.name), ['Plan', 'Kontakte', 'Alarmierung', 'Komponenten', 'Verfügbarkeit', 'Backups', 'Szenarien', 'Historie']);
    assert.deepEqual(en.map((s) => s.name), ['Plan', 'Contacts', 'Alerting', 'Components', 'Availability', 'Backups', 'Scenarios', 'History']);
    const hardware = de[6]!.children![0]!;
    assert.equal(hardware.name, 'Hardware-Fehler');
    assert.deepEqual(hardware.children!.map((s) => `${s.name} (${s.detail})`).slice(2), [
      'Ausfall des Storage-Servers (RTO 8 h · RPO 4 h)',
      'Ausfall des Server-Racks (RTO 36 h · RPO 24 h)',
    ]);
    assert.equal(textOf(EXAMPLE, hardware.children![2]!.selectionRange), 'storage');
  });

  it('goes to the definition of a reference', async () => {
    const locations = await request<Location[]>(english, 'textDocument/definition', { position: positionOf(EXAMPLE, 'zodb-offsite', 'id: rack') });
    assert.equal(locations.length, 1);
    assert.equal(locations[0]!.uri, uri);
    assert.deepEqual(locations[0]!.range.start, positionOf(EXAMPLE, 'zodb-offsite', 'backups:', 0));
  });

  it('finds references, with and without the declaration', async () => {
    const position = positionOf(EXAMPLE, 'rz-betreiber', 'id: strom');
    const [all, uses] = await Promise.all([
      request<Location[]>(english, 'textDocument/references', { position, context: { includeDeclaration: true } }),
      request<Location[]>(english, 'textDocument/references', { position, context: { includeDeclaration: false } }),
    ]);
    const count = EXAMPLE.match(/(id|responsible): rz-betreiber$/gm)!.length;
    assert.equal(all.length, count);
    assert.equal(uses.length, count - 1);
    assert.ok(all.every((location) => textOf(EXAMPLE, location.range) === 'rz-betreiber'));
  });

  it('prepares a rename on an id, and refuses elsewhere with a message in the client’s language', async () => {
    const prepared = await request<{ range: Range; placeholder: string }>(english, 'textDocument/prepareRename', {
      position: positionOf(EXAMPLE, 'config-git', 'backup: '),
    });
    assert.equal(prepared.placeholder, 'config-git');
    assert.equal(textOf(EXAMPLE, prepared.range), 'config-git');
    const position = positionOf(EXAMPLE, 'Beispiel GmbH');
    assert.match(await failure(request(german, 'textDocument/prepareRename', { position })), /^Umbenennen lässt sich hier nur eine Kennung/);
    assert.match(await failure(request(english, 'textDocument/prepareRename', { position })), /^Only an id/);
  });

  it('renames an id and every reference, and refuses a name that is taken', async () => {
    const position = positionOf(EXAMPLE, 'zodb-snapshot', 'id: dateisystem');
    const edit = await request<WorkspaceEdit>(english, 'textDocument/rename', { position, newName: 'zodb-volume' });
    const after = applyEdits(EXAMPLE, edit.changes![uri]!);
    assert.equal(after, EXAMPLE.replace(/(id|backup): zodb-snapshot$/gm, '$1: zodb-volume'));
    assert.equal(
      await failure(request(german, 'textDocument/rename', { position, newName: 'zodb-offsite' })),
      'Die Kennung „zodb-offsite“ ist in „backups“ schon vergeben.',
    );
    assert.match(await failure(request(english, 'textDocument/rename', { position, newName: 'ZODB' })), /'ZODB' is not a valid id/);
  });

  it('answers folding ranges, the header comment first', async () => {
    const ranges = await request<FoldingRange[]>(english, 'textDocument/foldingRange', {});
    assert.deepEqual(ranges[0], { startLine: 0, endLine: 1, kind: 'comment' });
    assert.ok(ranges.length > 50);
  });

  it('answers the requests of the newest version after a change', async () => {
    const changed = 'file:///navigation/changed.drplan.yaml';
    await english.open(changed, 'contacts:\n  - id: a\n');
    await english.change(changed, 2, [{ text: 'contacts:\n  - id: b\n    name: Bea\n' }]);
    const symbols = (await english.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: changed } })) as DocumentSymbol[];
    assert.equal(symbols[0]!.children![0]!.name, 'Bea');
  });

  it('answers empty for a document it does not have', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere.drplan.yaml' } };
    assert.deepEqual(await english.connection.sendRequest('textDocument/documentSymbol', unknown), []);
    assert.deepEqual(await english.connection.sendRequest('textDocument/definition', { ...unknown, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await english.connection.sendRequest('textDocument/foldingRange', unknown), []);
    assert.equal(await english.connection.sendRequest('textDocument/prepareRename', { ...unknown, position: { line: 0, character: 0 } }), null);
  });
});
