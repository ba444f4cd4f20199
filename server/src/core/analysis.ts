import { todayInDays } from './date';
import { messages } from './i18n/messages';
import { DEFAULT_MAX_FILE_SIZE, formatMegabytes, formatSizeOver, sizeAbove } from './limits';
import { buildPlanModel, moveSpans, type ModelReuse } from './model/build';
import type { ItemModel, PlanModel } from './model/plan';
import { readAsUtf16 } from './parse/encoding';
import { moveLaterItems, patchYaml, type UnmovedLaterItems, type YamlPatch } from './parse/incremental';
import { toPlainValue, type ItemValues } from './parse/toValue';
import { YamlDocument } from './parse/yamlDocument';
import type { Locale, PlanDiagnostic } from './types';
import type { Finding } from './validate/diagnostic';
import { newGeneration, renderDiagnostics, type VersionEdit } from './validate/renderedDiagnostics';
import type { TextIndex } from './text';
import { checkRules } from './validate';
import { scenarioAt, type RuleMemory, type ScenarioEdit } from './validate/ruleEngine';
import { atEmptyValue } from './validate/emptyValue';
import { schemaFindings, type SchemaMemory } from './validate/schemaMemory';
import { yamlProblems } from './validate/yamlProblems';

export interface AnalyzeOptions {
  /** Language of the messages; default English, as for any LSP client that does not ask. */
  readonly locale?: Locale;
  /** Today's date (YYYY-MM-DD or a Date); checks of overdue reviews depend on it. */
  readonly today?: Date;
  /** The document's URI, for related information. */
  readonly uri?: string;
  /**
   * Texts larger than this many bytes of UTF-8 are not parsed: one diagnostic says so (default
   * DEFAULT_MAX_FILE_SIZE; Infinity for none). Parsing costs about half a second per megabyte.
   */
  readonly maxFileSize?: number;
  /**
   * The size in bytes of what `text` was read from, when a reader knows it (the CLI: a file's);
   * then compared with maxFileSize instead of the text's own size, and `text` may be only the
   * beginning of a file too large to read whole.
   */
  readonly size?: number;
  /**
   * Where the first character stands that a reader had to replace with U+FFFD, and the byte it
   * could not read: the CLI reads files as UTF-8 and reports that here (an editor decodes for us).
   */
  readonly invalidUtf8?: { readonly offset: number; readonly byteOffset: number; readonly byte: number };
}

/**
 * Everything drplan knows about one version of a plan: the YAML, the model and the findings.
 * Built once per document version; every feature (diagnostics, completion, hover, preview)
 * reads from it instead of parsing again.
 */
export interface Analysis {
  readonly text: string;
  readonly yaml: YamlDocument;
  readonly model: PlanModel;
  /** Language-neutral findings; `diagnostics` renders them in a language. */
  readonly findings: readonly Finding[];
  /**
   * Set when the text was too large to be parsed (AnalyzeOptions.maxFileSize): the YAML and model
   * are then empty, and the one finding says so. Front ends offer no features on such a text.
   */
  readonly tooLarge?: { readonly size: number; readonly limit: number };
  diagnostics(locale: Locale, uri?: string): PlanDiagnostic[];
  /**
   * Moves what the analysis of a keystroke left to move: the offsets in the YAML and the model of
   * the items after the edit, which its diagnostics do not need (their findings moved already).
   * Reading `yaml` or `model` does it first, and so does the next keystroke's analysis unless it
   * takes the moves over (an edit in the same item); a server calls it in a pause of typing.
   */
  settle(): void;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const size = options.size === undefined ? sizeAbove(text, limit) : options.size > limit ? options.size : undefined;
  if (size !== undefined) return tooLargeToParse(text, size, limit, options);
  // One finding says what to do; read as YAML, the text would give several misleading ones.
  if (readAsUtf16(text)) return unparsed(text, { message: messages.utf16, data: { utf16: true } }, options);
  return check(new YamlDocument(text), undefined, { itemValues: new WeakMap() }, options);
}

/**
 * The analysis of a new version of a document, made from the previous version's: where the edit
 * lies inside one item of a top-level list (the usual keystroke), only that item is parsed again
 * and the rest of the tree, model and schema values are taken over; otherwise the whole text is
 * analysed. Either way the result is the same as `analyze(text)`. `previous` must not be used
 * afterwards: its tree now belongs to the new analysis.
 */
