import type { Locale } from './core/types';

/** German for a German display language or environment (`de`, `de-AT`, `de_DE.UTF-8`), else English. */
export function localeFrom(tag: string | undefined | null): Locale {
  return tag && /^de([-_.]|$)/i.test(tag) ? 'de' : 'en';
}
