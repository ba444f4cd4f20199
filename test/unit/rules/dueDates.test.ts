import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf, vmScenario } from '../../support/rulePlans';

/**
 * Every due date (review, restore test, exercise) is the date plus the review interval on the
 * calendar (model/queries.ts dueAfter, date.ts addToDate): `12 Monate` after 2025-12-08 is
 * 2026-12-08, not 360 days later; and a due date that is today is not yet overdue.
 */

const plan = (interval: string) =>
  HEAD.replace('  version: "1"\n', `  version: "1"\n  last_review: 2025-12-08\n  review_interval: ${interval}\n`) +
  `backups:
  - id: b
    what: ZODB
    method: repozo
    interval: 24h
    last_restore_test: 2025-12-08
` +
  vmScenario('24h', '    backup: b\n    exercises:\n      - { date: 2025-12-08, kind: full-recovery, recovery_time: 1h }\n');

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const overdue = (interval: string, today: string) =>
  ['review-overdue', 'restore-test-overdue'].flatMap((code) => findings(plan(interval), code, day(today)).map((found) => `${code} ${found}`));

describe('due dates on the calendar', () => {
  it('12 Monate after 2025-12-08 is due on 2026-12-08: not overdue on 2026-12-05 (360 days), nor on the due day itself', () => {
    assert.deepEqual(overdue('12 Monate', '2026-12-05'), []);
    assert.deepEqual(overdue('12 Monate', '2026-12-08'), []);
  });

  it('is overdue from the day after the due date: review, restore test and exercise alike', () => {
    assert.deepEqual(overdue('12 Monate', '2026-12-09'), [
      'review-overdue 7:16 2025-12-08',
      'restore-test-overdue 14:24 2025-12-08',
      'restore-test-overdue 26:17 2025-12-08',
    ]);
  });

  it('counts a year and 1 Jahr the same as 12 months, and without an interval 12 months', () => {
    assert.deepEqual(overdue('1 Jahr', '2026-12-08'), []);
    assert.equal(overdue('1 Jahr', '2026-12-09').length, 3);
    const withoutInterval = (today: string) => findings(plan('12 Monate').replace('  review_interval: 12 Monate\n', ''), 'review-overdue', day(today));
    assert.deepEqual(withoutInterval('2026-12-08'), []);
    assert.deepEqual(withoutInterval('2026-12-09'), ['7:16 2025-12-08']);
  });

  it('says when the review was due, the calendar date', () => {
    const text = plan('6 Monate').replace('last_review: 2025-12-08', 'last_review: 2026-08-31');
    assert.deepEqual(findings(text, 'review-overdue', day('2027-02-28')), []);
    assert.deepEqual(findings(text, 'review-overdue', day('2027-03-01')), ['7:16 2026-08-31']);
    assert.deepEqual(messagesOf(text, 'review-overdue', 'en', day('2027-03-01')), ["The plan's review was due on 2027-02-28 (last review + review interval)."]);
  });
});
