/**
 * `drplan check` over many files: each file read as UTF-8 (invalid bytes reported, not fatal),
 * analysed, and its diagnostics returned. Many files are checked in parallel, by this thread and
 * worker threads, at most one per core; the results come back in the order of the files, so the
 * output is the same as a sequential run's.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Locale, PlanDiagnostic } from '../core';
import { commandMessages } from './cliMessages';
import { findingPaths, type PathSegment } from './findingPaths';
import { describeError, NOT_REGULAR, STDIN, type PlanFile } from './findPlans';
import { cliLanguageService } from './languageService';

export interface CheckOptions {
  readonly locale: Locale;
  /** YYYY-MM-DD, or undefined for today. */
  readonly today: string | undefined;
  /** Bytes; Infinity for no limit. */
  readonly maxFileSize: number;
  /** Whether each outcome carries where in the YAML its findings point (findingPaths.ts). */
  readonly findingPaths?: boolean;
}

/** What checking one file gave: its diagnostics, or why it could not be read. */
export type CheckOutcome =
  | { readonly file: string; readonly diagnostics: readonly PlanDiagnostic[]; readonly paths?: readonly (readonly PathSegment[])[] }
  | { readonly file: string; readonly problem: string };

/** Of a file too large to check, only this much is read: its first line carries the diagnostic. */
const HEAD_BYTES = 64 * 1024;
/** What one read asks for, at least. */
const CHUNK_BYTES = 64 * 1024;

/** Reads and checks one file. Never throws: a failure is the file's outcome. */
export async function checkFile({ path: file, found }: PlanFile, options: CheckOptions): Promise<CheckOutcome> {
  let bytes: Uint8Array;
  let size: number | undefined;
  try {
    ({ bytes, size } = await readPlanFile(file, options.maxFileSize, found === 'searched'));
  } catch (error) {
    return { file, problem: describeError(error, options.locale) };
  }
  try {
    const { text, invalidUtf8 } = decodeUtf8(bytes);
    const uri = pathToFileURL(resolve(file)).href;
    const today = options.today === undefined ? undefined : new Date(options.today);
    const service = cliLanguageService({ locale: options.locale, today, maxFileSize: options.maxFileSize });
    const analysis = service.analyze(text, { uri, size, invalidUtf8 });
    const diagnostics = service.diagnostics(analysis, uri);
    return options.findingPaths ? { file, diagnostics, paths: findingPaths(analysis) } : { file, diagnostics };
  } catch (error) {
    // A bug in drplan, not in the plan: say so for this file and go on with the others.
    return { file, problem: commandMessages.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error))[options.locale] };
  }
}

/** How a folder search's file is opened: not through a link, and without waiting for a FIFO's writer. */
const SEARCHED = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * The bytes of a plan file, read as `drplan check` and `drplan render` read it: whole when it is
 * at most `limit` bytes; otherwise only its beginning (whole lines), with `size` saying how large
 * it is (at least). No read goes beyond `limit` + 1 bytes, whatever the file says of its size: a
 * regular file larger by its size is not read beyond its beginning (a 5 GB file is not loaded to
 * be told it is too large), and any other is read up to the limit and one byte more, since its
 * size says nothing (/dev/zero and /proc files: 0; a FIFO: none; a file that grows while it is
 * read). A named file is opened as given, through links; a `searched` one (findPlans) must still
 * be a regular file when it is opened, not a link, FIFO or device put there since the search.
 */
