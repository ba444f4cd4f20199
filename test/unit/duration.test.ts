import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { formatDuration, parseDuration } from '../../server/src/core/duration';

const minutes = (value: unknown) => {
  const result = parseDuration(value);
  return result.ok ? result.minutes : result.problem;
};

describe('parseDuration', () => {
  it('reads zero in every spelling', () => {
    assert.equal(minutes(0), 0);
    assert.equal(minutes('0'), 0);
    assert.equal(minutes('0 min'), 0);
    assert.equal(minutes('PT0S'), 0);
  });
  it('reads ISO 8601 durations', () => {
    assert.equal(minutes('PT4H'), 240);
    assert.equal(minutes('PT30M'), 30);
    assert.equal(minutes('P1D'), 1440);
    assert.equal(minutes('P1W'), 7 * 1440);
    assert.equal(minutes('P1M'), 30 * 1440);
    assert.equal(minutes('P1Y'), 365 * 1440);
    assert.equal(minutes('P1DT12H'), 36 * 60);
    assert.equal(minutes('PT1H30M'), 90);
    assert.equal(minutes('PT90S'), 1.5);
    assert.equal(minutes('PT0.5H'), 30);
  });
  it('rejects malformed ISO 8601', () => {
    assert.equal(minutes('P'), 'syntax');
    assert.equal(minutes('PT'), 'syntax');
    assert.equal(minutes('P1DT'), 'syntax');
    assert.equal(minutes('P1H'), 'syntax');
  });
  it('reads a number and a unit, with or without a space', () => {
    assert.equal(minutes('30 min'), 30);
    assert.equal(minutes('30min'), 30);
    assert.equal(minutes('4h'), 240);
    assert.equal(minutes('1.5 h'), 90);
    assert.equal(minutes('1,5 h'), 90);
    assert.equal(minutes('2 d'), 2880);
    assert.equal(minutes('1 w'), 7 * 1440);
  });
  it('reads the German units of format.md', () => {
    const cases: [string, number][] = [
      ['30 Min.', 30],
      ['30 Minuten', 30],
      ['2 Std.', 120],
      ['1 Stunde', 60],
      ['8 Stunden', 480],
      ['1 Tag', 1440],
      ['3 Tage', 3 * 1440],
      ['1 Woche', 7 * 1440],
      ['2 Wochen', 14 * 1440],
      ['1 Monat', 30 * 1440],
      ['12 Monate', 360 * 1440],
      ['1 Jahr', 365 * 1440],
      ['2 Jahre', 730 * 1440],
    ];
    for (const [text, expected] of cases) assert.equal(minutes(text), expected, text);
  });
  it('reads English unit words', () => {
    assert.equal(minutes('2 hours'), 120);
    assert.equal(minutes('1 day'), 1440);
    assert.equal(minutes('6 months'), 180 * 1440);
  });
  it('calls a bare number ambiguous', () => {
    assert.equal(minutes(4), 'bare-number');
    assert.equal(minutes('4'), 'bare-number');
    assert.equal(minutes(1.5), 'bare-number');
  });
  it("calls 'm' alone ambiguous and gives both readings (the field decides: durationSyntax)", () => {
    assert.deepEqual(parseDuration('30m'), {
      ok: false,
      problem: 'ambiguous-m',
      readings: [
        { minutes: 30, written: '30 min' },
        { minutes: 30 * 30 * 1440, written: '30 Monate' },
      ],
    });
    assert.deepEqual(parseDuration('1 m'), { ok: false, problem: 'ambiguous-m', readings: [{ minutes: 1, written: '1 min' }, { minutes: 30 * 1440, written: '1 Monat' }] });
    assert.deepEqual(parseDuration('1,5m'), { ok: false, problem: 'ambiguous-m', readings: [{ minutes: 1.5, written: '1,5 min' }, { minutes: 45 * 1440, written: '1,5 Monate' }] });
    assert.equal(minutes('5 M'), 'ambiguous-m');
  });
  it('rejects unknown units, negatives and non-scalars', () => {
    assert.equal(minutes('3 Fortnights'), 'unknown-unit');
    assert.equal(minutes('-4h'), 'negative');
    assert.equal(minutes(-1), 'negative');
    assert.equal(minutes('bald'), 'syntax');
    assert.equal(minutes(''), 'syntax');
    assert.equal(minutes(null), 'not-scalar');
    assert.equal(minutes([1]), 'not-scalar');
    assert.equal(minutes(true), 'not-scalar');
  });
});

