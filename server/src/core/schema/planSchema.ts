import schema from '../../../../schemas/drplan.schema.json';

/** The plan's JSON Schema, as shipped in schemas/: the one source of the file's shape. */
export const planSchema = schema;

type Definitions = typeof schema.definitions;
export const schemaDefinitions: Definitions = schema.definitions;
