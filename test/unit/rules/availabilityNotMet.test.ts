import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, HEAD, messagesOf } from '../../support/rulePlans';

const plan = (target: string, results: string) => `${HEAD}availability:\n  target: ${target}\n  results:\n${results}scenarios: []\n`;
const result = (period: string, measured: string, more = '') => `    - period: ${period}\n      measured: ${measured}\n${more}`;

describe('availability-not-met', () => {
  it('marks a measured value below the target, in German and English', () => {
    const text = plan('99.9', result('2026-11', '99.69', '      downtime: 135 min\n      outages: 2\n'));
    assert.deepEqual(findings(text, 'availability-not-met'), ['11:17 99.69']);
    assert.deepEqual(messagesOf(text, 'availability-not-met', 'de'), [
      'Im Zeitraum November 2026 wurden 99,69 % Verfügbarkeit gemessen: weniger als das Verfügbarkeitsziel von 99,9 %.',
    ]);
    assert.deepEqual(messagesOf(text, 'availability-not-met', 'en'), ['In November 2026 the measured availability was 99.69 %: less than the availability target of 99.9 %.']);
  });

  it('is silent at the target and above it, and for results of every kind of period', () => {
    assert.deepEqual(findings(plan('99.9', result('2026-11', '99.9') + result('2026-Q3', '99.95') + result('2025', '100')), 'availability-not-met'), []);
    assert.deepEqual(findings(plan('99.9', result('2026-Q3', '99.89') + result('2025', '98')), 'availability-not-met'), ['11:17 99.89', '13:17 98']);
    assert.deepEqual(messagesOf(plan('99.9', result('2026-Q3', '99.89')), 'availability-not-met', 'de'), [
      'Im Zeitraum 3. Quartal 2026 wurden 99,89 % Verfügbarkeit gemessen: weniger als das Verfügbarkeitsziel von 99,9 %.',
    ]);
    assert.deepEqual(messagesOf(plan('99.9', result('2026-Q3', '99.89')), 'availability-not-met', 'en'), [
      'In Q3 2026 the measured availability was 99.89 %: less than the availability target of 99.9 %.',
    ]);
  });

  it('leaves the excluded maintenance out of the period and the time down before it compares', () => {
    // September, 30 days: 0.38 % down is 164.16 minutes; without 2 hours of maintenance 44.16 of 43,080 minutes: 99.8975 %.
    const missed = plan('99.9', result('2026-09', '99.62', '      excluded: 2h\n'));
    assert.deepEqual(findings(missed, 'availability-not-met'), ['11:17 99.62']);
    assert.deepEqual(messagesOf(missed, 'availability-not-met', 'de'), [
      'Im Zeitraum September 2026 wurden 99,62 % Verfügbarkeit gemessen, ohne die ausgenommene Wartung (2 Stunden) 99,897 %: weniger als das Verfügbarkeitsziel von 99,9 %.',
    ]);
    assert.deepEqual(messagesOf(missed, 'availability-not-met', 'en'), [
      'In September 2026 the measured availability was 99.62 %, 99.897 % without the excluded maintenance (2 hours): less than the availability target of 99.9 %.',
    ]);
    // August, 31 days: 156.24 minutes down, 36.24 of 44,520 without the maintenance: 99.9186 %.
    assert.deepEqual(findings(plan('99.9', result('2026-08', '99.65', '      excluded: 2h\n')), 'availability-not-met'), []);
    // Maintenance as long as the period, or not a duration, is not left out.
    assert.deepEqual(findings(plan('99.9', result('2026-08', '99.65', '      excluded: 40 Tage\n')), 'availability-not-met'), ['11:17 99.65']);
    assert.deepEqual(findings(plan('99.9', result('2026-08', '99.65', '      excluded: 2\n')), 'availability-not-met'), ['11:17 99.65']);
  });

  it('still compares a result whose period is invalid, naming the period as written', () => {
    const text = plan('99.9', result('2026-13', '99.5'));
    assert.deepEqual(findings(text, 'availability-not-met'), ['11:17 99.5']);
    assert.match(messagesOf(text, 'availability-not-met', 'en')[0] ?? '', /^In 2026-13 the measured/);
  });

  it('is silent without a valid target or without a measured number', () => {
    assert.deepEqual(findings(plan('150', result('2026-11', '10')), 'availability-not-met'), []);
    assert.deepEqual(findings(`${HEAD}availability:\n  results:\n${result('2026-11', '10')}scenarios: []\n`, 'availability-not-met'), []);
    assert.deepEqual(findings(plan('99.9', result('2026-11', 'hoch')), 'availability-not-met'), []);
  });
});
