/**
 * The custom LSP requests of the plan document (the preview and the exports), shared by the
 * server and the VS Code client. Plain names and shapes only, so both sides import it without
 * pulling anything in. Any other LSP client may send them too.
 *
 * Each is answered from the server's cached analysis of the document's current version; `null`
 * when the server does not have the document open. A plan over the size limit is not parsed:
 * the preview answers a page that says so (its `.doc-title` names the size and the limit), the
 * exports answer an error with that reason instead of the document of an empty plan.
 */

/** `drplan/preview` → {@link PreviewResult}: the document's body as an HTML fragment. */
export const PREVIEW_REQUEST = 'drplan/preview';
/** `drplan/exportPdf` → {@link ExportPdfResult}: the document as a PDF file. */
export const EXPORT_PDF_REQUEST = 'drplan/exportPdf';
/** `drplan/exportHtml` → {@link ExportHtmlResult}: the document as one self-contained HTML file. */
export const EXPORT_HTML_REQUEST = 'drplan/exportHtml';

/**
 * `drplan/workspaceTrusted` (client → server, no parameters): the user has trusted the
 * workspace. From then on the document's change history comes from git (the server runs git
 * only in a trusted workspace: `initializationOptions.workspaceTrusted`, or this notification).
 */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'drplan/workspaceTrusted';

export interface RenderParams {
  readonly textDocument: { readonly uri: string };
  /**
   * LSP work-done progress (`$/progress` with this token): the PDF export reports the part done
   * as a percentage while it lays out and renders a large plan.
   */
  readonly workDoneToken?: string | number;
}

interface Rendered {
  /** The document version the answer was made from. */
  readonly version: number;
  /** Whether the document is marked ENTWURF (the plan is a draft or has errors). */
  readonly draft: boolean;
}

export interface PreviewResult extends Rendered {
  /**
   * `<main class="drplan-document">…</main>`: every author string escaped, no script, no inline
   * style, links only to ids of the document; blocks carry `data-line` (0-based source line) and
   * table columns `data-width` (a percentage) for the view to apply.
   */
  readonly html: string;
}

export interface ExportPdfResult extends Rendered {
  /** The PDF file, base64. */
  readonly data: string;
}

export interface ExportHtmlResult extends Rendered {
  /** The whole HTML file, with its stylesheet and print CSS. */
  readonly html: string;
}
