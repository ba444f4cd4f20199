/**
 * Whether a text is a UTF-16 file that was read as UTF-8: what the CLI makes of such a file, and
 * what an editor hands over when it did not recognise the encoding. Parsed as YAML, it would give
 * several misleading findings (a control character, "the file is a single value", invalid
 * UTF-8); one finding that names the encoding says what to do (analysis.ts).
 *
 * Told from the text alone, so that every front end is served: the byte-order mark FF FE or
 * FE FF becomes two U+FFFD, and each ASCII character (most of a plan: keys, ids, numbers) is
 * followed (little-endian) or preceded (big-endian) by a NUL. Other characters keep the pairs in
 * step too: a byte that is not UTF-8 becomes one U+FFFD.
 */
export function readAsUtf16(text: string): boolean {
  const bom = text.startsWith(UTF16_BOM_AS_UTF8);
  const start = bom ? UTF16_BOM_AS_UTF8.length : 0;
  const end = Math.min(text.length, start + SAMPLE);
  if (bom && end === start) return true; // only the byte-order mark: an empty UTF-16 file
  let even = 0;
  let odd = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 0) continue;
    if ((i - start) % 2 === 0) even++;
    else odd++;
  }
  if (bom) return even + odd > 0;
  const pairs = Math.floor((end - start) / 2);
  if (pairs === 0) return false;
  // At least every other pair has its NUL on one side, and the other side almost never has one
  // (binary data has NULs anywhere).
  const [more, fewer] = odd >= even ? [odd, even] : [even, odd];
  return more * 2 >= pairs && fewer * 8 <= more;
}

/** The UTF-16 byte-order mark (FF FE or FE FF) as a UTF-8 decoder reads it: two invalid bytes. */
const UTF16_BOM_AS_UTF8 = '\uFFFD\uFFFD';

/** How much of the text is looked at: enough for a plan's first lines, cheap on every keystroke. */
const SAMPLE = 1024;
