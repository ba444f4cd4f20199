import type { Analysis } from './core';

/**
 * How long the server must have published nothing before it moves what the analyses of the last
 * keystrokes left unmoved (Analysis.settle). Longer than the gap between a publication and the
 * client's next change in a burst of typing, where the next keystroke takes those moves over
 * (analysis.ts), much shorter than a pause in typing.
 */
export const SETTLE_IDLE_MS = 20;

/**
 * The analyses whose later offsets still wait to be moved, one per document, moved together once
 * no publication has followed for SETTLE_IDLE_MS. Nobody waits for that work: whatever reads an
 * analysis's tree or model moves them first, and a keystroke's analysis in the same item takes
 * them over; done while typing, it would only delay the next keystroke's diagnostics.
 */
export class SettleWhenIdle {
  private readonly waiting = new Map<string, Analysis>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the publications: a settle waited for since one came is not due any more. */
  private publications = 0;

  /**
   * `afterMessages`: runs its work once the messages received meanwhile have been handled
   * (DiagnosticsScheduler.afterMessages). The server can be busy past idleMs (the collection
   * after a keystroke takes 25–30 ms at 2,000 scenarios), and Node runs a due timer before it
   * reads what came in meanwhile: the next keystroke, which the moves would then delay.
   */
  constructor(
    private readonly idleMs = SETTLE_IDLE_MS,
    private readonly afterMessages: (work: () => void) => void = (work) => work(),
  ) {}

  /** The document's latest analysis, just published; an earlier one of it was consumed by it. */
  published(uri: string, analysis: Analysis): void {
    this.waiting.set(uri, analysis);
    this.publications++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settleWhenRead(), this.idleMs);
    // (A Node timer would keep a server that is shutting down alive for it.)
    (this.timer as { unref?: () => void }).unref?.();
  }

  forget(uri: string): void {
    this.waiting.delete(uri);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.waiting.clear();
  }

  private settleWhenRead(): void {
    this.timer = undefined;
    const publications = this.publications;
    this.afterMessages(() => {
      if (this.publications === publications) this.settle();
    });
  }

  private settle(): void {
    for (const analysis of this.waiting.values()) analysis.settle();
    this.waiting.clear();
  }
}
