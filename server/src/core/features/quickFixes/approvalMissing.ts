import { isMap } from 'yaml';
import { isoDay } from '../../date';
import { addToListOf } from '../../yaml/edit';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import { nodeAtPointer } from '../../yaml/pointer';
import { emptyTabStop, entry, text, verbatim, type WriteOptions, type YamlEntry } from '../../yaml/write';
import type { FixContext, QuickFixProvider } from './provider';
import { dataString, quoted } from './shared';

/**
 * approval-missing: add an approval of the current version to `plan.approvals` (the list made
 * where there is none): `by` left empty, the cursor there and the contacts offered (a snippet's
 * tab stop, where the client takes snippets), `date` today, `version` the plan's.
 */
export const approvalMissing: QuickFixProvider = {
  code: 'approval-missing',
  fixes(finding, context) {
    const version = dataString(finding, 'version');
    const edits = approval(context, version, {});
    if (edits.length === 0) return [];
    const v = version === undefined ? undefined : quoted(version);
    return [
      {
        title: v
          ? { de: `Freigabe der Version ${v.de} eintragen`, en: `Add an approval of version ${v.en}` }
          : { de: 'Freigabe der aktuellen Version eintragen', en: 'Add an approval of the current version' },
        edits,
        snippetEdits: approval(context, version, { snippet: true }),
        suggest: true,
        findings: [finding],
        preferred: false,
      },
    ];
  },
};

function approval(context: FixContext, version: string | undefined, options: WriteOptions): OffsetEdit[] {
  const { yaml } = context.analysis;
  // Not through an alias or a merge: the text there is the anchor's, shared with other places.
  const plan = nodeAtPointer(yaml, '/plan');
  if (!plan?.own || !isMap(plan.value)) return [];
  const entries: YamlEntry[] = [entry('by', emptyTabStop(1)), entry('date', verbatim(isoDay(context.placeholders.today)))];
  if (version !== undefined) entries.push(entry('version', text(version)));
  return addToListOf(yaml, plan.value, 'approvals', [entries], context.layout, context.eol, options);
}
