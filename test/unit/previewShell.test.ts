import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, escapeHtml, previewShell, type ShellOptions } from '../../client/src/preview/previewShell';
import { analyze } from '../../server/src/core';
import { isDraft, planDocument, previewFragment } from '../../server/src/core/render/preview';
import { PREVIEW_DOCUMENT_CSS } from '../../server/src/core/render/previewStyle';
import { EXAMPLES, FIXTURES, read, TODAY } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function shell(overrides: Partial<ShellOptions> = {}): string {
  return previewShell({
    cspSource: CSP_SOURCE,
    nonce: 'bm9uY2Utb2YtdGhpcy1wYWdl',
    scriptUri: `${CSP_SOURCE}/ext/media/preview.js`,
    styleUri: `${CSP_SOURCE}/ext/media/preview.css`,
    documentCss: PREVIEW_DOCUMENT_CSS,
    body: '<main class="drplan-document"><p data-line="3">x</p></main>',
    version: 7,
    state: { uri: 'file:///plans/plone-intranet.drplan.yaml', line: 12 },
    labels: { exportPdf: 'Als PDF exportieren', exportHtml: 'Als HTML exportieren', toolbar: 'Exportieren', loading: 'Die Vorschau wird erstellt …' },
    language: 'de',
    ...overrides,
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Every start tag of an HTML text, name and attributes (values unescaped), as a browser reads
 * it: the text of <style> and <script> elements is no markup (for pages without `>` in
 * attribute values).
 */
function tags(html: string): { name: string; attributes: Map<string, string> }[] {
  const markup = html.replace(/(<(style|script)\b[^>]*>)[\s\S]*?(<\/\2)/gi, '$1$3');
  return [...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    name: (match[1] as string).toLowerCase(),
    attributes: new Map(
      [...(match[2] ?? '').matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [
        (a[1] as string).toLowerCase(),
        (a[2] ?? '').replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name] as string),
      ]),
    ),
  }));
}

describe('preview page (webview shell)', () => {
  it('allows nothing by default, styles from the media folder and the nonce, the one script by its nonce', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'abc'),
      `default-src 'none'; style-src ${CSP_SOURCE} 'nonce-abc'; script-src 'nonce-abc'; img-src ${CSP_SOURCE} data:; form-action 'none'; base-uri 'none'`,
    );
    const html = shell();
    const meta = tags(html).find((tag) => tag.name === 'meta' && tag.attributes.get('http-equiv') === 'Content-Security-Policy');
    assert.ok(meta, 'a CSP meta tag');
    assert.equal(meta.attributes.get('content'), contentSecurityPolicy(CSP_SOURCE, 'bm9uY2Utb2YtdGhpcy1wYWdl'));
    // The policy comes before anything it governs.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'));
  });

  it('has exactly one script, from the media folder, under the nonce; the inline stylesheet has the nonce too', () => {
    const all = tags(shell());
    const scripts = all.filter((tag) => tag.name === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]?.attributes.get('nonce'), 'bm9uY2Utb2YtdGhpcy1wYWdl');
    assert.equal(scripts[0]?.attributes.get('src'), `${CSP_SOURCE}/ext/media/preview.js`);
    const styles = all.filter((tag) => tag.name === 'style');
    assert.deepEqual(styles.map((tag) => tag.attributes.get('nonce')), ['bm9uY2Utb2YtdGhpcy1wYWdl']);
    const links = all.filter((tag) => tag.name === 'link');
    assert.deepEqual(links.map((tag) => tag.attributes.get('href')), [`${CSP_SOURCE}/ext/media/preview.css`]);
    for (const tag of all) {
      for (const name of tag.attributes.keys()) assert.doesNotMatch(name, /^on/, `${tag.name} has an event handler attribute ${name}`);
      assert.ok(!tag.attributes.has('style'), `${tag.name} has an inline style (the CSP would refuse it)`);
    }
    assert.doesNotMatch(shell(), /https?:\/\/(?!file\+\.vscode-resource)/, 'nothing from the network');
  });

  it('carries the body, its version and the state for the script; export buttons name their format', () => {
    const html = shell();
    assert.match(html, /<div id="drplan-content" lang="de"><main class="drplan-document"><p data-line="3">x<\/p><\/main><\/div>/);
    const body = tags(html).find((tag) => tag.name === 'body');
    assert.equal(body?.attributes.get('data-version'), '7');
    assert.deepEqual(JSON.parse(body?.attributes.get('data-state') ?? ''), {
      uri: 'file:///plans/plone-intranet.drplan.yaml',
      line: 12,
    });
    const buttons = tags(html).filter((tag) => tag.name === 'button');
    assert.deepEqual(buttons.map((tag) => tag.attributes.get('data-export')), ['pdf', 'html']);
    assert.match(html, />Als PDF exportieren<\/button>/);
    assert.match(html, /<html lang="de">/);
  });

  it('shows the loading text until the first body arrives', () => {
    const html = shell({ body: undefined, version: -1 });
    assert.match(html, /<div id="drplan-content" lang="de"><p class="drplan-loading">Die Vorschau wird erstellt …<\/p><\/div>/);
    assert.match(html, /data-version="-1"/);
  });

  it('escapes its own strings: a plan path with quotes and tags stays inside its attribute', () => {
    const uri = 'file:///plans/"><script>alert(1)</script>.drplan.yaml';
    const html = shell({ state: { uri }, labels: { exportPdf: '<b>PDF</b>', exportHtml: 'HTML "x"', toolbar: "a'b", loading: '' } });
    assert.equal(tags(html).filter((tag) => tag.name === 'script').length, 1);
    assert.ok(!html.includes('<b>PDF</b>'));
    assert.ok(html.includes('&lt;b&gt;PDF&lt;/b&gt;'));
    const body = tags(html).find((tag) => tag.name === 'body');
    assert.equal(JSON.parse(body?.attributes.get('data-state') ?? '').uri, uri);
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps a stylesheet from closing its <style> element', () => {
    const html = shell({ documentCss: 'p { color: red } </STYLE><script>alert(1)</script>' });
    // The element ends at the first `</style` (any case): there must be exactly one, its own.
    assert.equal(html.match(/<\/style/gi)?.length, 1);
    assert.ok(html.indexOf('alert(1)') < html.search(/<\/style/i), 'the text stays inside the stylesheet');
    assert.equal(tags(html).filter((tag) => tag.name === 'script').length, 1);
  });

  it('makes a fresh 128-bit nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });
});

