import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const scenario = (id: string, responsible: string) =>
  `  - { id: ${id}, category: hardware, type: vm-server, prevention: [a], recovery: [b], recovery_time: 1h, rto: 4h, rpo: 0, responsible: ${responsible} }\n`;

describe('no-deputy', () => {
  it('marks the first line of the owner, a declarer and a responsible without a deputy, saying what each is', () => {
    const text =
      HEAD.replace('  version: "1"\n', '  version: "1"\n  owner: lead\n') +
      'contacts:\n  - id: lead\n    name: IT-Leitung\n  - { id: gf, name: Geschäftsführung }\n  - { id: ops, name: Betrieb, deputy: lead }\n' +
      'alerting:\n  declared_by: [lead, gf, ops]\n' +
      `scenarios:\n${scenario('vm', 'lead')}${scenario('vm-2', 'lead')}${scenario('netz', 'ops')}`;
    assert.deepEqual(findings(text, 'no-deputy'), ['9:5 id: lead', '11:5 { id: gf, name: Geschäftsführung }']);
    assert.deepEqual(messagesOf(text, 'no-deputy', 'de'), [
      '„lead“ verantwortet den Plan, darf den Notfall ausrufen und ist verantwortlich für die Szenarien „vm“, „vm-2“, hat aber keine Vertretung („deputy“): Wer übernimmt, wenn „lead“ nicht erreichbar ist?',
      '„gf“ darf den Notfall ausrufen, hat aber keine Vertretung („deputy“): Wer übernimmt, wenn „gf“ nicht erreichbar ist?',
    ]);
    assert.deepEqual(messagesOf(text, 'no-deputy', 'en'), [
      "'lead' owns the plan, may declare an emergency and is responsible for the scenarios 'vm', 'vm-2', but has no deputy ('deputy'): who takes over when 'lead' cannot be reached?",
      "'gf' may declare an emergency, but has no deputy ('deputy'): who takes over when 'gf' cannot be reached?",
    ]);
  });

  it('names three scenarios at most, and one scenario as one', () => {
    const many = `${HEAD}contacts:\n  - { id: ops, name: Betrieb }\nscenarios:\n${['a', 'b', 'c', 'd'].map((id) => scenario(id, 'ops')).join('')}`;
    assert.match(messagesOf(many, 'no-deputy', 'en')[0] ?? '', /is responsible for the scenarios 'a', 'b', 'c' and more,/);
    const one = `${HEAD}contacts:\n  - { id: ops, name: Betrieb }\nscenarios:\n${scenario('a', 'ops')}`;
    assert.match(messagesOf(one, 'no-deputy', 'de')[0] ?? '', /ist verantwortlich für das Szenario „a“, hat aber/);
  });

  it('is silent for a contact with a deputy (also a merged or a broken one), one named only by a step or notify, and an unknown id', () => {
    const text =
      HEAD.replace('  version: "1"\n', '  version: "1"\n  owner: niemand\n') +
      'x-deputy: &deputy { deputy: ops }\n' +
      'contacts:\n  - { <<: *deputy, id: lead, name: IT-Leitung }\n  - { id: gf, name: Geschäftsführung, deputy: "" }\n  - { id: ops, name: Betrieb }\n  - { id: dsb, name: Datenschutz }\n' +
      'alerting:\n  declared_by: [lead, gf]\n  levels:\n    - { id: notfall, name: Notfall, notify: [dsb] }\n' +
      'scenarios:\n  - id: vm\n    category: hardware\n    type: vm-server\n    prevention: [a]\n    recovery:\n      - { step: b, responsible: ops }\n    recovery_time: 1h\n    rto: 4h\n    rpo: 0\n    responsible: lead\n';
    assert.deepEqual(findings(text, 'no-deputy'), []);
  });

  it('asks nothing of a plan without contacts', () => {
    assert.deepEqual(findings(`${HEAD}scenarios:\n${scenario('vm', 'ops')}`, 'no-deputy'), []);
  });
});
