import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import { completionTexts as texts } from '../../i18n/completionTexts';
import { type FieldSpec } from '../../schema/fields';
import { definitionAt, field, fieldDoc } from '../../schema/fieldLookup';
import { keysAt } from '../../schema/lookup';
import { markdown, spaces, suggestAgain, type Request } from './request';
import { stepListOf, valueSourceOf } from './valueSources';

/** The keys the mapping at the cursor does not have yet, required ones first. */
export function keyItems(request: Request): CompletionItem[] {
  const { context } = request;
  const keys = keysAt(context.mapPath);
  if (keys.length === 0) return [];
  // Renaming the key of an existing `key: value`: offer every key, and keep the value.
  const renaming = /^\s*:/.test(request.rest);
  const typed = request.text.slice(context.replace.start, context.replace.end);
  const present = new Set([...context.siblings.keys()].filter((key) => !(renaming && key === typed)));
  const definition = definitionAt(context.mapPath) ?? '';

  return keys
    .filter(({ key }) => !key.startsWith('x-') && !present.has(key))
    .map(({ key, required }, index): CompletionItem => {
      const doc = fieldDoc(context.mapPath, key, request.locale);
      const insert = renaming ? { text: key, snippet: false, suggest: false } : keyInsertion(request, definition, key);
      const item: CompletionItem = {
        label: key,
        kind: CompletionItemKind.Property,
        sortText: `${required ? 'a' : 'b'}${String(index).padStart(3, '0')}`,
        filterText: key,
        insertTextFormat: insert.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range: request.range, newText: insert.text },
      };
      if (doc) {
        item.detail = doc.title;
        item.documentation = markdown(`**${doc.title}**${required ? ` · ${request.say(texts.required)}` : ''}\n\n${doc.description}`);
      }
      if (required) item.labelDetails = { description: request.say(texts.required) };
      if (insert.suggest) item.command = suggestAgain(request);
      return item;
    });
}

type ValueShape = 'scalar' | 'mapping' | 'mappings' | 'texts';

/** What a field's value looks like in YAML, as the field table says what the field is. */
function shapeOf(spec: FieldSpec | undefined): ValueShape {
  switch (spec?.kind) {
    case 'section':
      return 'mapping';
    case 'items':
      return 'mappings';
    case 'steps':
      return spec.mapping === undefined ? 'texts' : 'mappings';
    case 'references':
    case 'texts':
      return 'texts';
    default:
      return 'scalar';
  }
}

/** What `key` inserts: `key: `, or the key with an indented block below for sections and lists. */
function keyInsertion(request: Request, definition: string, key: string): { text: string; snippet: boolean; suggest: boolean } {
  const { column } = request.context;
  const source = valueSourceOf(definition, key);
  const shape = shapeOf(field(definition, key));
  if (source?.kind === 'formatVersion') return { text: 'drplan: "1"', snippet: false, suggest: false };
  if (source?.kind === 'reference' && shape === 'texts') {
    return { text: `${key}: [$1]`, snippet: true, suggest: true };
  }
  switch (shape) {
    case 'mapping':
      return { text: `${key}:\n${spaces(column + request.layout.mapIndent)}$0`, snippet: true, suggest: true };
    case 'mappings':
    case 'texts':
      return {
        text: `${key}:\n${spaces(column + request.layout.sequenceIndent)}- $1`,
        snippet: true,
        suggest: stepListOf(definition, key) !== undefined || shape === 'mappings',
      };
    default:
      return { text: `${key}: `, snippet: false, suggest: source !== undefined };
  }
}
