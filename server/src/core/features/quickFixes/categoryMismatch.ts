import { isScalar } from 'yaml';
import { categoryById } from '../../catalog';
import { replaceScalar } from '../../yaml/edit';
import { ownPair } from '../../yaml/pointer';
import type { QuickFixProvider } from './provider';
import { dataString, quoted } from './shared';

/** category-mismatch (at the `type` value): set the scenario's own `category` to its type's. */
export const categoryMismatch: QuickFixProvider = {
  code: 'category-mismatch',
  fixEvery: { de: 'Alle Kategorien passend zum Typ setzen', en: 'Set every category to match its type' },
  fixes(finding, context) {
    const category = categoryById(dataString(finding, 'category') ?? '');
    if (!category) return [];
    const scenario = context.analysis.model.scenarios.find((s) => s.type?.start === finding.span.start && s.type.end === finding.span.end);
    if (!scenario || !ownPair(scenario.node, 'type')) return [];
    const pair = ownPair(scenario.node, 'category');
    const value = pair?.value;
    if (!value || !isScalar(value) || !value.range || value.range[1] <= value.range[0]) return [];
    const span = { start: value.range[0], end: value.range[1] };
    const v = quoted(category.id);
    return [
      {
        title: {
          de: `Kategorie auf ${v.de} (${category.label.de}) setzen`,
          en: `Set category to ${v.en} (${category.label.en})`,
        },
        edits: [replaceScalar(context.text, span, category.id)],
        findings: [finding],
        preferred: true,
      },
    ];
  },
};
