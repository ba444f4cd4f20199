/**
 * The language server's PDF worker (dist/pdf-worker.js): makes the PDF of a document tree sent
 * by pdfWorkerClient.ts, off the server's thread and in a heap of its own. Keystrokes go on being
 * checked at full speed while a large plan is exported, and the export's memory is bounded and
 * given back when the worker ends.
 */
import { parentPort } from 'node:worker_threads';
import { toPdf } from './core/render/pdf';
import type { PlanDocument } from './core/render/tree';
import { transferOf } from './transferable';

export interface PdfJob {
  readonly id: number;
  readonly document: PlanDocument;
}

export type PdfWorkerMessage =
  | { readonly id: number; readonly progress: number }
  | { readonly id: number; readonly data: Uint8Array }
  | { readonly id: number; readonly error: string };

const port = parentPort;
port?.on('message', (job: PdfJob) => {
  toPdf(job.document, { progress: (done) => port.postMessage({ id: job.id, progress: done } satisfies PdfWorkerMessage) }).then(
    (data) => port.postMessage({ id: job.id, data } satisfies PdfWorkerMessage, transferOf(data)),
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PdfWorkerMessage),
  );
});
