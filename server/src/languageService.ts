/**
 * Everything the server answers with: the language service in ./core and the server's own
 * helpers around it, in one module that the build bundles apart (dist/language-service.js).
 * server.ts loads it once the client is initialized, so that the answer to `initialize`, and
 * with it the extension's activation, does not wait for yaml, ajv and the rules to be compiled.
 */
export { complete } from './core/features/completion';
export { codeActions } from './core/features/codeActions';
export { hover } from './core/features/hover';
export { definition } from './core/features/definition';
export { foldingRanges } from './core/features/folding';
export { references } from './core/features/references';
export { prepareRename, rename } from './core/features/rename';
export { documentSymbols } from './core/features/symbols';
export { publishedDiagnostics } from './core/features/publishedDiagnostics';
export { analyze, reanalyze } from './core/analysis';
export { htmlFile, isDraft, pdfFile, planDocument, previewFragment } from './core/render/preview';
export { tooLargeFragment } from './core/render/tooLarge';
