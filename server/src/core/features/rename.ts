import { parse } from 'yaml';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { renameMessages } from '../i18n/navigation';
import { say } from '../i18n/messages';
import type { Locale, Span } from '../types';
import { navigationIndex, type Occurrence } from './navigationIndex';
import { isRefusal, type RenameRefusal } from './renameRefusal';

/** What format.md allows as an id. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface RenamePlaceholder {
  /** The id's text, without quotes (or the alias that stands for it). */
  readonly range: Range;
  readonly placeholder: string;
}

export { isRefusal, type RenameRefusal };

/**
 * Whether a rename can start here: only on an id, or a reference to an id that is declared.
 * Answers the range of the id's text (without quotes) and the id.
 */
export function prepareRename(analysis: Analysis, offset: number, locale: Locale): RenamePlaceholder | RenameRefusal {
  const target = renameTarget(analysis, offset, locale);
  if (isRefusal(target)) return target;
  const { here, text } = target;
  // On an alias (`*lead`) the box stands over the alias; the edit goes to the anchored scalar.
  const span = here.span.start === here.scalar.start ? text : here.span;
  return { range: analysis.yaml.index.rangeOf(span), placeholder: here.id };
}

/**
 * Renames an id: its declaration and every reference to it, as edits of this document that
 * change only the id's text, so quotes, comments and layout stay as they were. Refuses names that
 * are not ids and names that another item of the same list already has.
 */
export function rename(analysis: Analysis, offset: number, newName: string, uri: string, locale: Locale): WorkspaceEdit | RenameRefusal {
  const target = renameTarget(analysis, offset, locale);
  if (isRefusal(target)) return target;
  const { list, id } = target.here;
  if (!ID_PATTERN.test(newName)) return { refused: say(renameMessages.invalidName(newName), locale) };
  if (newName === id) return { changes: { [uri]: [] } };
  const index = navigationIndex(analysis);
  if (index.declarations(list, newName).length > 0) return { refused: say(renameMessages.taken(newName, list), locale) };

  const edits: TextEdit[] = [];
  const edited = new Set<number>();
  const plainName = readsAsText(newName) ? newName : `"${newName}"`;
  for (const occurrence of index.of(list, id)) {
    // Several aliases of one anchor: the anchored scalar is edited once.
    if (edited.has(occurrence.scalar.start)) continue;
    edited.add(occurrence.scalar.start);
    const text = idText(analysis.text, occurrence.scalar, id);
    if (!text) return { refused: say(renameMessages.notPlain(id), locale) };
    const quoted = text.start !== occurrence.scalar.start;
    edits.push({ range: analysis.yaml.index.rangeOf(text), newText: quoted ? newName : plainName });
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { changes: { [uri]: edits } };
}

/** The occurrence under the offset, and the span of its id's text, or why it cannot be renamed. */
function renameTarget(analysis: Analysis, offset: number, locale: Locale): { here: Occurrence; text: Span } | RenameRefusal {
  const index = navigationIndex(analysis);
  const here = index.at(offset);
  if (!here) return { refused: say(renameMessages.notAnId, locale) };
  if (index.declarations(here.list, here.id).length === 0) return { refused: say(renameMessages.unknownId(here.id, here.list), locale) };
  const text = idText(analysis.text, here.scalar, here.id);
  if (!text) return { refused: say(renameMessages.notPlain(here.id), locale) };
  return { here, text };
}

/**
 * Where the id's own characters stand inside its scalar: the whole scalar when it is plain, the
 * inside of the quotes when quoted. Undefined where the written text is not the id character for
 * character (block scalars, escapes, plain scalars folded over lines).
 */
function idText(text: string, scalar: Span, id: string): Span | undefined {
  const written = text.slice(scalar.start, scalar.end);
  if (written === id) return scalar;
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length >= 2 && written.endsWith(quote) && written.slice(1, -1) === id) {
    return { start: scalar.start + 1, end: scalar.end - 1 };
  }
  return undefined;
}

/**
 * Whether YAML reads the name, written plain, as text. Some valid ids do not: `123` and `1e3` are
 * numbers, `0x1f` a hexadecimal number, `true`/`null` (and `yes`/`no`/`on`/`off` under YAML 1.1)
 * are not text. Those are written in double quotes.
 */
function readsAsText(name: string): boolean {
  try {
    return typeof parse(name, { version: '1.2' }) === 'string' && typeof parse(name, { version: '1.1' }) === 'string';
  } catch {
    return false;
  }
}
