import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { Analysis } from '../../server/src/core';
import { SettleWhenIdle } from '../../server/src/settleWhenIdle';

/** An analysis that counts its settles (nothing else of it is read). */
function analysis(): Analysis & { settled: number } {
  const counted = { settled: 0, settle: () => void counted.settled++ };
  return counted as unknown as Analysis & { settled: number };
}

describe('settling when idle', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('moves nothing while publications follow each other, then the latest analysis of each document once', () => {
    const settling = new SettleWhenIdle(20);
    const first = analysis();
    const second = analysis();
    const other = analysis();
    settling.published('file:///a.drplan.yaml', first);
    mock.timers.tick(15);
    // The next keystroke's analysis took the first one's moves over.
    settling.published('file:///a.drplan.yaml', second);
    settling.published('file:///b.drplan.yaml', other);
    mock.timers.tick(15);
    assert.deepEqual([first.settled, second.settled, other.settled], [0, 0, 0], 'not while typing');
    mock.timers.tick(5);
    assert.deepEqual([first.settled, second.settled, other.settled], [0, 1, 1], 'once idle: the latest of each');
    mock.timers.tick(100);
    assert.deepEqual([first.settled, second.settled, other.settled], [0, 1, 1], 'and only once');
  });

  it('moves nothing of a closed document, and nothing after dispose', () => {
    const settling = new SettleWhenIdle(20);
    const closed = analysis();
    const open = analysis();
    settling.published('file:///closed.drplan.yaml', closed);
    settling.published('file:///open.drplan.yaml', open);
    settling.forget('file:///closed.drplan.yaml');
    mock.timers.tick(20);
    assert.deepEqual([closed.settled, open.settled], [0, 1]);
    const late = analysis();
    settling.published('file:///open.drplan.yaml', late);
    settling.dispose();
    mock.timers.tick(50);
    assert.equal(late.settled, 0);
  });

  it('waits until the messages that came meanwhile are read; a keystroke among them publishes first, and its settle waits anew', () => {
    const queued: (() => void)[] = [];
    const settling = new SettleWhenIdle(20, (work) => void queued.push(work));
    const uri = 'file:///a.drplan.yaml';
    const first = analysis();
    settling.published(uri, first);
    mock.timers.tick(20);
    assert.equal(first.settled, 0, 'not before the messages are read');
    assert.equal(queued.length, 1);
    // Among them: the next keystroke, checked and published before the work runs.
    const second = analysis();
    settling.published(uri, second);
    queued.shift()?.();
    assert.deepEqual([first.settled, second.settled], [0, 0], 'the wait that a publication followed moves nothing');
    mock.timers.tick(20);
    queued.shift()?.();
    assert.deepEqual([first.settled, second.settled], [0, 1], 'the latest, once nothing came');
  });
});
