import { isMap } from 'yaml';
import { itemsById } from '../../model/queries';
import { insertIntoMapping } from '../../yaml/edit';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import { nodeAtPointer } from '../../yaml/pointer';
import { emptyTabStop, entry, type WriteOptions } from '../../yaml/write';
import type { FixContext, QuickFixProvider } from './provider';
import { dataString, quoted } from './shared';

/**
 * no-deputy: insert `deputy:` into the contact, the cursor after it (a snippet's tab stop) and
 * the contacts offered: who stands in is the author's choice, so nothing is filled in.
 */
export const noDeputy: QuickFixProvider = {
  code: 'no-deputy',
  fixes(finding, context) {
    const id = dataString(finding, 'contact');
    if (id === undefined) return [];
    const edits = deputy(context, id, {});
    if (edits.length === 0) return [];
    const v = quoted(id);
    return [
      {
        title: { de: `Vertretung für ${v.de} eintragen`, en: `Add a deputy for ${v.en}` },
        edits,
        snippetEdits: deputy(context, id, { snippet: true }),
        suggest: true,
        findings: [finding],
        preferred: false,
      },
    ];
  },
};

function deputy(context: FixContext, id: string, options: WriteOptions): OffsetEdit[] {
  const { yaml, model } = context.analysis;
  const contact = itemsById(model.contacts).get(id);
  if (!contact) return [];
  // Not into an alias's anchor or a merged mapping: that text stands for other contacts too.
  const target = nodeAtPointer(yaml, `/contacts/${contact.index}`);
  if (!target?.own || !isMap(target.value)) return [];
  const edit = insertIntoMapping(yaml, target.value, [entry('deputy', emptyTabStop(1))], context.layout, context.eol, options);
  return edit ? [edit] : [];
}
