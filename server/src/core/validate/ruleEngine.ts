import type { PlanModel, ScenarioModel } from '../model/plan';
import { movedFinding, type Finding } from './diagnostic';
import type { Rule, ScenarioRule } from './rule';

/**
 * Runs the semantic rules: the plan-wide ones over the whole model, the scenario rules scenario
 * by scenario. A scenario's findings are remembered with the analysis; the next version's
 * analysis takes them over for every scenario the edit did not touch, when the edit changed
 * nothing but one scenario (so what the rules read outside the scenarios is the same) and today
 * is the same day. Taken over, they move with their scenario. The findings come out in the same
 * order either way (plan-wide rules first, then each scenario's), so an incremental analysis is
 * exactly a fresh one (test/unit/incremental.test.ts).
 */
export interface RuleMemory {
  readonly today: number;
  readonly byScenario: WeakMap<ScenarioModel, RememberedFindings>;
}

interface RememberedFindings {
  /** Where the scenario began when its findings were made. */
  readonly start: number;
  /** Their own copies of the spans: a rule may report a span object of the model, which moves. */
  readonly findings: readonly Finding[];
}

export interface RuleRuns {
  readonly findings: Finding[];
  readonly memory: RuleMemory;
}

export function runRules(
  planRules: readonly Rule[],
  scenarioRules: readonly ScenarioRule<unknown>[],
  model: PlanModel,
  today: number,
  /** The previous version's memory, and whether the edit since changed only one scenario. */
  previous?: { readonly memory: RuleMemory; readonly onlyScenarios: boolean },
): RuleRuns {
  const findings: Finding[] = [];
  const context = { model, today, report: (finding: Finding) => void findings.push(finding) };
  for (const rule of planRules) rule(context);

  const prepared = scenarioRules.map((rule) => rule.prepare({ model, today }));
  const reuse = previous !== undefined && previous.onlyScenarios && previous.memory.today === today;
  const memory: RuleMemory = reuse ? previous.memory : { today, byScenario: new WeakMap() };
  for (const scenario of model.scenarios) {
    const start = scenario.span.start;
    let remembered = reuse ? memory.byScenario.get(scenario) : undefined;
    if (remembered && remembered.start !== start) {
      const delta = start - remembered.start;
      remembered = { start, findings: remembered.findings.map((finding) => movedFinding(finding, 0, delta)) };
      memory.byScenario.set(scenario, remembered);
    }
    if (!remembered) {
      const own: Finding[] = [];
      const report = (finding: Finding) => void own.push(movedFinding(finding, 0, 0));
      scenarioRules.forEach((rule, index) => rule.check(scenario, prepared[index], report));
      remembered = { start, findings: own };
      memory.byScenario.set(scenario, remembered);
    }
    for (const finding of remembered.findings) findings.push(finding);
  }
  return { findings, memory };
}
