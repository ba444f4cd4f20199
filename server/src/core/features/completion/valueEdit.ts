import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { scalarText } from '../../yaml/scalar';
import type { Request } from './request';

/**
 * The edit that writes `value` over the typed prefix: keeps a quote the user opened (and closes
 * it when nothing does), quotes where YAML would misread the value, and puts the blank after a
 * colon typed just now (`key:` + completion must not become `key:value`).
 */
export function valueEdit(
  request: Request,
  value: string,
  options: { quote?: boolean; raw?: boolean; flowList?: boolean } = {},
): Pick<CompletionItem, 'textEdit' | 'filterText' | 'insertTextFormat'> {
  const { context, text } = request;
  const opened = /^["']/.exec(context.prefix)?.[0];
  let newText: string;
  let filterText: string;
  if (opened) {
    newText = `${opened}${value}${request.rest.startsWith(opened) ? '' : opened}`;
    filterText = `${opened}${value}`;
  } else {
    // `raw`: written as is (`true` must stay a boolean, not become the string "true")
    const written = options.raw ? value : options.quote ? JSON.stringify(value) : scalarText(value);
    newText = options.flowList ? `[${written}]` : written;
    filterText = value;
    if (text[context.replace.start - 1] === ':') newText = ` ${newText}`;
  }
  // Right before a comment (`rto:   |# RTO …`), `8h# RTO …` would be one plain scalar.
  if (request.rest.startsWith('#')) newText = `${newText} `;
  return { textEdit: { range: request.range, newText }, filterText, insertTextFormat: InsertTextFormat.PlainText };
}
