import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseDate } from '../date';
import { parseDuration } from '../duration';
import type { MapEntry, YamlDocument } from '../parse/yamlDocument';
import { mappingOf, referringFields } from '../schema/fieldLookup';
import type { Located, Span } from '../types';
import type { DateField, DurationField, ItemModel, ReferenceModel, TextField } from './plan';

/** The entries of one mapping, by key (merge keys resolved). */
export type Entries = ReadonlyMap<string, MapEntry>;
export type Path = readonly (string | number)[];

/** A mapping item of a list, read: its entries and what every item model shares. */
export interface MappingItem {
  readonly map: YAMLMap;
  readonly entries: Entries;
  readonly item: ItemModel;
}

/**
 * How the model builders (build.ts, buildScenario.ts) read the fields of one YAML document:
 * a value of the right type with where it is written, or undefined. Every object is written as
 * one literal, never spread (`{ ...item, id }`): the model is built on every keystroke, and a
 * literal of fixed shape is built several times faster.
 */
export interface ModelReader {
  readonly yaml: YamlDocument;
  spanOf(node: Node): Span;
  located<T>(value: T, node: Node): Located<T>;
  /** A string value. */
  text(entries: Entries, key: string): Located<string> | undefined;
  number(entries: Entries, key: string): Located<number> | undefined;
  finiteNumber(entries: Entries, key: string): Located<number> | undefined;
  flag(entries: Entries, key: string): Located<boolean> | undefined;
  /** Free text: a number YAML read where text was meant counts, as text (`version: 2.1`). */
  freeText(entries: Entries, key: string): TextField | undefined;
  /** A list of free texts; a single text stands for a list of one. */
  freeTexts(entries: Entries, key: string): TextField[];
  duration(entries: Entries, key: string): DurationField | undefined;
  date(entries: Entries, key: string): DateField | undefined;
  /** A period as written (`2026-11`, `2026-Q3`), a year YAML read as a whole number as text. */
  period(entries: Entries, key: string): TextField | undefined;
  /** Where a key is written, whatever its value. */
  keySpan(entries: Entries | undefined, key: string): Span | undefined;
  /** The strings of a list (of references): other items are the schema's business. */
  strings(entries: Entries, key: string): Located<string>[];
  /** The mappings of a list, each with its entries; other items are the schema's business. */
  mappings(entries: Entries | undefined, key: string, path: Path): MappingItem[];
  /** What every item model shares, for the item `written` at `index` of the list at `path`. */
  item(map: YAMLMap, written: Node, index: number, path: Path): ItemModel;
  /**
   * Every reference inside a mapping of `definition`, nested mappings (recovery steps,
   * exercises, alert levels) included: the field table says which keys are references and
   * where they nest.
   */
  referencesIn(definition: string, map: YAMLMap): ReferenceModel[];
}

