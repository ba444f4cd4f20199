import { isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Analysis } from '../analysis';
import type { IdList } from '../model/plan';
import { allReferences, ID_LISTS, itemsOf } from '../model/references';
import type { YamlDocument } from '../parse/yamlDocument';
import { lastAtOrBefore } from '../search';
import type { Located, Span } from '../types';

/**
 * Every id of a plan and every reference to one, found once per analysis: go to definition,
 * find references and rename all read this index, so a request costs a binary search and a map
 * look-up, also in plans of thousands of scenarios.
 */

/** An id where it is declared (`id:` of a list item) or named (`backup`, `affects`, …). */
export interface Occurrence {
  /** The list whose ids this one belongs to. */
  readonly list: IdList;
  readonly id: string;
  readonly role: 'declaration' | 'reference';
  /** The key it is the value of: `id`, or a reference field of the field table (`backup`, `affects`, …). */
  readonly field: string;
  /** Where it is written: the scalar itself, or an alias (`*lead`) that stands for it. */
  readonly span: Span;
  /**
   * The scalar that holds the id's text: `span` itself, or the anchored scalar an alias names.
   * A rename edits this, so aliases keep standing for the new name.
   */
  readonly scalar: Span;
}

export interface NavigationIndex {
  /** Every occurrence, by position; one per written span. */
  readonly occurrences: readonly Occurrence[];
  /** The occurrence under an offset (its end included, where a cursor stands after typing it). */
  at(offset: number): Occurrence | undefined;
  /** The declarations and references of one id of one list, in document order. */
  of(list: IdList, id: string): readonly Occurrence[];
  /** The declarations of one id of one list (more than one only where the id is duplicated). */
  declarations(list: IdList, id: string): readonly Occurrence[];
}

const indexes = new WeakMap<Analysis, NavigationIndex>();

/** The index of an analysis, built on first use and kept as long as the analysis lives. */
export function navigationIndex(analysis: Analysis): NavigationIndex {
  let index = indexes.get(analysis);
  if (!index) {
    index = buildIndex(analysis);
    indexes.set(analysis, index);
  }
  return index;
}

function buildIndex({ yaml, model, text }: Analysis): NavigationIndex {
  const collected: Occurrence[] = [];

  /**
   * Adds what the model read at `located` (the value of `key` in `map`). The model already holds
   * every id and reference with its span, so only an alias, rare, sends us back to the YAML for
   * the scalar its anchor names.
   */
  const add = (list: IdList, role: Occurrence['role'], field: string, located: Located<string> | undefined, map: YAMLMap, key: string): void => {
    if (!located || located.end <= located.start) return;
    let scalar: Span = located;
    if (text.charCodeAt(located.start) === ASTERISK) {
      const target = aliasTarget(yaml, map, key, located.start);
      if (!target) return;
      scalar = target;
    }
    collected.push({ list, id: located.value, role, field, span: located, scalar });
  };

  for (const list of ID_LISTS) {
    for (const item of itemsOf(model, list)) add(list, 'declaration', 'id', item.id, item.node, 'id');
  }
  for (const reference of allReferences(model)) add(reference.list, 'reference', reference.key, reference, reference.node, reference.key);

  collected.sort((a, b) => a.span.start - b.span.start);
  const occurrences: Occurrence[] = [];
  const byList = new Map<IdList, Map<string, Occurrence[]>>();
  for (const occurrence of collected) {
    // Merged mappings (`<<: *defaults`) give several items the same written value: one occurrence.
    if (occurrences.length > 0 && (occurrences[occurrences.length - 1] as Occurrence).span.start === occurrence.span.start) continue;
    occurrences.push(occurrence);
    let ids = byList.get(occurrence.list);
    if (!ids) byList.set(occurrence.list, (ids = new Map()));
    const same = ids.get(occurrence.id);
    if (same) same.push(occurrence);
    else ids.set(occurrence.id, [occurrence]);
  }
  const of = (list: IdList, id: string): readonly Occurrence[] => byList.get(list)?.get(id) ?? [];

  return {
    occurrences,
    at(offset) {
      // The last occurrence that starts at or before the offset; spans of scalars never overlap.
      const found = occurrences[lastAtOrBefore(occurrences, offset, (occurrence) => occurrence.span.start)];
      return found && offset <= found.span.end ? found : undefined;
    },
    of,
    declarations(list, id) {
      return of(list, id).filter((occurrence) => occurrence.role === 'declaration');
    },
  };
}

const ASTERISK = 42;

/**
 * The scalar an alias stands for, where its anchor is written. `key` names the alias's place in
 * `map`: the key's value itself, or an item of the list the key holds (`affects`).
 */
function aliasTarget(yaml: YamlDocument, map: YAMLMap, key: string, start: number): Span | undefined {
  const entry = yaml.entries(map).get(key);
  let written = entry?.written ?? null;
  if (isSeq(entry?.value)) {
    written = (entry.value.items as Node[]).find((item) => item?.range?.[0] === start) ?? null;
  }
  if (!written || written.range?.[0] !== start) return undefined;
  const target = yaml.resolve(written);
  if (!isScalar(target) || !target.range) return undefined;
  return { start: target.range[0], end: target.range[1] };
}
