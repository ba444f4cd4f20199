/**
 * Where the time between a keystroke and its diagnostics goes, for `drplan.trace.server:
 * verbose` (VS Code's output channel) and `npm run bench`: applying the change to the text,
 * waiting for the check, the analysis, rendering the diagnostics and serialising them. The rest
 * of what a user waits for is transport (the pipe, and the client reading the message).
 */

/** The figures of one published check, in milliseconds. */
export interface CheckTiming {
  readonly version: number;
  /** Applying the changes read since the last check to the document's text. */
  readonly applyMs: number;
  /** From the first of those changes being applied to the check's start. */
  readonly waitMs: number;
  readonly analysisMs: number;
  /** Turning the findings into LSP diagnostics, in the user's language. */
  readonly renderMs: number;
  /** JSON of the publishDiagnostics notification (measured on its own, only while tracing). */
  readonly serialiseMs: number;
  readonly diagnostics: number;
}

/** The message of a timing trace; its JSON is the verbose part. */
export const CHECK_TIMING_MESSAGE = 'drplan: diagnostics published';

export class CheckTimings {
  /** Per document: when the first change not yet checked was applied, and what applying the changes cost. */
  private readonly unchecked = new Map<string, { appliedAt: number; applyMs: number }>();

  /** A change of `uri` was applied (in `applyMs`), at `appliedAt`. */
  changed(uri: string, appliedAt: number, applyMs: number): void {
    const pending = this.unchecked.get(uri);
    if (pending) pending.applyMs += applyMs;
    else this.unchecked.set(uri, { appliedAt, applyMs });
  }

  /** The check of `uri` starts at `startedAt`: what applying its changes cost, and how long they waited. */
  checking(uri: string, startedAt: number): { applyMs: number; waitMs: number } {
    const pending = this.unchecked.get(uri);
    this.unchecked.delete(uri);
    return pending ? { applyMs: pending.applyMs, waitMs: Math.max(0, startedAt - pending.appliedAt) } : { applyMs: 0, waitMs: 0 };
  }

  forget(uri: string): void {
    this.unchecked.delete(uri);
  }
}
