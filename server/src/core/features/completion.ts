import { isMap, isScalar } from 'yaml';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Command,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import {
  BACKUP_METHODS,
  CATEGORIES,
  CLASSIFICATIONS,
  COMPONENT_KINDS,
  DATABASE_STRATEGIES,
  EXERCISE_KINDS,
  EXERCISE_RESULTS,
  LOAD_BALANCING_METHODS,
  PLAN_STATUSES,
  SCENARIO_TYPES,
  categoryById,
  scenarioTypeById,
  scenarioTypesOf,
  type CatalogEntry,
  type Localized,
  type ScenarioType,
} from '../catalog';
import { formatDuration, parseDuration } from '../duration';
import { completionTexts as texts } from '../i18n/completionTexts';
import { definitionAt, fieldDoc } from '../schema/fields';
import { keysAt, resolveSchema, type SchemaNode } from '../schema/lookup';
import type { Locale } from '../types';
import { cursorContext, type CursorContext } from './cursorContext';
import {
  isBlankOrComment,
  layoutOf,
  snippetText,
  TextLines,
  yamlScalar,
  type Layout,
  type TextLine,
} from './yamlLayout';

export interface CompletionOptions {
  /** Today's date, suggested for date fields (tests pass a fixed day). */
  readonly today?: Date;
}

/**
 * Completion at `offset` of `text`: the keys still missing in the mapping at the cursor, the
 * values a key can take (catalog ids, references, typical durations, dates), the catalog's steps
 * for the items of `prevention` and `recovery`, and whole scenarios from the catalog at an item
 * position of `scenarios`.
 *
 * Where the cursor is comes from `text` alone (by indentation, see cursorContext), because the
 * analysis may be of an older version while the user types; the analysis only supplies the ids
 * and names of contacts, components and backups. Never throws: bad input gives no items.
 */
export function complete(
  analysis: Analysis | undefined,
  text: string,
  offset: number,
  locale: Locale,
  options: CompletionOptions = {},
): CompletionItem[] {
  try {
    // The analysis of this very version knows its lines already (the usual case in the server).
    const lines = new TextLines(text, analysis?.text === text ? analysis.yaml.index.lineStarts : undefined);
    const context = cursorContext(lines, offset);
    if (!context) return [];
    const request = new Request(analysis, lines, offset, locale, options, context);
    if (context.position === 'value') return valueItems(request, context.key ?? '');
    return [...scenarioItems(request), ...keyItems(request), ...listItemValues(request)];
  } catch {
    return [];
  }
}

/** Everything one completion needs, computed once. */
class Request {
  readonly text: string;
  readonly lineIndex: number;
  readonly range: Range;
  private cachedLayout: Layout | undefined;

  constructor(
    readonly analysis: Analysis | undefined,
    readonly lines: TextLines,
    readonly offset: number,
    readonly locale: Locale,
    readonly options: CompletionOptions,
    readonly context: CursorContext,
  ) {
    this.text = lines.source;
    this.lineIndex = lines.indexAt(offset);
    this.range = { start: lines.positionOf(context.replace.start), end: lines.positionOf(context.replace.end) };
  }

  get line(): TextLine {
    return this.lines.at(this.lineIndex);
  }

  get layout(): Layout {
    this.cachedLayout ??= layoutOf(this.lines);
    return this.cachedLayout;
  }

  /** The text of the line after the replaced word. */
  get rest(): string {
    return this.line.text.slice(this.context.replace.end - this.line.start);
  }

  say(message: Localized): string {
    return message[this.locale];
  }
}

const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

function suggestAgain(request: Request): Command {
  return { title: request.say(texts.suggest), command: TRIGGER_SUGGEST };
}

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

const spaces = (count: number) => ' '.repeat(Math.max(0, count));

// ---------------------------------------------------------------------------------------------
// what a value can be

type ValueSource =
  | { readonly kind: 'catalog'; readonly entries: readonly CatalogEntry[] }
  | { readonly kind: 'scenarioType' }
  | { readonly kind: 'reference'; readonly list: 'contacts' | 'components' | 'backups' }
  | { readonly kind: 'duration'; readonly typical: readonly Localized[]; readonly backupIntervals?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'formatVersion' };

