/**
 * The bundles of drplan for VS Code in the browser (dist/web/, minified as `npm run package` ships
 * them), for docs/benchmarks.md: what a browser loads for the extension, and for its language
 * server's web worker, which holds the language service and the PDF engine in one file.
 */
import { bundleSizes, type BundleSizes } from '../scripts/lib/vscode-suite.mjs';

export const WEB_BUNDLES = ['dist/web/extension.js', 'dist/web/server.js'];

/** The sizes of the web bundles under `root`; a missing one is an error (the report would hide it). */
export function webBundleSizes(root: string): BundleSizes {
  const sizes = bundleSizes(WEB_BUNDLES, root);
  const missing = WEB_BUNDLES.filter((file) => !(file in sizes));
  if (missing.length > 0) throw new Error(`no ${missing.join(', ')} under ${root}: build first (node scripts/build.mjs --minify)`);
  return sizes;
}

/** The section of docs/benchmarks.md on the browser's bundles. */
export function webBundleSection(sizes: BundleSizes): string {
  const rows = WEB_BUNDLES.map((file) => `| ${file} | ${sizes[file]?.bytes} | ${sizes[file]?.gzipBytes} |`);
  const total = WEB_BUNDLES.reduce((sum, file) => ({ bytes: sum.bytes + (sizes[file]?.bytes ?? 0), gzip: sum.gzip + (sizes[file]?.gzipBytes ?? 0) }), { bytes: 0, gzip: 0 });
  return `## VS Code in the browser

The web extension (vscode.dev, github.dev, GitLab's Web IDE) as it is shipped, minified: the
extension, which the workbench's extension host loads, and its language server's web worker,
which holds the language service, the schema validator and the PDF engine (pdfmake, pdfkit's
build for browsers, the Roboto fonts) in one file, loaded when the first plan opens.

| file | bytes | gzip |
| --- | --- | --- |
${rows.join('\n')}
| together | ${total.bytes} | ${total.gzip} |
`;
}
