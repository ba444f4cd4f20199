/**
 * Progress of a long render on standard error, as a percentage that rewrites its own line —
 * only when standard error is a terminal (in a pipe, a log or CI it would be noise), and only
 * once the work has taken a while (a render of a usual plan shows nothing).
 */
import type { Locale } from '../core';

/** The part done (0 to 1), as the PDF's paging reports it. */
export type Progress = (done: number) => void;

interface Terminal {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Shown after this long: a usual plan renders in less. */
const QUIET_FOR_MS = 700;

export function terminalProgress(
  terminal: Terminal,
  what: string,
  locale: Locale,
  now: () => number = () => performance.now(),
): { readonly update: Progress; done(): void } {
  if (!terminal.isTTY) return { update: () => undefined, done: () => undefined };
  const start = now();
  let shown = -1;
  return {
    update(done) {
      const percent = Math.min(99, Math.floor(done * 100));
      if (percent === shown || now() - start < QUIET_FOR_MS) return;
      shown = percent;
      // \r and "erase to the end of the line": the line is rewritten in place.
      terminal.write(`\r\x1b[K${locale === 'de' ? `drplan: ${what} wird erstellt … ${percent} %` : `drplan: making the ${what} … ${percent}%`}`);
    },
    done() {
      if (shown >= 0) terminal.write('\r\x1b[K');
    },
  };
}
