import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (results: string, reviewInterval = '') =>
  `${HEAD}${reviewInterval ? `  review_interval: ${reviewInterval}\n` : ''}availability:\n  target: 99.5\n${results ? `  results:\n${results}` : ''}scenarios: []\n`;
const result = (period: string, measured = '99.9') => `    - { period: ${period}, measured: ${measured} }\n`;
const on = (day: string) => new Date(day);

describe('availability-unproven', () => {
  it('marks a target without any result, in German and English', () => {
    assert.deepEqual(findings(plan(''), 'availability-unproven'), ['8:11 99.5']);
    assert.deepEqual(messagesOf(plan(''), 'availability-unproven', 'de'), [
      'Das Verfügbarkeitsziel von 99,5 % ist behauptet, aber nicht belegt: Kein Eintrag in „availability.results“ deckt einen Zeitraum ab, der innerhalb des Überprüfungsintervalls (12 Monate) endete. Messergebnisse mit „drplan measure“ übernehmen oder eintragen.',
    ]);
    assert.deepEqual(messagesOf(plan(''), 'availability-unproven', 'en'), [
      "The availability target of 99.5 % is claimed, not shown: no entry of 'availability.results' covers a period that ended within the review interval (12 months). Import results with 'drplan measure' or enter them.",
    ]);
  });

  it('is silent once a period that ended within the review interval is measured', () => {
    // November 2026 ends on 2026-12-01: from that day on it proves the target, for twelve months.
    assert.deepEqual(findings(plan(result('2026-11')), 'availability-unproven', on('2026-11-30')), ['8:11 99.5']);
    assert.deepEqual(findings(plan(result('2026-11')), 'availability-unproven', on('2026-12-01')), []);
    assert.deepEqual(findings(plan(result('2026-11')), 'availability-unproven', on('2027-12-01')), []);
    assert.deepEqual(findings(plan(result('2026-11')), 'availability-unproven', on('2027-12-02')), ['8:11 99.5']);
    // A quarter and a year, too; a result below the target proves a measurement (availability-not-met says the rest).
    assert.deepEqual(findings(plan(result('2026-Q3', '98')), 'availability-unproven', on('2026-11-29')), []);
    assert.deepEqual(findings(plan(result('2025')), 'availability-unproven', on('2026-11-29')), []);
  });

  it('names the latest result when it lies too far back, counting the plan’s review interval', () => {
    const text = plan(result('2026-03') + result('2025-12'), '6 Monate');
    assert.deepEqual(findings(text, 'availability-unproven', on('2026-11-29')), ['9:11 99.5']);
    assert.deepEqual(messagesOf(text, 'availability-unproven', 'de', on('2026-11-29')), [
      'Das Verfügbarkeitsziel von 99,5 % ist behauptet, aber nicht belegt: Das letzte Messergebnis (März 2026) liegt mehr als 6 Monate zurück. Messergebnisse mit „drplan measure“ übernehmen oder eintragen.',
    ]);
    assert.deepEqual(findings(text, 'availability-unproven', on('2026-10-01')), []);
  });

  it('counts no result without a measured value or a valid period, and no target that is no percentage', () => {
    assert.deepEqual(findings(plan('    - { period: 2026-10 }\n'), 'availability-unproven'), ['8:11 99.5']);
    assert.deepEqual(findings(plan(result('2026-13')), 'availability-unproven'), ['8:11 99.5']);
    assert.deepEqual(findings(`${HEAD}availability:\n  target: 150\nscenarios: []\n`, 'availability-unproven'), []);
    assert.deepEqual(findings(`${HEAD}availability:\n  measurements: []\nscenarios: []\n`, 'availability-unproven'), []);
  });
});
