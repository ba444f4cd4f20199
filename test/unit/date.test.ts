import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, parseDate } from '../../server/src/core/date';

describe('parseDate', () => {
  it('reads calendar dates', () => {
    assert.equal(parseDate('1970-01-02'), 1);
    assert.equal(formatDate(parseDate('2026-11-28') as number, 'de'), '28.11.2026');
    assert.equal(formatDate(parseDate('2024-02-29') as number, 'en'), '2024-02-29');
  });
  it('rejects what is not YYYY-MM-DD or no real day', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '01.02.2026', '2026-1-1', '20260101', '', 'morgen']) {
      assert.equal(parseDate(bad), undefined, bad);
    }
    assert.equal(parseDate(20260101), undefined);
  });
});
