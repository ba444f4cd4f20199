import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = HEAD.replace('  version: "1"\n', '  version: "1"\n  last_review: 2026-03-01\n');
const on = (iso: string) => new Date(`${iso}T00:30:00Z`);

describe('future-date', () => {
  it('is silent on the day itself and before it', () => {
    assert.deepEqual(findings(plan, 'future-date', on('2026-03-01')), []);
    assert.deepEqual(findings(plan, 'future-date', on('2026-05-01')), []);
  });

  it('marks the date value from the day before on, in German and English', () => {
    assert.deepEqual(findings(plan, 'future-date', on('2026-02-28')), ['7:16 2026-03-01']);
    assert.deepEqual(messagesOf(plan, 'future-date', 'de', on('2026-02-28')), [
      'Das Datum 01.03.2026 in „last_review“ liegt in der Zukunft (heute ist der 28.02.2026), hält aber fest, was schon geschehen ist: ein Tippfehler? Ein Datum in der Zukunft verdeckt auch jede Fälligkeit.',
    ]);
    assert.deepEqual(messagesOf(plan, 'future-date', 'en', on('2026-02-28')), [
      "The date 2026-03-01 of 'last_review' lies in the future (today is 2026-02-28), yet records something already done: a typo? A date in the future also hides every overdue check.",
    ]);
  });

  it('marks an approval dated after today', () => {
    const approved = HEAD.replace('  version: "1"\n', '  version: "1"\n  approvals:\n    - { by: it, date: 2026-12-01 }\n    - { by: it, date: 2026-11-29 }\n');
    assert.deepEqual(findings(approved, 'future-date'), ['8:23 2026-12-01']);
    assert.match(messagesOf(approved, 'future-date', 'en')[0] ?? '', /^The date 2026-12-01 of 'date' lies in the future/);
  });

  it('leaves a planned exercise alone, but not one with a result or a measurement', () => {
    const withExercises = (exercise: string) =>
      `${HEAD}scenarios:\n  - id: vm\n    category: hardware\n    type: vm-server\n    prevention: [a]\n    recovery: [b]\n    recovery_time: 1h\n    rto: 4h\n    rpo: 0\n    exercises:\n      - ${exercise}\n`;
    assert.deepEqual(findings(withExercises('{ date: 2027-01-01, kind: full-recovery, notes: geplant }'), 'future-date'), []);
    assert.deepEqual(findings(withExercises('{ date: 2027-01-01, result: passed }'), 'future-date'), ['17:17 2027-01-01']);
    assert.deepEqual(findings(withExercises('{ date: 2027-01-01, recovery_time: 1h }'), 'future-date'), ['17:17 2027-01-01']);
  });
});
