/**
 * The extension's settings as the server takes them: each clamped to the range package.json
 * documents, whatever the client sends. A workspace's settings are held back in Restricted Mode
 * (package.json's `restrictedConfigurations`); this is the second line, for every other client
 * and for values the manifest's schema only warns about (`drplan.validation.delay: 2000000000`
 * would mean diagnostics never come).
 */

/** `drplan.validation.delay`, milliseconds. */
export const VALIDATION_DELAY_RANGE = { minimum: 0, maximum: 2000 } as const;

/** The delay as a number of milliseconds in its range; undefined for anything that is no number. */
export function validationDelayFrom(value: unknown): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return Math.min(VALIDATION_DELAY_RANGE.maximum, Math.max(VALIDATION_DELAY_RANGE.minimum, value));
}

/** `drplan.maxFileSize`, megabytes (0: no limit, as documented); undefined for anything else. */
export function maxFileSizeFrom(value: unknown): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) return undefined;
  return value;
}
