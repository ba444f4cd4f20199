import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from './codeActionKinds';
import type { Analysis } from '../analysis';
import { categoryById, scenarioTypeById, type ScenarioType } from '../catalog';
import { say, type Message } from '../i18n/messages';
import type { DiagnosticCode, Locale } from '../types';
import type { Finding } from '../validate/diagnostic';
import {
  appendToList,
  blockEntryLines,
  blockLayoutOf,
  fillEmptyValue,
  insertIntoMapping,
  lineEndingOf,
  nodeAtPointer,
  ownPair,
  replacementText,
  toTextEdits,
  type BlockLayout,
  type LineEnding,
  type OffsetEdit,
  type YamlEntry,
} from './edits';
import { mappingKindOf, placeholderEntries, scenarioSkeleton, uniqueId, type PlaceholderContext } from './placeholders';

/**
 * Quick fixes for drplan's diagnostics. Each fix is chosen by the diagnostic's `code` and the
 * facts in its `data` (never by its message, which is in the user's language), and is a minimal
 * text edit: see ./edits.ts.
 *
 * | code | fix |
 * | --- | --- |
 * | missing-field | insert the field with a placeholder; all missing fields of that mapping |
 * | unknown-field | rename the key to the closest known one |
 * | invalid-value | the closest enumeration value; `drplan: 1` → `"1"`; `ja`/`nein` → true/false |
 * | unknown-reference | the closest defined id |
 * | invalid-duration | the one clear repair (`30m` → `30 min`) |
 * | category-mismatch | set `category` to the category of the scenario's type |
 * | missing-scenario | insert a scenario skeleton from the catalog; all missing scenarios |
 *
 * Besides, for each of these codes but the two insertions, one action fixes every such finding of
 * the document, and a `source.fixAll.drplan` action applies the fixes that need no judgement
 * (renamed keys, enumeration values, durations), e.g. on save.
 */

/** The kind of the action that applies every unambiguous fix (`editor.codeActionsOnSave`). */
export { FIX_ALL_KIND };

export interface CodeActionOptions {
  /** The document's URI, the key of the workspace edit. */
  readonly uri: string;
  /** The kinds the client asks for (LSP `context.only`); all when absent. */
  readonly only?: readonly string[];
  /** Today, for the placeholder of a date; default the current day. */
  readonly today?: Date;
  /** Told about a bug met while computing the actions (which then are none): for a log. */
  readonly onError?: (error: unknown) => void;
}

/** A fix before it becomes an LSP action: a title in both languages and edits in offsets. */
interface Fix {
  readonly title: Message;
  readonly edits: readonly OffsetEdit[];
  readonly findings: readonly Finding[];
  readonly preferred: boolean;
}

/** Codes with a single obvious fix that one action may apply to the whole document. */
const FIX_EVERY: Partial<Record<DiagnosticCode, Message>> = {
  'unknown-field': { de: 'Alle unbekannten Felder umbenennen', en: 'Rename all unknown fields' },
  'invalid-value': { de: 'Alle ungültigen Werte korrigieren', en: 'Fix all invalid values' },
  'invalid-duration': { de: 'Alle ungültigen Dauern korrigieren', en: 'Fix all invalid durations' },
  'unknown-reference': { de: 'Alle unbekannten Verweise korrigieren', en: 'Fix all unknown references' },
  'category-mismatch': { de: 'Alle Kategorien passend zum Typ setzen', en: 'Set every category to match its type' },
};

/**
 * What `source.fixAll.drplan` applies without asking: fixes of a typo or a spelling, never a
 * guess about the plan's content (a reference, a category, a placeholder value).
 */
const FIX_ALL_CODES: ReadonlySet<DiagnosticCode> = new Set(['unknown-field', 'invalid-value', 'invalid-duration']);

const FIX_ALL_TITLE: Message = { de: 'Alle eindeutigen Korrekturen anwenden (drplan)', en: 'Apply all unambiguous fixes (drplan)' };

/**
 * The code actions for `diagnostics` (the client's, for `range`) of one document version.
 * Diagnostics of another version, which no finding of this analysis matches, get none. Never
 * throws: a plan too broken to fix gets no action.
 */
