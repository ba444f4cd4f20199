/**
 * A plan over the size limit through the server, as any LSP client sees it: drplan/preview
 * answers a page that says so (not the document of an empty plan), drplan/exportPdf and
 * drplan/exportHtml refuse with the reason instead of sending an empty document. The limit is
 * the client's (initializationOptions.maxFileSize, in MB), the messages in the client's locale.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PreviewResult } from '../../server/src/renderProtocol';
import { EXAMPLES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
/** The example (under 20 kB) with a comment that takes it to 24 kB: over a limit of 0.02 MB (20 kB). */
const LARGE = `${EXAMPLE}# ${'x'.repeat(24 * 1024 - Buffer.byteLength(EXAMPLE) - 3)}\n`;
const LARGE_URI = pathToFileURL(join(EXAMPLES, 'gross.drplan.yaml')).href;
const SMALL_URI = pathToFileURL(join(EXAMPLES, 'plone-intranet.drplan.yaml')).href;

function request<T>(client: LspClient, method: string, uri: string): Promise<T> {
  return client.connection.sendRequest<T>(method, { textDocument: { uri } });
}

describe('a plan over the size limit: preview and exports over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, maxFileSize: 0.02 }, { locale: 'de' });
    await client.open(LARGE_URI, LARGE);
    await client.open(SMALL_URI, EXAMPLE);
  });
  after(() => client.stop());

  it('the preview says the file is too large for it, with its size and the limit, in the client\'s language', async () => {
    const result = await request<PreviewResult>(client, 'drplan/preview', LARGE_URI);
    assert.equal(result.version, 1);
    assert.equal(result.draft, false);
    assert.match(result.html, /^<main class="drplan-document">/);
    assert.match(result.html, /<h1 class="doc-title" data-line="0">Die Datei ist zu groß für die Vorschau \(24 kB, Grenze 20 kB\)<\/h1>/);
    assert.match(result.html, /weder geprüft noch in der Vorschau gezeigt noch exportiert/);
    assert.match(result.html, /drplan\.maxFileSize/);
    // Not the document of an empty plan.
    assert.doesNotMatch(result.html, /Inhaltsverzeichnis|Notfallkarte|ENTWURF/);
  });

  it('the exports refuse with the reason and send no document', async () => {
    for (const method of ['drplan/exportPdf', 'drplan/exportHtml']) {
      await assert.rejects(
        request(client, method, LARGE_URI),
        (error: Error) => {
          assert.equal(
            error.message,
            'Die Datei ist zu groß für den Export (24 kB, Grenze 20 kB); es wird kein Dokument geschrieben. Die Grenze lässt sich mit der Einstellung drplan.maxFileSize anheben.',
          );
          return true;
        },
        method,
      );
    }
  });

  it('a plan under the limit, open at the same time, is previewed and exported in full', async () => {
    const preview = await request<PreviewResult>(client, 'drplan/preview', SMALL_URI);
    assert.match(preview.html, /<h1 class="doc-title" data-line="\d+">Notfallplan Plone-Intranet<\/h1>/);
    const html = await request<{ html: string }>(client, 'drplan/exportHtml', SMALL_URI);
    assert.match(html.html, /^<!DOCTYPE html>/);
  });

  it('once the text is under the limit again, the preview shows the document', async () => {
    const lines = LARGE.split('\n');
    const comment = lines.length - 2;
    await client.change(LARGE_URI, 2, [{ range: { start: { line: comment, character: 0 }, end: { line: comment + 1, character: 0 } }, text: '' }]);
    const result = await request<PreviewResult>(client, 'drplan/preview', LARGE_URI);
    assert.equal(result.version, 2);
    assert.match(result.html, /<h1 class="doc-title" data-line="\d+">Notfallplan Plone-Intranet<\/h1>/);
  });
});
