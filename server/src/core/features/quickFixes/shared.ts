import type { Message } from '../../i18n/messages';
import type { Finding } from '../../validate/diagnostic';
import { replaceScalar } from '../../yaml/edit';
import type { Fix, FixContext } from './provider';

/** A string in the finding's `data`. */
export function dataString(finding: Finding, key: string): string | undefined {
  const value = finding.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list of strings in the finding's `data`. */
export function dataStrings(finding: Finding, key: string): readonly string[] | undefined {
  const value = finding.data?.[key];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** `„x“` in German, `'x'` in English; text that brings its own quotes (`"1"`) keeps them. */
export function quoted(value: string): Message {
  return /^["']/.test(value) ? { de: value, en: value } : { de: `„${value}“`, en: `'${value}'` };
}

export function replaceWith(value: string): Message {
  const v = quoted(value);
  return { de: `Durch ${v.de} ersetzen`, en: `Replace with ${v.en}` };
}

/** Replaces the value at the finding by `data.suggestion`, keeping the value's quotes. */
export function replaceBySuggestion(finding: Finding, context: FixContext): Fix[] {
  const suggestion = dataString(finding, 'suggestion');
  if (suggestion === undefined || finding.span.end <= finding.span.start) return [];
  const edit = replaceScalar(context.text, finding.span, suggestion);
  // Quotes the author did not write are part of the fix (`drplan: "1"`), so the title shows them.
  const wasQuoted = /^["']/.test(context.text.slice(finding.span.start, finding.span.end));
  const titleValue = edit.text.startsWith('"') && !wasQuoted ? edit.text : suggestion;
  return [{ title: replaceWith(titleValue), edits: [edit], findings: [finding], preferred: true }];
}
