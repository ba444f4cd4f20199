/** The character codes and classes the fast block-YAML reader (blockYaml.ts) tests. */

/** The first characters of plain scalars that the core schema may read as other than a string. */
export const MAYBE_NOT_STRING = new Set('~nNtTfF0123456789+-.<'.split('').map((c) => c.charCodeAt(0)));

export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const BACKSLASH = 92;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const COMMA = 44;
export const RETURN = 13;
export const PIPE = 124;
export const GREATER = 62;
/** Characters a plain scalar must not start with (YAML's indicators; `-?:` followed by a space). */
export const INDICATORS = new Set(',[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
/** Characters a plain scalar inside a flow list must not contain. */
export const FLOW_SPECIAL = new Set(',[]{}#"\''.split('').map((c) => c.charCodeAt(0)));
