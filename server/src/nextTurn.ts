/**
 * Runs `work` in the next turn of the event loop, after what is queued now (an answer's write):
 * Node's immediate, and in a browser's worker, which has none, a timer.
 */
export const nextTurn: (work: () => void) => void =
  typeof setImmediate === 'function' ? (work) => void setImmediate(work) : (work) => void setTimeout(work, 0);

/** Runs `work` after `turns` turns of the event loop (nextTurn `turns` times). */
export function afterTurns(turns: number, work: () => void): void {
  if (turns <= 0) work();
  else nextTurn(() => afterTurns(turns - 1, work));
}
