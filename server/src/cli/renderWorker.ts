/**
 * `drplan render` makes the document in a worker thread with a bounded heap. V8 lets a heap grow
 * far beyond what it holds alive when nothing limits it: a 5 MB plan, whose PDF needs about
 * 300 MB at any time, made the process 1.7 GB large. In a worker with a heap limit the
 * collector keeps to it, and a plan that needs more than the limit ends with a clear message
 * (exit status 2, nothing written) instead of the process dying without one.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Locale } from '../core';
import type { ChangeHistory } from '../core/render/changeHistory';
import { transferOf } from '../transferable';
import { STALL_SECONDS, watchdog } from '../workerWatchdog';
import { cliLanguageService } from './languageService';

export type RenderFormat = 'pdf' | 'html';

export interface RenderJob {
  readonly text: string;
  readonly uri: string;
  readonly format: RenderFormat;
  readonly locale: Locale;
  /** YYYY-MM-DD, or undefined for today. */
  readonly today: string | undefined;
  /** Bytes; Infinity for no limit. */
  readonly maxFileSize: number;
  /** The plan file's commits, read from git before the worker starts (gitHistory.ts). */
  readonly history?: ChangeHistory;
}

export interface Rendered {
  readonly content: Uint8Array;
  /** Errors in the plan: the document says ENTWURF. */
  readonly errors: number;
}

/** The worker's heap ran out: the plan needs more memory than `limitMb` to be rendered. */
export class RenderOutOfMemory extends Error {
  constructor(readonly limitMb: number) {
    super(`the document needs more than ${limitMb} MB of memory`);
  }
}

/** The worker stopped making progress (workerWatchdog.ts) and was ended. */
export class RenderStalled extends Error {
  constructor(readonly seconds: number) {
    super(`the document made no progress for ${seconds} seconds`);
  }
}

const WORKER_ROLE = 'drplan-render-worker';

/**
 * Enough for a plan at the default size limit (5 MB: 200 MB of analysis, then 120 MB of
 * document and a window of pages), and for a document of up to 3,000 pages tagged for screen
 * readers (a paragraph of 40,000 words shown at each of its contact's seven places: 2,348 pages,
 * 860 MB at its peak); more for a larger plan where the limit was raised.
 */
export function heapLimitMb(textLength: number): number {
  return Math.max(1024, Math.ceil((textLength / 1024 / 1024) * 100));
}

export function isRenderWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

type FromWorker = { readonly progress: number } | { readonly content: Uint8Array; readonly errors: number };

export interface WorkerOptions {
  /** The worker's script; the running bundle (dist/cli.js) by default. */
  readonly script?: string;
  readonly stallSeconds?: number;
}

/** Renders in a worker; `progress` hears the PDF's part done. A worker silent for `stallSeconds` is ended. */
export function renderInWorker(job: RenderJob, progress: (done: number) => void, options: WorkerOptions = {}): Promise<Rendered> {
  const limitMb = heapLimitMb(job.text.length);
  const stallSeconds = options.stallSeconds ?? STALL_SECONDS;
  return new Promise((resolve, reject) => {
    const worker = new Worker(options.script ?? __filename, { workerData: { role: WORKER_ROLE, job }, resourceLimits: { maxOldGenerationSizeMb: limitMb } });
    let answered = false;
    const answer = (settle: () => void) => {
      if (answered) return;
      answered = true;
      stall.stop();
      settle();
    };
    const stall = watchdog(stallSeconds, () => {
      answer(() => reject(new RenderStalled(stallSeconds)));
      void worker.terminate();
    });
    worker.on('message', (message: FromWorker) => {
      stall.progress();
      if ('progress' in message) return progress(message.progress);
      answer(() => resolve({ content: message.content, errors: message.errors }));
      void worker.terminate();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => answer(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new RenderOutOfMemory(limitMb) : error)));
    worker.on('exit', (code) => answer(() => reject(new Error(`the render worker ended with status ${code}`))));
  });
}

/** In the worker: analyses the plan, builds the document and makes the file. */
export async function serveRenderWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { job } = workerData as { job: RenderJob };
  const today = job.today === undefined ? undefined : new Date(job.today);
  const service = cliLanguageService({ locale: job.locale, today, maxFileSize: job.maxFileSize });
  // The analysis is let go before the file is made: the document alone is needed then.
  const { document, errors } = (() => {
    const analysis = service.analyze(job.text, { uri: job.uri });
    const count = service.diagnostics(analysis, job.uri).filter((d) => d.severity === DiagnosticSeverity.Error).length;
    // The document is German whatever the language of the messages (the service's).
    return { document: service.planDocument(analysis, job.history), errors: count };
  })();
  // A sign of life for the watchdog between reading the plan and making the file.
  port.postMessage({ progress: 0 } satisfies FromWorker);
  const content =
    job.format === 'pdf'
      ? await service.pdfFile(document, (done) => port.postMessage({ progress: done } satisfies FromWorker))
      : new TextEncoder().encode(service.htmlFile(document));
  port.postMessage({ content, errors } satisfies FromWorker, transferOf(content));
}
