import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckTimings } from '../../server/src/checkTimings';

describe('CheckTimings', () => {
  it('counts the changes a check takes together: their applying summed, the wait from the first', () => {
    const timings = new CheckTimings();
    timings.changed('a', 100, 0.5);
    timings.changed('a', 104, 0.25);
    timings.changed('b', 103, 2);
    assert.deepEqual(timings.checking('a', 110), { applyMs: 0.75, waitMs: 10 });
    // Checked: the next check of `a` starts afresh.
    assert.deepEqual(timings.checking('a', 120), { applyMs: 0, waitMs: 0 });
    timings.forget('b');
    assert.deepEqual(timings.checking('b', 120), { applyMs: 0, waitMs: 0 });
  });
});
