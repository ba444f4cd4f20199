/**
 * Author strings made safe to show, for both emitters. Bidi controls (the "Trojan Source"
 * characters, CVE-2021-42574) would reorder the text around them, so a plan could show an
 * auditor something other than what it says; control characters (possible through YAML's
 * escapes, e.g. "\0") have no place in a document. Both become a visible `[U+202E]`, so the
 * reader sees that something was there. Unpaired surrogates become U+FFFD.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_SEPARATORS = /\r\n?|[\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function neutralise(text: string): string {
  return text
    .replace(LINE_SEPARATORS, '\n')
    .replace(UNSAFE, (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(LONE_SURROGATE, '\uFFFD');
}
