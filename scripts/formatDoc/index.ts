/**
 * docs/format.md, the format reference users read: its hand-written prose with the parts that
 * come from the code (references, fields, catalog, duration units, diagnostic codes) generated in between.
 * `npm run docs:format` rewrites the file; test/unit/formatDoc.test.ts fails when it is stale.
 */
import { componentKindsMarkdown, enumerationsMarkdown, scenarioCatalogMarkdown } from './catalog';
import { codesMarkdown } from './codes';
import { durationUnitsMarkdown } from './durations';
import { fieldSections } from './fields';
import { fieldsMarkdown, referencesMarkdown } from './fieldsMarkdown';
import { replaceGeneratedBlocks } from './blocks';

/** The file, from the repository's root. */
export const FORMAT_DOC = 'docs/format.md';

export const REGENERATE_COMMAND = 'npm run docs:format';

/** The content of every generated block, by its name in the markers. */
export function generatedBlocks(): Record<string, string> {
  const sections = fieldSections();
  return {
    references: referencesMarkdown(sections),
    fields: fieldsMarkdown(sections),
    'catalog-scenarios': scenarioCatalogMarkdown(),
    'catalog-components': componentKindsMarkdown(),
    'catalog-enumerations': enumerationsMarkdown(sections),
    'duration-units': durationUnitsMarkdown(),
    codes: codesMarkdown(sections),
  };
}

/** The file's text with its generated blocks as the code has them now. */
export function regenerateFormatDoc(text: string): string {
  return replaceGeneratedBlocks(text, generatedBlocks());
}
