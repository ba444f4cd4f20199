/**
 * The language server's services in a Node process (serverServices.ts): the language service as
 * a bundle of its own, PDFs in a worker thread with a heap limit, git for the change history,
 * Prometheus for the availability import, and a garbage collection when idle.
 */
import { join } from 'node:path';
import type { LanguageServiceFactory } from './core/languageService';
import { fileOfUri, GitHistories } from './gitHistory';
import { IdleCollector } from './idleCollector';
import { measureRequests } from './measureRequests';
import { pdfWorker } from './pdfWorkerClient';
import type { ChangeHistories, FailureLog, ServerServices } from './serverServices';

export function nodeServices(): ServerServices {
  return {
    // dist/language-service.js, required once the client is initialized: `initialize` is answered
    // (and the extension activates) without compiling yaml, the schema validator and the rules.
    languageService: () => (require('./core/languageService') as { createLanguageService: LanguageServiceFactory }).createLanguageService,
    // dist/pdf-worker.js beside this bundle, started on the first export.
    pdfMaker: (locale) => pdfWorker(join(__dirname, 'pdf-worker.js'), locale),
    changeHistories: (log) => gitChangeHistories(new GitHistories(), log),
    measure: measureRequests,
    idle: new IdleCollector(),
  };
}

/** Plans on disk (`file:`) by their path; an unsaved plan, or one of another file system, has none. */
function gitChangeHistories(git: GitHistories, log: FailureLog): ChangeHistories {
  return {
    async history(uri, text) {
      const file = fileOfUri(uri);
      if (!file) return undefined;
      try {
        return await git.history(file, text);
      } catch (error) {
        log('git history', uri, error);
        return undefined;
      }
    },
    forget(uri) {
      const file = fileOfUri(uri);
      if (file) git.forget(file);
    },
  };
}
