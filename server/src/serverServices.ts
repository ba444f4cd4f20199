/**
 * What the language server takes from the platform it runs on: a Node process (server.ts with
 * nodeServices.ts) or a web worker of VS Code in the browser (browserServer.ts). The handlers
 * (languageServer.ts) are one and the same on both; only these services differ, and each one
 * that needs Node is optional: without it the server answers as in Restricted Mode (no git
 * history) or with a clear refusal (no Prometheus import).
 */
import type { Locale } from './core';
import type { LanguageServiceFactory } from './core/languageService';
import type { ChangeHistory } from './core/render/changeHistory';
import type { PlanDocument } from './core/render/tree';
import type { MeasureRequests, MeasureSources } from './measureRequests';

/** Makes the PDF of a document tree away from the handlers (Node: a worker thread with a heap limit). */
export interface PdfMaker {
  pdf(document: PlanDocument, progress?: (done: number) => void): Promise<Uint8Array>;
  dispose(): void;
}

/** The change histories of plans (git), read only once the client said the workspace is trusted. */
export interface ChangeHistories {
  /** The history of `text` as the content of the plan at `uri`; undefined when there is none. Never rejects. */
  history(uri: string, text: string): Promise<ChangeHistory | undefined>;
  /** The plan was saved or closed: read it again next time. */
  forget(uri: string): void;
}

/** Work after which garbage is worth collecting once the server is idle (Node: a full collection). */
export interface IdleWork {
  /** After work; `typing`: the check of a change to a document already checked (a keystroke). */
  touch(typing?: boolean): void;
  /** A check is about to run (what waits for a pause and is due may run now). */
  beforeCheck(): void;
  dispose(): void;
}

/** `feature` failed for the plan at `uri` (logged to the client's output). */
export type FailureLog = (feature: string, uri: string | undefined, error: unknown) => void;

export interface ServerServices {
  /**
   * The language service's factory, asked once the client is initialized (Node: a bundle of its
   * own, required then, so that `initialize` is answered without compiling it).
   */
  languageService(): LanguageServiceFactory;
  /** The PDF maker; without one the language service makes PDFs in the server's own thread. */
  pdfMaker?(locale: () => Locale): PdfMaker;
  /**
   * The plans' histories from git; without them the document shows the plan's `history:` entries.
   * `log` hears what failed, as the handlers log their own failures.
   */
  changeHistories?(log: FailureLog): ChangeHistories;
  /** The availability import from Prometheus (measureRequests.ts); without it the requests are refused with why. */
  measure?(sources: MeasureSources): MeasureRequests;
  readonly idle?: IdleWork;
  /** The first diagnostics are out: the platform may keep what starting cost (Node: the code cache). */
  firstChecked?(): void;
  /** The client sent `exit`: end what the platform must end (a worker closes itself). */
  exit?(): void;
}
