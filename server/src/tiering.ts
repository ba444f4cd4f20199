import { setFlagsFromString } from 'node:v8';

/**
 * When V8 compiles a function with TurboFan, its optimising compiler, in the language server's
 * process: later than by default under V8 11 (Node 20, code-server, most editors' `node`).
 *
 * V8 11 spends an interrupt budget of 132 KB of bytecode on a function before it looks at
 * optimising it. The first check of a plan (some 35,000 YAML nodes walked in code not yet
 * optimised) then sends dozens of functions to TurboFan half-way through, on feedback of a part
 * of the plan, and several are thrown away again at the first keystrokes (`wrong map`, `not a
 * Smi`); each keystroke's few calls make the rest hot only dozens of keystrokes later, so that a
 * compilation on the second core and its installation fall on one keystroke in six or so.
 * Three times the budget: functions are optimised once, on fuller feedback. Measured over stdio
 * (`npm run bench`'s shapes, alternating processes): the first open of 500 scenarios 110 → 90 ms;
 * a keystroke's p90 at 500 scenarios from 1.5–2.5× its median to 1.4–1.65× in six series of
 * seven, the medians as before; a full analysis of 2,000 scenarios after warming up and a 500-scenario PDF
 * (a worker thread of the same process) as fast as before.
 *
 * From V8 12 on (Node 22, the Electron of VS Code on the desktop) tiering goes through Maglev and
 * counts invocations (`--invocation-count-for-turbofan`); there the same change measured no clear
 * gain, and V8 12 has no `--interrupt-budget`: nothing is set.
 */
export function tieringFlags(v8Version: string): string[] {
  return Number.parseInt(v8Version, 10) === 11 ? [`--interrupt-budget=${3 * 132 * 1024}`] : [];
}

/**
 * Sets `tieringFlags` for this process's V8, before the language service is loaded. At run time,
 * not as a command-line option: an option V8 does not know stops Node before it starts (the
 * server runs under whatever Node the editor has), a flag set here that it does not know is only
 * a line on standard error. V8 reads the budget each time it renews a function's budget.
 */
export function tuneTiering(v8Version: string = process.versions.v8): void {
  for (const flag of tieringFlags(v8Version)) setFlagsFromString(flag);
}
