import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { clockDuration, formatPercent, periodTitle } from '../../server/src/core/i18n/measureMessages';
import {
  availabilityOfOutages,
  availabilityPercent,
  downtimeText,
  evaluationGrid,
  GridStates,
  gridChunks,
  periodSpan,
  recordedPercent,
  type MeasuredAvailability,
} from '../../server/src/core/measure/availability';
import { measuredFromList } from '../../server/src/core/measure/measuredPeriod';
import { instantSeconds, readOutagesCsv } from '../../server/src/core/measure/outagesCsv';
import { measurementsToQuery, type RecordedResult } from '../../server/src/core/measure/measurements';
import { availabilityPlan, availabilityResultEdits } from '../../server/src/core/measure/planResults';
import { parsePeriod, type Period } from '../../server/src/core/period';
import { applyEdits } from '../../server/src/core/yaml/offsetEdits';

/**
 * The availability import's arithmetic without a server (core/measure/): the points of a range
 * query as runs of up, down and no data; the period's boundaries; several series; the figures as
 * the plan records them; a list of outages; and the edits into availability.results.
 */

const november = parsePeriod('2026-11') as Period;
const span = periodSpan(november);
const at = (iso: string) => Date.parse(iso) / 1000;

/** Samples of one series every `step` seconds from `from` to before `to`, 1 except where `down` says 0. */
function samples(from: number, to: number, step: number, down: (t: number) => boolean = () => false): [number, string][] {
  const result: [number, string][] = [];
  for (let t = from; t < to; t += step) result.push([t, down(t) ? '0' : '1']);
  return result;
}

/** A small grid: ten points a minute apart, from 00:00. */
function tenMinutes(): GridStates {
  return new GridStates(evaluationGrid({ start: 0, end: 600 }, 60));
}

describe('points of a range query as the time up, down and without data', () => {
  it('takes each point for the step after it; outages are the maximal runs that are not up', () => {
    const states = tenMinutes();
    assert.equal(states.add('{}', samples(0, 600, 60, (t) => (t >= 120 && t < 240) || t === 360)), undefined);
    const measured = states.measured();
    assert.deepEqual(measured.outages, [
      { start: 120, end: 240, withoutData: 0 },
      { start: 360, end: 420, withoutData: 0 },
    ]);
    assert.deepEqual([measured.up, measured.downtime, measured.withoutData], [420, 180, 0]);
    assert.equal(availabilityPercent(measured), 70);
  });

  it('an outage at either end of the period ends there', () => {
    const states = tenMinutes();
    states.add('{}', samples(0, 600, 60, (t) => t < 60 || t >= 540));
    assert.deepEqual(states.measured().outages, [
      { start: 0, end: 60, withoutData: 0 },
      { start: 540, end: 600, withoutData: 0 },
    ]);
  });

  it('the last point stands only for the time up to the period\'s end', () => {
    const states = new GridStates(evaluationGrid({ start: 0, end: 500 }, 60));
    assert.equal(states.grid.points, 9);
    states.add('{}', samples(0, 540, 60, (t) => t === 480));
    assert.deepEqual(states.measured().outages, [{ start: 480, end: 500, withoutData: 0 }]);
  });

  it('counts points without any value as downtime, and says how much of it had no data', () => {
    const states = tenMinutes();
    // 03:00 and 04:00 have no sample; 05:00 is down: one outage of three minutes, two without data.
    states.add('{}', [...samples(0, 180, 60), [300, '0'], ...samples(360, 600, 60)]);
    const measured = states.measured();
    assert.deepEqual(measured.outages, [{ start: 180, end: 360, withoutData: 120 }]);
    assert.deepEqual([measured.up, measured.downtime, measured.withoutData], [420, 180, 120]);
    assert.equal(states.hasData, true);
    assert.equal(tenMinutes().hasData, false);
  });

  it('with several series: down when any is 0, up when one is 1 and none is 0, no data when none has a value', () => {
    const states = tenMinutes();
    states.add('{instance="a"}', samples(0, 300, 60, (t) => t === 60));
    states.add('{instance="b"}', samples(0, 600, 60, (t) => t === 120 || t === 480));
    // a: no values from 05:00 on; b alone decides there.
    const measured = states.measured();
    assert.equal(states.series, 2);
    assert.deepEqual(measured.outages, [
      { start: 60, end: 180, withoutData: 0 },
      { start: 480, end: 540, withoutData: 0 },
    ]);
  });

  it('a series may come in several chunks: they fill the same grid', () => {
    const states = tenMinutes();
    states.add('{}', samples(0, 300, 60, (t) => t === 240));
    states.add('{}', samples(300, 600, 60, (t) => t === 300));
    assert.equal(states.series, 1);
    assert.deepEqual(states.measured().outages, [{ start: 240, end: 360, withoutData: 0 }]);
  });

  it('refuses values other than 0 and 1, and times off the grid, adding nothing', () => {
    const states = tenMinutes();
    assert.deepEqual(states.add('{}', [[0, '1'], [60, '0.5']]), { wrong: 'value', value: '0.5', time: 60 });
    assert.deepEqual(states.add('{}', [[0, 'NaN']]), { wrong: 'value', value: 'NaN', time: 0 });
    assert.deepEqual(states.add('{}', [[30, '1']]), { wrong: 'time', time: 30 });
    assert.deepEqual(states.add('{}', [[600, '1']]), { wrong: 'time', time: 600 });
    assert.equal(states.hasData, false);
  });
});

