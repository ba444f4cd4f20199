import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf, vmScenario } from '../../support/rulePlans';

const plan = (exercises: string) => HEAD + vmScenario('0', `    exercises:\n${exercises}`);

describe('exercise-failed', () => {
  it('marks the result of the latest recovery exercise when it failed', () => {
    const text = plan('      - { date: 2026-10-01, kind: full-recovery, result: failed }\n');
    assert.deepEqual(findings(text, 'exercise-failed'), ['17:58 failed']);
    assert.deepEqual(messagesOf(text, 'exercise-failed', 'de'), [
      'Die letzte Wiederherstellungsübung vom 01.10.2026 ist nicht bestanden: die Wiederherstellung dieses Szenarios ist nicht belegt.',
    ]);
    assert.deepEqual(messagesOf(text, 'exercise-failed', 'en'), ['The latest recovery exercise, of 2026-10-01, failed: the recovery of this scenario is not proven.']);
  });

  it('counts an exercise without a kind and a functional test as recovery exercises', () => {
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, result: failed }\n'), 'exercise-failed'), ['17:37 failed']);
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, kind: functional-test, result: failed }\n'), 'exercise-failed'), ['17:60 failed']);
  });

  it('is not silenced by a later plan review or alerting exercise', () => {
    const text = plan(
      '      - { date: 2026-09-01, kind: full-recovery, result: failed }\n' +
        '      - { date: 2026-10-01, kind: plan-review, result: passed }\n' +
        '      - { date: 2026-11-01, kind: alerting, result: passed }\n',
    );
    assert.deepEqual(findings(text, 'exercise-failed'), ['17:58 failed']);
  });

  it('is silent when a later recovery exercise passed, or only a plan review failed', () => {
    assert.deepEqual(findings(plan('      - { date: 2026-09-01, result: failed }\n      - { date: 2026-10-01, result: partial }\n'), 'exercise-failed'), []);
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, kind: plan-review, result: failed }\n'), 'exercise-failed'), []);
    // the latest by date, not by position in the list
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, result: passed }\n      - { date: 2026-09-01, result: failed }\n'), 'exercise-failed'), []);
  });
});

describe('recovery exercises alone prove a recovery', () => {
  it('a plan review with a measured time leaves the scenario untested', () => {
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, kind: plan-review, recovery_time: 1h }\n'), 'untested'), ['8:5 id: vm']);
    assert.deepEqual(findings(plan('      - { date: 2026-10-01, kind: full-recovery, recovery_time: 1h }\n'), 'untested'), []);
  });

  it('a plan review does not reset the clock of an old recovery exercise', () => {
    const text = plan('      - { date: 2025-06-01, kind: full-recovery, recovery_time: 1h }\n      - { date: 2026-11-01, kind: plan-review }\n');
    assert.deepEqual(findings(text, 'restore-test-overdue'), ['17:17 2025-06-01']);
    const recent = plan('      - { date: 2025-06-01, kind: full-recovery, recovery_time: 1h }\n      - { date: 2026-11-01, kind: functional-test }\n');
    assert.deepEqual(findings(recent, 'restore-test-overdue'), []);
  });

  it('the RTA of a plan review is no measurement', () => {
    const text = plan('      - { date: 2026-09-01, recovery_time: 5h }\n      - { date: 2026-10-01, kind: plan-review, recovery_time: 1h }\n');
    assert.deepEqual(findings(text, 'rta-exceeded'), ['17:44 5h']);
  });
});
