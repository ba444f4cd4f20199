import type { PlanModel } from '../model/plan';
import type { Finding } from './diagnostic';

/** What a semantic rule sees: the plan model, today's date, and where to report. */
export interface RuleContext {
  readonly model: PlanModel;
  /** Today as days since 1970-01-01: injected, so checks of dates are repeatable. */
  readonly today: number;
  report(finding: Finding): void;
}

/** A semantic rule: one module per rule, one code (or a family of codes) per module. */
export type Rule = (context: RuleContext) => void;
