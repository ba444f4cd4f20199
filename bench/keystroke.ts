import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/** What the benchmark's typing edits: a scenario's recovery time, as every generated scenario has it. */
export const RECOVERY_TIME = 'recovery_time: 4h';

/**
 * Where the benchmark types: from the middle of the plan on when a scenario's `recovery_time: 4h`
 * follows it (a scenario in the middle of a generated plan), else from the start (the example).
 */
export function middleOfPlan(text: string): number {
  const middle = Math.floor(text.length / 2);
  return text.indexOf(RECOVERY_TIME, middle) >= 0 ? middle : 0;
}

/** The LSP position of the first `needle` at or after `after`. */
export function positionOf(text: string, needle: string, after = 0): Position {
  const offset = text.indexOf(needle, after);
  if (offset < 0) throw new Error(`no ${JSON.stringify(needle)} in the plan after offset ${after}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/** The place right after `recovery_time: 4h` in the scenario in the middle of the plan. */
export function afterRecoveryTime(text: string): Position {
  const at = positionOf(text, RECOVERY_TIME, middleOfPlan(text));
  return { line: at.line, character: at.character + RECOVERY_TIME.length };
}

/**
 * The keystroke of `version` (from 2 on, the plan opened as version 1), at the place after `4h`:
 * an even version types `x` (`4hx` is no duration: an error), an odd one deletes it again. So
 * every version toggles the error, and an odd version is the plan as opened.
 */
export function toggleErrorKeystroke(at: Position, version: number): TextDocumentContentChangeEvent {
  return version % 2 === 0
    ? { range: { start: at, end: at }, text: 'x' }
    : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
}
