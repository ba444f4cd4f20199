/**
 * The language server built for VS Code in the browser (dist/web/server.js, a web worker), run
 * in a realm with a worker's global scope and none of Node's, code generation from strings
 * refused (test/support/webWorkerHost.mjs): it answers as the Node server does, since both are
 * the handlers of languageServer.ts over the same language service; it makes the PDFs itself
 * (pdfmake in the worker) with the Node server's text and pages; what needs Node degrades: the
 * change history is the plan's `history:` even in a trusted workspace (no git), the availability
 * import is refused with a note. And the browser bundles take in no Node module.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { DrillPlanResult, DrillReportPdfResult } from '../../server/src/drillProtocol';
import { measureMessages } from '../../server/src/core/i18n/measureMessages';
import type { ExportHtmlResult, ExportPdfResult, PreviewResult } from '../../server/src/renderProtocol';
import { EXAMPLES, FIXTURES, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const NODE_SERVER = join(ROOT, 'dist', 'server.js');
const WEB_SERVER = join(ROOT, 'dist', 'web', 'server.js');
const WEB_HOST = join(ROOT, 'test', 'support', 'webWorkerHost.mjs');
const EXAMPLE_FILE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const EXAMPLE = read(EXAMPLE_FILE);
const URI = pathToFileURL(EXAMPLE_FILE).href;
const OPTIONS = { today: TODAY_ISO, validationDelay: 10 };

function webServer(initializationOptions: object, locale = 'de'): Promise<LspClient> {
  return LspClient.start('node', [WEB_HOST, WEB_SERVER], initializationOptions, { locale });
}

/** Every position at the start of a line's text, and one character into it, every `step` lines. */
function positions(text: string, step: number): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, index) => {
    if (index % step !== 0 || line.trim() === '') return [];
    const start = line.length - line.trimStart().length;
    return [
      { line: index, character: start },
      { line: index, character: Math.min(line.length, start + 1 + Math.floor(line.trim().length / 2)) },
    ];
  });
}

