import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addToDate, formatDate, formatDateTime, offsetText, parseDate, parseDateTime } from '../../server/src/core/date';
import { parseDuration } from '../../server/src/core/duration';

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

describe('addToDate: a date plus a duration, months on the calendar', () => {
  const plus = (date: string, duration: string) => {
    const read = parseDuration(duration);
    assert.ok(read.ok, duration);
    return formatDate(addToDate(parseDate(date) as number, read.calendar), 'en');
  };
  it('counts months and years on the calendar, not as 30 and 365 days', () => {
    assert.equal(plus('2025-12-08', '12 Monate'), '2026-12-08');
    assert.equal(plus('2025-12-08', '1 Jahr'), '2026-12-08');
    assert.equal(plus('2026-11-30', '3 Monate'), '2027-02-28');
    assert.equal(plus('2026-03-15', 'P6M'), '2026-09-15');
  });
  it('makes a day the month lacks its last day', () => {
    assert.equal(plus('2026-01-31', '1 Monat'), '2026-02-28');
    assert.equal(plus('2028-01-31', '1 Monat'), '2028-02-29');
    assert.equal(plus('2026-03-31', '1 Monat'), '2026-04-30');
    assert.equal(plus('2026-08-31', '6 Monate'), '2027-02-28');
  });
  it('handles leap days', () => {
    assert.equal(plus('2024-02-29', '1 Jahr'), '2025-02-28');
    assert.equal(plus('2024-02-29', '4 Jahre'), '2028-02-29');
    assert.equal(plus('2024-02-28', '1 Tag'), '2024-02-29');
    assert.equal(plus('2024-02-28', '1 Woche'), '2024-03-06');
  });
  it('counts weeks and days exactly, and hours as a fraction of a day', () => {
    assert.equal(plus('2026-12-28', '2 Wochen'), '2027-01-11');
    assert.equal(plus('2026-12-31', '1 Tag'), '2027-01-01');
    assert.equal(addToDate(parseDate('2026-01-01') as number, { months: 0, minutes: 36 * 60 }) - (parseDate('2026-01-01') as number), 1.5);
    assert.equal(plus('2026-01-31', 'P1M1D'), '2026-03-01');
  });
});

describe('parseDateTime: when an exercise began, ISO 8601', () => {
  it('reads the day and time as written, with the offset from UTC where one is given', () => {
    assert.deepEqual(parseDateTime('2026-11-20T09:15:00+01:00'), { day: parseDate('2026-11-20'), minute: 9 * 60 + 15, offset: 60 });
    assert.deepEqual(parseDateTime('2026-11-20T09:15'), { day: parseDate('2026-11-20'), minute: 555, offset: undefined });
    assert.deepEqual(parseDateTime('2026-11-20T23:59:59.250Z'), { day: parseDate('2026-11-20'), minute: 23 * 60 + 59, offset: 0 });
    assert.deepEqual(parseDateTime('2026-06-15T08:30:00-0430'), { day: parseDate('2026-06-15'), minute: 510, offset: -270 });
    assert.deepEqual(parseDateTime('2026-06-15T08:30+02'), { day: parseDate('2026-06-15'), minute: 510, offset: 120 });
  });
  it('rejects what is no date and time of a real day', () => {
    for (const bad of ['2026-11-20', '2026-11-20 09:15', '2026-02-30T09:15', '2026-11-20T24:00', '2026-11-20T09:60', '2026-11-20T09:15:61', '2026-11-20T09:15+15:00', '20.11.2026 09:15', 'T09:15', '']) {
      assert.equal(parseDateTime(bad), undefined, bad);
    }
    assert.equal(parseDateTime(20261120), undefined);
  });
  it('is shown as written, with the offset apart', () => {
    const time = parseDateTime('2026-06-15T08:30:00+02:00');
    assert.ok(time);
    assert.equal(formatDateTime(time, 'de'), '15.06.2026, 08:30 Uhr');
    assert.equal(formatDateTime(time, 'en'), '2026-06-15 08:30');
    assert.equal(offsetText(120), 'UTC+02:00');
    assert.equal(offsetText(-270), 'UTC−04:30');
    assert.equal(offsetText(0), 'UTC');
  });
});
