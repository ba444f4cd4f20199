import { afterTurns } from './nextTurn';

/**
 * Runs a document's check as soon as the messages already received have been read: a change is
 * checked at once when the server is idle, and the changes that arrive while a check runs (the
 * server reads no message meanwhile) are read together afterwards and cost one check of the
 * latest version. A check whose version has gone stale is never run or published. A delay
 * (`drplan.validation.delay`, 0 by default) makes it wait that long after the last change as well.
 *
 * "Read": the connection handles one message per turn of the event loop (an immediate), so the
 * scheduler lets turns pass (immediates, not timers, which wait a millisecond and more) until
 * READING_TURNS pass in which no further change, open or close came in; then it checks.
 *
 * Checks that are due run one at a time, the smallest document first, each in a macrotask of
 * its own: the server reads the messages that came in meanwhile between two checks, so a small
 * plan is checked and answered before a large one that was opened just before it.
 */
/**
 * The turns of the event loop after which a message that has arrived is handled, counted from an
 * immediate queued before the turn's reading: vscode-jsonrpc reads the pipe in the turn's poll,
 * decodes what it read in an immediate of that turn (its reader's semaphore) and hands the
 * message to its handler in an immediate of the next turn (the connection's queue). With two, a
 * settle due while the server was busy (a collection) ran before the keystroke that had come
 * meanwhile (settleWhenIdle.ts). (In the browser's worker a message comes as a worker message
 * and a turn is a timer's: there the turns cost a few milliseconds more and are more than enough.)
 */
const READING_TURNS = 3;

/** A document this long (characters) takes tens of milliseconds or more to check. */
const HEAVY_WEIGHT = 100_000;

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly due = new Set<string>();
  /** Documents just opened (or to be checked afresh), whose check may be a whole parse. */
  private readonly opened = new Set<string>();
  /** Heavy checks that already let a timer's turn pass (see drain). */
  private readonly waited = new Set<string>();
  private draining = false;
  /** Counts what came in: a turn in which it did not change has read every message there was. */
  private arrivals = 0;
  /** Ends the turns a disposed scheduler still has queued. */
  private disposed = false;

  constructor(
    private delayMs: number,
    private readonly run: (uri: string) => void,
    /** How much work a document's check is (its length): the lightest due check runs first. */
    private readonly weight: (uri: string) => number = () => 0,
  ) {}

  setDelay(delayMs: number): void {
    this.delayMs = Math.max(0, delayMs);
  }

  schedule(uri: string): void {
    this.arrivals++;
    if (this.due.has(uri)) return; // due already: it checks the version current when it runs
    if (this.delayMs === 0) return this.enqueue(uri);
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.enqueue(uri);
    }, this.delayMs);
    this.pending.set(uri, timer);
  }

  /**
   * Checks a document just opened (or to be checked afresh) as soon as the messages already
   * received have been read.
   */
  now(uri: string): void {
    this.arrivals++;
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
    this.opened.add(uri);
    this.enqueue(uri);
  }

  cancel(uri: string): void {
    this.arrivals++;
    this.waited.delete(uri);
    this.opened.delete(uri);
    const timer = this.pending.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
    this.due.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.due.clear();
    this.waited.clear();
    this.opened.clear();
    this.disposed = true;
  }

  private enqueue(uri: string): void {
    this.due.add(uri);
    if (this.draining) return;
    this.draining = true;
    this.afterMessages(() => this.drain());
  }

  /**
   * Runs `work` once the messages already received have been handled (see READING_TURNS), and
   * none came in meanwhile; else once those have been handled, and so on.
   */
  afterMessages(work: () => void): void {
    const seen = this.arrivals;
    afterTurns(READING_TURNS, () => {
      if (this.disposed) return;
      if (this.arrivals === seen) work();
      else this.afterMessages(work);
    });
  }

  private drain(): void {
    this.draining = false;
    let lightest: string | undefined;
    let least = Number.POSITIVE_INFINITY;
    for (const uri of this.due) {
      const weight = this.weight(uri);
      if (lightest === undefined || weight < least) {
        least = weight;
        lightest = uri;
      }
    }
    if (lightest === undefined) return;
    // The first check of a long document (a whole parse) first lets a timer's turn pass, in
    // which the server reads what has arrived meanwhile: the rest of a burst of messages (a
    // small plan opened right after a large one, whose bytes followed the large one's) is then
    // among the due checks and goes first. A keystroke's check is quick and needs no such wait.
    if (least >= HEAVY_WEIGHT && this.opened.has(lightest) && !this.waited.has(lightest)) {
      this.waited.add(lightest);
      this.draining = true;
      setTimeout(() => {
        if (!this.disposed) this.afterMessages(() => this.drain());
      }, 0);
      return;
    }
    this.waited.delete(lightest);
    this.opened.delete(lightest);
    this.due.delete(lightest);
    if (this.due.size > 0) {
      this.draining = true;
      this.afterMessages(() => this.drain());
    }
    this.run(lightest);
  }
}
