import { todayInDays } from './date';
import { buildPlanModel, type ModelReuse } from './model/build';
import type { PlanModel } from './model/plan';
import { patchYaml } from './parse/incremental';
import { toPlainValue, type ItemValues } from './parse/toValue';
import { YamlDocument } from './parse/yamlDocument';
import type { Locale, PlanDiagnostic } from './types';
import { toDiagnostic, type Finding } from './validate/diagnostic';
import { checkRules } from './validate';
import { checkSchema } from './validate/schemaErrors';
import { yamlProblems } from './validate/yamlProblems';

export interface AnalyzeOptions {
  /** Language of the messages; default English, as for any LSP client that does not ask. */
  readonly locale?: Locale;
  /** Today's date (YYYY-MM-DD or a Date); checks of overdue reviews depend on it. */
  readonly today?: Date;
  /** The document's URI, for related information. */
  readonly uri?: string;
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
  diagnostics(locale: Locale, uri?: string): PlanDiagnostic[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return check(new YamlDocument(text), undefined, new WeakMap(), options);
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
  const itemValues = carried.get(previous);
  const patch = itemValues ? patchYaml(previous.yaml, text) : undefined;
  if (!patch || !itemValues) return analyze(text, options);
  return check(patch.yaml, { previous: previous.model, from: patch.from, delta: patch.delta }, itemValues, options);
}

/** What an analysis hands on to the next version's: the plain values of unchanged list items. */
const carried = new WeakMap<Analysis, ItemValues>();

function check(yaml: YamlDocument, reuse: ModelReuse | undefined, itemValues: ItemValues, options: AnalyzeOptions): Analysis {
  const text = yaml.text;
  // Values are only carried over for texts without aliases (see ItemValues).
  const carry = yaml.nodeCount === 0;
  const value = toPlainValue(yaml, carry ? itemValues : undefined);
  const model = buildPlanModel(yaml, reuse);
  const today = todayInDays(options.today);
  const findings = [...checkSchema(yaml, value), ...checkRules(model, today)];
  // yaml problems last: toPlainValue may add alias problems while converting.
  findings.unshift(...yamlProblems(yaml));
  findings.sort((a, b) => a.span.start - b.span.start);
  const rendered = new Map<string, PlanDiagnostic[]>();
  const analysis: Analysis = {
    text,
    yaml,
    model,
    findings,
    diagnostics(locale: Locale, uri = options.uri ?? '') {
      const key = `${locale}\u0000${uri}`;
      let diagnostics = rendered.get(key);
      if (!diagnostics) {
        diagnostics = findings.map((finding) => toDiagnostic(finding, yaml.index, locale, uri));
        rendered.set(key, diagnostics);
      }
      return diagnostics;
    },
  };
  if (carry) carried.set(analysis, itemValues);
  return analysis;
}
