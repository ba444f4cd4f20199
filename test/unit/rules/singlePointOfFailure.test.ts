import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (components: string) => `${HEAD}components:\n${components}scenarios: []\n`;

describe('single-point-of-failure', () => {
  it('marks a component without redundancy that two others need, in German and English', () => {
    const text = plan('  - { id: storage, kind: storage-server }\n  - { id: zeo, kind: zeo-server, depends_on: [storage] }\n  - { id: db, kind: database-server, depends_on: [storage] }\n');
    assert.deepEqual(findings(text, 'single-point-of-failure'), ['8:5 { id: storage, kind: storage-server }']);
    assert.deepEqual(messagesOf(text, 'single-point-of-failure', 'de'), [
      'Von „storage“ hängen „zeo“, „db“ ab (direkt oder über andere), aber für die Komponente ist keine Redundanz angegeben: Ihr Ausfall trifft sie alle (Single Point of Failure).',
    ]);
    assert.deepEqual(messagesOf(text, 'single-point-of-failure', 'en'), [
      "'zeo', 'db' depend on 'storage' (directly or through others), but no redundancy is given for it: its failure takes them all down (single point of failure).",
    ]);
  });

  it('counts those that depend on it through others, and names three at most', () => {
    const chain = plan(
      '  - { id: a, kind: storage-server }\n' +
        '  - { id: b, kind: vm-host, depends_on: [a], redundancy: Cluster }\n' +
        '  - { id: c, kind: zeo-server, depends_on: [b], redundancy: zwei Server }\n' +
        '  - { id: d, kind: zeo-client, depends_on: [c], redundancy: vier Clients }\n' +
        '  - { id: e, kind: load-balancer, depends_on: [d], redundancy: Paar }\n',
    );
    assert.deepEqual(messagesOf(chain, 'single-point-of-failure', 'en'), [
      "'b', 'c', 'd' and more depend on 'a' (directly or through others), but no redundancy is given for it: its failure takes them all down (single point of failure).",
    ]);
  });

  it('is silent with a redundancy, with one dependent, and does not hang on a cycle', () => {
    assert.deepEqual(findings(plan('  - { id: s, kind: storage-server, redundancy: RAID 6 }\n  - { id: a, kind: vm-host, depends_on: [s] }\n  - { id: b, kind: vm-host, depends_on: [s] }\n'), 'single-point-of-failure'), []);
    assert.deepEqual(findings(plan('  - { id: s, kind: storage-server, redundancy: " " }\n  - { id: a, kind: vm-host, depends_on: [s] }\n  - { id: b, kind: vm-host, depends_on: [s] }\n'), 'single-point-of-failure').length, 1);
    assert.deepEqual(findings(plan('  - { id: s, kind: storage-server }\n  - { id: a, kind: vm-host, depends_on: [s, s] }\n'), 'single-point-of-failure'), []);
    assert.deepEqual(findings(plan('  - { id: a, kind: vm-host, depends_on: [b] }\n  - { id: b, kind: vm-host, depends_on: [a] }\n'), 'single-point-of-failure'), []);
  });
});
