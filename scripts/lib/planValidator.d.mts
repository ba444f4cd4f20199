// Types of planValidator.mjs, for TypeScript callers (the tests, bench/run.ts).
import type { Options } from 'ajv';

export const PLAN_SCHEMA_FILE: string;
/** server/src/core/schema/planValidator.generated.js (not committed; `npm run build` writes it) */
export const PLAN_VALIDATOR_FILE: string;
/** ajv's options for the plan schema, for the generated validator and a reference compiled at run time */
export const PLAN_VALIDATOR_OPTIONS: Readonly<Options>;
/** The validator's CommonJS source for the plan schema as it is now, as PLAN_VALIDATOR_FILE. */
export function planValidatorSource(): string;
/** The CommonJS source of the validator of the JSON Schema in `schemaFile`, for a module at `moduleFile`. */
export function validatorSource(schemaFile: string, moduleFile: string): string;
/** Writes PLAN_VALIDATOR_FILE if its content changes. */
export function writePlanValidator(source?: string): Promise<void>;
