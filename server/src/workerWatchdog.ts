/**
 * Ends a worker that has stopped making progress. A document is made window by window (about
 * 45 pages each), and the worker reports each: a plan at the size limit reports every few
 * seconds for two and a half minutes. A worker silent for a minute is stuck (on input no test
 * foresaw), and ending it keeps an export from running for ever: the server and the editor stay
 * free, and the user hears why. A time limit on the whole would instead fail large plans that
 * are merely slow.
 */
export const STALL_SECONDS = 60;

export interface Watchdog {
  /** The worker has shown a sign of life: the time starts again. */
  progress(): void;
  stop(): void;
}

export function watchdog(seconds: number, onStall: () => void): Watchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(onStall, seconds * 1000);
  };
  arm();
  return { progress: arm, stop: () => clearTimeout(timer) };
}

/** What the user reads when a document was stopped. */
export function stalledMessage(seconds: number): { readonly de: string; readonly en: string } {
  return {
    de: `Das Dokument ist ${seconds} Sekunden lang nicht vorangekommen und wurde abgebrochen`,
    en: `the document made no progress for ${seconds} seconds and was stopped`,
  };
}
