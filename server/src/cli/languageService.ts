import { createLanguageService, type LanguageService, type LanguageServiceOptions } from '../core/languageService';

/**
 * The language service of a CLI command: the same factory as the server's. The CLI reads whole
 * plans (analysis, diagnostics, document), which throw on a bug; a feature that fails on a place
 * in a plan, should a command ever ask for one, is written to standard error.
 */
export function cliLanguageService(options: Omit<LanguageServiceOptions, 'logger'>): LanguageService {
  return createLanguageService({
    ...options,
    logger: {
      failed: (feature, uri, error) => {
        process.stderr.write(`drplan: ${feature} for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      },
    },
  });
}
