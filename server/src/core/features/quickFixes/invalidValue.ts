import type { QuickFixProvider } from './provider';
import { replaceBySuggestion, replaceWith } from './shared';

/** Words that mean yes or no, for a boolean written in words (`offsite: ja`) or quoted (`"true"`). */
const BOOLEAN_WORDS: Readonly<Record<string, 'true' | 'false'>> = {
  true: 'true',
  false: 'false',
  ja: 'true',
  yes: 'true',
  wahr: 'true',
  nein: 'false',
  no: 'false',
  falsch: 'false',
};

/** invalid-value: the closest allowed value; a boolean written in words; the quoted format version. */
export const invalidValue: QuickFixProvider = {
  code: 'invalid-value',
  fixEvery: { de: 'Alle ungültigen Werte korrigieren', en: 'Fix all invalid values' },
  unambiguous: true,
  fixes(finding, context) {
    const expected = finding.data?.expected;
    if (Array.isArray(expected) && expected.length === 1 && expected[0] === 'boolean') {
      const written = context.text.slice(finding.span.start, finding.span.end).replace(/^["']|["']$/g, '').trim().toLowerCase();
      const value = BOOLEAN_WORDS[written];
      if (!value) return [];
      return [{ title: replaceWith(value), edits: [{ ...finding.span, text: value }], findings: [finding], preferred: true }];
    }
    return replaceBySuggestion(finding, context);
  },
};