describe('parseDuration: the calendar reading (months on the calendar, the rest exact)', () => {
  const calendar = (value: unknown) => {
    const result = parseDuration(value);
    return result.ok ? result.calendar : result.problem;
  };
  it('counts months and years as calendar months, whatever the spelling', () => {
    assert.deepEqual(calendar('12 Monate'), { months: 12, minutes: 0 });
    assert.deepEqual(calendar('1 Jahr'), { months: 12, minutes: 0 });
    assert.deepEqual(calendar('P1Y2M'), { months: 14, minutes: 0 });
    assert.deepEqual(calendar('1.5 Jahre'), { months: 18, minutes: 0 });
  });
  it('counts weeks, days and hours exactly, and a fraction of a month as 30 days', () => {
    assert.deepEqual(calendar('2 Wochen'), { months: 0, minutes: 14 * 1440 });
    assert.deepEqual(calendar('P1M1DT12H'), { months: 1, minutes: 36 * 60 });
    assert.deepEqual(calendar('1.5 Monate'), { months: 1, minutes: 15 * 1440 });
    assert.deepEqual(calendar(0), { months: 0, minutes: 0 });
  });
  it('keeps the comparison reading: a month is 30 days, a year 365', () => {
    assert.equal(minutes('12 Monate'), 360 * 1440);
    assert.equal(minutes('1 Jahr'), 365 * 1440);
  });
});

describe('formatDuration', () => {
  it('speaks German', () => {
    assert.equal(formatDuration(480, 'de'), '8 Stunden');
    assert.equal(formatDuration(60, 'de'), '1 Stunde');
    assert.equal(formatDuration(90, 'de'), '1,5 Stunden');
    assert.equal(formatDuration(30, 'de'), '30 Minuten');
    assert.equal(formatDuration(36 * 60, 'de'), '36 Stunden');
    assert.equal(formatDuration(2 * 1440, 'de'), '2 Tage');
    assert.equal(formatDuration(14 * 1440, 'de'), '2 Wochen');
    assert.equal(formatDuration(180 * 1440, 'de'), '6 Monate');
    assert.equal(formatDuration(0, 'de'), '0 Minuten');
  });
  it('speaks English', () => {
    assert.equal(formatDuration(480, 'en'), '8 hours');
    assert.equal(formatDuration(1, 'en'), '1 minute');
    assert.equal(formatDuration(365 * 2 * 1440, 'en'), '2 years');
  });
});

describe("invalid-duration for 'm' alone: the field's typical values decide between minutes and months", () => {
  const plan = (fields: string) =>
    `drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"${fields.startsWith('review') ? `, ${fields}` : ''}}\n` +
    `backups: [{id: b, what: x, method: repozo, interval: 4h, retention: ${fields.startsWith('retention') ? fields.split(': ')[1] : '30 Tage'}}]\n` +
    `scenarios:\n  - {id: s, category: hardware, type: vm-server, prevention: [a], recovery: [a], recovery_time: 1h, rto: ${fields.startsWith('rto') ? fields.split(': ')[1] : '4h'}, rpo: 0, backup: b}\n`;
  const found = (fields: string, locale: 'de' | 'en' = 'en') => analyze(plan(fields)).diagnostics(locale).filter((d) => d.code === 'invalid-duration');

  it('a review interval of 12 m is 12 months', () => {
    const [d] = found('review_interval: 12 m');
    assert.equal(d?.message, "'12 m' is not a valid duration for 'review_interval': 'm' alone is ambiguous (minutes or months?). Did you mean '12 Monate'?");
    assert.deepEqual(d?.data, { field: 'review_interval', problem: 'ambiguous-m', suggestion: '12 Monate' });
    assert.equal(found('review_interval: 1m', 'de')[0]?.message, '„1m“ ist keine gültige Dauer für „review_interval“: „m“ allein ist mehrdeutig (Minuten oder Monate?). Meinten Sie „1 Monat“?');
  });

  it('a retention of 3 m is 3 months; an RTO of 30 m is 30 minutes', () => {
    assert.equal(found('retention: 3 m')[0]?.data?.suggestion, '3 Monate');
    assert.equal(found('rto: 30 m')[0]?.data?.suggestion, '30 min');
  });

  it('names both readings, and suggests neither, where the field leaves it open (an RTO of 2 m)', () => {
    const [d] = found('rto: 2 m', 'de');
    assert.match(d?.message ?? '', /Meinten Sie „2 min“ oder „2 Monate“\?$/);
    assert.deepEqual(d?.data, { field: 'rto', problem: 'ambiguous-m', alternatives: ['2 min', '2 Monate'] });
  });
});