export function modelReader(yaml: YamlDocument): ModelReader {
  const spanOf = (node: Node): Span => {
    const range = node.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  };
  const located = <T>(value: T, node: Node): Located<T> => {
    const range = node.range;
    return range ? { value, start: range[0], end: range[1] } : { value, start: 0, end: 0 };
  };
  const scalar = <T>(entries: Entries, key: string, accept: (value: unknown) => value is T): Located<T> | undefined => {
    const entry = entries.get(key);
    if (!entry?.written || !isScalar(entry.value)) return undefined;
    const value = entry.value.value;
    return accept(value) ? located(value, entry.written) : undefined;
  };
  const text = (entries: Entries, key: string) => scalar(entries, key, isString);

  const strings = (entries: Entries, key: string): Located<string>[] => {
    const seq = entries.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: Located<string>[] = [];
    seq.items.forEach((written) => {
      const node = yaml.resolve(written as Node);
      if (isScalar(node) && typeof node.value === 'string') result.push(located(node.value, written as Node));
    });
    return result;
  };

  const item = (map: YAMLMap, written: Node, index: number, path: Path): ItemModel => {
    const [start] = yaml.span(written);
    return { node: map, span: spanOf(map), index, firstLine: yaml.index.restOfLine(start), path: [...path, index] };
  };

  const referencesIn = (definition: string, map: YAMLMap, into: ReferenceModel[] = []): ReferenceModel[] => {
    const fields = referringFields(definition);
    if (fields.length === 0) return into;
    const entries = yaml.entries(map);
    // forEach, not for…of: read for every mapping of a plan's first check, in code not yet
    // optimised, where each step of an iterator is an object to collect.
    fields.forEach((spec) => {
      if (spec.kind === 'reference') {
        const reference = text(entries, spec.key);
        if (reference) into.push({ value: reference.value, start: reference.start, end: reference.end, list: spec.list, key: spec.key, node: map });
      } else if (spec.kind === 'references') {
        strings(entries, spec.key).forEach((reference) => {
          into.push({ value: reference.value, start: reference.start, end: reference.end, list: spec.list, key: spec.key, node: map });
        });
      } else {
        const mapping = mappingOf(spec);
        const value = entries.get(spec.key)?.value ?? null;
        if (mapping === undefined || value === null) return;
        (isSeq(value) ? value.items : [value]).forEach((written) => {
          const child = yaml.resolve(written as Node);
          if (isMap(child)) referencesIn(mapping, child, into);
        });
      }
    });
    return into;
  };

  return {
    yaml,
    spanOf,
    located,
    text,
    number: (entries, key) => scalar(entries, key, isNumber),
    finiteNumber: (entries, key) => scalar(entries, key, isFiniteNumber),
    flag: (entries, key) => scalar(entries, key, isBoolean),
    freeText(entries, key) {
      const entry = entries.get(key);
      if (!entry?.written || !isScalar(entry.value)) return undefined;
      const value = entry.value.value;
      if (typeof value === 'string') return located(value, entry.written);
      return typeof value === 'number' || typeof value === 'bigint' ? located(String(value), entry.written) : undefined;
    },
    freeTexts(entries, key) {
      const value = entries.get(key)?.value ?? null;
      const items: Node[] = isSeq(value) ? (value.items as Node[]) : value ? [value] : [];
      const result: TextField[] = [];
      items.forEach((written) => {
        const node = yaml.resolve(written);
        if (!isScalar(node)) return;
        const scalarValue = node.value;
        if (typeof scalarValue === 'string') result.push(located(scalarValue, written));
        else if (typeof scalarValue === 'number') result.push(located(String(scalarValue), written));
      });
      return result;
    },
    duration(entries, key) {
      const field = scalar(entries, key, isStringOrNumber);
      if (!field) return undefined;
      const result = parseDuration(field.value);
      return { value: field.value, start: field.start, end: field.end, duration: result, minutes: result.ok ? result.minutes : undefined };
    },
    date(entries, key) {
      const field = text(entries, key);
      if (!field) return undefined;
      return { value: field.value, start: field.start, end: field.end, day: parseDate(field.value) };
    },
    period(entries, key) {
      const field = scalar(entries, key, isStringOrInteger);
      return field && { value: String(field.value), start: field.start, end: field.end };
    },
    keySpan(entries, key) {
      const keyNode = entries?.get(key)?.keyNode;
      return keyNode ? spanOf(keyNode) : undefined;
    },
    strings,
    mappings(entries, key, path) {
      const seq = entries?.get(key)?.value;
      if (!isSeq(seq)) return [];
      const result: MappingItem[] = [];
      seq.items.forEach((written, index) => {
        const map = yaml.resolve(written as Node);
        if (!isMap(map)) return;
        result.push({ map, entries: yaml.entries(map), item: item(map, written as Node, index, [...path, key]) });
      });
      return result;
    },
    item,
    referencesIn: (definition, map) => referencesIn(definition, map),
  };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}
function isStringOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
function isStringOrInteger(value: unknown): value is string | number {
  return typeof value === 'string' || Number.isInteger(value);
}
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
