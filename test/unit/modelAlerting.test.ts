import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { dateFields, durationFields } from '../../server/src/core/model/timeFields';
import { TODAY } from '../support/fixtures';
import { HEAD } from '../support/rulePlans';

/** The model of the issue-15 fields, as the rules, the features and the document read them. */
const PLAN = `${HEAD.replace('  version: "1"\n', '  version: "1"\n  approvals:\n    - { by: gf, date: 2026-01-25, version: 0.9, meaning: Kenntnisnahme }\n    - { by: gf, date: 2026-02-01 }\n  distribution: Leitstand (gedruckt)\n')}contacts:
  - { id: it, name: IT, function: it-lead, deputy: gf }
  - { id: gf, name: Geschäftsführung, function: management }
alerting:
  declared_by: [it, gf]
  levels:
    - { id: stoerung, name: Störung, notify: [it], within: 30 min }
    - { id: notfall, name: Notfall, criteria: Datenverlust, notify: [it, gf], within: PT1H }
scenarios:
  - id: vm
    category: hardware
    type: vm-server
    prevention: [a]
    recovery: [b]
    recovery_time: 1h
    rto: 4h
    rpo: 0
    escalation: notfall
    emergency_operation: Aushänge statt Intranet
`;

describe('the model of the emergency organisation', () => {
  const { model } = analyze(PLAN, { today: TODAY });

  it('reads approvals (a number as a version, as text) and the distribution (one text: a list of one)', () => {
    assert.deepEqual(
      model.plan?.approvals.map((approval) => [approval.by?.value, approval.date?.value, approval.version?.value, approval.meaning?.value]),
      [
        ['gf', '2026-01-25', '0.9', 'Kenntnisnahme'],
        ['gf', '2026-02-01', undefined, undefined],
      ],
    );
    assert.deepEqual(model.plan?.distribution.map((text) => text.value), ['Leitstand (gedruckt)']);
  });

  it('reads contacts’ function and deputy, the alerting and a scenario’s escalation and Notbetrieb', () => {
    assert.deepEqual(model.contacts.map((contact) => [contact.id?.value, contact.function?.value, contact.deputy?.value]), [
      ['it', 'it-lead', 'gf'],
      ['gf', 'management', undefined],
    ]);
    assert.deepEqual(model.alerting?.declaredBy.map((id) => id.value), ['it', 'gf']);
    assert.deepEqual(model.alerting?.levels.map((level) => [level.id?.value, level.name?.value, level.criteria?.value, level.notify.map((id) => id.value), level.within?.minutes]), [
      ['stoerung', 'Störung', undefined, ['it'], 30],
      ['notfall', 'Notfall', 'Datenverlust', ['it', 'gf'], 60],
    ]);
    const [scenario] = model.scenarios;
    assert.equal(scenario?.escalation?.value, 'notfall');
    assert.deepEqual(scenario?.emergencyOperation.map((text) => text.value), ['Aushänge statt Intranet'], 'one text: a list of one, as prevention');
    assert.ok(scenario?.keys.emergency_operation);
    assert.ok(model.keys.alerting);
  });

  it('collects every new reference with its list, and checks the new time fields', () => {
    const references = [...model.plan!.references, ...model.contacts.flatMap((c) => c.references), ...model.alerting!.references, ...model.scenarios.flatMap((s) => s.references)];
    assert.deepEqual(
      references.map((reference) => `${reference.key}:${reference.value}→${reference.list}`),
      ['by:gf→contacts', 'by:gf→contacts', 'deputy:gf→contacts', 'declared_by:it→contacts', 'declared_by:gf→contacts', 'notify:it→contacts', 'notify:it→contacts', 'notify:gf→contacts', 'escalation:notfall→levels'],
    );
    assert.deepEqual([...durationFields(model)].filter((f) => f.definition === 'alertLevel').map((f) => f.value.value), ['30 min', 'PT1H']);
    assert.deepEqual([...dateFields(model)].filter((f) => f.definition === 'approval').map((f) => f.value.value), ['2026-01-25', '2026-02-01']);
  });
});
