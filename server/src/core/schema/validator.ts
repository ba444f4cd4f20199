import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../../schemas/drplan.schema.json';

export type SchemaError = ErrorObject;

/** The plan's JSON Schema, as shipped in schemas/: the one source of the file's shape. */
export const planSchema = schema;

type Definitions = typeof schema.definitions;
export const schemaDefinitions: Definitions = schema.definitions;

let compiled: ValidateFunction | undefined;

/**
 * The schema compiled once per process. `verbose` gives each error its parent schema, which
 * tells a duration or a date slot apart from other values without matching schema paths.
 */
export function validatePlanShape(value: unknown): readonly SchemaError[] {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(schema);
  return compiled(value) ? [] : (compiled.errors ?? []);
}
