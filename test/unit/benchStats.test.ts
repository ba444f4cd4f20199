import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryOfStatus, processMemory, resetPeakMemory } from '../../bench/servers';
import { fraction, median, ms, percentile } from '../../bench/stats';

/** The figures `npm run bench` computes (bench/stats.ts, bench/servers.ts). */
describe('the benchmark\'s figures', () => {
  it('takes percentiles by nearest rank, whatever the order of the values', () => {
    const values = [7, 1, 10, 3, 5, 2, 9, 4, 8, 6];
    assert.equal(median(values), 5);
    assert.equal(percentile(values, 90), 9);
    assert.equal(percentile(values, 100), 10);
    assert.equal(percentile(values, 0), 1);
    // Of 9 or 5 values, p90 is the largest; of 40, the 36th.
    assert.equal(percentile([1, 2, 3, 4, 5], 90), 5);
    assert.equal(percentile(Array.from({ length: 40 }, (_, i) => i + 1), 90), 36);
    assert.ok(Number.isNaN(median([])));
    assert.deepEqual(values, [7, 1, 10, 3, 5, 2, 9, 4, 8, 6]);
  });

  it('states a ratio as the issue states its targets', () => {
    assert.equal(fraction(8, 400), '1/50');
    assert.equal(fraction(280, 700), '1/2.5');
    assert.equal(fraction(100, 100), '1/1.0');
    assert.equal(fraction(150, 100), '1.5×');
    assert.equal(fraction(0, 100), '–');
    assert.equal(fraction(NaN, 100), '–');
  });

  it('rounds milliseconds to three figures', () => {
    assert.equal(ms(1234.5), '1235');
    assert.equal(ms(12.345), '12.3');
    assert.equal(ms(1.2345), '1.23');
    assert.equal(ms(NaN), '–');
  });

  it('reads a process\'s peak and current resident memory from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  153600 kB\nVmRSS:\t  102400 kB\nRssAnon:\t   80000 kB\n';
    assert.deepEqual(memoryOfStatus(status), { peakMb: 150, residentMb: 100 });
    assert.deepEqual(memoryOfStatus('Name:\tnode\n'), { peakMb: NaN, residentMb: NaN });
    const own = processMemory(process.pid);
    assert.ok(own.peakMb >= own.residentMb && own.residentMb > 10, JSON.stringify(own));
  });

  it('starts a process\'s peak afresh at its resident memory, so that a later peak is of what came since', () => {
    const garbage = Array.from({ length: 400_000 }, (_, i) => ({ i, text: `item ${i}` }));
    assert.equal(garbage.length, 400_000);
    garbage.length = 0;
    assert.equal(resetPeakMemory(process.pid), true);
    const now = processMemory(process.pid);
    assert.ok(now.peakMb - now.residentMb < 5, JSON.stringify(now));
    assert.equal(resetPeakMemory(2 ** 30), false);
  });
});