export async function readPlanFile(file: string, limit: number, searched = false): Promise<{ bytes: Uint8Array; size: number | undefined }> {
  if (file === STDIN) return readBounded(process.stdin, limit);
  let handle: FileHandle;
  try {
    handle = await open(file, searched ? SEARCHED : 'r');
  } catch (error) {
    // O_NOFOLLOW on a link: ELOOP on Linux, EMLINK on FreeBSD, EFTYPE on macOS.
    const code = (error as NodeJS.ErrnoException).code;
    if (searched && (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE')) throw notRegular(file);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (searched && !info.isFile()) throw notRegular(file);
    if (info.isFile() && info.size > limit) {
      const head = new Uint8Array(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { bytes: wholeLines(head.subarray(0, bytesRead)), size: info.size };
    }
    return await readBounded(chunksOf(handle, limit + 1, info.isFile() ? info.size + 1 : CHUNK_BYTES), limit);
  } finally {
    await handle.close();
  }
}

function notRegular(file: string): Error {
  return Object.assign(new Error(`${file}: not a regular file`), { code: NOT_REGULAR });
}

/**
 * What `handle` gives from where it stands, at most `most` bytes in all: it stops there however
 * long the file goes on. Each read asks for `expected` bytes (a regular file's size and one, so
 * that one read takes it whole) or CHUNK_BYTES, whichever is more, but never more than is left.
 */
async function* chunksOf(handle: FileHandle, most: number, expected: number): AsyncGenerator<Uint8Array> {
  let left = most;
  while (left > 0) {
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(expected, CHUNK_BYTES), left));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    left -= bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * Reads `source` until its end or until it has given more than `limit` bytes: then its beginning,
 * and as its size the bytes read so far (more than the limit; the rest is not read).
 */
async function readBounded(source: AsyncIterable<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; size: number | undefined }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > limit) return { bytes: wholeLines(concat(chunks).subarray(0, HEAD_BYTES)), size: total };
  }
  return { bytes: concat(chunks), size: undefined };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/**
 * How many files a thread must get for the pool to pay. Each thread compiles and optimises the
 * checker anew (a worker is ready after 0.1 to 0.3 s, and is slow on its first files), so a
 * thread pays only over many files, and never over a few large ones. Measured on 2 cores
 * (median of 7 runs, `--jobs 1` against `--jobs 2`, issue 12): 11 kB plans: 50 files 0.48 s
 * against 0.54 s, 100 0.66 against 0.69, 200 1.14 against 1.04, 301 1.46 against 1.32, 400 1.83
 * against 1.59, 600 2.30 against 1.92, 1,200 4.26 against 3.21; 600 generated plans of 3 to
 * 40 kB 1.57 against 1.25; but 2 plans of 1.7 MB 1.03 against 1.34, 8 of them 2.67 against 2.91,
 * 24 plans of 0.45 MB 2.12 against 2.09. The pool also takes a quarter more memory, and loses
 * wherever the cores are busy with other work: it starts at 150 files a thread.
 */
const FILES_PER_THREAD = 150;

/** The threads `drplan check` uses without `--jobs`: one per 150 files, at most one per core. */
export function defaultThreads(files: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}

/**
 * Checks `files` in `jobs` threads (this one and `jobs - 1` workers), and answers their outcomes
 * in the order of `files`. More threads than cores only cost memory (`--jobs 100000` took 4.7 GB
 * and 66 s for 301 files, a thread each), so there are never more than the cores, and no more
 * than files. Without `jobs`: defaultThreads.
 */
export async function checkFiles(files: readonly PlanFile[], options: CheckOptions, jobs?: number): Promise<CheckOutcome[]> {
  const threads = Math.min(jobs ?? defaultThreads(files.length), availableParallelism(), files.length);
  // Standard input is this process's: a plan read from it is checked here, and so are the others.
  if (threads <= 1 || files.some((file) => file.path === STDIN)) {
    const outcomes: CheckOutcome[] = [];
    for (const file of files) outcomes.push(await checkFile(file, options));
    return outcomes;
  }
  return checkInPool(files, options, threads - 1);
}

const WORKER_ROLE = 'drplan-check-worker';

/** Whether this thread is one of checkFiles' workers (the CLI's bundle is the worker's script). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

interface Job {
  readonly index: number;
  readonly file: PlanFile;
}

/** What a worker sends: that it is ready for files, or the outcome of one. */
type WorkerMessage = { readonly ready: true } | { readonly index: number; readonly outcome: CheckOutcome };

/** In a worker: says it is ready, then checks each file the main thread sends and sends back its outcome. */
export function serveCheckWorker(): void {
  const options = (workerData as { options: CheckOptions }).options;
  const port = parentPort;
  if (!port) return;
  port.on('message', (job: Job) => {
    void checkFile(job.file, options).then((outcome) => port.postMessage({ index: job.index, outcome } satisfies WorkerMessage));
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

/**
 * This thread and `workers` worker threads take the files one by one from a common queue. This
 * thread starts at once; a worker takes files only once it is ready, so one that comes too late
 * for the work costs no waiting (measured: 20 plans 0.41 s against 0.45 s for a pool that waited).
 */
async function checkInPool(files: readonly PlanFile[], options: CheckOptions, workers: number): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((allDone, failed) => {
      const record = (index: number, outcome: CheckOutcome) => {
        outcomes[index] = outcome;
        if (++done === files.length) allDone();
      };
      const give = (worker: Worker) => {
        if (next >= files.length) return;
        const job: Job = { index: next, file: files[next] as PlanFile };
        next++;
        worker.postMessage(job);
      };
      for (let i = 0; i < workers; i++) {
        // The running script is the CLI's bundle (dist/cli.js), which serves as worker too.
        const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE, options } });
        pool.push(worker);
        worker.on('message', (message: WorkerMessage) => {
          if ('ready' in message) {
            // Two files in flight: the next one is read while this one is analysed.
            give(worker);
            give(worker);
            return;
          }
          record(message.index, message.outcome);
          give(worker);
        });
        worker.on('error', failed);
      }
      void (async () => {
        while (next < files.length) {
          const index = next++;
          record(index, await checkFile(files[index] as PlanFile, options));
          // The workers' outcomes and readiness come in between two files here.
          await new Promise((turn) => setImmediate(turn));
        }
      })();
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** The beginning of a file up to its last line break, so that no character is cut in two. */
function wholeLines(head: Uint8Array): Uint8Array {
  const lastBreak = head.lastIndexOf(0x0a);
  if (lastBreak >= 0) return head.subarray(0, lastBreak + 1);
  let end = head.length;
  // No line break in 64 kB: drop a character cut off at the end (continuation bytes and their lead).
  while (end > 0 && head.length - end < 4 && ((head[end - 1] as number) & 0xc0) === 0x80) end--;
  if (end > 0 && (head[end - 1] as number) >= 0xc0) end--;
  return head.subarray(0, end);
}

/**
 * Text from UTF-8 bytes as an editor reads them: a byte-order mark dropped, invalid bytes
 * replaced by U+FFFD, and where the first of them stands.
 */
export function decodeUtf8(bytes: Uint8Array): {
  text: string;
  invalidUtf8?: { offset: number; byteOffset: number; byte: number };
} {
  const text = new TextDecoder('utf-8').decode(bytes);
  const byteOffset = firstInvalidUtf8(bytes);
  if (byteOffset === undefined) return { text };
  const offset = new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset)).length;
  return { text, invalidUtf8: { offset, byteOffset, byte: bytes[byteOffset] as number } };
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence (RFC 3629), if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // no overlong forms
      if (lead === 0xed) high = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}