describe('the grid in range queries of at most 10,000 points', () => {
  it('covers every point once, in order, each query within Prometheus\'s 11,000 points', () => {
    for (const step of [1, 15, 60, 300, 7]) {
      const grid = evaluationGrid(periodSpan(parsePeriod('2026') as Period), step);
      const chunks = gridChunks(grid);
      assert.equal(chunks[0]?.start, grid.start);
      let points = 0;
      chunks.forEach((chunk, i) => {
        const count = (chunk.end - chunk.start) / step + 1;
        assert.ok(Number.isInteger(count) && count <= 10_000 && (chunk.end - chunk.start) / step <= 11_000, `chunk ${i} at step ${step}`);
        if (i > 0) assert.equal(chunk.start, (chunks[i - 1]?.end ?? 0) + step);
        points += count;
      });
      assert.equal(points, grid.points, `step ${step}`);
      assert.ok((chunks[chunks.length - 1]?.end ?? 0) < grid.end);
    }
    // A month at one minute: 43,200 points in five queries.
    assert.equal(gridChunks(evaluationGrid(span, 60)).length, 5);
  });
});

describe('a list of outages (CSV)', () => {
  it('clips each to the period and joins those that overlap or touch', () => {
    const measured = availabilityOfOutages(span, [
      { start: span.start - 600, end: span.start + 600 },
      { start: at('2026-11-10T10:00:00Z'), end: at('2026-11-10T10:30:00Z') },
      { start: at('2026-11-10T10:30:00Z'), end: at('2026-11-10T10:45:00Z') },
      { start: at('2026-11-10T10:40:00Z'), end: at('2026-11-10T10:50:00Z') },
      { start: span.end, end: span.end + 60 },
    ]);
    assert.deepEqual(measured.outages, [
      { start: span.start, end: span.start + 600, withoutData: 0 },
      { start: at('2026-11-10T10:00:00Z'), end: at('2026-11-10T10:50:00Z'), withoutData: 0 },
    ]);
    assert.equal(measured.downtime, 3600);
  });

  it('reads start,end[,reason]: a header, quotes, offsets, semicolons; whole seconds that lose nothing', () => {
    assert.deepEqual(readOutagesCsv('\uFEFFBeginn;Ende;Grund\r\n2026-11-04 09:00;2026-11-04 10:30:00.5+01:00;"Update; Neustart"\r\n\r\n'), {
      outages: [{ start: at('2026-11-04T09:00:00Z'), end: at('2026-11-04T09:30:01Z'), line: 2, reason: 'Update; Neustart' }],
    });
    assert.deepEqual(readOutagesCsv('2026-11-04T10:00:00.9Z,2026-11-04T10:01:00Z,"sagte ""nein"""'), {
      outages: [{ start: at('2026-11-04T10:00:00Z'), end: at('2026-11-04T10:01:00Z'), line: 1, reason: 'sagte "nein"' }],
    });
    assert.deepEqual(readOutagesCsv(''), { outages: [] });
  });

  it('names the line and what is wrong with it', () => {
    assert.deepEqual(readOutagesCsv('start,end\n2026-11-04T10:00Z\n'), { problem: 'fields', line: 2, count: 1 });
    assert.deepEqual(readOutagesCsv('2026-11-04T10:00Z,2026-11-04T10:00Z'), { problem: 'order', line: 1 });
    assert.deepEqual(readOutagesCsv('2026-11-31T10:00Z,2026-12-01T10:00Z'), { problem: 'time', line: 1, text: '2026-11-31T10:00Z' });
    assert.deepEqual(readOutagesCsv('2026-11-04T10:00Z,2026-11-04T11:00Z,"offen\n'), { problem: 'quote', line: 1 });
    assert.deepEqual(readOutagesCsv('x,y\nstart,end\n'), { problem: 'time', line: 2, text: 'start' });
  });

  it('knows ISO 8601 dates and times, and no other', () => {
    assert.equal(instantSeconds('2026-11-04T10:00:00Z'), at('2026-11-04T10:00:00Z'));
    assert.equal(instantSeconds('2026-11-04T10:00-0230'), at('2026-11-04T12:30:00Z'));
    assert.equal(instantSeconds('2026-11-04t10:00:00+02'), at('2026-11-04T08:00:00Z'));
    for (const text of ['2026-11-04', '2026-11-04T24:00Z', '2026-11-04T10:60Z', '2026-02-29T10:00Z', '04.11.2026 10:00', '2026-11-04T10:00+25:00', 'now']) {
      assert.equal(instantSeconds(text), undefined, text);
    }
  });

  it('keeps the reasons of the outages inside the period', () => {
    const read = readOutagesCsv('2026-10-31T23:00Z,2026-11-01T01:00Z,Strom\n2026-12-02T00:00Z,2026-12-02T01:00Z,später\n');
    assert.ok('outages' in read);
    const result = measuredFromList('ping', november, read.outages, { target: 99.5, measurements: [], excluded: [] });
    assert.deepEqual(result.from.kind === 'list' && result.from.listed.map((outage) => outage.reason), ['Strom']);
    assert.deepEqual([result.recorded, result.measured.downtime, result.belowTarget], [99.86, 3600, false]);
  });

  it('compares with the target as drplan check does: the maintenance the plan excludes for the period and source left out', () => {
    const read = readOutagesCsv('2026-11-04T10:00Z,2026-11-04T11:30Z\n2026-11-17T03:15Z,2026-11-17T04:00Z\n');
    assert.ok('outages' in read);
    const plan = { target: 99.9, measurements: [], excluded: [{ period: '2026-11', source: 'ping', minutes: 120 }] };
    const excluding = measuredFromList('ping', november, read.outages, plan);
    // From the figure recorded, as the rule reads it: 0.31 % of 43,200 minutes down, 120 of them announced.
    assert.deepEqual([excluding.recorded, excluding.excluded, excluding.belowTarget], [99.69, 120, false]);
    assert.ok(Math.abs(excluding.compared - 100 * (1 - (0.0031 * 43_200 - 120) / 43_080)) < 1e-9, String(excluding.compared));
    const other = measuredFromList('http', november, read.outages, plan);
    assert.deepEqual([other.excluded, other.compared, other.belowTarget], [0, 99.69, true]);
  });
});