describe('the language server in a web worker (dist/web/server.js)', () => {
  let web: LspClient;
  let node: LspClient;
  let folder: string;
  before(async () => {
    // The browser's server is told the workspace is trusted: it has no git to run all the same.
    // The Node server is not, so both show the plan's own `history:` entries.
    [web, node] = await Promise.all([webServer({ ...OPTIONS, workspaceTrusted: true }), LspClient.start('node', [NODE_SERVER, '--stdio'], OPTIONS, { locale: 'de' })]);
    await Promise.all([web.open(URI, EXAMPLE), node.open(URI, EXAMPLE)]);
    folder = mkdtempSync(join(tmpdir(), 'drplan-web-'));
  });
  after(async () => {
    await Promise.all([web.stop(), node.stop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  const both = <T>(ask: (client: LspClient) => Promise<T>) => Promise.all([ask(web), ask(node)]);
  /** An answer, or the message of the error it was. */
  const settled = <T>(answer: Promise<T>) => answer.then((value) => ({ value }), (error: Error) => ({ error: error.message }));

  it('answers initialize with the Node server\'s capabilities', () => {
    assert.ok(web.initializeResult?.capabilities.completionProvider);
    assert.deepEqual(web.initializeResult, node.initializeResult);
  });

  it('publishes the Node server\'s diagnostics', async () => {
    const [fromWeb, fromNode] = await both((client) => client.diagnosticsOfVersion(URI, 1));
    assert.ok(fromWeb.length > 0, 'the example has hints');
    assert.deepEqual(fromWeb, fromNode);
    const fixture = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');
    const uri = pathToFileURL(fixture).href;
    await both((client) => client.open(uri, read(fixture)));
    const [errorsWeb, errorsNode] = await both((client) => client.diagnosticsOfVersion(uri, 1));
    assert.ok(errorsWeb.some((diagnostic) => diagnostic.code === 'rto-exceeded'));
    assert.deepEqual(errorsWeb, errorsNode);
  });

  it('completes, hovers, navigates and renames as the Node server does, everywhere in the example', async () => {
    let answered = 0;
    for (const position of positions(EXAMPLE, 7)) {
      const params = { textDocument: { uri: URI }, position };
      for (const [method, extra] of [
        ['textDocument/completion', {}],
        ['textDocument/hover', {}],
        ['textDocument/definition', {}],
        ['textDocument/references', { context: { includeDeclaration: true } }],
        ['textDocument/prepareRename', {}],
      ] as const) {
        const [fromWeb, fromNode] = await both((client) => settled(client.connection.sendRequest(method, { ...params, ...extra })));
        assert.deepEqual(fromWeb, fromNode, `${method} at ${JSON.stringify(position)}`);
        if ('value' in fromWeb && fromWeb.value !== null && !(Array.isArray(fromWeb.value) && fromWeb.value.length === 0)) answered++;
      }
    }
    assert.ok(answered > 100, `${answered} answers`);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
      const [fromWeb, fromNode] = await both((client) => client.connection.sendRequest(method, { textDocument: { uri: URI } }));
      assert.ok(Array.isArray(fromWeb) && fromWeb.length > 3, method);
      assert.deepEqual(fromWeb, fromNode, method);
    }
    const storage = EXAMPLE.split('\n').findIndex((line) => /^\s+- id: storage$/.test(line));
    const rename = { textDocument: { uri: URI }, position: { line: storage, character: EXAMPLE.split('\n')[storage]!.indexOf('storage') }, newName: 'speicher' };
    const [renamedWeb, renamedNode] = await both((client) => client.connection.sendRequest('textDocument/rename', rename));
    assert.ok(renamedWeb);
    assert.deepEqual(renamedWeb, renamedNode);
  });

  it('offers the Node server\'s quick fixes', async () => {
    let offered = 0;
    for (const name of readdirSync(join(FIXTURES, 'fixes')).filter((file) => file.endsWith('.input.drplan.yaml')).slice(0, 12)) {
      const uri = pathToFileURL(join(FIXTURES, 'fixes', name)).href;
      await both((client) => client.open(uri, read(join(FIXTURES, 'fixes', name))));
      const [diagnostics] = await both((client) => client.diagnosticsOfVersion(uri, 1));
      for (const diagnostic of diagnostics as Diagnostic[]) {
        const params = { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
        const [fromWeb, fromNode] = await both((client) => client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', params));
        assert.deepEqual(fromWeb, fromNode, `${name}: ${String(diagnostic.code)}`);
        offered += fromWeb.length;
      }
    }
    assert.ok(offered > 10, `${offered} quick fixes`);
  });

  it('answers the preview, the HTML export and a new plan as the Node server does; the history is the plan\'s own', async () => {
    const [previewWeb, previewNode] = await both((client) => client.connection.sendRequest<PreviewResult>('drplan/preview', { textDocument: { uri: URI } }));
    assert.match(previewWeb.html, /<h1 class="doc-title" data-line="\d+">Notfallplan Plone-Intranet<\/h1>/);
    // Trusted, yet no git: the plan's `history:` entries, as in Restricted Mode.
    assert.doesNotMatch(previewWeb.html, /Erstellt aus Commit|noch nicht eingecheckt/);
    assert.match(previewWeb.html, /Neufassung nach Umzug ins RZ Berlin/);
    assert.deepEqual(previewWeb, previewNode);
    const [htmlWeb, htmlNode] = await both((client) => client.connection.sendRequest<ExportHtmlResult>('drplan/exportHtml', { textDocument: { uri: URI } }));
    assert.match(htmlWeb.html, /^<!DOCTYPE html>/);
    assert.deepEqual(htmlWeb, htmlNode);
    const [planWeb, planNode] = await both((client) => client.connection.sendRequest('drplan/newPlan', {}));
    assert.deepEqual(planWeb, planNode);
  });

  /** The PDF's pages as pdftotext reads them, and what pdfinfo says of it. */
  const readPdf = (data: string, name: string) => {
    const file = join(folder, name);
    writeFileSync(file, Buffer.from(data, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { bytes: readFileSync(file), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), info };
  };

  it('makes the PDF in the worker: the Node server\'s pages and text, archivable, with progress', async () => {
    const progress: number[] = [];
    web.connection.onProgress({ method: '$/progress' } as never, 'web-export', (value: { kind: string; percentage?: number }) => {
      if (value.percentage !== undefined) progress.push(value.percentage);
    });
    const [fromWeb, fromNode] = await Promise.all([
      web.connection.sendRequest<ExportPdfResult>('drplan/exportPdf', { textDocument: { uri: URI }, workDoneToken: 'web-export' }),
      node.connection.sendRequest<ExportPdfResult>('drplan/exportPdf', { textDocument: { uri: URI } }),
    ]);
    assert.equal(fromWeb.version, 1);
    assert.equal(fromWeb.draft, fromNode.draft);
    const pdfWeb = readPdf(fromWeb.data, 'web.pdf');
    const pdfNode = readPdf(fromNode.data, 'node.pdf');
    assert.equal(pdfWeb.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdfWeb.bytes.subarray(-8).toString('latin1'), /%%EOF\s*$/);
    assert.match(pdfWeb.text, /Notfallplan Plone-Intranet/);
    assert.match(pdfWeb.text, /Änderungshistorie/);
    assert.equal(pdfWeb.text, pdfNode.text);
    const lines = (info: string) => info.split('\n').filter((line) => /^(Title|Author|Subject|Keywords|Pages|Tagged|Page size|PDF subtype|PDF version):/.test(line));
    assert.deepEqual(lines(pdfWeb.info), lines(pdfNode.info));
    assert.match(pdfWeb.info, /^PDF subtype: +PDF\/A-2b$/m);
    // The fonts are embedded from the bundle's bytes (subsets of Roboto), as on Node.
    const fonts = (file: string) => execFileSync('pdffonts', [join(folder, file)], { encoding: 'utf8' }).match(/\+Roboto-\w+ +CID TrueType +Identity-H +yes +yes/g)?.sort();
    assert.ok(fonts('web.pdf')?.length, 'embedded subsets of Roboto');
    assert.deepEqual(fonts('web.pdf'), fonts('node.pdf'));
    assert.ok(progress.length > 0 && progress.at(-1)! >= 90, `progress ${progress.join(' ')}`);
  });

  it('makes the drill report in the worker, as the Node server does', async () => {
    const drillPlan = await web.connection.sendRequest<DrillPlanResult>('drplan/drillPlan', { textDocument: { uri: URI } });
    const scenario = drillPlan.plan.scenarios[0]!;
    const record = { started: '2026-11-29T09:12:00+01:00', recoverySeconds: 3605, kind: 'functional-test', result: 'passed', steps: [{ step: 'Switch tauschen', seconds: 3605 }] };
    const input = { plan: { title: drillPlan.plan.title }, scenario, record, conductedBy: 'Max Muster' };
    const [fromWeb, fromNode] = await both((client) => client.connection.sendRequest<DrillReportPdfResult>('drplan/drillReportPdf', input));
    const reportWeb = readPdf(fromWeb.data, 'drill-web.pdf');
    assert.match(reportWeb.text, /Übungsprotokoll/);
    assert.equal(reportWeb.text, readPdf(fromNode.data, 'drill-node.pdf').text);
  });

  it('refuses the availability import with a note in the client\'s language, even in a trusted workspace', async () => {
    const en = await webServer({ ...OPTIONS, workspaceTrusted: true }, 'en');
    try {
      await en.open(URI, EXAMPLE);
      const params = { textDocument: { uri: URI }, period: '2026-10', url: 'http://127.0.0.1:9/' };
      await assert.rejects(en.connection.sendRequest('drplan/measureAvailability', params), (error: Error) => error.message === measureMessages.notInBrowser.en);
      await assert.rejects(web.connection.sendRequest('drplan/measureAvailability', params), (error: Error) => error.message === measureMessages.notInBrowser.de);
      await assert.rejects(en.connection.sendRequest('drplan/availabilityResultsEdit', { textDocument: { uri: URI }, period: '2026-10', results: [] }), /not available in VS Code in the browser/);
    } finally {
      await en.stop();
    }
    assert.equal(en.process.exitCode, 0, 'the worker closed itself on exit');
  });
});

describe('the browser bundles (dist/web/)', () => {
  for (const bundle of ['extension.js', 'server.js']) {
    it(`${bundle} requires nothing at run time: no Node module, nothing left to load`, () => {
      const code = read(join(ROOT, 'dist', 'web', bundle));
      // `vscode` is the one module the extension gets from VS Code.
      const required = [...code.matchAll(/\b(?:__)?require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
      assert.deepEqual([...new Set(required)], bundle === 'extension.js' ? ['vscode'] : []);
      assert.doesNotMatch(code, /\bfrom\s*["']node:|\bimport\(\s*["']node:/);
    });
  }
});
