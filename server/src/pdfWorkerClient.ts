/**
 * The PDF exports of the language server, made in a worker thread (pdfWorker.ts) with a heap
 * limit: the server's own thread only sends the document tree and receives the file. The worker
 * is started on the first export and ends after a minute without one, so a server that never
 * exports never pays for it. A worker that runs out of memory, or stops making progress
 * (workerWatchdog.ts), fails the exports it was making with a clear reason; the next export
 * starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { Locale } from './core';
import type { PdfJob, PdfWorkerMessage } from './pdfWorker';
import type { PdfMaker } from './serverServices';
import { STALL_SECONDS, stalledMessage, watchdog, type Watchdog } from './workerWatchdog';

/** Enough for the document of a plan at the size limit (5 MB: 120 MB of tree) and a window of pages. */
const HEAP_LIMIT_MB = 512;
const IDLE_MS = 60_000;

interface Pending {
  readonly resolve: (data: Uint8Array) => void;
  readonly reject: (error: Error) => void;
  readonly progress: ((done: number) => void) | undefined;
}

export function pdfWorker(script: string, locale: () => Locale, stallSeconds = STALL_SECONDS): PdfMaker {
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let stall: Watchdog | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();

  const fail = (error: Error) => {
    stall?.stop();
    stall = undefined;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const stalled = () => {
    const stuck = worker;
    worker = undefined;
    fail(new Error(stalledMessage(stallSeconds)[locale()]));
    void stuck?.terminate();
  };
  const start = (): Worker => {
    const started = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    started.on('message', (message: PdfWorkerMessage) => {
      stall?.progress();
      const job = pending.get(message.id);
      if (!job) return;
      if ('progress' in message) return job.progress?.(message.progress);
      pending.delete(message.id);
      if ('data' in message) job.resolve(message.data);
      else job.reject(new Error(message.error));
      if (pending.size > 0) return;
      stall?.stop();
      stall = undefined;
      idle = setTimeout(stop, IDLE_MS).unref();
    });
    started.on('error', (error: NodeJS.ErrnoException) => {
      // A worker let go of (idle, stalled) takes no job with it.
      if (worker !== started) return;
      worker = undefined;
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(outOfMemory[locale()]) : error);
    });
    started.on('exit', () => {
      if (worker !== started) return;
      worker = undefined;
      fail(new Error(workerEnded[locale()]));
    });
    return started;
  };
  const stop = () => {
    const stopping = worker;
    worker = undefined;
    void stopping?.terminate();
  };
  return {
    pdf(document, progress) {
      clearTimeout(idle);
      worker ??= start();
      const id = next++;
      // Only the worker's own messages count as progress: asking again keeps no stuck worker alive.
      stall ??= watchdog(stallSeconds, stalled);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, progress });
        worker?.postMessage({ id, document } satisfies PdfJob);
      });
    },
    dispose() {
      stop();
      fail(new Error(workerEnded[locale()]));
    },
  };
}

const workerEnded: Record<Locale, string> = {
  de: 'Die Erstellung des PDF wurde beendet, bevor das Dokument fertig war',
  en: 'the PDF worker ended before the document was done',
};

const outOfMemory: Record<Locale, string> = {
  de: `Das Dokument braucht mehr als ${HEAP_LIMIT_MB} MB Arbeitsspeicher`,
  en: `the document needs more than ${HEAP_LIMIT_MB} MB of memory`,
};
