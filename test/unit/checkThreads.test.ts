import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultThreads } from '../../server/src/cli/checkFiles';

/** How many threads `drplan check` uses without --jobs (measured in cli/checkFiles.ts). */
describe('drplan check: the default number of threads', () => {
  it('is one below 150 files a thread, whatever the cores', () => {
    for (const cores of [1, 2, 4, 64]) {
      assert.equal(defaultThreads(0, cores), 1);
      assert.equal(defaultThreads(1, cores), 1);
      assert.equal(defaultThreads(299, cores), 1);
    }
  });

  it('is one per 150 files, at most one per core', () => {
    assert.equal(defaultThreads(300, 2), 2);
    assert.equal(defaultThreads(10_000, 2), 2);
    assert.equal(defaultThreads(300, 1), 1);
    assert.equal(defaultThreads(600, 8), 4);
    assert.equal(defaultThreads(1_200, 8), 8);
    assert.equal(defaultThreads(100_000, 8), 8);
  });
});
