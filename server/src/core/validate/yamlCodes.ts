import type { ErrorCode } from 'yaml';
import type { Message } from '../i18n/messages';
import { yamlMessages as says } from '../i18n/yamlMessages';

/**
 * What yaml's parser found, in drplan's words (i18n/yamlMessages.ts): keyed on yaml's error
 * `code`, never on its English message. Where one code stands for several mistakes, the text at
 * the error's position tells them apart (the character there, the rest of its line); where it
 * cannot, one sentence names the likely causes. The position stays yaml's.
 */

/** The text around an error's position, as the descriptions below read it. */
export interface ProblemPlace {
  /** The character at the position ('' at the end of the text). */
  readonly at: string;
  /** The line before the position. */
  readonly before: string;
  /** The line from the position on, without its line break. */
  readonly rest: string;
  /** Only blanks follow: the text ended where yaml still expected something. */
  readonly atEnd: boolean;
}

/** How far around the position the text is read: enough for every description, and bounded. */
const NEAR = 256;

export function placeOf(text: string, start: number): ProblemPlace {
  // Only the text near the position: a text may have 100,000 problems (each line a tab).
  const head = text.slice(Math.max(0, start - NEAR), start);
  const before = head.slice(Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1);
  const tail = text.slice(start, start + NEAR);
  const lineEnd = tail.search(/[\r\n]/);
  const rest = lineEnd < 0 ? tail : tail.slice(0, lineEnd);
  return { at: text.charAt(start), before, rest, atEnd: start + NEAR >= text.length && tail.trim() === '' };
}

/** A code's words: one sentence, or one chosen by the text at the position. */
type Describe = Message | ((place: ProblemPlace) => Message);

/** Every code yaml 2 knows (`ErrorCode`): a new one in a later yaml fails the type check here. */
const DESCRIPTIONS: Record<ErrorCode, Describe> = {
  ALIAS_PROPS: says.aliasProperties,
  BAD_ALIAS: ({ at }) => (at === ':' ? says.nameEndsInColon : at === '&' ? says.anchorWithoutName : at === '*' ? says.aliasWithoutName : says.badAnchorName),
  BAD_DIRECTIVE: ({ before, rest }) => {
    const line = (before + rest).trim();
    return says.directive(line.startsWith('%') ? shortened(line) : undefined);
  },
  // yamlProblems.ts says it with the string in single quotes, where it knows the string.
  BAD_DQ_ESCAPE: ({ rest }) => says.badEscape(escapeSequence(rest), undefined),
  BAD_INDENT: ({ at, atEnd }) => (at === ']' || at === '}' ? says.closingBracketIndent(at) : atEnd ? says.unclosed : says.indentation),
  BAD_PROP_ORDER: ({ at }) => says.propertyOrder(at),
  BAD_SCALAR_START: ({ at, rest }) => says.reservedStart(at, quotedExample(rest)),
  BLOCK_AS_IMPLICIT_KEY: ({ at, rest }) => {
    if (/:(\s|$)/.test(rest)) return says.colonInValue(quotedExample(rest));
    if (at === '-' || /^\s*-(\s|$)/.test(rest)) return says.listAmongKeys;
    return says.valueBecomesKey;
  },
  BLOCK_IN_FLOW: says.blockInBrackets,
  DUPLICATE_KEY: says.duplicateKey,
  IMPOSSIBLE: says.unreadable,
  KEY_OVER_1024_CHARS: says.keyTooLong,
  MISSING_CHAR: missingCharacter,
  MULTILINE_IMPLICIT_KEY: says.multilineKey,
  MULTIPLE_ANCHORS: says.multipleAnchors,
  MULTIPLE_DOCS: says.multipleDocuments,
  MULTIPLE_TAGS: says.multipleTags,
  NON_STRING_KEY: says.keyNotText,
  // Said as drplan's limit by yamlProblems.ts; here only for completeness.
  RESOURCE_EXHAUSTION: says.unreadable,
  TAB_AS_INDENT: says.tab,
  TAG_RESOLVE_FAILED: ({ rest }) => says.tag(tagAt(rest)),
  UNEXPECTED_TOKEN: unexpectedToken,
  BAD_COLLECTION_TYPE: ({ rest }) => says.tag(tagAt(rest)),
};