export function codeActions(
  analysis: Analysis,
  range: Range,
  diagnostics: readonly Diagnostic[],
  locale: Locale,
  options: CodeActionOptions,
): CodeAction[] {
  try {
    return collectActions(analysis, range, diagnostics, locale, options);
  } catch (error) {
    options.onError?.(error);
    return [];
  }
}

function collectActions(analysis: Analysis, range: Range, diagnostics: readonly Diagnostic[], locale: Locale, options: CodeActionOptions): CodeAction[] {
  const wantsQuickFix = wants(options.only, CodeActionKind.QuickFix);
  const wantsFixAll = wants(options.only, FIX_ALL_KIND);
  if (!wantsQuickFix && !wantsFixAll) return [];
  const context = new FixContext(analysis, locale, options);
  const actions: CodeAction[] = [];
  const add = (fix: Fix | undefined, kind: string, shown: readonly Diagnostic[]) => {
    if (!fix || fix.edits.length === 0) return;
    const title = say(fix.title, locale);
    const edits = toTextEdits(analysis.yaml.index, fix.edits);
    // The same fix reached from several diagnostics (all missing fields of one mapping) is one action.
    const same = actions.find((action) => action.title === title && action.kind === kind && sameEdits(action, options.uri, edits));
    if (same) {
      for (const diagnostic of shown) if (!same.diagnostics?.includes(diagnostic)) same.diagnostics?.push(diagnostic);
      return;
    }
    const action: CodeAction = { title, kind, diagnostics: [...shown], edit: { changes: { [options.uri]: edits } } };
    if (fix.preferred) action.isPreferred = true;
    actions.push(action);
  };

  if (wantsQuickFix) {
    const matched = context.match(range, diagnostics);
    const codes = new Set<DiagnosticCode>();
    for (const { finding, shown } of matched) {
      for (const fix of fixesFor(finding, context)) add(fix, CodeActionKind.QuickFix, shown);
      if (FIX_EVERY[finding.code]) codes.add(finding.code);
    }
    for (const code of codes) {
      const fixes = context.findingsOf(code).flatMap((finding) => fixesFor(finding, context).filter((fix) => fix.preferred).slice(0, 1));
      if (fixes.length < 2) continue;
      add(combine(FIX_EVERY[code] as Message, fixes), CodeActionKind.QuickFix, context.shownFor(fixes));
    }
  }

  if (wantsFixAll) {
    const fixes = context.analysis.findings
      .filter((finding) => FIX_ALL_CODES.has(finding.code))
      .flatMap((finding) => fixesFor(finding, context).filter((fix) => fix.preferred).slice(0, 1));
    if (fixes.length > 0) add(combine(FIX_ALL_TITLE, fixes), FIX_ALL_KIND, context.shownFor(fixes));
  }
  return actions;
}

function sameEdits(action: CodeAction, uri: string, edits: readonly TextEdit[]): boolean {
  return JSON.stringify(action.edit?.changes?.[uri]) === JSON.stringify(edits);
}

/** Whether an action of `kind` is among the kinds asked for (`quickfix` asks for `quickfix.x`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((asked) => asked === kind || asked === '' || kind.startsWith(`${asked}.`));
}

/** One fix made of many; never preferred, since it changes more than the spot at hand. */
function combine(title: Message, fixes: readonly Fix[]): Fix {
  return { title, edits: fixes.flatMap((fix) => fix.edits), findings: fixes.flatMap((fix) => fix.findings), preferred: false };
}

/** What every fix of one request shares, computed once and only when a fix needs it. */
class FixContext {
  readonly text: string;
  readonly eol: LineEnding;
  readonly placeholders: PlaceholderContext;
  private layoutCache: BlockLayout | undefined;
  private rendered: readonly Diagnostic[] | undefined;
  private readonly byCode = new Map<DiagnosticCode, Finding[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly analysis: Analysis,
    private readonly locale: Locale,
    private readonly options: CodeActionOptions,
  ) {
    this.text = analysis.text;
    this.eol = lineEndingOf(analysis.text);
    this.placeholders = { yaml: analysis.yaml, model: analysis.model, today: options.today ?? new Date() };
  }

