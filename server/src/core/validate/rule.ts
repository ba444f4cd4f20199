import type { PlanModel, ScenarioModel } from '../model/plan';
import type { Finding } from './diagnostic';

/** What a semantic rule sees: the plan model, today's date, and where to report. */
export interface RuleContext {
  readonly model: PlanModel;
  /** Today as days since 1970-01-01: injected, so checks of dates are repeatable. */
  readonly today: number;
  report(finding: Finding): void;
}

/**
 * A semantic rule over the whole plan: one module per rule, one code (or a family of codes) per
 * module. It reads nothing of the scenarios (test/unit/ruleScopes.test.ts), so its findings stay
 * the same, moved with the text, while the user types in a scenario.
 */
export type Rule = (context: RuleContext) => void;

/**
 * A plan-wide rule that reads the scenarios as well (their ids, types, backups, responsible
 * contacts): `reads` says what it reads of one scenario, as values. A keystroke in a scenario
 * that leaves those values as they were, and touches none of the rule's findings, takes its
 * findings over instead of running it (validate/ruleEngine.ts).
 */
export interface ScenarioReadingRule {
  readonly check: Rule;
  readonly reads: (scenario: ScenarioModel) => readonly unknown[];
}

export type PlanRule = Rule | ScenarioReadingRule;

/**
 * A rule that judges each scenario on its own, against what the plan says outside its scenarios
 * (backups, components, the availability target, today), and reports only inside that scenario.
 * Its findings of a scenario that a keystroke did not touch are taken over from the previous
 * version (validate/ruleEngine.ts): typing in one scenario checks that one scenario again.
 */
export interface ScenarioRule<Prepared = undefined> {
  /** What the rule reads of the plan outside the scenarios, once per analysis (never the scenarios). */
  prepare(context: Omit<RuleContext, 'report'>): Prepared;
  check(scenario: ScenarioModel, prepared: Prepared, report: (finding: Finding) => void): void;
}

/** A scenario rule that needs nothing from outside the scenario. */
export function eachScenario(check: (scenario: ScenarioModel, report: (finding: Finding) => void) => void): ScenarioRule {
  return { prepare: () => undefined, check: (scenario, _prepared, report) => check(scenario, report) };
}
