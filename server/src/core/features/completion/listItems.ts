import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { scenarioTypeById } from '../../catalog';
import { completionTexts as texts } from '../../i18n/completionTexts';
import { definitionAt } from '../../schema/fieldLookup';
import { unquoted } from '../../yaml/scalar';
import { cursorContext } from '../cursorContext';
import { referencedItems } from './references';
import { markdown, order, type Request } from './request';
import { valueEdit } from './valueEdit';
import { stepListOf, valueSourceOf } from './valueSources';
import { isBlank } from '../../yaml/keyLine';

/**
 * Items of plain lists: the ids of a list of references (`affects:`), and the catalog's steps for
 * the scenario's type under `prevention:` / `recovery:`; what the list holds already is left out.
 */
export function listItemValues(request: Request): CompletionItem[] {
  const { context } = request;
  const path = context.mapPath;
  const index = path[path.length - 1];
  const listKey = path[path.length - 2];
  if (!context.startsItem || typeof index !== 'number' || typeof listKey !== 'string' || context.siblings.size > 0) return [];
  const ownerPath = path.slice(0, -2);
  const definition = definitionAt(ownerPath);
  if (definition === undefined) return [];
  const listed = new Set(blockListItems(request));
  const source = valueSourceOf(definition, listKey);
  if (source?.kind === 'reference' && source.many) {
    return referencedItems(request, source.list)
      .filter((item) => !listed.has(item.id))
      .map((item, position): CompletionItem => ({
        label: item.id,
        kind: CompletionItemKind.Reference,
        sortText: `0${order(position)}`,
        ...(item.detail ? { detail: item.detail, labelDetails: { description: item.detail } } : {}),
        ...valueEdit(request, item.id),
      }));
  }
  const which = stepListOf(definition, listKey);
  if (!which) return [];
  const type = scenarioTypeById(ownerSiblings(request).get('type') ?? '');
  if (!type) return [];
  return type[which]
    .filter((step) => !listed.has(step))
    .map((step, position): CompletionItem => ({
      label: step,
      kind: CompletionItemKind.Text,
      detail: request.say(texts.catalogStep(type.label)),
      documentation: markdown(`${request.say(texts.catalogStep(type.label))}.${request.locale === 'en' ? ` ${texts.germanStepNote.en}` : ''}`),
      // after the recovery step's keys (step, duration, responsible) where both apply
      sortText: `c${order(position)}`,
      ...valueEdit(request, step),
    }));
}

/** The column of the dash on the cursor's line (it begins a list item). */
function dashColumn(request: Request): number {
  const text = request.line.text;
  const beforeKey = text.slice(0, request.context.column);
  return beforeKey.lastIndexOf('-');
}

/** The scalar items of the block list the cursor's item belongs to (other than the cursor's). */
function blockListItems(request: Request): string[] {
  const dash = dashColumn(request);
  if (dash < 0) return [];
  const items: string[] = [];
  const visit = (i: number): boolean => {
    const indent = request.lines.indent(i);
    if (indent < 0 || indent > dash) return true; // blank, comment, or inside an item
    const text = request.lines.text(i);
    if (indent < dash || !/^-(\s|$)/.test(text.trimStart())) return false;
    const item = unquoted(withoutTrailingComment(text.trimStart().slice(1)).trim());
    if (item !== '') items.push(item);
    return true;
  };
  for (let i = request.lineIndex - 1; i >= 0 && visit(i); i--);
  for (let i = request.lineIndex + 1; i < request.lines.length && visit(i); i++);
  return items;
}

/** The scalar keys of the mapping that owns the cursor's list (e.g. the scenario's `type`). */
function ownerSiblings(request: Request): ReadonlyMap<string, string> {
  const dash = dashColumn(request);
  for (let i = request.lineIndex - 1; i >= 0; i--) {
    const indent = request.lines.indent(i);
    if (indent < 0 || indent > dash || (indent === dash && request.lines.charAfterIndent(i) === '-')) continue;
    const line = request.lines.at(i);
    // The list's key: ask the cursor context at the key itself for its mapping.
    const keyColumn = indent + (/^(?:- +)*/.exec(line.text.slice(indent))?.[0].length ?? 0);
    return cursorContext(request.lines, line.start + keyColumn)?.siblings ?? new Map();
  }
  return new Map();
}

/** `text.replace(/\s+#.*$/, '')` in one pass (the pattern is quadratic in a run of blanks): cut at the first `#` after a blank, with the blanks before it. */
function withoutTrailingComment(text: string): string {
  for (let at = 1; at < text.length; at++) {
    if (text[at] !== '#' || !isBlank(text.charCodeAt(at - 1))) continue;
    let start = at - 1;
    while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
    return text.slice(0, start);
  }
  return text;
}
