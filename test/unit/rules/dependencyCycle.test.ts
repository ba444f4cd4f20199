import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';
import { timeOf } from '../../support/timingProbes';

const plan = (components: string) => `${HEAD}components:\n${components}scenarios: []\n`;

describe('dependency-cycle', () => {
  it('marks one entry of each component on the cycle and walks the cycle from there, in German and English', () => {
    const text = plan('  - { id: a, kind: vm-host, depends_on: [b] }\n  - { id: b, kind: storage-server, depends_on: [a] }\n');
    assert.deepEqual(findings(text, 'dependency-cycle'), ['8:42 b', '9:49 a']);
    assert.deepEqual(messagesOf(text, 'dependency-cycle', 'de'), [
      'Die Komponenten hängen im Kreis voneinander ab (a → b → a): Es gibt keine Reihenfolge, in der sie sich neu starten lassen.',
      'Die Komponenten hängen im Kreis voneinander ab (b → a → b): Es gibt keine Reihenfolge, in der sie sich neu starten lassen.',
    ]);
    assert.deepEqual(messagesOf(text, 'dependency-cycle', 'en')[0], 'The components depend on each other in a cycle (a → b → a): there is no order in which they can be restarted.');
  });

  it('finds a component that depends on itself, and two cycles apart', () => {
    const text = plan(
      '  - { id: a, kind: vm-host, depends_on: [a] }\n' +
        '  - { id: b, kind: vm-host, depends_on: [c] }\n' +
        '  - { id: c, kind: vm-host, depends_on: [b] }\n' +
        '  - { id: d, kind: vm-host, depends_on: [b] }\n',
    );
    assert.deepEqual(messagesOf(text, 'dependency-cycle', 'en').map((m) => /\((.*)\)/.exec(m)?.[1]), ['a → a', 'b → c → b', 'c → b → c']);
  });

  it('is silent for dependencies without a cycle, a diamond included', () => {
    const text = plan(
      '  - { id: app, kind: zeo-client, depends_on: [zeo, db] }\n' +
        '  - { id: zeo, kind: zeo-server, depends_on: [storage] }\n' +
        '  - { id: db, kind: database-server, depends_on: [storage] }\n' +
        '  - { id: storage, kind: storage-server, redundancy: RAID 6 }\n',
    );
    assert.deepEqual(findings(text, 'dependency-cycle'), []);
  });

  it('checks a long chain closing into a cycle without overflowing the stack, in time linear in the chain', () => {
    const chain = (n: number) => plan(Array.from({ length: n }, (_, i) => `  - { id: c${i}, kind: vm-host, depends_on: [c${(i + 1) % n}] }\n`).join(''));
    const found = messagesOf(chain(20_000), 'dependency-cycle', 'en');
    assert.equal(found.length, 20_000);
    assert.equal(found[0], "20000 components depend on each other in a cycle (among them 'c0', 'c1', 'c2', 'c3', 'c4'): there is no order in which they can be restarted.");
    // Four times the chain, at most ten times the processor time (a quadratic walk: sixteen).
    const least = (n: number) => {
      const text = chain(n);
      return Math.min(...[0, 1, 2].map(() => timeOf(() => messagesOf(text, 'dependency-cycle', 'en'))));
    };
    const [small, large] = [least(1_500), least(6_000)];
    assert.ok(large <= 10 * small + 50, `${Math.round(small)} ms for 1,500, ${Math.round(large)} ms for 6,000`);
  });
});
