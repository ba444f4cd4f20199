/**
 * Runs a document's check as soon as the messages already received have been read: a change is
 * checked at once when the server is idle, and the changes that arrive while a check runs (the
 * server reads no message meanwhile) are read together afterwards and cost one check of the
 * latest version. A check whose version has gone stale is never run or published. A delay
 * (`drplan.validation.delay`, 0 by default) makes it wait that long after the last change as well.
 *
 * Checks that are due run one at a time, the smallest document first, each in a macrotask of
 * its own: the server reads the messages that came in meanwhile between two checks, so a small
 * plan is checked and answered before a large one that was opened just before it.
 */
/** A document this long (characters) takes tens of milliseconds or more to check. */
const HEAVY_WEIGHT = 100_000;

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly due = new Set<string>();
  /** Heavy checks that already let one turn of the event loop pass (see drain). */
  private readonly waited = new Set<string>();
  private draining: NodeJS.Timeout | undefined;

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
    if (this.due.has(uri)) return; // due already: it checks the version current when it runs
    if (this.delayMs === 0) return this.now(uri);
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.enqueue(uri);
    }, this.delayMs);
    this.pending.set(uri, timer);
  }

  /** Checks the document as soon as the messages already received have been read. */
  now(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
    this.enqueue(uri);
  }

  cancel(uri: string): void {
    this.waited.delete(uri);
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
    if (this.draining !== undefined) clearTimeout(this.draining);
    this.draining = undefined;
  }

  private enqueue(uri: string): void {
    this.due.add(uri);
    // A timer, not setImmediate: the connection reads its next message in an immediate, and
    // that message (another document's open, a request) goes first.
    this.draining ??= setTimeout(() => this.drain(), 0);
  }

  private drain(): void {
    this.draining = undefined;
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
    // A long check first lets one turn of the event loop pass, in which the server reads what has
    // arrived meanwhile: the rest of a burst of messages (a small plan opened right after a large
    // one, whose bytes followed the large one's) is then among the due checks and goes first.
    if (least >= HEAVY_WEIGHT && !this.waited.has(lightest)) {
      this.waited.add(lightest);
      this.draining = setTimeout(() => this.drain(), 0);
      return;
    }
    this.waited.delete(lightest);
    this.due.delete(lightest);
    if (this.due.size > 0) this.draining = setTimeout(() => this.drain(), 0);
    this.run(lightest);
  }
}
