import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { scenarioTypeById, type ScenarioType } from '../../catalog';
import { appendToList, fillEmptyValue } from '../../yaml/edit';
import type { OffsetEdit } from '../../yaml/offsetEdits';
import { ownPair } from '../../yaml/pointer';
import { scenarioSkeleton, uniqueId } from '../placeholders';
import type { Fix, FixContext, QuickFixProvider } from './provider';
import { dataString } from './shared';

/** missing-scenario: insert a scenario skeleton from the catalog; all missing scenarios at once. */
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
    return fixes;
  },
};

/** Skeletons for `types` at the end of the `scenarios` list, in the list's style. */
function insertScenarios(context: FixContext, types: readonly ScenarioType[]): OffsetEdit[] {
  const { yaml, model } = context.analysis;
  const root = yaml.root;
  if (!isMap(root)) return [];
  const pair = ownPair(root, 'scenarios');
  if (!pair) return [];
  const taken = new Set(model.scenarios.flatMap((s) => (s.id ? [s.id.value] : [])));
  const items = types.map((type) => scenarioSkeleton(type, uniqueId(type.id, taken)));
  const value: Node | null = pair.value;
  if (isSeq(value) && value.items.some((item) => item != null)) {
    const edit = appendToList(yaml, value, items, context.layout, context.eol);
    return edit ? [edit] : [];
  }
  const empty = value == null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null);
  if (!empty) return [];
  return fillEmptyValue(yaml, pair.key, value, items, context.layout, context.eol, root.flow === true);
}
