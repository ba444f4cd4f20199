import { todayInDays } from './date';
import { buildPlanModel } from './model/build';
import type { PlanModel } from './model/plan';
import { toPlainValue } from './parse/toValue';
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
  const yaml = new YamlDocument(text);
  const value = toPlainValue(yaml);
  const model = buildPlanModel(yaml);
  const today = todayInDays(options.today);
  const findings = [...checkSchema(yaml, value), ...checkRules(model, today)];
  // yaml problems last: toPlainValue may add alias problems while converting.
  findings.unshift(...yamlProblems(yaml));
  findings.sort((a, b) => a.span.start - b.span.start);
  const rendered = new Map<string, PlanDiagnostic[]>();
  return {
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
}
