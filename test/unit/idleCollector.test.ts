import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { garbageBudget, IdleCollector, PAUSE_MS } from '../../server/src/idleCollector';

const MB = 1024 * 1024;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An old generation that grows by what the test says and shrinks to `live` when collected. */
function heap(live: number) {
  let used = live;
  const collections: number[] = [];
  return {
    grow: (bytes: number) => {
      used += bytes;
    },
    collections,
    options: {
      oldGeneration: () => used,
      collect: () => {
        collections.push(used);
        used = live;
      },
    },
  };
}

/** A collector over a heap of 40 MB live, disposed after `body`. */
async function withCollector(
  timing: { readonly idleMs: number; readonly pauseMs?: number },
  body: (old: ReturnType<typeof heap>, collector: IdleCollector) => Promise<void> | void,
): Promise<void> {
  const old = heap(40 * MB);
  const collector = new IdleCollector({ ...timing, ...old.options });
  try {
    await body(old, collector);
  } finally {
    collector.dispose();
  }
}

describe('the idle collector', () => {
  it('gives small heaps 12 MB of garbage and larger ones 30 % of what they hold', () => {
    assert.equal(garbageBudget(10 * MB), 12 * MB);
    assert.equal(garbageBudget(100 * MB), 30 * MB);
  });

  it('collects once the server has been idle, and not while work keeps coming', async () => {
    await withCollector({ idleMs: 30 }, async (old, collector) => {
      for (let i = 0; i < 5; i++) {
        collector.touch();
        await wait(10);
      }
      assert.equal(old.collections.length, 0);
      await wait(60);
      assert.equal(old.collections.length, 1);
    });
  });

  it('while the user types without a pause: over budget, collects just before the next keystroke’s check', async () => {
    // No pause comes: the keystrokes follow each other within pauseMs, however loaded the machine.
    await withCollector({ idleMs: 60_000, pauseMs: 60_000 }, async (old, collector) => {
      // 0.4 MB a keystroke, as the old generation grows at 2,000 scenarios: the budget (12 MB) is
      // passed after 31 keystrokes, then again 31 keystrokes after the collection.
      let collectedAt: number[] = [];
      collector.touch(); // the plan's first check
      for (let keystroke = 1; keystroke <= 100; keystroke++) {
        const before = old.collections.length;
        collector.beforeCheck();
        if (old.collections.length > before) collectedAt = [...collectedAt, keystroke];
        old.grow(0.4 * MB);
        collector.touch(true);
        await nextTurn();
        assert.equal(old.collections.length, collectedAt.length, 'not while the client reads the diagnostics');
      }
      assert.deepEqual(collectedAt, [32, 63, 94]);
      assert.ok(old.collections.every((used) => used <= 40 * MB + 12.5 * MB));
    });
  });

  it('while the user types at human speed: over budget, collects in the pause after the diagnostics', async () => {
    await withCollector({ idleMs: 60_000 }, async (old, collector) => {
      collector.touch();
      old.grow(13 * MB);
      collector.touch(true);
      assert.equal(old.collections.length, 0);
      await wait(PAUSE_MS + 20);
      assert.equal(old.collections.length, 1);
      // The next keystroke's check finds nothing to collect first.
      collector.beforeCheck();
      assert.equal(old.collections.length, 1);
    });
  });

  it('leaves opening and closing plans to V8 however much they leave', async () => {
    await withCollector({ idleMs: 60_000, pauseMs: 60_000 }, async (old, collector) => {
      collector.touch();
      old.grow(80 * MB);
      collector.touch();
      await nextTurn();
      assert.equal(old.collections.length, 0);
      // The next keystroke's check finds the budget passed; the one after it collects first.
      collector.touch(true);
      collector.beforeCheck();
      assert.equal(old.collections.length, 1);
    });
  });

  it('counts from what V8 collected itself', async () => {
    await withCollector({ idleMs: 60_000, pauseMs: 60_000 }, async (old, collector) => {
      collector.touch(true);
      old.grow(10 * MB);
      collector.touch(true);
      // V8's own collection left 30 MB: the budget now counts from there.
      old.grow(-20 * MB);
      collector.touch(true);
      old.grow(11 * MB);
      collector.touch(true);
      await nextTurn();
      assert.equal(old.collections.length, 0);
      old.grow(2 * MB);
      collector.touch(true);
      collector.beforeCheck();
      assert.equal(old.collections.length, 1);
    });
  });
});
