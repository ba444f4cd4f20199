import type { QuickFixProvider } from './provider';
import { replaceBySuggestion } from './shared';

/** unknown-reference: the closest defined id. */
export const unknownReference: QuickFixProvider = {
  code: 'unknown-reference',
  fixEvery: { de: 'Alle unbekannten Verweise korrigieren', en: 'Fix all unknown references' },
  fixes: replaceBySuggestion,
};
