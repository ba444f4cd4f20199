import type { ErrorObject } from 'ajv';

/**
 * The plan schema's validator, generated at build time by ajv's standalone mode
 * (scripts/lib/planValidator.mjs) into planValidator.generated.js, which is not committed:
 * `npm run build` (node scripts/build.mjs) writes it. The same validate function ajv's compiler
 * would make, without generating code at run time.
 */
declare const validatePlan: {
  (data: unknown): boolean;
  /** the errors of the last call that failed, in ajv's order */
  errors?: ErrorObject[] | null;
};
export default validatePlan;
