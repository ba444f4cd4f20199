/**
 * The limits that keep drplan answering on hostile or absurd input (docs/limits.md says why each
 * is where it is). A real plan is far below every one of them: a 100-scenario plan is about
 * 100 kB, nested eight levels deep, with a few hundred findings at most.
 */

const MEGABYTE = 1024 * 1024;

/**
 * Default of `drplan.maxFileSize` / `--max-file-size`, in bytes of UTF-8. Parsing costs about
 * half a second per megabyte, during which a language server answers nothing else; a text above
 * the limit is not parsed at all and gets one diagnostic instead.
 */
export const DEFAULT_MAX_FILE_SIZE = 5 * MEGABYTE;

/**
 * Deepest nesting of mappings and lists that is read; deeper collections are cut off (and
 * reported once). Plans nest eight levels; the walks over the tree are recursive, and this bound,
 * also on what aliases expand to, keeps them far from the call-stack limit.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Most diagnostics a server publishes for one document; the CLI prints them all. Beyond a few
 * hundred nobody reads them one by one, while every one costs the editor time to show.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/**
 * Most YAML problems reported for one text. A text that is not YAML has one for every few
 * characters (a run of `"` is one per two: 2.4 million in 5 MB), and each costs memory and time
 * in every answer that carries it (diagnostics, the document, the CLI's output): 5 MB of them took
 * 4 GB and minutes. The first thousand say enough.
 */
export const MAX_YAML_PROBLEMS = 1000;

/** A size limit in bytes from megabytes as the setting and the CLI give it; 0 (or less) is none. */
export function megabytesToBytes(megabytes: number): number {
  return megabytes > 0 ? Math.round(megabytes * MEGABYTE) : Number.POSITIVE_INFINITY;
}

/** "5 MB", "1,25 MB" / "1.25 MB", "20 kB": a size as people read it. */
export function formatMegabytes(bytes: number, locale: 'de' | 'en'): string {
  const [amount, unit] = bytes < MEGABYTE ? [Math.max(1, Math.round(bytes / 1024)), 'kB'] : [Math.round((bytes / MEGABYTE) * 100) / 100, 'MB'];
  const text = String(amount);
  return `${locale === 'de' ? text.replace('.', ',') : text} ${unit}`;
}

/**
 * The size of what is over `limit`, as people read it: "more than 5 MB" where the size would read
 * as the limit itself (the CLI stops reading one byte past the limit where a file's size says
 * nothing, and "6 MB (limit 5 MB)" would not be true).
 */
export function formatSizeOver(size: number, limit: number, locale: 'de' | 'en'): string {
  const shown = formatMegabytes(size, locale);
  const limitShown = formatMegabytes(limit, locale);
  if (shown !== limitShown) return shown;
  return locale === 'de' ? `mehr als ${limitShown}` : `more than ${limitShown}`;
}

/**
 * The UTF-8 size of `text` when it exceeds `limit` bytes, else undefined. Most texts are decided
 * by their length alone (a UTF-16 unit is one to three bytes of UTF-8); only texts near the
 * limit are counted, and the count stops once the limit is passed.
 */
export function sizeAbove(text: string, limit: number): number | undefined {
  if (!(limit < Number.POSITIVE_INFINITY) || text.length * 3 <= limit) return undefined;
  if (text.length > limit) return utf8Length(text);
  const size = utf8Length(text);
  return size > limit ? size : undefined;
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the three bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
