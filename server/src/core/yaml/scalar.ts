/**
 * Strings as YAML scalars. drplan writes a string plain where every YAML reader reads it back as
 * the same string, and double quoted otherwise (JSON's escapes are YAML's). No YAML parser is
 * asked: the new-plan command's text is built in the client too, which does not load one.
 */

/** Characters a plain scalar must not begin with: YAML's indicators and quotes. */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** A document marker (`...`), which would end the document where a scalar was meant. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;
/** `: ` and ` #` inside, `:` at the end: a key or a comment to YAML. */
const KEY_OR_COMMENT = /: | #|:$/;
/** Control characters (tab and line breaks among them), which only quotes can hold. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Inside `[…]` and `{…}`, commas and brackets end the scalar. */
const FLOW_INDICATOR = /[,[\]{}]/;
/**
 * What YAML reads as a boolean, null or number instead of a string: YAML 1.2's core schema and
 * YAML 1.1's words and number forms (`yes`, `off`, `1_000`), which older readers still know.
 */
const NOT_A_STRING =
  /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;

/**
 * `value` as a scalar: plain where that reads back as the same string, otherwise double quoted.
 * Catalog texts contain `: ` now and then ("… starten: Storage, …"); `flow`: the scalar stands
 * inside a flow collection, where commas and brackets need quotes too.
 */
export function scalarText(value: string, flow = false): string {
  return isPlainSafe(value, flow) ? value : JSON.stringify(value);
}

function isPlainSafe(value: string, flow: boolean): boolean {
  return (
    value !== '' &&
    value === value.trim() &&
    !CONTROL.test(value) &&
    !INDICATOR_FIRST.test(value) &&
    !DOCUMENT_MARKER.test(value) &&
    !KEY_OR_COMMENT.test(value) &&
    !(flow && FLOW_INDICATOR.test(value)) &&
    !NOT_A_STRING.test(value)
  );
}

/**
 * A new string value in place of `span`, quoted as the old one was (`"…"`, `'…'`), plain where
 * that was plain and reads back as the string, otherwise double quoted.
 */
export function replacementText(source: string, span: { start: number; end: number }, value: string): string {
  const first = source[span.start];
  if (first === '"') return JSON.stringify(value);
  if (first === "'") return `'${value.replace(/'/g, "''")}'`;
  return scalarText(value, true);
}

/** A scalar as written without its quotes (`"a"` → `a`), for text read line by line. */
export function unquoted(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/** Text for a snippet, with the snippet syntax characters escaped. */
export function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}