export function reanalyze(previous: Analysis, text: string, options: AnalyzeOptions = {}): Analysis {
  if (previous.text === text) return previous;
  if (sizeAbove(text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) !== undefined || readAsUtf16(text)) return analyze(text, options);
  const handed = carried.get(previous);
  // The previous tree and model as they are: what its patch left unmoved this one may take over.
  const kept = handed && previous instanceof VersionAnalysis ? previous.unsettled() : undefined;
  const patch = handed && kept ? patchYaml(kept.yaml, text, handed.later.unmoved()) : undefined;
  if (!patch || !handed || !kept) return analyze(text, options);
  const later = LaterMoves.after(patch, handed.later);
  const schema = { memory: handed.schema, edited: { list: patch.list, index: patch.index, from: patch.from, delta: patch.delta }, settle: later.run };
  const { index, change, delta } = patch;
  const scenarioEdit: ScenarioEdit | undefined =
    patch.list === 'scenarios' ? { index, start: change.start, oldEnd: change.oldEnd, delta, before: scenarioAt(kept.model, index) } : undefined;
  const versionEdit: VersionEdit = { previous: handed.generation, start: change.start, linesAfter: lineStartAfter(patch.yaml.index, change.newEnd), lineDelta: patch.lineDelta };
  return check(
    patch.yaml,
    { previous: kept.model, from: patch.from, delta: patch.delta, moveLater: later.modelItems },
    { itemValues: handed.itemValues, rules: handed.rules, scenarioEdit, schema, later, versionEdit },
    options,
  );
}

/**
 * What the analysis of a keystroke leaves to move (see Analysis.settle): its YAML's later list
 * items and the model items taken over (the model build collects them in `modelItems`), all by
 * `delta` from `from` on. While keystrokes stay in one item, each takes the previous one's moves
 * over and adds its own: the later items are moved once, when something reads them.
 */
class LaterMoves {
  /** Nothing to move: a whole analysis. */
  static readonly NONE = new LaterMoves(undefined, [], 0, 0);

  private done: boolean;

  private constructor(
    private patch: YamlPatch | undefined,
    readonly modelItems: ItemModel[],
    /** In the text before the first of the keystrokes whose moves these are. */
    private readonly from: number,
    private readonly delta: number,
  ) {
    this.done = patch === undefined;
  }

  static after(patch: YamlPatch, previous: LaterMoves): LaterMoves {
    if (!patch.continued) return new LaterMoves(patch, [], patch.from, patch.delta);
    // A continued patch's later items are the previous one's, still where they were before it;
    // they are the new version's to move now (a late settle of the previous version's, queued
    // in the server, must not move them again).
    const from = previous.from;
    const delta = previous.delta + patch.delta;
    previous.release();
    return new LaterMoves(patch, [], from, delta);
  }

  private release(): void {
    this.done = true;
    this.patch = undefined;
    this.modelItems.length = 0;
  }

  /** What the next version's patch may take over, while nothing has moved it. */
  unmoved(): UnmovedLaterItems | undefined {
    const patch = this.patch;
    if (this.done || !patch) return undefined;
    return { list: patch.list, seq: patch.seq, index: patch.index, spanEnd: patch.from + patch.delta, settle: this.run };
  }

  readonly run = (): void => {
    if (this.done) return;
    this.done = true;
    const { from, delta } = this;
    if (this.patch) moveLaterItems(this.patch.laterItems, from, delta);
    this.modelItems.forEach((item) => moveSpans(item, from, delta));
    this.release();
  };
}

/**
 * What an analysis hands on to the next version's: the plain values of unchanged list items, and
 * the scenario rules' findings (validate/ruleEngine.ts).
 */
interface Handed {
  /**
   * What is left to move in its tree and model (Analysis.settle). (The tree itself is read from
   * the analysis: held here, in a WeakMap's value, it kept every version's text alive while its
   * analysis, already in V8's old generation, waited for a full collection: 6 MB more of large
   * objects per young collection at 2,000 scenarios.)
   */
  readonly later: LaterMoves;
  readonly itemValues: ItemValues;
  readonly rules: RuleMemory;
  readonly schema: SchemaMemory;
  /** The generation of its diagnostics' renderings (validate/renderedDiagnostics.ts). */
  readonly generation: number;
}

const carried = new WeakMap<Analysis, Handed>();

function check(
  yaml: YamlDocument,
  reuse: ModelReuse | undefined,
  previous: {
    readonly itemValues: ItemValues;
    readonly rules?: RuleMemory;
    /** The edit, when it lay inside one scenario. */
    readonly scenarioEdit?: ScenarioEdit | undefined;
    readonly schema?: Parameters<typeof schemaFindings>[2];
    /** What the patch left to move (see Analysis.settle); what reads those items moves them first. */
    readonly later?: LaterMoves;
    /** How the text came from the previous version's, for taking its diagnostics over. */
    readonly versionEdit?: VersionEdit;
  },
  options: AnalyzeOptions,
): Analysis {
  const { itemValues } = previous;
  // Values are only carried over for texts without aliases (see ItemValues).
  const carry = yaml.nodeCount === 0;
  const value = toPlainValue(yaml, carry ? itemValues : undefined);
  const model = buildPlanModel(yaml, reuse);
  const today = todayInDays(options.today);
  const later = previous.later ?? LaterMoves.NONE;
  const settle = later.run;
  const rules = checkRules(model, today, previous.rules && { memory: previous.rules, edit: previous.scenarioEdit, settle });
  const schema = schemaFindings(yaml, value, previous.schema);
  const checked: Finding[] = [];
  // forEach, as the loops of every keystroke (validate/ruleEngine.ts).
  schema.forEach(({ finding }) => checked.push(atEmptyValue(finding, yaml.text)));
  rules.findings.forEach((finding) => checked.push(atEmptyValue(finding, yaml.text)));
  // yaml problems taken last: toPlainValue may add alias problems while converting. (Joined
  // without spreading them into arguments: a hostile plan has more than a call takes.)
  const findings = yamlProblems(yaml).concat(checked);
  if (options.invalidUtf8) findings.push(invalidUtf8Finding(options.invalidUtf8));
  findings.sort((a, b) => a.span.start - b.span.start);
  const generation = newGeneration();
  const rendering = { generation, edit: previous.versionEdit };
  const analysis = analysisOf(yaml, model, findings, options, undefined, settle, rendering);
  if (carry) carried.set(analysis, { later, itemValues, rules: rules.memory, schema, generation });
  return analysis;
}

