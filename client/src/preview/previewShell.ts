/**
 * The page of the preview webview: a strict Content-Security-Policy, the document's stylesheet
 * under a fresh nonce, the theme stylesheet and the one script from the extension's media/
 * folder, the export buttons, and the document's body as the server rendered it. Pure (no
 * `vscode`), so test/unit checks it.
 */
import { bytesToBase64 } from '../../../server/src/core/base64';

/** What the page remembers (webview state) and the serializer gets back after a reload. */
export interface PreviewState {
  /** The plan shown. */
  readonly uri: string;
  /** The source line at the top of the view, fractional. */
  readonly line?: number;
}

/** The page's own words, in the display language. */
export interface PreviewLabels {
  readonly exportPdf: string;
  readonly exportHtml: string;
  readonly toolbar: string;
  readonly loading: string;
}

export interface ShellOptions {
  /** `webview.cspSource`: where the webview may load the extension's media from. */
  readonly cspSource: string;
  /** Fresh for every page (createNonce). */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The document's stylesheet (put inline, under the nonce). */
  readonly documentCss: string;
  /** The server's HTML fragment, or undefined while the first one is on its way. */
  readonly body: string | undefined;
  /** The document version of `body` (-1 for none). */
  readonly version: number;
  readonly state: PreviewState;
  readonly labels: PreviewLabels;
  /** BCP 47 language of the page's own words (the document itself is German). */
  readonly language: string;
}

/** A nonce for one page: 128 random bits, base64. */
export function createNonce(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Nothing by default; styles only from the extension's media and the one inline stylesheet
 * with the nonce; the one script by its nonce; images only from the media folder or data: URIs
 * (the document has none today). No connect, frame, font or form source: the page cannot reach
 * the network or navigate. `form-action` and `base-uri` do not fall back to `default-src`, so
 * they are closed by name (test/e2e/hostile.e2e.ts submits an injected form in Chromium).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The beginning of a webview page (the preview's, the drill panel's): language, policy, viewport. */
export function pageHead(language: string, cspSource: string, nonce: string): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  ];
}

export function previewShell(options: ShellOptions): string {
  const { nonce, labels } = options;
  const attribute = escapeHtml;
  // `</style` inside the stylesheet would end the element early; the document CSS is ours, but
  // the rule holds for whatever it becomes.
  const css = options.documentCss.replace(/<\/(style)/gi, '<\\/$1');
  const body = options.body ?? `<p class="drplan-loading">${escapeHtml(labels.loading)}</p>`;
  return [
    ...pageHead(options.language, options.cspSource, nonce),
    `<style nonce="${attribute(nonce)}">\n${css}\n</style>`,
    `<link rel="stylesheet" href="${attribute(options.styleUri)}">`,
    '</head>',
    `<body data-state="${attribute(JSON.stringify(options.state))}" data-version="${options.version}">`,
    `<div class="drplan-toolbar" role="toolbar" aria-label="${attribute(labels.toolbar)}">`,
    `<button type="button" data-export="pdf" class="primary">${escapeHtml(labels.exportPdf)}</button>`,
    `<button type="button" data-export="html">${escapeHtml(labels.exportHtml)}</button>`,
    '</div>',
    '<div id="drplan-status" class="drplan-status" role="status" hidden></div>',
    `<div id="drplan-content" lang="de">${body}</div>`,
    `<script nonce="${attribute(nonce)}" src="${attribute(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
