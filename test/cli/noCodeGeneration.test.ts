import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import type { ExportHtmlResult, ExportPdfResult, PreviewResult } from '../../server/src/renderProtocol';
import { SERVER_NODE_OPTIONS } from '../../server/src/nodeOptions';
import { EXAMPLES, FIXTURES, fixtureFiles, read, ROOT, TODAY_ISO } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

/**
 * The shipped bundles generate no code from strings at run time: ajv's compiler (which makes its
 * validators with `new Function`) is in none of them, the schema validator being generated at
 * build time (scripts/lib/planValidator.mjs); and the CLI's check and render (PDF and HTML, in
 * their worker threads) and the language server (diagnostics, completion, hover, preview, both
 * exports, the PDF worker) work under Node's --disallow-code-generation-from-strings, with the
 * same answers as without it.
 */

const NO_CODE_GENERATION = '--disallow-code-generation-from-strings';
const DIST = join(ROOT, 'dist');
const CLI = join(DIST, 'cli.js');
const SERVER = join(DIST, 'server.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const PLANS = [EXAMPLE, ...fixtureFiles('codes')];

/** dist/*.js and dist/client/*.js: everything the extension, the server and the CLI run. */
function bundles(): string[] {
  return [DIST, join(DIST, 'client')].flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(folder, name)),
  );
}

/** The files a bundle was made of, from its source map, relative to the repository. */
function sourcesOf(bundle: string): string[] {
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => relative(ROOT, join(dirname(bundle), source)).split('\\').join('/'));
}

function node(flags: readonly string[], args: readonly string[]) {
  const result = spawnSync('node', [...flags, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('no code generated from strings at run time', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-no-codegen-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('this Node refuses eval and new Function under the flag (else the tests below prove nothing)', () => {
    const { code, stderr } = node([NO_CODE_GENERATION], ['-e', 'new Function("return 1")']);
    assert.notEqual(code, 0);
    assert.match(stderr, /EvalError: Code generation from strings disallowed/);
  });

  it('no bundle holds ajv\'s compiler; the CLI and the language service hold the validator generated at build time', () => {
    const found = bundles();
    for (const name of ['cli.js', 'server.js', 'language-service.js', 'pdf-engine.js', 'pdf-worker.js', 'extension.js']) {
      assert.ok(found.some((bundle) => bundle.endsWith(`/${name}`)), `dist has no ${name}: run npm run build`);
    }
    for (const bundle of found) {
      const sources = sourcesOf(bundle);
      const compiler = sources.filter((source) => /node_modules\/ajv\/(?!dist\/runtime\/)/.test(source));
      assert.deepEqual(compiler, [], `${relative(ROOT, bundle)} bundles ajv's compiler`);
      assert.doesNotMatch(readFileSync(bundle, 'utf8'), /\bnew Function\b|[^.\w]eval\(/, relative(ROOT, bundle));
    }
    for (const bundle of ['cli.js', 'language-service.js']) {
      assert.ok(sourcesOf(join(DIST, bundle)).includes('server/src/core/schema/planValidator.generated.js'), bundle);
    }
  });

  it('drplan check answers the same under the flag, in one thread and in worker threads', () => {
    const args = [CLI, 'check', '--format', 'json', '--today', TODAY_ISO, '--lang', 'en'];
    const plain = node([], [...args, ...PLANS]);
    assert.equal(plain.code, 1, plain.stderr);
    const codes = new Set((JSON.parse(plain.stdout) as { code: string }[]).map((diagnostic) => diagnostic.code));
    for (const code of ['invalid-duration', 'invalid-date', 'invalid-value', 'missing-field', 'unknown-field']) assert.ok(codes.has(code), code);
    for (const jobs of ['1', '2']) {
      const flagged = node([NO_CODE_GENERATION], [...args, '--jobs', jobs, ...PLANS]);
      assert.equal(flagged.stderr, '', `--jobs ${jobs}`);
      assert.equal(flagged.code, 1);
      assert.equal(flagged.stdout, plain.stdout, `--jobs ${jobs}`);
    }
  });

  it('drplan render writes the PDF and the HTML under the flag, the HTML as without it', () => {
    for (const format of ['pdf', 'html']) {
      const flagged = join(scratch, `flagged.${format}`);
      const plain = join(scratch, `plain.${format}`);
      const made = node([NO_CODE_GENERATION], [CLI, 'render', '--today', TODAY_ISO, '-o', flagged, EXAMPLE]);
      assert.equal(made.code, 0, made.stderr);
      assert.equal(made.stderr, `drplan: wrote ${flagged}\n`);
      assert.equal(node([], [CLI, 'render', '--today', TODAY_ISO, '-o', plain, EXAMPLE]).code, 0);
      const bytes = readFileSync(flagged);
      if (format === 'pdf') {
        assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.ok(Math.abs(bytes.length - readFileSync(plain).length) < 100, `${bytes.length} bytes`);
      } else {
        assert.equal(bytes.toString('utf8'), readFileSync(plain, 'utf8'));
      }
    }
  });

  it('the language server works under the flag: diagnostics, completion, hover, preview, PDF and HTML export', async () => {
    const client = await LspClient.start('node', [NO_CODE_GENERATION, ...SERVER_NODE_OPTIONS, SERVER, '--stdio'], { today: TODAY_ISO }, { locale: 'en' });
    try {
      const broken = join(FIXTURES, 'codes', 'invalid-duration.drplan.yaml');
      const brokenUri = pathToFileURL(broken).href;
      await client.open(brokenUri, read(broken));
      const diagnostics = await client.diagnosticsOfVersion(brokenUri, 1);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'invalid-duration'), JSON.stringify(diagnostics.map((d) => d.code)));

      const uri = pathToFileURL(EXAMPLE).href;
      const text = read(EXAMPLE);
      await client.open(uri, text);
      assert.deepEqual((await client.diagnosticsOfVersion(uri, 1)).filter((d) => d.severity === 1), []);
      const lines = text.split('\n');
      const rto = lines.findIndex((line) => /^\s+rto: /.test(line));
      const position = { line: rto, character: lines[rto]!.indexOf('rto') + 1 };
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      assert.ok(hover && JSON.stringify(hover.contents).includes('RTO'), JSON.stringify(hover));
      const category = lines.findIndex((line) => /^\s+category: /.test(line));
      const completion = await client.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line: category, character: lines[category]!.length },
      });
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assert.ok(items.length > 0, 'no completion');

      const preview = await client.connection.sendRequest<PreviewResult>('drplan/preview', { textDocument: { uri } });
      assert.match(preview.html, /<h1 class="doc-title" data-line="\d+">Notfallplan Plone-Intranet<\/h1>/);
      const pdf = await client.connection.sendRequest<ExportPdfResult>('drplan/exportPdf', { textDocument: { uri } });
      assert.equal(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
      const html = await client.connection.sendRequest<ExportHtmlResult>('drplan/exportHtml', { textDocument: { uri } });
      assert.ok(html.html.startsWith('<!DOCTYPE html>'));
    } finally {
      await client.stop();
    }
  });
});
