import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { parseDate } from '../../server/src/core/date';
import { comparedAvailability, countedDowntime, downtimeByYear, provingResults } from '../../server/src/core/model/availability';
import { suggestedPeriod } from '../../server/src/core/validate/rules/periodSyntax';
import { findings, HEAD, messagesOf } from '../support/rulePlans';

/** The model of a plan with these results (and a target of 99.9 %). */
function modelOf(results: string, head = HEAD) {
  return analyze(`${head}availability:\n  target: 99.9\n  results:\n${results}scenarios: []\n`, { today: new Date('2026-12-05') }).model;
}

describe('measured availability against the target (model/availability.ts)', () => {
  it('reads the results: the period as written and the days it covers, numbers, durations, the source', () => {
    const [result] = modelOf('    - { period: 2026-Q3, measured: 99.78, downtime: 290 min, outages: 3, source: http, excluded: 2h }\n').availability?.results ?? [];
    assert.ok(result);
    assert.equal(result.period?.value, '2026-Q3');
    assert.deepEqual(result.days, { id: '2026-Q3', kind: 'quarter', start: parseDate('2026-07-01'), end: parseDate('2026-10-01') });
    assert.equal(result.measured?.value, 99.78);
    assert.equal(result.downtime?.minutes, 290);
    assert.equal(result.outages?.value, 3);
    assert.equal(result.source?.value, 'http');
    assert.equal(result.excluded?.minutes, 120);
    // A year written as a number is the year; a fraction of outages is none.
    const [year] = modelOf('    - { period: 2025, measured: 100, outages: 1.5 }\n').availability?.results ?? [];
    assert.equal(year?.period?.value, '2025');
    assert.equal(year?.days?.kind, 'year');
    assert.equal(year?.outages, undefined);
  });

  it('leaves the excluded maintenance out of the period and of the time down', () => {
    const [plain, excluded] = modelOf('    - { period: 2026-11, measured: 99.69 }\n    - { period: 2026-11, measured: 99.69, excluded: 2h }\n').availability?.results ?? [];
    assert.ok(plain && excluded);
    assert.equal(comparedAvailability(plain), 99.69);
    // 0.31 % of 43,200 minutes is 133.92 down; without 120 minutes of maintenance, 13.92 of 43,080.
    assert.ok(Math.abs((comparedAvailability(excluded) as number) - (100 - (13.92 / 43080) * 100)) < 1e-9);
    assert.ok(Math.abs((countedDowntime(plain) as number) - 133.92) < 1e-9);
    assert.ok(Math.abs((countedDowntime(excluded) as number) - 13.92) < 1e-9);
  });

  it('adds up each year’s downtime per source, each month once', () => {
    const model = modelOf(
      [
        '    - { period: 2026-Q3, measured: 99.78, downtime: 290 min, source: http, excluded: 2h }',
        '    - { period: 2026-08, measured: 99.5, downtime: 200 min, source: http }', // inside Q3: counted there
        '    - { period: 2026-10, measured: 99.82, downtime: 80 min, source: http }',
        '    - { period: 2026-11, measured: 99.91, downtime: 39 min, source: http }',
        '    - { period: 2026-11, measured: 99.8, downtime: 86 min, source: zeo }',
        '    - { period: 2025, measured: 99.95, source: http }', // no downtime written: the share measured misses
        '    - { period: 2025-05, measured: 99.1, downtime: 400 min, source: http }', // inside the year: counted there
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      downtimeByYear(model).map(({ year, source, minutes, covered }) => [year, source, Math.round(minutes * 100) / 100, covered.map((period) => period.id)]),
      [
        [2025, 'http', 262.8, ['2025']],
        [2026, 'http', 289, ['2026-Q3', '2026-10', '2026-11']],
        [2026, 'zeo', 86, ['2026-11']],
      ],
    );
  });

  it('proves the target with measured periods that ended within the review interval', () => {
    const model = modelOf('    - { period: 2025-11, measured: 99 }\n    - { period: 2025-12, measured: 99.95 }\n    - { period: 2026-10 }\n    - { period: 2026-12, measured: 100 }\n');
    const proving = (day: string) => provingResults(model, parseDate(day) as number).map((result) => result.period?.value);
    // November 2025 ended on 2025-12-01: due again on 2026-12-01, overdue the day after.
    assert.deepEqual(proving('2026-12-01'), ['2025-11', '2025-12']);
    assert.deepEqual(proving('2026-12-02'), ['2025-12']);
    assert.deepEqual(proving('2027-01-02'), ['2026-12']);
    // December 2026 proves nothing before it has ended.
    assert.deepEqual(proving('2027-01-01'), ['2025-12', '2026-12']);
  });
});

describe('invalid-value of a period, and its quick fix where the author’s meaning is clear', () => {
  const plan = (period: string) => `${HEAD}availability:\n  results:\n    - period: ${period}\n      measured: 99.9\nscenarios: []\n`;
  it('says what a period is, and suggests the one meant', () => {
    assert.deepEqual(findings(plan('11/2026'), 'invalid-value'), ['9:15 11/2026']);
    assert.deepEqual(messagesOf(plan('11/2026'), 'invalid-value', 'de'), [
      '„11/2026“ ist kein Zeitraum für „period“; erwartet wird ein Monat (2026-11), ein Quartal (2026-Q3) oder ein Jahr (2026). Meinten Sie „2026-11“?',
    ]);
    assert.deepEqual(messagesOf(plan('2026-13'), 'invalid-value', 'en'), ["'2026-13' is not a period for 'period'; expected a month (2026-11), a quarter (2026-Q3) or a year (2026)."]);
    assert.deepEqual(messagesOf(plan('""'), 'invalid-value', 'en'), ["'period' must be a period, but is empty; expected a month (2026-11), a quarter (2026-Q3) or a year (2026)."]);
    assert.deepEqual(messagesOf(plan(''), 'invalid-value', 'en'), ["'period' must be a period, but is empty; expected a month (2026-11), a quarter (2026-Q3) or a year (2026)."]);
    assert.deepEqual(messagesOf(plan('[2026]'), 'invalid-value', 'en'), ["'[…]' is not a period for 'period'; expected a month (2026-11), a quarter (2026-Q3) or a year (2026)."]);
  });
  it('suggests only what is clear', () => {
    const cases: [string, string | undefined][] = [
      ['11/2026', '2026-11'],
      ['11.2026', '2026-11'],
      ['2026/3', '2026-03'],
      ['2026-3', '2026-03'],
      ['Q3 2026', '2026-Q3'],
      ['q3/2026', '2026-Q3'],
      ['2026 Q3', '2026-Q3'],
      ['2026Q3', '2026-Q3'],
      ['3. Quartal 2026', '2026-Q3'],
      ['November 2026', '2026-11'],
      ['Mär 2026', '2026-03'],
      ['Okt. 2026', '2026-10'],
      ['2026-13', undefined],
      ['13/2026', undefined],
      ['2026-11-01', undefined],
      ['Herbst 2026', undefined],
      ['11/1969', undefined],
    ];
    for (const [written, expected] of cases) assert.equal(suggestedPeriod(written), expected, written);
  });
});

describe('invalid-date of an exercise’s start', () => {
  const plan = (started: string) =>
    `${HEAD}scenarios:\n  - id: vm\n    category: hardware\n    type: vm-server\n    prevention: [Host]\n    recovery: [Umziehen]\n    recovery_time: 1h\n    rto: 4h\n    rpo: 0\n    exercises:\n      - date: 2026-11-20\n        started: ${started}\n`;
  it('marks a start that is no ISO 8601 date and time, in German and English', () => {
    assert.deepEqual(findings(plan('2026-11-20 09:15'), 'invalid-date'), ['18:18 2026-11-20 09:15']);
    assert.deepEqual(messagesOf(plan('2026-11-20 09:15'), 'invalid-date', 'de'), [
      '„2026-11-20 09:15“ ist kein gültiger Zeitpunkt für „started“; erwartet werden Datum und Uhrzeit nach ISO 8601, z. B. 2026-11-20T09:15:00+01:00.',
    ]);
    assert.deepEqual(messagesOf(plan('1200'), 'invalid-date', 'en'), ["'1200' is not a valid date and time for 'started'; expected an ISO 8601 date and time, e.g. 2026-11-20T09:15:00+01:00."]);
    assert.deepEqual(messagesOf(plan(''), 'invalid-date', 'en'), ["'started' must be a date and time, but is empty; expected an ISO 8601 date and time, e.g. 2026-11-20T09:15:00+01:00."]);
  });
  it('is silent for a valid one', () => {
    assert.deepEqual(findings(plan('2026-11-20T09:15:00+01:00'), 'invalid-date'), []);
    assert.deepEqual(findings(plan('2026-11-20T09:15Z'), 'invalid-date'), []);
  });
});
