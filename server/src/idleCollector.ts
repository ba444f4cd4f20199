import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;

/**
 * A pause after a keystroke's diagnostics long enough that the client has read them: shorter than
 * any a typing human leaves, longer than a client that sends the next change as soon as it has
 * read the diagnostics (the benchmark) takes.
 */
export const PAUSE_MS = 10;

/**
 * The garbage the old generation may gather between collections while the user types: 12 MB, or
 * 30 % of what it held after the last collection for larger plans (a collection of a larger heap
 * costs more, so it runs less often).
 */
export function garbageBudget(live: number): number {
  return Math.max(12 * MB, live * 0.3);
}

/**
 * Collects garbage once the server has been idle for a moment after analysing, and also while the
 * user keeps typing once the old generation has grown by its budget (`garbageBudget`) since the
 * last collection.
 *
 * A large plan leaves the previous versions' texts behind in the old generation: every text a
 * young-generation collection finds current (one keystroke in five at 2,000 scenarios, whose text
 * fills the young generation's room for large objects) is moved there, 1.7 MB each. V8 grows its
 * heap rather than collect while there is room: 400 keystrokes at 2,000 scenarios without a pause
 * left 180 MB of old generation for 42 MB of live data. The collection while typing (25–30 ms at
 * 2,000 scenarios, once in some 33 keystrokes typed without a pause) runs in the next pause of
 * PAUSE_MS, as a user typing at human speed makes one after every keystroke, or else just before
 * the next keystroke's check (`beforeCheck`): never while the client reads the diagnostics just
 * sent, which V8's collection, marking on every core, slowed (the keystroke before the collection
 * took twice its time on two cores). A full collection in an idle second costs the user nothing.
 */
export class IdleCollector {
  private readonly collect: () => void;
  private readonly idleMs: number;
  private readonly pauseMs: number;
  private readonly oldGeneration: () => number;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  /** The old generation's size after the last collection (or the smallest seen since). */
  private base: number | undefined;

  constructor(options: { readonly idleMs?: number; readonly pauseMs?: number; readonly oldGeneration?: () => number; readonly collect?: () => void } = {}) {
    this.idleMs = options.idleMs ?? 1000;
    this.pauseMs = options.pauseMs ?? PAUSE_MS;
    this.oldGeneration = options.oldGeneration ?? oldGenerationUsed;
    this.collect = options.collect ?? fullCollection();
  }

  /**
   * Call after work that leaves garbage; the collection runs when no work followed for idleMs, or,
   * after a keystroke's check (`typing`), soon when over budget. Opening and closing plans is left
   * to V8: a collection between two opens would only shrink the heap the next open grows again.
   */
  touch(typing = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.soon) return;
    const used = this.oldGeneration();
    // V8's own collections lower it too.
    this.base = this.base === undefined ? used : Math.min(this.base, used);
    if (typing && used > this.base + garbageBudget(this.base)) {
      this.soon = setTimeout(() => {
        this.soon = undefined;
        this.collectNow();
      }, this.pauseMs);
      this.soon.unref();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collectNow();
    }, this.idleMs);
    this.timer.unref();
  }

  /** A check is about to run: a collection over budget that waits for a pause runs now, first. */
  beforeCheck(): void {
    if (!this.soon) return;
    clearTimeout(this.soon);
    this.soon = undefined;
    this.collectNow();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearTimeout(this.soon);
  }

  private collectNow(): void {
    this.collect();
    this.base = this.oldGeneration();
  }
}

/** V8's full collection (`gc`, exposed to a context of its own). */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** What the old generation holds, large objects (a plan's text) included. */
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'old_space' || space.space_name === 'large_object_space') used += space.space_used_size;
  }
  return used;
}
