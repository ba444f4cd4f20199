/**
 * What the drill page (media/drill.js) hands to the extension. The page shows plan text, so what
 * it sends is input like any other: each message is checked for its shape before the extension
 * acts on it, and the result is a fresh object of exactly the fields named here. Pure (no
 * `vscode`), so test/unit checks it.
 */
import { DRILL_LIMITS } from '../../../server/src/core/drill/record';
import { outcomeOf, type DrillOutcome } from './drillSession';

export type DrillPageMessage =
  /** A new page (first load, or reloaded after being hidden): it wants the drill's state. */
  | { readonly type: 'ready' }
  | { readonly type: 'start' }
  /** Step `step` is done (with an optional note) or skipped (with a note that says why). */
  | { readonly type: 'mark'; readonly step: number; readonly skipped: boolean; readonly note: string | undefined }
  /** The recovery of a drill without steps is over. */
  | { readonly type: 'end' }
  | { readonly type: 'undo' }
  /** What the person has entered so far (sent as they type, saved at once). */
  | { readonly type: 'outcome'; readonly outcome: DrillOutcome }
  /** Write the exercise entry into the plan. */
  | { readonly type: 'record' }
  /** Export the drill report (Übungsprotokoll) as PDF. */
  | { readonly type: 'exportReport' }
  /** Give the drill up (the extension asks first). */
  | { readonly type: 'discard' }
  /** Show the plan, at the scenario. */
  | { readonly type: 'showPlan' };

/** The page's message, checked; undefined for anything else. */
export function drillPageMessage(value: unknown): DrillPageMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Readonly<Record<string, unknown>>;
  switch (message.type) {
    case 'ready':
    case 'start':
    case 'end':
    case 'undo':
    case 'record':
    case 'exportReport':
    case 'discard':
    case 'showPlan':
      return { type: message.type };
    case 'mark': {
      const { step, skipped, note } = message;
      if (!Number.isSafeInteger(step) || (step as number) < 0 || typeof skipped !== 'boolean') return undefined;
      if (note !== undefined && (typeof note !== 'string' || note.length > DRILL_LIMITS.note)) return undefined;
      return { type: 'mark', step: step as number, skipped, note: note as string | undefined };
    }
    case 'outcome': {
      const outcome = outcomeOf(message.outcome);
      return outcome ? { type: 'outcome', outcome } : undefined;
    }
    default:
      return undefined;
  }
}
