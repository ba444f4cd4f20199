/**
 * A block line's key, read in one pass: what the pattern
 * `/^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:/` reads, without its cost. The
 * pattern, with a lazy key followed by `\s*:`, takes time quadratic in a run of blanks on the
 * line (200,000 blanks in a value: 50 s), and completion and the layout read every line near
 * the cursor.
 */
export interface KeyLine {
  /** Blanks before the first dash or the key. */
  readonly indent: number;
  /** The list dashes with their blanks (`- - `). */
  readonly dashText: string;
  /** The key as written: quoted, or plain without the blanks before its colon. */
  readonly rawKey: string;
  /** Everything after the key's colon. */
  readonly rest: string;
}

/** Characters a plain key cannot start with. */
const NOT_FIRST = new Set([...'#:\'"{}[],&*!|>-']);

export function keyLine(text: string): KeyLine | undefined {
  let at = 0;
  while (text[at] === ' ') at++;
  const indent = at;
  // `(?:- +)*`: a dash and at least one blank, as often as they come.
  while (text[at] === '-' && text[at + 1] === ' ') {
    at += 2;
    while (text[at] === ' ') at++;
  }
  const dashText = text.slice(indent, at);
  const first = text[at];
  if (first === undefined) return undefined;
  let keyEnd: number;
  let colon: number;
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, at + 1);
    if (close < 0) return undefined;
    keyEnd = close + 1;
    colon = keyEnd;
    while (colon < text.length && isBlank(text.charCodeAt(colon))) colon++;
    if (text[colon] !== ':') return undefined;
  } else {
    if (isBlank(first.charCodeAt(0)) || NOT_FIRST.has(first)) return undefined;
    colon = at + 1;
    while (colon < text.length && text[colon] !== ':' && text[colon] !== '#') colon++;
    if (text[colon] !== ':') return undefined;
    keyEnd = colon;
    while (keyEnd > at + 1 && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  }
  return { indent, dashText, rawKey: text.slice(at, keyEnd), rest: text.slice(colon + 1) };
}

/** `\s` of a regular expression: blanks, tabs, line breaks and the Unicode spaces. */
export function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
