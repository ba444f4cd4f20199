import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { analyze } from '../../server/src/core';
import { todayInDays } from '../../server/src/core/date';
import { FIELDS } from '../../server/src/core/schema/fields';
import { PLAN_RULES, SCENARIO_RULES } from '../../server/src/core/validate';
import type { Finding } from '../../server/src/core/validate/diagnostic';
import { EXAMPLES, fixtureFiles, read, TODAY } from '../support/fixtures';

/**
 * What lets a keystroke in one scenario check that scenario alone (validate/ruleEngine.ts): a
 * scenario rule reads nothing of the other scenarios and reports only inside its own.
 */
describe('the scenario rules judge one scenario each', () => {
  it('no reference names a scenario: the ids a scenario names lie outside the scenarios', () => {
    // ReferenceList has no 'scenarios' today; this fails should it ever get one.
    const named: readonly string[] = FIELDS.flatMap((spec) => (spec.kind === 'reference' || spec.kind === 'references' ? [`${spec.definition}.${spec.key} → ${String(spec.list)}`] : []));
    assert.ok(named.length > 10);
    assert.deepEqual(named.filter((entry) => entry.endsWith('→ scenarios')), []);
  });

  const plans: [string, string][] = [
    ['example', read(join(EXAMPLES, 'plone-intranet.drplan.yaml'))],
    ['generated', generatePlan(30)],
    ...fixtureFiles('codes').map((file): [string, string] => [file, read(file)]),
  ];
  it(`report only inside the scenario they judge, in ${plans.length} plans`, () => {
    let reported = 0;
    for (const [name, text] of plans) {
      const { model } = analyze(text, { today: TODAY });
      const today = todayInDays(TODAY);
      for (const rule of SCENARIO_RULES) {
        const prepared = rule.prepare({ model, today });
        for (const scenario of model.scenarios) {
          rule.check(scenario, prepared, (finding: Finding) => {
            reported++;
            const spans = [finding.span, ...(finding.related ?? []).map((related) => related.span)];
            for (const span of spans) {
              assert.ok(span.start >= scenario.span.start && span.end <= scenario.span.end, `${name}: ${finding.code} at ${span.start}–${span.end} outside scenario ${scenario.id?.value} (${scenario.span.start}–${scenario.span.end})`);
            }
          });
        }
      }
    }
    assert.ok(reported > 50, `only ${reported} findings: the test means nothing without them`);
  });

  it(`plan-wide rules that do not say what they read of a scenario read nothing of the scenarios, in ${plans.length} plans`, () => {
    const plain = PLAN_RULES.filter((rule) => typeof rule === 'function');
    assert.ok(plain.length > 8);
    for (const [name, text] of plans) {
      const { model } = analyze(text, { today: TODAY });
      // The model as such a rule must see it: asking for the scenarios fails the test.
      const withoutScenarios = Object.create(model, {
        scenarios: {
          get() {
            throw new Error('reads the scenarios');
          },
        },
      }) as typeof model;
      for (const rule of plain) {
        assert.doesNotThrow(() => rule({ model: withoutScenarios, today: todayInDays(TODAY), report: () => undefined }), `${name}: ${rule.name}`);
      }
    }
  });
});
