/**
 * The language server's services in a Node process (serverServices.ts): the language service as
 * a bundle of its own, PDFs in a worker thread with a heap limit, git for the change history,
 * Prometheus for the availability import, and a garbage collection when idle.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheFolder, requireWithCodeCache, type CachedBundle } from './codeCache';
import type { LanguageServiceFactory } from './core/languageService';
import { fileOfUri, GitHistories } from './gitHistory';
import { IdleCollector } from './idleCollector';
import { measureRequests } from './measureRequests';
import { pdfWorker } from './pdfWorkerClient';
import type { ChangeHistories, FailureLog, ServerServices } from './serverServices';

type LanguageServiceModule = { createLanguageService: LanguageServiceFactory };

/** Compiled code is worth keeping once the first plan is checked, and written when the server has a moment. */
const SAVE_CODE_CACHE_AFTER_MS = 500;

export function nodeServices(): ServerServices {
  let bundle: CachedBundle | undefined;
  return {
    // dist/language-service.js, required once the client is initialized: `initialize` is answered
    // (and the extension activates) without compiling yaml, the schema validator and the rules;
    // through the code cache (codeCache.ts), which spares compiling it again on later starts.
    languageService: () => {
      const file = join(__dirname, 'language-service.js');
      // Run from the sources (tsx) there is no bundle beside this module.
      if (!existsSync(file)) return (require('./core/languageService') as LanguageServiceModule).createLanguageService;
      bundle = requireWithCodeCache(file, codeCacheFolder(process.argv.slice(2)));
      return (bundle.exports as LanguageServiceModule).createLanguageService;
    },
    firstChecked: () => {
      if (bundle && !bundle.fromCache) setTimeout(() => bundle?.save(), SAVE_CODE_CACHE_AFTER_MS).unref();
    },
    // A server ended sooner (a client that checks one plan and leaves) writes it on its way out.
    exit: () => bundle?.save(),
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
