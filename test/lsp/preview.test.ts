import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { generatePlan } from '../../bench/generatePlan';
import type { ExportHtmlResult, ExportPdfResult, PreviewResult } from '../../server/src/renderProtocol';
import { EXAMPLES, FIXTURES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');
const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const URI = pathToFileURL(join(EXAMPLES, 'plone-intranet.drplan.yaml')).href;

function request<T>(client: LspClient, method: string, uri: string): Promise<T> {
  return client.connection.sendRequest<T>(method, { textDocument: { uri } });
}

describe('plan document requests over stdio (drplan/preview, drplan/exportPdf, drplan/exportHtml)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO }, { locale: 'en' });
    await client.open(URI, EXAMPLE);
  });
  after(() => client.stop());

  it('answers the preview with the body of the document version it has, with source lines', async () => {
    const result = await request<PreviewResult>(client, 'drplan/preview', URI);
    assert.equal(result.version, 1);
    assert.equal(result.draft, false);
    assert.ok(result.html.startsWith('<main class="drplan-document">'));
    assert.match(result.html, /<h1 class="doc-title" data-line="\d+">Notfallplan Plone-Intranet<\/h1>/);
    assert.match(result.html, /<h4 id="szenario-storage" data-line="\d+">/);
    assert.doesNotMatch(result.html, /<script|<style|\sstyle=/);
    // The storage scenario's heading carries the line of `- id: storage`.
    const line = EXAMPLE.split('\n').findIndex((text) => /^\s+- id: storage$/.test(text));
    assert.ok(line > 0);
    assert.ok(result.html.includes(`<h4 id="szenario-storage" data-line="${line}">`), `the storage heading is not at line ${line}`);
  });

  it('answers for the new version after an edit, and marks a plan with errors as a draft', async () => {
    const titleLine = EXAMPLE.split('\n').findIndex((text) => text.includes('title: Notfallplan Plone-Intranet'));
    await client.change(URI, 2, [{ range: { start: { line: titleLine, character: 9 }, end: { line: titleLine, character: 35 } }, text: 'Notfallplan <Intranet> & Co' }]);
    const edited = await request<PreviewResult>(client, 'drplan/preview', URI);
    assert.equal(edited.version, 2);
    assert.match(edited.html, /<h1 class="doc-title" data-line="\d+">Notfallplan &lt;Intranet&gt; &amp; Co<\/h1>/);

    const rtoLine = EXAMPLE.split('\n').findIndex((text, index) => index > titleLine && /^\s+rto: 4h$/.test(text));
    await client.change(URI, 3, [{ range: { start: { line: rtoLine, character: 0 }, end: { line: rtoLine + 1, character: 0 } }, text: '    rto: 1h\n' }]);
    const draft = await request<PreviewResult>(client, 'drplan/preview', URI);
    assert.equal(draft.version, 3);
    assert.equal(draft.draft, true);
    assert.match(draft.html, /<div class="watermark" aria-hidden="true">ENTWURF<\/div>/);
  });

  it('exports the current version as a PDF file and as one HTML file', async () => {
    const pdf = await request<ExportPdfResult>(client, 'drplan/exportPdf', URI);
    assert.equal(pdf.version, 3);
    const bytes = Buffer.from(pdf.data, 'base64');
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 20_000, `${bytes.length} bytes`);
    assert.equal(pdf.draft, true);

    const html = await request<ExportHtmlResult>(client, 'drplan/exportHtml', URI);
    assert.equal(html.version, 3);
    assert.ok(html.html.startsWith('<!DOCTYPE html>'));
    assert.match(html.html, /<style>[\s\S]*@media print/);
    assert.match(html.html, /<title>Notfallplan &lt;Intranet&gt; &amp; Co<\/title>/);
  });

  it('reports the progress of a PDF export as LSP work-done progress, and answers other requests meanwhile', async () => {
    const uri = pathToFileURL(join(FIXTURES, 'large-export.drplan.yaml')).href;
    await client.open(uri, generatePlan(150));
    const token = 'export-progress-test';
    const progress: string[] = [];
    const percentages: number[] = [];
    const listening = client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      progress.push(value.kind);
      if (value.kind === 'report' && value.percentage !== undefined) percentages.push(value.percentage);
    });
    const order: string[] = [];
    const exported = client.connection.sendRequest<ExportPdfResult>('drplan/exportPdf', { textDocument: { uri }, workDoneToken: token }).then((result) => {
      order.push('export');
      return result;
    });
    // The export pauses between windows of pages: a preview asked meanwhile is answered first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const preview = await request<PreviewResult>(client, 'drplan/preview', uri);
    order.push('preview');
    const pdf = await exported;
    listening.dispose();
    assert.equal(preview.version, 1);
    assert.equal(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(order, ['preview', 'export']);
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
    assert.ok(percentages.length >= 5, `reports: ${percentages.join(', ')}`);
    assert.deepEqual([...percentages].sort((a, b) => a - b), percentages, 'only growing');
    assert.ok((percentages[percentages.length - 1] ?? 0) >= 90);
  });

  it('answers null for a document the server does not have, and an error for a request without one', async () => {
    const unknown = pathToFileURL(join(FIXTURES, 'not-open.drplan.yaml')).href;
    assert.equal(await request<PreviewResult | null>(client, 'drplan/preview', unknown), null);
    assert.equal(await request<ExportPdfResult | null>(client, 'drplan/exportPdf', unknown), null);
    await assert.rejects(client.connection.sendRequest('drplan/preview', {}), /textDocument\.uri/);
  });

  it('renders half-typed YAML without failing', async () => {
    const broken = pathToFileURL(join(FIXTURES, 'broken.drplan.yaml')).href;
    await client.open(broken, 'drplan: "1"\nplan:\n  title: [Notfall\nscenarios:\n  - id: x\n    rto: 4\n');
    const result = await request<PreviewResult>(client, 'drplan/preview', broken);
    assert.equal(result.version, 1);
    assert.equal(result.draft, true);
    assert.ok(result.html.startsWith('<main class="drplan-document"'));
  });
});
