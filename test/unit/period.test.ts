import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate } from '../../server/src/core/date';
import { parsePeriod, periodLabel, periodMinutes } from '../../server/src/core/period';

describe('periods of measured availability', () => {
  it('reads a month, a quarter and a year as the days they cover, the end exclusive', () => {
    assert.deepEqual(parsePeriod('2026-11'), { id: '2026-11', kind: 'month', start: parseDate('2026-11-01'), end: parseDate('2026-12-01') });
    assert.deepEqual(parsePeriod('2026-12'), { id: '2026-12', kind: 'month', start: parseDate('2026-12-01'), end: parseDate('2027-01-01') });
    assert.deepEqual(parsePeriod('2026-Q3'), { id: '2026-Q3', kind: 'quarter', start: parseDate('2026-07-01'), end: parseDate('2026-10-01') });
    assert.deepEqual(parsePeriod('2026-q4'), { id: '2026-Q4', kind: 'quarter', start: parseDate('2026-10-01'), end: parseDate('2027-01-01') });
    assert.deepEqual(parsePeriod('2026'), { id: '2026', kind: 'year', start: parseDate('2026-01-01'), end: parseDate('2027-01-01') });
    assert.deepEqual(parsePeriod(2026), parsePeriod('2026'), 'a year YAML read as a number');
  });

  it('counts the minutes of February in a leap year and of a year', () => {
    const february = parsePeriod('2024-02');
    assert.ok(february);
    assert.equal(periodMinutes(february), 29 * 1440);
    const year = parsePeriod('2026');
    assert.ok(year);
    assert.equal(periodMinutes(year), 365 * 1440);
  });

  it('refuses what is no period', () => {
    for (const value of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-11', '2026-1', '2026-11-01', 'November', '', '1969', 2026.5, null, undefined, ['2026']]) {
      assert.equal(parsePeriod(value), undefined, String(value));
    }
  });

  it('names a period in German', () => {
    assert.equal(periodLabel(parsePeriod('2026-03')!), 'März 2026');
    assert.equal(periodLabel(parsePeriod('2026-Q3')!), '3. Quartal 2026');
    assert.equal(periodLabel(parsePeriod('2026')!), '2026');
  });
});