/** yaml's problem `code` at `start` of `text`, in words. */
export function describeYamlCode(code: string | undefined, text: string, start: number): Message {
  const describe = code !== undefined && Object.hasOwn(DESCRIPTIONS, code) ? DESCRIPTIONS[code as ErrorCode] : undefined;
  if (describe && typeof describe !== 'function') return describe;
  const place = placeOf(text, start);
  return describe ? describe(place) : says.unexpected(found(place.rest));
}

/** MISSING_CHAR: a missing colon, hyphen, comma, space, quote or bracket. */
function missingCharacter({ at, before, rest, atEnd }: ProblemPlace): Message {
  if (at === '#') return says.commentWithoutSpace;
  if (atEnd) return says.unclosed;
  if (at === ':') return says.spaceAfterColon;
  if (at === '&' || at === '!') return says.listAfterProperty;
  if (/[&!][^\s,[\]{}]*$/.test(before)) return says.spaceAfterProperty;
  if (/^-{3}\s+$/.test(before)) return says.contentAfterDocumentStart;
  if (openBracketIn(before)) return says.missingComma;
  // The line begins here (or after list hyphens) and holds no `key: `: neither key nor item.
  if (/^\s*(-\s+)*$/.test(before) && !/:(\s|$)/.test(rest)) return says.lineWithoutStructure;
  return says.missingCharacter;
}

/** UNEXPECTED_TOKEN: something where the structure has no place for it. */
function unexpectedToken({ at, before, rest }: ProblemPlace): Message {
  if (at === ',') return says.unexpectedComma;
  if (at === ']' || at === '}') return says.unopenedBracket(at);
  if (at === '-' && /^-(\s|$)/.test(rest)) return before.trim() === '' ? says.listItemMisplaced : says.listOnKeyLine;
  if (at === ':' && /^:(\s|$)/.test(rest)) return says.unexpectedColon;
  if (at === '&' || at === '!' || at === '*') return says.propertyMisplaced;
  if (/(^|\s)[|>][0-9+-]*$/.test(before)) return says.blockScalarHeader;
  return says.unexpected(found(rest));
}

/** Whether a `[` or `{` opened on the line before the position is still open there (quotes skipped). */
function openBracketIn(before: string): boolean {
  let depth = 0;
  let quoteChar = '';
  for (const c of before) {
    if (quoteChar) {
      if (c === quoteChar) quoteChar = '';
    } else if (c === '"' || c === "'") quoteChar = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth > 0;
}

/** The escape at `start` of `text`: `\B`, `\xZZ` (yaml reports `\x`, `\u`, `\U` with what follows). */
export function escapeAt(text: string, start: number): string {
  return escapeSequence(text.slice(start, start + 10));
}

function escapeSequence(rest: string): string {
  return /^\\(?:x[^"\r\n]{0,2}|u[^"\r\n]{0,4}|U[^"\r\n]{0,8}|.)/.exec(rest)?.[0] ?? '\\';
}

/** The tag written at the position (`!foo`, `!!str`), if one is. */
function tagAt(rest: string): string | undefined {
  const tag = /^![^\s,[\]{}"']*/.exec(rest)?.[0];
  return tag ? shortened(tag) : undefined;
}

/** The rest of the line in double quotes, as the author could write it; none where that is not plain. */
function quotedExample(rest: string): string | undefined {
  // A comment begins at the first `#` after a blank (`\s#`, not `\s+#.*$`: that is quadratic in a run of blanks).
  const comment = rest.search(/\s#/);
  const value = (comment < 0 ? rest : rest.slice(0, comment)).trim();
  if (value === '' || value.length > 60 || /["\\]/.test(value) || /^['"]/.test(value)) return undefined;
  return `"${value}"`;
}

/** What stands at the position, for "… does not fit here". */
function found(rest: string): string | undefined {
  const value = rest.trim();
  return value === '' ? undefined : shortened(value);
}

function shortened(value: string): string {
  if (value.length <= 40) return value;
  // Not between the halves of a surrogate pair.
  return `${value.slice(0, 39).replace(/[\uD800-\uDBFF]$/, '')}…`;
}