describe('the figures as a plan records them', () => {
  const measuredWith = (down: number, length = 43_200 * 60): MeasuredAvailability => ({
    span: { start: 0, end: length },
    up: length - down,
    downtime: down,
    withoutData: 0,
    outages: [],
  });

  it('rounds to two decimals, half up, in whole numbers: 135 minutes of November are 99.69 %', () => {
    assert.equal(recordedPercent(measuredWith(135 * 60), undefined), 99.69);
    assert.equal(recordedPercent(measuredWith(0), 99.9), 100);
    assert.equal(recordedPercent(measuredWith(216), 99.9), 99.99);
  });

  it('never rounds up onto the target it missed, nor to 100 with any downtime', () => {
    // 99.8951 % against 99.9: 99.89, not 99.90.
    const length = 1_000_000;
    assert.equal(recordedPercent(measuredWith(1049, length), 99.9), 99.89);
    assert.equal(recordedPercent(measuredWith(1049, length), 99.5), 99.9);
    assert.equal(recordedPercent(measuredWith(1, length), undefined), 99.99);
    // As many decimals as the target has: 99.995 is met by 99.9951 and missed by 99.9949.
    assert.equal(recordedPercent(measuredWith(49, length), 99.995), 99.995);
    assert.equal(recordedPercent(measuredWith(51, length), 99.995), 99.994);
  });

  it('writes the downtime as minutes, and with seconds in ISO 8601', () => {
    assert.deepEqual([0, 60, 8100, 90, 3661, 30].map(downtimeText), ['0', '1 min', '135 min', 'PT1M30S', 'PT1H1M1S', 'PT30S']);
  });

  it('shows percentages and lengths of time for people', () => {
    assert.equal(formatPercent(99.69, 'de'), '99,69 %');
    assert.equal(formatPercent(100, 'en'), '100.00 %');
    assert.equal(formatPercent(99.995, 'en'), '99.995 %');
    assert.equal(formatPercent(99.9, 'de', 0), '99,9 %');
    assert.deepEqual([0, 45 * 60, 8100, 3620, 1_000_000].map((s) => clockDuration(s, 'en')), ['0', '45 min', '2 h 15 min', '1 h 0 min 20 s', '277 h 46 min 40 s']);
    assert.deepEqual(['2026-11', '2026-Q3', '2026'].map((p) => periodTitle(parsePeriod(p) as Period, 'en')), ['November 2026', 'Q3 2026', '2026']);
    assert.deepEqual(['2026-11', '2026-Q3'].map((p) => periodTitle(parsePeriod(p) as Period, 'de')), ['November 2026', '3. Quartal 2026']);
  });
});

