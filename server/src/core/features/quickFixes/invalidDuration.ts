import type { QuickFixProvider } from './provider';
import { replaceBySuggestion } from './shared';

/** invalid-duration: the one clear repair (`30m` → `30 min`). */
export const invalidDuration: QuickFixProvider = {
  code: 'invalid-duration',
  fixEvery: { de: 'Alle ungültigen Dauern korrigieren', en: 'Fix all invalid durations' },
  unambiguous: true,
  fixes: replaceBySuggestion,
};
