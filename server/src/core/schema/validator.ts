import type { ErrorObject } from 'ajv';
import validatePlan from './planValidator.generated';

export type SchemaError = ErrorObject;

/**
 * The plan checked against its schema (planSchema.ts) by the validator ajv generated at build
 * time (planValidator.generated.d.ts): nothing is compiled at run time. Its errors are verbose:
 * each has its data and its parent schema, the very object of `schemaDefinitions`, which tells a
 * duration or a date slot apart from other values without matching schema paths.
 */
export function validatePlanShape(value: unknown): readonly SchemaError[] {
  return validatePlan(value) ? [] : (validatePlan.errors ?? []);
}
