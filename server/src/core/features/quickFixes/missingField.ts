import { isMap } from 'yaml';
import { insertIntoEmptyDocument, insertIntoMapping } from '../../yaml/edit';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import { nodeAtPointer } from '../../yaml/pointer';
import type { YamlEntry } from '../../yaml/write';
import { mappingKindOf, placeholderEntries } from '../placeholders';
import type { Fix, QuickFixProvider } from './provider';
import { dataString, dataStrings, quoted } from './shared';

/**
 * missing-field: insert the field with a placeholder (../placeholders.ts); all missing fields of
 * that mapping at once; in an empty document (one finding for all its keys), the skeleton of a plan.
 */
export const missingField: QuickFixProvider = {
  code: 'missing-field',
  fixes(finding, context) {
    const field = dataString(finding, 'field');
    const path = dataString(finding, 'path');
    if (!field || path === undefined) return [];
    const kind = mappingKindOf(path);
    if (!kind) return [];
    const yaml = context.analysis.yaml;
    if (path === '' && yaml.isBlank) {
      // One finding stands for every key an empty file lacks (data.fields): the skeleton.
      const fields = dataStrings(finding, 'fields') ?? [field];
      const entries = placeholderEntries(kind, undefined, fields, context.placeholders);
      if (entries.length === 0) return [];
      return [
        {
          title: { de: 'Grundgerüst eines Notfallplans einfügen', en: 'Insert the skeleton of a DR plan' },
          edits: [insertIntoEmptyDocument(yaml, entries, context.layout, context.eol)],
          findings: [finding],
          preferred: false,
        },
      ];
    }
    const target = nodeAtPointer(yaml, path);
    if (!target?.own || !isMap(target.value)) return [];
    const map = target.value;
    const insert = (entries: YamlEntry[]): OffsetEdit[] => {
      if (entries.length === 0) return [];
      const edit = insertIntoMapping(yaml, map, entries, context.layout, context.eol);
      return edit ? [edit] : [];
    };

    const fixes: Fix[] = [];
    const v = quoted(field);
    fixes.push({
      title: { de: `Pflichtfeld ${v.de} einfügen`, en: `Insert required field ${v.en}` },
      edits: insert(placeholderEntries(kind, map, [field], context.placeholders)),
      findings: [finding],
      preferred: false,
    });
    const all = context.memo(`missing-field ${path}`, (): Fix | undefined => {
      const siblings = context.findingsOf('missing-field').filter((other) => dataString(other, 'path') === path);
      const fields = [...new Set(siblings.map((other) => dataString(other, 'field') as string))];
      if (fields.length < 2) return undefined;
      const entries = placeholderEntries(kind, map, fields, context.placeholders);
      const names = entries.map((e) => e.key).join(', ');
      return {
        title: { de: `Alle fehlenden Pflichtfelder einfügen (${names})`, en: `Insert all missing required fields (${names})` },
        edits: insert(entries),
        findings: siblings,
        preferred: false,
      };
    });
    if (all) fixes.push(all);
    return fixes.filter((fix) => fix.edits.length > 0);
  },
};