const same = (text: string): Localized => ({ de: text, en: text });
const SHORT = same('15 min');
const HALF_HOUR = same('30 min');
const HOUR = same('1h');
const TWO_HOURS = same('2h');
const FOUR_HOURS = same('4h');
const EIGHT_HOURS = same('8h');
const DAY = same('24h');
const TWO_DAYS: Localized = { de: '2 Tage', en: '2 days' };
const WEEK: Localized = { de: '1 Woche', en: '1 week' };
const ZERO = same('0');

/** Typical durations per field: what an author of such plans usually writes there. */
export const TYPICAL_DURATIONS = {
  rto: [SHORT, HALF_HOUR, HOUR, FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK],
  rpo: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  mtpd: [FOUR_HOURS, EIGHT_HOURS, DAY, TWO_DAYS, WEEK, { de: '2 Wochen', en: '2 weeks' }],
  recoveryTime: [HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS, EIGHT_HOURS, DAY],
  dataLoss: [ZERO, SHORT, HOUR, FOUR_HOURS, DAY],
  stepDuration: [SHORT, HALF_HOUR, HOUR, TWO_HOURS, FOUR_HOURS],
  backupInterval: [HOUR, FOUR_HOURS, DAY, WEEK],
  retention: [{ de: '7 Tage', en: '7 days' }, { de: '14 Tage', en: '14 days' }, { de: '30 Tage', en: '30 days' }, { de: '90 Tage', en: '90 days' }, { de: '1 Jahr', en: '1 year' }],
  measurementInterval: [same('1 min'), same('5 min'), SHORT, HOUR],
  reviewInterval: [{ de: '6 Monate', en: '6 months' }, { de: '12 Monate', en: '12 months' }],
} as const satisfies Record<string, readonly Localized[]>;

/** What may follow `key:` in a mapping of a schema definition, by `definition.key`. */
const VALUE_SOURCES: Readonly<Record<string, ValueSource>> = {
  'root.drplan': { kind: 'formatVersion' },
  'plan.status': { kind: 'catalog', entries: PLAN_STATUSES },
  'plan.classification': { kind: 'catalog', entries: CLASSIFICATIONS },
  'plan.owner': { kind: 'reference', list: 'contacts' },
  'plan.valid_from': { kind: 'date' },
  'plan.last_review': { kind: 'date' },
  'plan.review_interval': { kind: 'duration', typical: TYPICAL_DURATIONS.reviewInterval },
  'component.kind': { kind: 'catalog', entries: COMPONENT_KINDS },
  'database.strategy': { kind: 'catalog', entries: DATABASE_STRATEGIES },
  'loadBalancing.method': { kind: 'catalog', entries: LOAD_BALANCING_METHODS },
  'measurement.interval': { kind: 'duration', typical: TYPICAL_DURATIONS.measurementInterval },
  'measurement.alert': { kind: 'reference', list: 'contacts' },
  'backup.method': { kind: 'catalog', entries: BACKUP_METHODS },
  'backup.interval': { kind: 'duration', typical: TYPICAL_DURATIONS.backupInterval },
  'backup.retention': { kind: 'duration', typical: TYPICAL_DURATIONS.retention },
  'backup.offsite': { kind: 'boolean' },
  'backup.last_restore_test': { kind: 'date' },
  'scenario.category': { kind: 'catalog', entries: CATEGORIES },
  'scenario.type': { kind: 'scenarioType' },
  'scenario.affects': { kind: 'reference', list: 'components' },
  'scenario.recovery_time': { kind: 'duration', typical: TYPICAL_DURATIONS.recoveryTime },
  'scenario.rto': { kind: 'duration', typical: TYPICAL_DURATIONS.rto },
  'scenario.rpo': { kind: 'duration', typical: TYPICAL_DURATIONS.rpo, backupIntervals: true },
  'scenario.mtpd': { kind: 'duration', typical: TYPICAL_DURATIONS.mtpd },
  'scenario.backup': { kind: 'reference', list: 'backups' },
  'scenario.responsible': { kind: 'reference', list: 'contacts' },
  'recoveryStep.duration': { kind: 'duration', typical: TYPICAL_DURATIONS.stepDuration },
  'recoveryStep.responsible': { kind: 'reference', list: 'contacts' },
  'exercise.date': { kind: 'date' },
  'exercise.kind': { kind: 'catalog', entries: EXERCISE_KINDS },
  'exercise.recovery_time': { kind: 'duration', typical: TYPICAL_DURATIONS.recoveryTime },
  'exercise.data_loss': { kind: 'duration', typical: TYPICAL_DURATIONS.dataLoss },
  'exercise.result': { kind: 'catalog', entries: EXERCISE_RESULTS },
  'historyEntry.date': { kind: 'date' },
};

