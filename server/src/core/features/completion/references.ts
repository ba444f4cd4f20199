import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { COMPONENT_KINDS } from '../../catalog';
import type { ReferenceList } from '../../schema/fields';
import { unquoted } from '../../yaml/scalar';
import { order, type Request } from './request';
import { valueEdit } from './valueEdit';
import type { ValueSource } from './valueSources';

/** The ids a reference field can name: the items of a list of the plan. */
export function referenceItems(request: Request, source: Extract<ValueSource, { kind: 'reference' }>): CompletionItem[] {
  const { context } = request;
  // `affects: [a, |` and `affects:\n  - |` must not offer what is listed already, nor `deputy:` the contact itself.
  const listed = new Set(context.inFlowSequence ? flowListItems(request) : []);
  const own = source.notSelf ? context.siblings.get('id') : undefined;
  if (own !== undefined) listed.add(own);
  const flowList = source.many === true && !context.inFlowSequence;
  return referencedItems(request, source.list)
    .filter((item) => !listed.has(item.id))
    .map((item, index): CompletionItem => {
      const completion: CompletionItem = {
        label: item.id,
        kind: CompletionItemKind.Reference,
        sortText: order(index),
        ...valueEdit(request, item.id, { flowList }),
      };
      if (item.detail) {
        completion.detail = item.detail;
        completion.labelDetails = { description: item.detail };
      }
      return completion;
    });
}

export interface Referenced {
  readonly id: string;
  readonly detail: string | undefined;
}

/** The ids of a list of the plan, with a name to show: from the (possibly older) analysis. */
export function referencedItems(request: Request, list: ReferenceList): Referenced[] {
  const model = request.analysis?.model;
  if (!model) return [];
  const seen = new Set<string>();
  const result: Referenced[] = [];
  const add = (id: string | undefined, detail: string | undefined) => {
    if (id === undefined || id === '' || seen.has(id)) return;
    seen.add(id);
    result.push({ id, detail });
  };
  if (list === 'contacts') {
    for (const contact of model.contacts) add(contact.id?.value, contact.name?.value);
  } else if (list === 'components') {
    for (const component of model.components) {
      const kind = component.kind ? COMPONENT_KINDS.find((entry) => entry.id === component.kind?.value) : undefined;
      add(component.id?.value, component.name?.value ?? (kind ? request.say(kind.label) : undefined));
    }
  } else if (list === 'levels') {
    for (const level of model.alerting?.levels ?? []) add(level.id?.value, level.name?.value);
  } else if (list === 'measurements') {
    for (const measurement of model.availability?.measurements ?? []) add(measurement.id?.value, measurement.what?.value);
  } else {
    for (const backup of model.backups) add(backup.id?.value, backup.what?.value);
  }
  return result;
}

/** The items of the one-line flow list the cursor is in, except the one being typed. */
function flowListItems(request: Request): string[] {
  const { line } = request;
  const cursor = request.offset - line.start;
  const open = line.text.lastIndexOf('[', cursor);
  if (open < 0) return [];
  const close = line.text.indexOf(']', cursor);
  const inside = line.text.slice(open + 1, close < 0 ? undefined : close);
  const typedStart = request.context.replace.start - line.start - open - 1;
  const typedEnd = request.context.replace.end - line.start - open - 1;
  const withoutTyped = inside.slice(0, typedStart) + inside.slice(typedEnd);
  return withoutTyped
    .split(',')
    .map((item) => unquoted(item.trim()))
    .filter((item) => item !== '');
}
