import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { durationText, everyText, formatDuration, parseDuration, writtenDuration } from '../../server/src/core/duration';

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
  it('gives downtime budgets in the unit that reads best, to three significant digits', () => {
    const year = 365 * 1440;
    assert.equal(formatDuration(0.005 * year, 'de'), '43,8 Stunden', '99.5 % a year');
    assert.equal(formatDuration(0.0001 * year, 'de'), '52,6 Minuten', '99.99 % a year, not 52,56 Minuten');
    assert.equal(formatDuration(0.001 * year, 'de'), '8,76 Stunden', '99.9 % a year');
    assert.equal(formatDuration(0.1 * year, 'de'), '36,5 Tage', '90 % a year: days from 100 hours on');
    assert.equal(formatDuration(0.000001 * 30 * 1440, 'de'), '2,59 Sekunden', 'below a minute: seconds');
    assert.equal(formatDuration(0.0001 * year, 'en'), '52.6 minutes');
  });
});

describe('writtenDuration: the unit the author wrote', () => {
  const cases: [string, string, string][] = [
    ['12 Monate', '12 Monate', '12 months'],
    ['1 Jahr', '1 Jahr', '1 year'],
    ['1 w', '1 Woche', '1 week'],
    ['90 Tage', '90 Tage', '90 days'],
    ['PT4H', '4 Stunden', '4 hours'],
    ['1.5 h', '1,5 Stunden', '1.5 hours'],
    ['30 min', '30 Minuten', '30 minutes'],
    ['4h', '4 Stunden', '4 hours'],
    ['2 Std.', '2 Stunden', '2 hours'],
    ['P1Y', '1 Jahr', '1 year'],
    ['P1DT12H', '1 Tag und 12 Stunden', '1 day and 12 hours'],
    ['P1Y2M3D', '1 Jahr, 2 Monate und 3 Tage', '1 year, 2 months and 3 days'],
    ['PT90S', '90 Sekunden', '90 seconds'],
    ['1.333333 h', '1,33 Stunden', '1.33 hours'],
    ['0', '0 Minuten', '0 minutes'],
  ];
  for (const [written, de, en] of cases) {
    it(`${written} → ${de}`, () => {
      assert.equal(writtenDuration(written, 'de'), de);
      assert.equal(writtenDuration(written, 'en'), en);
    });
  }
  it('has no words for what is no duration', () => {
    for (const value of ['bald', '12 m', '12', 12, undefined]) assert.equal(writtenDuration(value, 'de'), undefined, String(value));
  });
});

describe('durationText and everyText: a field as written, a computed duration as it reads best', () => {
  it('takes a field as its author wrote it, a number as computed', () => {
    assert.deepEqual(durationText({ value: '1 Jahr', minutes: 365 * 1440 }), { de: '1 Jahr', en: '1 year' });
    assert.deepEqual(durationText(365 * 1440), { de: '365 Tage', en: '365 days' });
    assert.deepEqual(durationText({ value: 'bald', minutes: undefined }), { de: 'bald', en: 'bald' });
  });
  it('says how often: alle 4 Stunden, täglich, laufend', () => {
    assert.deepEqual(everyText({ value: '4h', minutes: 240 }), { de: 'alle 4 Stunden', en: 'every 4 hours' });
    assert.deepEqual(everyText({ value: '1 d', minutes: 1440 }), { de: 'täglich', en: 'daily' });
    assert.deepEqual(everyText({ value: '1 w', minutes: 7 * 1440 }), { de: 'wöchentlich', en: 'weekly' });
    assert.deepEqual(everyText({ value: 'PT1H', minutes: 60 }), { de: 'stündlich', en: 'hourly' });
    assert.deepEqual(everyText({ value: 0, minutes: 0 }), { de: 'laufend', en: 'continuously' });
    assert.deepEqual(everyText(60), { de: 'stündlich', en: 'hourly' });
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
