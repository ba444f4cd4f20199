/**
 * Runs a document's check a short while after its last change. A change that arrives first
 * cancels the pending check, so a burst of keystrokes costs one analysis, and a check whose
 * version has gone stale is never run or published.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  setDelay(delayMs: number): void {
    this.delayMs = Math.max(0, delayMs);
  }

  schedule(uri: string): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.run(uri);
    }, this.delayMs);
    this.pending.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
