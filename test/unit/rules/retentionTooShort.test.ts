import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (interval: string, retention: string) =>
  `${HEAD}backups:\n  - id: b\n    what: ZODB\n    method: repozo\n    interval: ${interval}\n    retention: ${retention}\nscenarios: []\n`;

describe('retention-too-short', () => {
  it('marks a retention shorter than the interval, in German and English', () => {
    assert.deepEqual(findings(plan('1 Woche', '3 Tage'), 'retention-too-short'), ['12:16 3 Tage']);
    assert.deepEqual(messagesOf(plan('1 Woche', '3 Tage'), 'retention-too-short', 'de'), [
      'Die Sicherungen werden nur 3 Tage aufbewahrt, aber nur wöchentlich erstellt: zeitweise ist gar keine Sicherung vorhanden. Die Aufbewahrung muss mindestens so lang sein wie das Intervall.',
    ]);
    assert.deepEqual(messagesOf(plan('1 Woche', '3 Tage'), 'retention-too-short', 'en'), [
      'Backups are kept for only 3 days but taken only weekly: at times no backup is kept at all. The retention must be at least as long as the interval.',
    ]);
  });

  it('compares as durations are compared: a month is 30 days', () => {
    assert.deepEqual(findings(plan('1 Monat', '29 Tage'), 'retention-too-short'), ['12:16 29 Tage']);
    assert.deepEqual(findings(plan('1 Monat', '30 Tage'), 'retention-too-short'), []);
  });

  it('is silent when the retention is as long as the interval or longer, or a duration is invalid', () => {
    assert.deepEqual(findings(plan('24h', '1 Tag'), 'retention-too-short'), []);
    assert.deepEqual(findings(plan('0', '0'), 'retention-too-short'), []);
    assert.deepEqual(findings(plan('24h', '12'), 'retention-too-short'), []);
  });
});