describe('preview fragment (server side)', () => {
  const HOSTILE = `drplan: "1"
plan:
  title: "<script>alert(1)</script>"
  organisation: "<img src=x onerror=alert(2)>"
  system: "</style><style>body{display:none}</style>"
  version: "javascript:alert(3)"
  scope: "Text mit \\u202Eumgedrehter\\u202C Richtung"
scenarios:
  - id: storage
    category: hardware
    type: storage-server
    prevention: ["<a href=\\"javascript:alert(4)\\">klick</a>"]
    recovery: ["<iframe src=https://example.org>"]
    recovery_time: 6h
    rto: 8h
    rpo: 4h
`;

  it('has no script, no inline style, no event handler and no link out of the document, whatever the plan says', () => {
    const html = previewFragment(planDocument(analyze(HOSTILE, { today: TODAY }), TODAY));
    const allowed = new Set([
      ...['class', 'id', 'data-line', 'data-draft', 'data-width', 'href', 'role', 'aria-label', 'aria-hidden', 'aria-labelledby', 'title', 'colspan', 'scope', 'lang'],
      // the charts' SVG: geometry and presentation attributes (no style attribute, no reference)
      ...['width', 'height', 'viewBox', 'font-family', 'font-size', 'font-weight', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'd', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'text-anchor'].map((name) => name.toLowerCase()),
    ]);
    const found = tags(html);
    assert.ok(found.length > 50);
    for (const tag of found) {
      assert.ok(!['script', 'style', 'iframe', 'img', 'link', 'object', 'embed', 'form', 'meta', 'base'].includes(tag.name), `<${tag.name}> in the fragment`);
      for (const [name, value] of tag.attributes) {
        assert.ok(allowed.has(name), `<${tag.name} ${name}="${value}">`);
        if (name === 'href') assert.match(value, /^#[a-z0-9-]+$/);
      }
    }
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the title is shown as text');
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(html), 'no bidi control characters');
  });

  it('moves the table columns\' widths to data-width, with source lines on the blocks', () => {
    const document = planDocument(analyze(EXAMPLE, { today: TODAY }), TODAY);
    const html = previewFragment(document);
    assert.ok(html.startsWith('<main class="drplan-document">'));
    assert.doesNotMatch(html, /\sstyle=/);
    const widths = [...html.matchAll(/<col data-width="([0-9.]+)%">/g)].map((match) => Number(match[1]));
    assert.ok(widths.length > 20);
    assert.ok(widths.every((width) => width > 0 && width <= 100));
    const lines = [...html.matchAll(/data-line="(\d+)"/g)].map((match) => Number(match[1]));
    assert.ok(lines.length > 100);
    assert.ok(Math.max(...lines) < EXAMPLE.split('\n').length);
    assert.equal(isDraft(document), false);
    const withError = read(join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml'));
    assert.equal(isDraft(planDocument(analyze(withError, { today: TODAY }), TODAY)), true, 'a plan with errors is a draft');
  });

  it('builds the document tree once per analysis and day', () => {
    const analysis = analyze(EXAMPLE, { today: TODAY });
    const first = planDocument(analysis, TODAY);
    assert.equal(planDocument(analysis, new Date(TODAY)), first);
    const nextDay = new Date(TODAY.getTime() + 24 * 3600 * 1000);
    assert.notEqual(planDocument(analysis, nextDay), first);
    assert.notEqual(planDocument(analyze(EXAMPLE, { today: TODAY }), TODAY), first);
  });
});