  /** A fix shared by several findings (all missing scenarios, all missing fields of a mapping), built once. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  get layout(): BlockLayout {
    this.layoutCache ??= blockLayoutOf(this.analysis.yaml);
    return this.layoutCache;
  }

  /** The diagnostics of this analysis, in the order of its findings (cached by the analysis). */
  get diagnostics(): readonly Diagnostic[] {
    this.rendered ??= this.analysis.diagnostics(this.locale, this.options.uri);
    return this.rendered;
  }

  findingsOf(code: DiagnosticCode): readonly Finding[] {
    let found = this.byCode.get(code);
    if (!found) {
      found = this.analysis.findings.filter((finding) => finding.code === code);
      this.byCode.set(code, found);
    }
    return found;
  }

  /**
   * The findings behind the client's diagnostics: same code, same range, and the same `field` and
   * `type` where the client kept `data`. Without diagnostics from the client (some clients send
   * none), the findings whose range touches `range`.
   */
  match(range: Range, diagnostics: readonly Diagnostic[]): { finding: Finding; shown: Diagnostic[] }[] {
    const result = new Map<Finding, Diagnostic[]>();
    const rendered = this.diagnostics;
    const findings = this.analysis.findings;
    if (diagnostics.length === 0) {
      findings.forEach((finding, i) => {
        const diagnostic = rendered[i] as Diagnostic;
        if (touches(diagnostic.range, range)) result.set(finding, [diagnostic]);
      });
    }
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code === undefined ? undefined : String(diagnostic.code);
      findings.forEach((finding, i) => {
        if (finding.code !== code || !sameRange((rendered[i] as Diagnostic).range, diagnostic.range)) return;
        if (!sameData(diagnostic.data, finding)) return;
        const shown = result.get(finding) ?? [];
        shown.push(diagnostic);
        result.set(finding, shown);
      });
    }
    return [...result].map(([finding, shown]) => ({ finding, shown }));
  }

  /** The diagnostics a combined fix resolves, as this server published them. */
  shownFor(fixes: readonly Fix[]): Diagnostic[] {
    const findings = new Set(fixes.flatMap((fix) => fix.findings));
    return this.analysis.findings.flatMap((finding, i) => (findings.has(finding) ? [this.diagnostics[i] as Diagnostic] : []));
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether the `data` a client sent back names the same field and scenario type as the finding. */
function sameData(data: unknown, finding: Finding): boolean {
  if (data === null || typeof data !== 'object') return true;
  const sent = data as Record<string, unknown>;
  return ['field', 'type', 'path'].every((key) => sent[key] === undefined || sent[key] === finding.data?.[key]);
}

// ---------------------------------------------------------------------------
// the fixes, by code

function fixesFor(finding: Finding, context: FixContext): Fix[] {
  switch (finding.code) {
    case 'missing-field':
      return missingField(finding, context);
    case 'unknown-field':
      return optional(renameField(finding, context));
    case 'invalid-value':
      return optional(replaceInvalidValue(finding, context));
    case 'unknown-reference':
    case 'invalid-duration':
      return optional(replaceBySuggestion(finding, context));
    case 'category-mismatch':
      return optional(setCategory(finding, context));
    case 'missing-scenario':
      return missingScenario(finding, context);
    default:
      return [];
  }
}

function optional(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

function dataString(finding: Finding, key: string): string | undefined {
  const value = finding.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** `„x“` in German, `'x'` in English; text that brings its own quotes (`"1"`) keeps them. */
function quoted(value: string): Message {
  return /^["']/.test(value) ? { de: value, en: value } : { de: `„${value}“`, en: `'${value}'` };
}

function replaceWith(value: string): Message {
  const v = quoted(value);
  return { de: `Durch ${v.de} ersetzen`, en: `Replace with ${v.en}` };
}

/** unknown-field: the key → the closest known key, unless the mapping already has that key. */
function renameField(finding: Finding, context: FixContext): Fix | undefined {
  const suggestion = dataString(finding, 'suggestion');
  const path = dataString(finding, 'path');
  if (!suggestion || path === undefined) return undefined;
  const target = nodeAtPointer(context.analysis.yaml, path);
  if (!target || !isMap(target.value) || ownPair(target.value, suggestion)) return undefined;
  const v = quoted(suggestion);
  return {
    title: { de: `In ${v.de} umbenennen`, en: `Rename to ${v.en}` },
    edits: [{ ...finding.span, text: replacementText(context.text, finding.span, suggestion) }],
    findings: [finding],
    preferred: true,
  };
}

/** Words that mean yes or no, for a boolean written in words (`offsite: ja`) or quoted (`"true"`). */
const BOOLEAN_WORDS: Readonly<Record<string, 'true' | 'false'>> = {
  true: 'true',
  false: 'false',
  ja: 'true',
  yes: 'true',
  wahr: 'true',
  nein: 'false',
  no: 'false',
  falsch: 'false',
};

/** invalid-value: the closest allowed value; a boolean written in words; the quoted format version. */
function replaceInvalidValue(finding: Finding, context: FixContext): Fix | undefined {
  const expected = finding.data?.expected;
  if (Array.isArray(expected) && expected.length === 1 && expected[0] === 'boolean') {
    const written = context.text.slice(finding.span.start, finding.span.end).replace(/^["']|["']$/g, '').trim().toLowerCase();
    const value = BOOLEAN_WORDS[written];
    if (!value) return undefined;
    return { title: replaceWith(value), edits: [{ ...finding.span, text: value }], findings: [finding], preferred: true };
  }
  return replaceBySuggestion(finding, context);
}

/** Replaces the value at the finding by `data.suggestion`, keeping the value's quotes. */
function replaceBySuggestion(finding: Finding, context: FixContext): Fix | undefined {
  const suggestion = dataString(finding, 'suggestion');
  if (suggestion === undefined || finding.span.end <= finding.span.start) return undefined;
  const replacement = replacementText(context.text, finding.span, suggestion);
  // Quotes the author did not write are part of the fix (`drplan: "1"`), so the title shows them.
  const wasQuoted = /^["']/.test(context.text.slice(finding.span.start, finding.span.end));
  const titleValue = replacement.startsWith('"') && !wasQuoted ? replacement : suggestion;
  return { title: replaceWith(titleValue), edits: [{ ...finding.span, text: replacement }], findings: [finding], preferred: true };
}

/** category-mismatch (at the `type` value): set the scenario's own `category` to its type's. */
function setCategory(finding: Finding, context: FixContext): Fix | undefined {
  const category = categoryById(dataString(finding, 'category') ?? '');
  if (!category) return undefined;
  const scenario = context.analysis.model.scenarios.find((s) => s.type?.start === finding.span.start && s.type.end === finding.span.end);
  if (!scenario || !ownPair(scenario.node, 'type')) return undefined;
  const pair = ownPair(scenario.node, 'category');
  const value = pair?.value;
  if (!value || !isScalar(value) || !value.range || value.range[1] <= value.range[0]) return undefined;
  const span = { start: value.range[0], end: value.range[1] };
  const v = quoted(category.id);
  return {
    title: {
      de: `Kategorie auf ${v.de} (${category.label.de}) setzen`,
      en: `Set category to ${v.en} (${category.label.en})`,
    },
    edits: [{ ...span, text: replacementText(context.text, span, category.id) }],
    findings: [finding],
    preferred: true,
  };
}

// ---------------------------------------------------------------------------
// missing-field

function missingField(finding: Finding, context: FixContext): Fix[] {
  const field = dataString(finding, 'field');
  const path = dataString(finding, 'path');
  if (!field || path === undefined) return [];
  const kind = mappingKindOf(path);
  if (!kind) return [];
  const yaml = context.analysis.yaml;
  const blankDocument = path === '' && isBlankDocument(context.analysis);
  let map: YAMLMap | undefined;
  if (!blankDocument) {
    const target = nodeAtPointer(yaml, path);
    if (!target?.own || !isMap(target.value)) return [];
    map = target.value;
  }
  const insert = (entries: YamlEntry[]): OffsetEdit[] => {
    if (entries.length === 0) return [];
    if (blankDocument) return insertIntoBlankDocument(context, entries);
    const edit = insertIntoMapping(yaml, map as YAMLMap, entries, context.layout, context.eol);
    return edit ? [edit] : [];
  };

  const fixes: Fix[] = [];
  const v = quoted(field);
  fixes.push({
    title: { de: `Pflichtfeld ${v.de} einfügen`, en: `Insert required field ${v.en}` },
    edits: insert(placeholderEntries(kind, map, [field], context.placeholders)),
    findings: [finding],
    preferred: false,
  });
  const all = context.memo(`missing-field ${path}`, (): Fix | undefined => {
    const siblings = context.findingsOf('missing-field').filter((other) => dataString(other, 'path') === path);
    const fields = [...new Set(siblings.map((other) => dataString(other, 'field') as string))];
    if (fields.length < 2) return undefined;
    const entries = placeholderEntries(kind, map, fields, context.placeholders);
    const names = entries.map((e) => e.key).join(', ');
    return {
      title: blankDocument
        ? { de: 'Grundgerüst eines Notfallplans einfügen', en: 'Insert the skeleton of a DR plan' }
        : { de: `Alle fehlenden Pflichtfelder einfügen (${names})`, en: `Insert all missing required fields (${names})` },
      edits: insert(entries),
      findings: siblings,
      preferred: false,
    };
  });
  if (all) fixes.push(all);
  return fixes.filter((fix) => fix.edits.length > 0);
}

/** A document without content (empty, only comments, or a lone `~`). */
function isBlankDocument(analysis: Analysis): boolean {
  const root = analysis.yaml.root;
  return root == null || (isScalar(root) && (root.value === null || root.value === ''));
}

/** The top-level keys of a new plan: in place of a lone `~`, or after whatever comments there are. */
function insertIntoBlankDocument(context: FixContext, entries: readonly YamlEntry[]): OffsetEdit[] {
  const { text, eol } = context;
  const lines = blockEntryLines(entries, 0, context.layout).join(eol);
  const root = context.analysis.yaml.root;
  if (root?.range && root.range[1] > root.range[0]) return [{ start: root.range[0], end: root.range[1], text: lines }];
  const separator = text.length > 0 && !text.endsWith('\n') ? eol : '';
  return [{ start: text.length, end: text.length, text: `${separator}${lines}${eol}` }];
}

// ---------------------------------------------------------------------------
// missing-scenario

function missingScenario(finding: Finding, context: FixContext): Fix[] {
  const type = scenarioTypeById(dataString(finding, 'type') ?? '');
  if (!type) return [];
  const fixes: Fix[] = [];
  const one = insertScenarios(context, [type]);
  if (one.length > 0) {
    fixes.push({
      title: { de: `Szenario „${type.label.de}“ einfügen`, en: `Insert scenario '${type.label.en}'` },
      edits: one,
      findings: [finding],
      preferred: false,
    });
  }
  const all = context.memo('missing-scenario', (): Fix | undefined => {
    const findings = context.findingsOf('missing-scenario');
    const types = findings.flatMap((other) => {
      const t = scenarioTypeById(dataString(other, 'type') ?? '');
      return t ? [t] : [];
    });
    if (types.length < 2) return undefined;
    return {
      title: { de: 'Alle fehlenden Szenarien einfügen', en: 'Insert all missing scenarios' },
      edits: insertScenarios(context, types),
      findings,
      preferred: false,
    };
  });
  if (all && one.length > 0) fixes.push(all);
  return fixes;
}

/** Skeletons for `types` at the end of the `scenarios` list, in the list's style. */
function insertScenarios(context: FixContext, types: readonly ScenarioType[]): OffsetEdit[] {
  const { yaml, model } = context.analysis;
  const root = yaml.root;
  if (!isMap(root)) return [];
  const pair = ownPair(root, 'scenarios');
  if (!pair) return [];
  const taken = new Set(model.scenarios.flatMap((s) => (s.id ? [s.id.value] : [])));
  const items = types.map((type) => scenarioSkeleton(type, uniqueId(type.id, taken)));
  const value: Node | null = pair.value;
  if (isSeq(value) && value.items.some((item) => item != null)) {
    const edit = appendToList(yaml, value, items, context.layout, context.eol);
    return edit ? [edit] : [];
  }
  const empty = value == null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null);
  if (!empty) return [];
  return fillEmptyValue(yaml, pair.key, value, items, context.layout, context.eol, root.flow === true);
}