function analysisOf(
  yaml: YamlDocument,
  model: PlanModel,
  findings: readonly Finding[],
  options: AnalyzeOptions,
  tooLarge?: Analysis['tooLarge'],
  settle: () => void = () => undefined,
  rendering: { readonly generation: number; readonly edit?: VersionEdit | undefined } = { generation: newGeneration() },
): Analysis {
  return new VersionAnalysis(yaml, model, findings, options.uri ?? '', settle, rendering, tooLarge);
}

/**
 * An analysis, made with `new`: an object literal with getters is made in V8's old generation
 * at once, and a version's analysis there, dead a keystroke later, would hold its text and tree
 * alive through every young-generation collection until a full one (a 2,000-scenario plan grew
 * by 1.6 MB a keystroke).
 */
class VersionAnalysis implements Analysis {
  readonly text: string;
  readonly tooLarge?: Analysis['tooLarge'];
  private readonly rendered = new Map<string, PlanDiagnostic[]>();

  constructor(
    private readonly document: YamlDocument,
    private readonly planModel: PlanModel,
    readonly findings: readonly Finding[],
    private readonly uri: string,
    readonly settle: () => void,
    private readonly rendering: { readonly generation: number; readonly edit?: VersionEdit | undefined },
    tooLarge: Analysis['tooLarge'] | undefined,
  ) {
    this.text = document.text;
    if (tooLarge) this.tooLarge = tooLarge;
  }

  get yaml(): YamlDocument {
    this.settle();
    return this.document;
  }

  /** The tree and model as they are, for the next version's patch (reanalyze). */
  unsettled(): { readonly yaml: YamlDocument; readonly model: PlanModel } {
    return { yaml: this.document, model: this.planModel };
  }

  get model(): PlanModel {
    this.settle();
    return this.planModel;
  }

  diagnostics(locale: Locale, uri = this.uri): PlanDiagnostic[] {
    const key = `${locale}\u0000${uri}`;
    let diagnostics = this.rendered.get(key);
    if (!diagnostics) {
      diagnostics = renderDiagnostics(this.findings, this.document.index, locale, uri, this.rendering.generation, this.rendering.edit);
      this.rendered.set(key, diagnostics);
    }
    return diagnostics;
  }
}

/** The analysis of a text too large to parse. */
function tooLargeToParse(text: string, size: number, limit: number, options: AnalyzeOptions): Analysis {
  const why = {
    message: messages.fileTooLarge(
      { de: formatSizeOver(size, limit, 'de'), en: formatSizeOver(size, limit, 'en') },
      { de: formatMegabytes(limit, 'de'), en: formatMegabytes(limit, 'en') },
    ),
    data: { tooLarge: true, size, limit },
  };
  return unparsed(text, why, options, options.invalidUtf8 ? [invalidUtf8Finding(options.invalidUtf8)] : [], { size, limit });
}

/**
 * The analysis of a text that is not read as YAML (too large, or UTF-16 read as UTF-8): no YAML,
 * no model, one yaml-syntax finding on the first line that says why, then `more`. (format.md has
 * no code of its own for it, and its codes are a contract; the text is not read as YAML, which
 * yaml-syntax is about.)
 */
function unparsed(
  text: string,
  why: Pick<Finding, 'message' | 'data'>,
  options: AnalyzeOptions,
  more: readonly Finding[] = [],
  tooLarge?: Analysis['tooLarge'],
): Analysis {
  const yaml = YamlDocument.unparsed(text);
  const firstLine = yaml.index.restOfLine(0);
  const finding: Finding = { code: 'yaml-syntax', span: { start: 0, end: Math.max(1, Math.min(firstLine.end, 200)) }, ...why };
  return analysisOf(yaml, buildPlanModel(yaml), [finding, ...more], options, tooLarge);
}

/** The offset of the first line that starts after `offset`: from there on, lines moved whole. */
function lineStartAfter(index: TextIndex, offset: number): number {
  const starts = index.lineStarts;
  let low = 0;
  for (let high = starts.length; low < high; ) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= offset) low = middle + 1;
    else high = middle;
  }
  return low < starts.length ? (starts[low] as number) : Number.POSITIVE_INFINITY;
}

function invalidUtf8Finding(at: NonNullable<AnalyzeOptions['invalidUtf8']>): Finding {
  const byte = at.byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    code: 'yaml-syntax',
    span: { start: at.offset, end: at.offset + 1 },
    message: messages.invalidUtf8(byte, at.byteOffset),
    data: { invalidUtf8: true },
  };
}