/** Lists of plain texts whose items the catalog suggests for the scenario's type. */
const STEP_LISTS: Readonly<Record<string, 'prevention' | 'recovery'>> = {
  'scenario.prevention': 'prevention',
  'scenario.recovery': 'recovery',
};

function valueSourceAt(path: readonly (string | number)[], key: string): ValueSource | undefined {
  const definition = definitionAt(path);
  return definition === undefined ? undefined : VALUE_SOURCES[`${definition}.${key}`];
}

// ---------------------------------------------------------------------------------------------
// keys

function keyItems(request: Request): CompletionItem[] {
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
    .map(({ key, required, schema }, index): CompletionItem => {
      const doc = fieldDoc(context.mapPath, key, request.locale);
      const insert = renaming ? { text: key, snippet: false, suggest: false } : keyInsertion(request, definition, key, schema);
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

function shapeOf(schema: SchemaNode): ValueShape {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object')) return 'mapping';
  if (types.includes('array')) {
    const items = resolveSchema(schema.items);
    const item = resolveSchema(items?.then) ?? items;
    return item?.properties ? 'mappings' : 'texts';
  }
  return 'scalar';
}

/** What `key` inserts: `key: `, or the key with an indented block below for sections and lists. */
function keyInsertion(request: Request, definition: string, key: string, schema: SchemaNode): { text: string; snippet: boolean; suggest: boolean } {
  const { column } = request.context;
  const source = VALUE_SOURCES[`${definition}.${key}`];
  if (source?.kind === 'formatVersion') return { text: 'drplan: "1"', snippet: false, suggest: false };
  if (source?.kind === 'reference' && shapeOf(schema) === 'texts') {
    return { text: `${key}: [$1]`, snippet: true, suggest: true };
  }
  switch (shapeOf(schema)) {
    case 'mapping':
      return { text: `${key}:\n${spaces(column + request.layout.indent)}$0`, snippet: true, suggest: true };
    case 'mappings':
    case 'texts':
      return {
        text: `${key}:\n${spaces(column + request.layout.sequenceIndent)}- $1`,
        snippet: true,
        suggest: STEP_LISTS[`${definition}.${key}`] !== undefined || shapeOf(schema) === 'mappings',
      };
    default:
      return { text: `${key}: `, snippet: false, suggest: source !== undefined };
  }
}

// ---------------------------------------------------------------------------------------------
// values

function valueItems(request: Request, key: string): CompletionItem[] {
  const { context } = request;
  const source = valueSourceAt(context.mapPath, key);
  if (!source) return [];
  if (context.inFlowSequence && source.kind !== 'reference') return [];
  switch (source.kind) {
    case 'catalog':
      return catalogItems(request, source.entries);
    case 'scenarioType': {
      const category = context.siblings.get('category') ?? '';
      const types = categoryById(category) ? scenarioTypesOf(category) : SCENARIO_TYPES;
      return catalogItems(request, types);
    }
    case 'reference':
      return referenceItems(request, source.list, key);
    case 'duration':
      return durationItems(request, key, source);
    case 'date':
      return dateItems(request);
    case 'boolean':
      return booleanItems(request);
    case 'formatVersion':
      return [
        {
          label: '"1"',
          kind: CompletionItemKind.Constant,
          detail: request.say(texts.formatVersion),
          ...valueEdit(request, '1', { quote: true }),
        },
      ];
  }
}

/**
 * The edit that writes `value` over the typed prefix: keeps a quote the user opened (and closes
 * it when nothing does), quotes where YAML would misread the value, and puts the blank after a
 * colon typed just now (`key:` + completion must not become `key:value`).
 */
function valueEdit(
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
    const written = options.raw ? value : options.quote ? JSON.stringify(value) : yamlScalar(value);
    newText = options.flowList ? `[${written}]` : written;
    filterText = value;
    if (text[context.replace.start - 1] === ':') newText = ` ${newText}`;
  }
  // Right before a comment (`rto:   |# RTO …`), `8h# RTO …` would be one plain scalar.
  if (request.rest.startsWith('#')) newText = `${newText} `;
  return { textEdit: { range: request.range, newText }, filterText, insertTextFormat: InsertTextFormat.PlainText };
}

function order(index: number): string {
  return String(index).padStart(3, '0');
}

/** "Hardware-Fehler" in German; "Hardware failure (Hardware-Fehler)" in English, so the German term is always there. */
function labelWithGerman(label: Localized, locale: Locale): string {
  if (locale === 'de' || label.en.toLowerCase() === label.de.toLowerCase()) return label[locale];
  return `${label.en} (${label.de})`;
}

function catalogItems(request: Request, entries: readonly CatalogEntry[]): CompletionItem[] {
  return entries.map((entry, index) => ({
    label: entry.id,
    kind: CompletionItemKind.EnumMember,
    labelDetails: { description: labelWithGerman(entry.label, request.locale) },
    detail: labelWithGerman(entry.label, request.locale),
    documentation: markdown(`**${request.say(entry.label)}**\n\n${request.say(entry.explanation)}`),
    sortText: order(index),
    ...valueEdit(request, entry.id),
  }));
}

interface Referenced {
  readonly id: string;
  readonly detail: string | undefined;
}

function referenceItems(request: Request, list: 'contacts' | 'components' | 'backups', key: string): CompletionItem[] {
  const { context } = request;
  // `affects: [a, |` and `affects:\n  - |` must not offer what is listed already.
  const listed = new Set(context.inFlowSequence ? flowListItems(request) : []);
  const flowList = key === 'affects' && !context.inFlowSequence;
  return referencedItems(request, list)
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

/** The ids of a list of the plan, with a name to show: from the (possibly older) analysis. */
function referencedItems(request: Request, list: 'contacts' | 'components' | 'backups'): Referenced[] {
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
  } else {
    for (const backup of model.backups) add(backup.id?.value, backupWhat(request, backup.node));
  }
  return result;
}

/** A backup's `what`, its name for people (the model keeps ids and durations only). */
function backupWhat(request: Request, node: unknown): string | undefined {
  const analysis = request.analysis;
  if (!analysis || !isMap(node)) return undefined;
  const what = analysis.yaml.entries(node).get('what')?.value;
  return isScalar(what) && typeof what.value === 'string' ? what.value : undefined;
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
    .map((item) => unquote(item.trim()))
    .filter((item) => item !== '');
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

function durationItems(request: Request, key: string, source: { typical: readonly Localized[]; backupIntervals?: boolean }): CompletionItem[] {
  const { context, locale } = request;
  const doc = fieldDoc(context.mapPath, key, locale);
  const explanation = doc ? `**${doc.title}**: ${doc.description}` : '';
  const items: CompletionItem[] = [];
  const offered = new Set<number>();

  const add = (written: string, minutes: number, description: string, documentation: string) => {
    offered.add(minutes);
    items.push({
      label: written,
      kind: CompletionItemKind.Value,
      labelDetails: { description },
      detail: description,
      documentation: markdown(`${documentation}${explanation ? `\n\n${explanation}` : ''}`),
      sortText: order(items.length),
      // `0` as the number, as authors write it
      ...valueEdit(request, written, { raw: written === '0' }),
    });
  };

  if (source.backupIntervals) {
    // The RPO can be no shorter than the interval of the backup that restores the data.
    for (const { written, minutes, ids } of backupIntervals(request)) {
      const description = request.say(texts.backupInterval(ids));
      add(written, minutes, description, `${formatDuration(minutes, locale)} · ${description}`);
    }
  }
  for (const typical of source.typical) {
    const written = typical[locale];
    const parsed = parseDuration(written);
    if (!parsed.ok || offered.has(parsed.minutes)) continue;
    const spelled = formatDuration(parsed.minutes, locale);
    add(written, parsed.minutes, spelled, spelled);
  }
  return items;
}

/** The intervals of the plan's backups, the one the scenario names first; equal intervals merged. */
function backupIntervals(request: Request): { written: string; minutes: number; ids: string[] }[] {
  const named = request.context.siblings.get('backup');
  const backups = [...(request.analysis?.model.backups ?? [])].sort(
    (a, b) => Number(b.id?.value === named) - Number(a.id?.value === named),
  );
  const byMinutes = new Map<number, { written: string; minutes: number; ids: string[] }>();
  for (const backup of backups) {
    const minutes = backup.interval?.minutes;
    const id = backup.id?.value;
    if (minutes === undefined || id === undefined) continue;
    const known = byMinutes.get(minutes);
    if (known) known.ids.push(id);
    else byMinutes.set(minutes, { written: String(backup.interval?.value), minutes, ids: [id] });
  }
  return [...byMinutes.values()];
}

function dateItems(request: Request): CompletionItem[] {
  const today = (request.options.today ?? new Date()).toISOString().slice(0, 10);
  return [
    {
      label: today,
      kind: CompletionItemKind.Value,
      labelDetails: { description: request.say(texts.today) },
      detail: request.say(texts.today),
      ...valueEdit(request, today),
    },
  ];
}

function booleanItems(request: Request): CompletionItem[] {
  return [
    { value: 'true', word: texts.yes, meaning: texts.offsiteTrue },
    { value: 'false', word: texts.no, meaning: texts.offsiteFalse },
  ].map(({ value, word, meaning }, index) => ({
    label: value,
    kind: CompletionItemKind.Keyword,
    labelDetails: { description: request.say(word) },
    detail: request.say(word),
    documentation: markdown(request.say(meaning)),
    sortText: order(index),
    ...valueEdit(request, value, { raw: true }),
  }));
}

// ---------------------------------------------------------------------------------------------
// items of plain lists: `affects:` and the catalog's steps under `prevention:` / `recovery:`

function listItemValues(request: Request): CompletionItem[] {
  const { context } = request;
  const path = context.mapPath;
  const index = path[path.length - 1];
  const listKey = path[path.length - 2];
  if (!context.startsItem || typeof index !== 'number' || typeof listKey !== 'string' || context.siblings.size > 0) return [];
  const ownerPath = path.slice(0, -2);
  const definition = definitionAt(ownerPath);
  if (definition === undefined) return [];
  const listed = new Set(blockListItems(request));
  if (`${definition}.${listKey}` === 'scenario.affects') {
    return referencedItems(request, 'components')
      .filter((item) => !listed.has(item.id))
      .map((item, position): CompletionItem => ({
        label: item.id,
        kind: CompletionItemKind.Reference,
        sortText: `0${order(position)}`,
        ...(item.detail ? { detail: item.detail, labelDetails: { description: item.detail } } : {}),
        ...valueEdit(request, item.id),
      }));
  }
  const which = STEP_LISTS[`${definition}.${listKey}`];
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
    const item = unquote(text.trimStart().slice(1).replace(/\s+#.*$/, '').trim());
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

// ---------------------------------------------------------------------------------------------
// whole scenarios from the catalog

interface ScenarioSlot {
  /** Written before `id:` (the dash, and blanks up to the list's column). */
  readonly lead: string;
  /** The column of the scenario's keys. */
  readonly keyColumn: number;
}

/** Where a new scenario would go, when the cursor is at an item position of `scenarios`. */
function scenarioSlot(request: Request): ScenarioSlot | undefined {
  const { context } = request;
  const path = context.mapPath;
  // Only on an otherwise empty line: the template must not swallow what follows the cursor.
  if (request.rest.trim() !== '') return undefined;
  // `  - |` on a new item of the list
  if (context.startsItem && path.length === 2 && path[0] === 'scenarios' && typeof path[1] === 'number') {
    return context.siblings.size === 0 ? { lead: '', keyColumn: context.column } : undefined;
  }
  if (context.startsItem) return undefined;
  const owner = scenariosKeyAbove(request);
  if (owner === undefined) return undefined;
  const itemColumn = scenarioDashColumn(request, owner) ?? owner.column + request.layout.sequenceIndent;
  // An empty line (or a lone `-`) at the column of the list's items (in the compact style, the
  // column of `scenarios:` itself, where a top-level key could go as well)
  const inList = (path.length === 1 && path[0] === 'scenarios') || itemColumn === owner.column;
  if (inList && context.column === itemColumn) {
    return { lead: '- ', keyColumn: itemColumn + 2 };
  }
  // The line right after `scenarios:`, not (or not fully) indented yet
  if (owner.line === previousStructuralLine(request) && context.column <= itemColumn) {
    return { lead: `${spaces(itemColumn - context.column)}- `, keyColumn: itemColumn + 2 };
  }
  return undefined;
}

/** The top-level `scenarios:` key line above the cursor, if it opens a block list. */
function scenariosKeyAbove(request: Request): { line: number; column: number } | undefined {
  for (let i = request.lineIndex - 1; i >= 0; i--) {
    if (request.lines.indent(i) !== 0 || request.lines.charAfterIndent(i) === '-') continue; // quick: no substring
    const text = request.lines.text(i);
    if (/^scenarios\s*:\s*(#.*)?$/.test(text)) return { line: i, column: 0 };
    return undefined; // another top-level key
  }
  return undefined;
}

function previousStructuralLine(request: Request): number | undefined {
  for (let i = request.lineIndex - 1; i >= 0; i--) {
    if (request.lines.indent(i) >= 0) return i;
  }
  return undefined;
}

/** The column of the dashes of the existing scenarios (not counting the cursor's line). */
function scenarioDashColumn(request: Request, owner: { line: number }): number | undefined {
  for (let i = owner.line + 1; i < request.lines.length; i++) {
    if (i === request.lineIndex) continue;
    const text = request.lines.text(i);
    if (isBlankOrComment(text)) continue;
    const trimmed = text.trimStart();
    return /^-(\s|$)/.test(trimmed) ? text.length - trimmed.length : undefined;
  }
  return undefined;
}

function scenarioItems(request: Request): CompletionItem[] {
  const slot = scenarioSlot(request);
  if (!slot) return [];
  const { locale, context } = request;
  const scenarios = request.analysis?.model.scenarios ?? [];
  const usedIds = new Set(scenarios.map((scenario) => scenario.id?.value).filter((id): id is string => id !== undefined));
  const coveredBy = (type: string) =>
    scenarios.filter((scenario) => scenario.type?.value === type).map((scenario) => scenario.id?.value ?? '?');
  const backupIds = (request.analysis?.model.backups ?? [])
    .map((backup) => backup.id?.value)
    .filter((id): id is string => id !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(id));
  // A lone `-` typed so far is part of what the item replaces.
  const filterLead = context.prefix.startsWith('-') ? '- ' : '';

  return SCENARIO_TYPES.map((type, index): CompletionItem => {
    const category = categoryById(type.category);
    const covered = coveredBy(type.id);
    const label = request.say(texts.scenario(request.say(type.label)));
    const documentation = [
      `**${request.say(type.label)}**${category ? ` · ${labelWithGerman(category.label, locale)}` : ''}`,
      request.say(type.explanation),
      `**${request.say(texts.prevention)}:**\n${type.prevention.map((step) => `- ${step}`).join('\n')}`,
      `**${request.say(texts.recovery)}:**\n${type.recovery.map((step) => `- ${step}`).join('\n')}`,
      ...(covered.length > 0 ? [`_${request.say(texts.alreadyCovered(covered))}_`] : []),
    ];
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: category ? request.say(texts.scenarioDetail(category.label)) : undefined,
      labelDetails: { description: type.id },
      documentation: markdown(documentation.join('\n\n')),
      // scenarios the plan lacks first, in catalog order
      sortText: `0${covered.length > 0 ? 1 : 0}${order(index)}`,
      filterText: `${filterLead}${label} ${type.id}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: request.range, newText: slot.lead + scenarioSnippet(type, slot.keyColumn, request.layout, usedIds, backupIds) },
    };
  });
}

/** A scenario of the type, from `id:` on, with the catalog's steps and tab stops for the durations. */
function scenarioSnippet(type: ScenarioType, keyColumn: number, layout: Layout, usedIds: ReadonlySet<string>, backupIds: readonly string[]): string {
  const key = spaces(keyColumn);
  const item = `${spaces(keyColumn + layout.sequenceIndent)}- `;
  let id = type.id;
  for (let n = 2; usedIds.has(id); n++) id = `${type.id}-${n}`;
  // The title is German whatever the editor's language: it is the plan document's.
  const title = type.label.de;
  const lines = [
    `id: \${1:${id}}`,
    `${key}category: ${type.category}`,
    `${key}type: ${type.id}`,
    `${key}title: ${snippetText(yamlScalar(title))}`,
    `${key}prevention:`,
    ...type.prevention.map((step) => `${item}${snippetText(yamlScalar(step))}`),
    `${key}recovery:`,
    ...type.recovery.map((step) => `${item}${snippetText(yamlScalar(step))}`),
    `${key}recovery_time: \${2:4h}`,
    `${key}rto: \${3:8h}`,
    `${key}rpo: \${4:${type.losesData ? '4h' : '0'}}`,
  ];
  if (type.losesData && backupIds.length > 0) lines.push(`${key}backup: \${5|${backupIds.join(',')}|}`);
  return `${lines.join('\n')}$0`;
}
