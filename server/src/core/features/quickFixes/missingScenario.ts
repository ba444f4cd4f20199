import { isMap } from 'yaml';
import { scenarioTypeById, type ScenarioType } from '../../catalog';
import { addToListOf } from '../../yaml/edit';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import { ownPair } from '../../yaml/pointer';
import { entry, tabStop, text, type WriteOptions, type YamlEntry } from '../../yaml/write';
import { scenarioSkeleton, uniqueId } from '../placeholders';
import type { Fix, FixContext, QuickFixProvider } from './provider';
import { dataString } from './shared';

/**
 * missing-scenario: insert a scenario skeleton from the catalog; all missing scenarios at once;
 * or list the type under `plan.not_applicable`, the cursor on the reason (a snippet's tab stop,
 * where the client takes snippets; a placeholder reason otherwise).
 */
export const missingScenario: QuickFixProvider = {
  code: 'missing-scenario',
  fixes(finding, context) {
    const type = scenarioTypeById(dataString(finding, 'type') ?? '');
    if (!type) return [];
    const fixes: Fix[] = [];
    const one = insertScenarios(context, [type]);
    if (one.length > 0) {
      fixes.push({
        title: { de: `Szenario „${type.label.de}“ einfügen`, en: `Insert scenario '${type.label.en}'` },
        edits: one,
        findings: [finding],
        preferred: false,
      });
    }
    const all = context.memo('missing-scenario', (): Fix | undefined => {
      const findings = context.findingsOf('missing-scenario');
      const types = findings.flatMap((other) => {
        const t = scenarioTypeById(dataString(other, 'type') ?? '');
        return t ? [t] : [];
      });
      if (types.length < 2) return undefined;
      return {
        title: { de: 'Alle fehlenden Szenarien einfügen', en: 'Insert all missing scenarios' },
        edits: insertScenarios(context, types),
        findings,
        preferred: false,
      };
    });
    if (all && one.length > 0) fixes.push(all);
    const plain = notApplicable(context, type, {});
    if (plain.length > 0) {
      fixes.push({
        title: { de: `„${type.label.de}“ als nicht zutreffend aufführen`, en: `List '${type.label.en}' as not applicable` },
        edits: plain,
        snippetEdits: notApplicable(context, type, { snippet: true }),
        findings: [finding],
        preferred: false,
      });
    }
    return fixes;
  },
};

/** The reason a new `not_applicable` entry holds until the author writes it. */
const REASON = 'Begründung';

/** An entry for `type` in `plan.not_applicable`, in the list's style; the list is made where there is none. */
function notApplicable(context: FixContext, type: ScenarioType, options: WriteOptions): OffsetEdit[] {
  const { yaml } = context.analysis;
  const root = yaml.root;
  const plan = isMap(root) ? ownPair(root, 'plan')?.value : undefined;
  if (!isMap(plan)) return [];
  const entries: YamlEntry[] = [entry('type', text(type.id)), entry('reason', tabStop(1, text(REASON)))];
  return addToListOf(yaml, plan, 'not_applicable', [entries], context.layout, context.eol, options);
}

/** Skeletons for `types` at the end of the `scenarios` list, in the list's style. */
function insertScenarios(context: FixContext, types: readonly ScenarioType[]): OffsetEdit[] {
  const { yaml, model } = context.analysis;
  const root = yaml.root;
  if (!isMap(root)) return [];
  const taken = new Set(model.scenarios.flatMap((s) => (s.id ? [s.id.value] : [])));
  const items = types.map((type) => scenarioSkeleton(type, uniqueId(type.id, taken)));
  return addToListOf(yaml, root, 'scenarios', items, context.layout, context.eol, { create: false });
}
