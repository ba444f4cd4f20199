import type { Locale } from './core/types';

/** German for a German display language or environment (`de`, `de-AT`, `de_DE.UTF-8`), else English. */
export function localeFrom(tag: string | undefined | null): Locale {
  return tag && /^de([-_.@]|$)/i.test(tag) ? 'de' : 'en';
}

/**
 * The language of messages as POSIX chooses it for a program: LC_ALL, else LC_MESSAGES, else
 * LANG; an empty variable counts as unset. `C` and `POSIX` (and any other language) are English.
 */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): Locale {
  return localeFrom(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
