import { replaceScalar } from '../../yaml/edit';
import type { QuickFixProvider } from './provider';
import { dataStrings, replaceBySuggestion, replaceWith } from './shared';

/**
 * invalid-duration: the one clear repair (`30m` → `30 min`, a review interval of `12 m` →
 * `12 Monate`); where the field leaves the reading open (`2 m` for an RTO), each reading, none
 * preferred, so that "fix all" leaves it alone.
 */
export const invalidDuration: QuickFixProvider = {
  code: 'invalid-duration',
  fixEvery: { de: 'Alle ungültigen Dauern korrigieren', en: 'Fix all invalid durations' },
  unambiguous: true,
  fixes(finding, context) {
    const alternatives = dataStrings(finding, 'alternatives');
    if (!alternatives || finding.span.end <= finding.span.start) return replaceBySuggestion(finding, context);
    return alternatives.map((written) => ({
      title: replaceWith(written),
      edits: [replaceScalar(context.text, finding.span, written)],
      findings: [finding],
      preferred: false,
    }));
  },
};
