import type { Layout } from './layout';
import { scalarText, snippetText } from './scalar';

/**
 * Values to write as YAML, and their text in block or flow style. Quick fixes, completion and the
 * new-plan command describe what to write as values; the text follows from the layout, so each
 * writes YAML the same way.
 */
export type YamlValue =
  /** A string (quoted where YAML would read it otherwise), or YAML source written as it is. */
  | { readonly kind: 'scalar'; readonly value: string; readonly verbatim: boolean }
  | { readonly kind: 'list'; readonly items: readonly YamlValue[] }
  | { readonly kind: 'map'; readonly entries: readonly YamlEntry[] }
  /**
   * Nothing after `key:` (YAML reads null): a value left for the author to fill in; in a snippet,
   * with the tab stop `tabStop` there (`key: $1`), where the author types next.
   */
  | { readonly kind: 'empty'; readonly tabStop?: number }
  /** A snippet's tab stop around a scalar (`${2:4h}`); the scalar alone in plain text. */
  | { readonly kind: 'tabStop'; readonly index: number; readonly value: Scalar }
  /** A snippet's choice (`${5|a,b|}`); the first choice in plain text. */
  | { readonly kind: 'choice'; readonly index: number; readonly choices: readonly string[] };

type Scalar = Extract<YamlValue, { kind: 'scalar' }>;

export interface YamlEntry {
  readonly key: string;
  readonly value: YamlValue;
  /** A comment after the entry's first line (block style only), without its `# `. */
  readonly comment?: string;
}

/** A string, quoted where YAML would read it otherwise. */
export const text = (value: string): Scalar => ({ kind: 'scalar', value, verbatim: false });
/** YAML source written as it is: `4h`, `0`, `"1"`. */
export const verbatim = (source: string): Scalar => ({ kind: 'scalar', value: source, verbatim: true });
export const list = (items: readonly YamlValue[]): YamlValue => ({ kind: 'list', items });
export const mapping = (entries: readonly YamlEntry[]): YamlValue => ({ kind: 'map', entries });
export const empty: YamlValue = { kind: 'empty' };
/** An empty value with the snippet's tab stop `index` on it. */
export const emptyTabStop = (index: number): YamlValue => ({ kind: 'empty', tabStop: index });
export const tabStop = (index: number, value: Scalar): YamlValue => ({ kind: 'tabStop', index, value });
export const choice = (index: number, choices: readonly string[]): YamlValue => ({ kind: 'choice', index, choices });
export const entry = (key: string, value: YamlValue, comment?: string): YamlEntry => (comment === undefined ? { key, value } : { key, value, comment });

export interface WriteOptions {
  /** Write a snippet: tab stops and choices as such, all other text escaped. */
  readonly snippet?: boolean;
  /** The column at which entries' comments start (at least one blank after the entry). */
  readonly commentColumn?: number;
}

/** A scalar's text in block context (a list item, a key's value on its line) or in flow context. */
function scalarSource(value: YamlValue, flow: boolean, options: WriteOptions): string {
  const escape = (written: string) => (options.snippet ? snippetText(written) : written);
  switch (value.kind) {
    case 'scalar':
      return escape(value.verbatim ? value.value : scalarText(value.value, flow));
    case 'tabStop': {
      const written = scalarSource(value.value, flow, options);
      return options.snippet ? `\${${value.index}:${written}}` : written;
    }
    case 'choice':
      if (!options.snippet) return scalarText(value.choices[0] ?? '', flow);
      return `\${${value.index}|${value.choices.map((c) => c.replace(/[\\$}|,]/g, (x) => `\\${x}`)).join(',')}|}`;
    case 'empty':
      // In a snippet the cursor stands where the value goes (`key: |`, also in a flow mapping,
      // where YAML reads `key: }` as null too), so that what is typed or picked is the value.
      if (options.snippet && value.tabStop !== undefined) return `$${value.tabStop}`;
      return flow ? 'null' : '';
    default:
      return flowText(value, options);
  }
}

function flowText(value: YamlValue, options: WriteOptions): string {
  switch (value.kind) {
    case 'list':
      return `[${value.items.map((item) => flowText(item, options)).join(', ')}]`;
    case 'map':
      return value.entries.length === 0 ? '{}' : `{ ${flowEntries(value.entries, options)} }`;
    default:
      return scalarSource(value, true, options);
  }
}

/** A value's text on its key's line: a scalar as in a block mapping (`flow`: inside braces), a collection in flow style. */
export function inlineText(value: YamlValue, flow: boolean, options: WriteOptions = {}): string {
  return value.kind === 'list' || value.kind === 'map' ? flowText(value, options) : scalarSource(value, flow, options);
}

/** `key: value, key: value`, as inside the braces of a flow mapping. */
export function flowEntries(entries: readonly YamlEntry[], options: WriteOptions = {}): string {
  return entries.map((e) => `${e.key}: ${flowText(e.value, options)}`).join(', ');
}

/** A mapping as a flow mapping `{ key: value, … }`. */
export function flowMapping(entries: readonly YamlEntry[], options: WriteOptions = {}): string {
  return flowText(mapping(entries), options);
}

/** The lines of `entries` as a block mapping whose keys stand at `column`. */
export function blockEntryLines(entries: readonly YamlEntry[], column: number, layout: Layout, options: WriteOptions = {}): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const { key, value, comment } of entries) {
    const first = lines.length;
    if (value.kind === 'list' && value.items.length > 0) {
      lines.push(`${pad}${key}:`);
      for (const item of value.items) lines.push(...blockItemLines(item, column + layout.sequenceIndent, layout, options));
    } else if (value.kind === 'map' && value.entries.length > 0) {
      lines.push(`${pad}${key}:`, ...blockEntryLines(value.entries, column + layout.mapIndent, layout, options));
    } else if (value.kind === 'empty') {
      lines.push(options.snippet && value.tabStop !== undefined ? `${pad}${key}: ${scalarSource(value, false, options)}` : `${pad}${key}:`);
    } else {
      lines.push(`${pad}${key}: ${scalarSource(value, false, options)}`); // a scalar, [] or {}
    }
    if (comment !== undefined) lines[first] = withComment(lines[first] as string, comment, options);
  }
  return lines;
}

function withComment(line: string, comment: string, options: WriteOptions): string {
  const gap = Math.max(1, (options.commentColumn ?? 0) - line.length);
  return `${line}${' '.repeat(gap)}# ${options.snippet ? snippetText(comment) : comment}`;
}

/**
 * The lines of one block list item whose dash stands at `dashColumn`; a mapping's keys stand
 * `itemIndent` after the dash (the layout's, unless the list shows another).
 */
export function blockItemLines(
  item: YamlValue,
  dashColumn: number,
  layout: Layout,
  options: WriteOptions & { readonly itemIndent?: number } = {},
): string[] {
  const pad = ' '.repeat(dashColumn);
  const itemIndent = options.itemIndent ?? layout.itemIndent;
  if (item.kind === 'map' && item.entries.length > 0) {
    const lines = blockEntryLines(item.entries, dashColumn + itemIndent, layout, options);
    lines[0] = `${pad}-${' '.repeat(itemIndent - 1)}${(lines[0] as string).slice(dashColumn + itemIndent)}`;
    return lines;
  }
  return [`${pad}- ${scalarSource(item, false, options)}`];
}
