import type { PlanModel, ScenarioModel } from '../model/plan';
import { moveFinding, movedFinding, type Finding } from './diagnostic';
import type { PlanRule, ScenarioRule } from './rule';

/**
 * Runs the semantic rules: the plan-wide ones over the whole model, the scenario rules scenario
 * by scenario. Their findings are remembered with the analysis. When the edit to the next
 * version lay inside one scenario (so the plan outside the scenarios is the same) and today is
 * the same day, that version's analysis runs the scenario rules for the edited scenario only and
 * takes the other scenarios' findings over, moved with their scenario; and it runs a plan-wide
 * rule again only when the edit changed what the rule reads of that scenario or lay on one of its
 * findings. The findings come out in the same order either way (plan-wide rules first, then each
 * scenario's), so an incremental analysis is exactly a fresh one (test/unit/incremental.test.ts).
 */
export interface RuleMemory {
  readonly today: number;
  readonly byScenario: WeakMap<ScenarioModel, RememberedFindings>;
  /** Each plan-wide rule's findings, in the order of the rules: copies, as a scenario's are. */
  readonly planFindings: readonly (readonly Finding[])[];
}

/** The edit since the previous version, when it lay inside one scenario. */
export interface ScenarioEdit {
  /** The edited scenario's place in the list: the offsets of the later ones moved by `delta`. */
  readonly index: number;
  /** The changed text: [start, oldEnd) of the previous version became [start, oldEnd + delta). */
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
  /** The edited scenario as it was, where it was a mapping (as it is now: scenarioAt). */
  readonly before: ScenarioModel | undefined;
}

interface RememberedFindings {
  /** Their own copies of the spans: a rule may report a span object of the model, which moves. */
  readonly findings: readonly Finding[];
}

export interface RuleRuns {
  readonly findings: Finding[];
  readonly memory: RuleMemory;
}

export function runRules(
  planRules: readonly PlanRule[],
  scenarioRules: readonly ScenarioRule<unknown>[],
  model: PlanModel,
  today: number,
  /**
   * The previous version's memory; the edit since, when it changed only one scenario; and what
   * moves the offsets of the model's later items (the analysis of a keystroke leaves them for
   * later: see Analysis.settle), to be called before a rule that reads them runs.
   */
  previous?: { readonly memory: RuleMemory; readonly edit: ScenarioEdit | undefined; readonly settle: () => void },
): RuleRuns {
  const edit = previous?.memory.today === today ? previous.edit : undefined;
  if (!edit) previous?.settle();
  const findings: Finding[] = [];
  const planFindings = planRules.map((rule, index) => {
    const before = edit && previous?.memory.planFindings[index];
    const taken = before && takenOver(rule, before, edit, model);
    if (!taken) previous?.settle();
    const own = taken ?? planRuleFindings(rule, model, today);
    own.forEach((finding) => findings.push(finding));
    return own;
  });

  const prepared = scenarioRules.map((rule) => rule.prepare({ model, today }));
  const memory: RuleMemory = { today, byScenario: edit && previous ? previous.memory.byScenario : new WeakMap(), planFindings };
  // forEach rather than for…of over every scenario and finding: each keystroke runs these loops,
  // and until V8 has optimised them (the first keystrokes after opening) every step of an
  // iterator is a call and an object.
  model.scenarios.forEach((scenario) => {
    let remembered = edit ? memory.byScenario.get(scenario) : undefined;
    // Taken over after the edited scenario: moved with the text, in place (the model's spans move later).
    if (remembered && edit && edit.delta !== 0 && scenario.index > edit.index) {
      const delta = edit.delta;
      remembered.findings.forEach((finding) => moveFinding(finding, 0, delta));
    }
    if (!remembered) {
      // (Every scenario but the edited one is remembered; should one not be, its spans must be in place.)
      if (edit && scenario.index !== edit.index) previous?.settle();
      const own: Finding[] = [];
      const report = (finding: Finding) => void own.push(movedFinding(finding, 0, 0));
      scenarioRules.forEach((rule, index) => rule.check(scenario, prepared[index], report));
      remembered = { findings: own };
      memory.byScenario.set(scenario, remembered);
    }
    remembered.findings.forEach((finding) => findings.push(finding));
  });
  return { findings, memory };
}

function planRuleFindings(rule: PlanRule, model: PlanModel, today: number): Finding[] {
  const own: Finding[] = [];
  const check = typeof rule === 'function' ? rule : rule.check;
  check({ model, today, report: (finding) => void own.push(movedFinding(finding, 0, 0)) });
  return own;
}

/**
 * A plan-wide rule's findings of the previous version, moved with the text, when the edit inside
 * one scenario cannot have changed them: the rule reads nothing of the scenarios, or the same
 * values of the edited one; and no finding lies on the edit. Otherwise undefined: run it again.
 */
function takenOver(rule: PlanRule, before: readonly Finding[], edit: ScenarioEdit, model: PlanModel): readonly Finding[] | undefined {
  if (typeof rule !== 'function') {
    const after = scenarioAt(model, edit.index);
    if (!edit.before || !after || !sameValues(rule.reads(edit.before), rule.reads(after))) return undefined;
  }
  const spans = (finding: Finding) => [finding.span, ...(finding.related ?? []).map((related) => related.span)];
  // Not touching the edit, a span lies wholly before it (stays) or wholly after it (moves).
  if (before.some((finding) => spans(finding).some((span) => span.start <= edit.oldEnd && span.end >= edit.start))) return undefined;
  if (edit.delta !== 0) before.forEach((finding) => moveFinding(finding, edit.oldEnd, edit.delta));
  return before;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The scenario of the scenario list's `index`th item (a mapping), if it is one. */
export function scenarioAt(model: PlanModel, index: number): ScenarioModel | undefined {
  const guess = model.scenarios[index];
  return guess?.index === index ? guess : model.scenarios.find((scenario) => scenario.index === index);
}