describe('the plan: what to measure, and the results written into it', () => {
  const plan = (results = '') => `drplan: "1"
availability:
  target: 99.9 # SLA
  measurements:
    - id: http
      interval: 30 s
      query: probe_success{instance="a"}
    - id: manual
      interval: 5 min
    - id: zeo
      query: up{job="zeo"}
${results}scenarios: []
`;
  const result = (source: string, measured: number, downtime: number, outages: number): RecordedResult => ({ source, measured, downtime, outages });

  it('reads the measurements with their queries and intervals, and the target', () => {
    assert.deepEqual(availabilityPlan(analyze(plan())), {
      target: 99.9,
      measurements: [
        { id: 'http', query: 'probe_success{instance="a"}', interval: 30 },
        { id: 'manual', query: undefined, interval: 300 },
        { id: 'zeo', query: 'up{job="zeo"}', interval: undefined },
      ],
      excluded: [],
    });
    // The maintenance the recorded entries exclude, kept by the import; none where invalid or without a source.
    const excluding = `  results:
    - { period: 2026-11, measured: 99, excluded: 2h, source: http }
    - { period: 2026-Q3, measured: 99, excluded: 0, source: http }
    - { period: 2026-10, measured: 99, excluded: 32 d, source: http }
    - { period: 2026-10, measured: 99, excluded: 1h }
`;
    assert.deepEqual(availabilityPlan(analyze(plan(excluding))).excluded, [{ period: '2026-11', source: 'http', minutes: 120 }]);
    const read = availabilityPlan(analyze(plan()));
    assert.deepEqual(
      (measurementsToQuery(read, undefined) as { id: string }[]).map((m) => m.id),
      ['http', 'zeo'],
    );
    assert.deepEqual(measurementsToQuery(read, 'manual'), { problem: 'noQuery', source: 'manual' });
    assert.deepEqual(measurementsToQuery(read, 'ping'), { problem: 'unknownSource', source: 'ping' });
    assert.deepEqual(measurementsToQuery(availabilityPlan(analyze('drplan: "1"\nscenarios: []\n')), undefined), { problem: 'noQuery' });
  });

  it('adds a results list with one entry per source; a later period after the others', () => {
    const first = availabilityResultEdits(analyze(plan()), november, [result('http', 99.69, 8100, 2), result('zeo', 100, 0, 0)]);
    assert.ok(!('problem' in first));
    assert.equal(
      first.text,
      plan(`  results:
    - period: 2026-11
      measured: 99.69
      downtime: 135 min
      outages: 2
      source: http
    - period: 2026-11
      measured: 100
      downtime: 0
      outages: 0
      source: zeo
`),
    );
    assert.equal(applyEdits(plan(), [first.edit]), first.text, 'the one edit makes the same text');
    const second = availabilityResultEdits(analyze(first.text), parsePeriod('2026-Q4') as Period, [result('http', 99.5, 60, 1)]);
    assert.ok(!('problem' in second));
    assert.ok(second.text.endsWith('      source: zeo\n    - period: 2026-Q4\n      measured: 99.5\n      downtime: 1 min\n      outages: 1\n      source: http\nscenarios: []\n'));
    assert.deepEqual(second.replaced, []);
  });

  it('replaces the entry of the same period and source, as written: 2026 read as a number, a flow list', () => {
    const text = plan('  results: [ { period: 2026, measured: 98, excluded: 1 h, source: http }, { period: 2026, source: zeo } ]   # Jahr\n');
    const edited = availabilityResultEdits(analyze(text), parsePeriod('2026') as Period, [result('http', 99.5, 60, 1)]);
    assert.ok(!('problem' in edited));
    assert.equal(edited.text, plan('  results: [ { period: 2026, measured: 99.5, excluded: 1 h, source: http, downtime: 1 min, outages: 1 }, { period: 2026, source: zeo } ]   # Jahr\n'));
    assert.deepEqual(edited.replaced, ['http']);
  });

  it('fills an empty results key', () => {
    const edited = availabilityResultEdits(analyze(plan('  results:   # noch keine\n')), november, [result('http', 99.69, 8100, 2)]);
    assert.ok(!('problem' in edited));
    assert.ok(edited.text.includes('  results:   # noch keine\n    - period: 2026-11\n      measured: 99.69\n'));
  });

  it('writes nothing into a plan it cannot read, nor through an alias', () => {
    assert.deepEqual(availabilityResultEdits(analyze(`${plan()}x: [\n`), november, [result('http', 99, 60, 1)]), { problem: 'unreadable' });
    const aliased = plan('  results:\n    - &entry { period: 2026-10, source: http }\n    - *entry\n');
    assert.deepEqual(availabilityResultEdits(analyze(aliased.replace('2026-10', '2026-11')), november, [result('http', 99, 60, 1)]), { problem: 'alias', source: 'http' });
    assert.deepEqual(availabilityResultEdits(analyze('drplan: "1"\navailability: 5\n'), november, [result('http', 99, 60, 1)]), { problem: 'shape', key: 'availability' });
    assert.deepEqual(availabilityResultEdits(analyze('drplan: "1"\navailability:\n  results: viele\n'), november, [result('http', 99, 60, 1)]), { problem: 'shape', key: 'results' });
  });
});
