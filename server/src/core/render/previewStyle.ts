/**
 * The document's stylesheet for the preview webview, which the VS Code client bundles and puts
 * into the page under its nonce. A module of its own so the client takes only the CSS (and the
 * little the HTML emitter needs), not the document builder or the PDF emitter.
 */
export { DOCUMENT_CSS as PREVIEW_DOCUMENT_CSS } from './html';
