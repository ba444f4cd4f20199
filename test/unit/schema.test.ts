import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORIES, COMPONENT_KINDS, ENUMS, SCENARIO_TYPES } from '../../server/src/core/catalog';
import { planSchema } from '../../server/src/core/schema/planSchema';

type SchemaNode = { enum?: string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };
const definitions = planSchema.definitions as unknown as Record<string, SchemaNode>;
const enumOf = (definition: string, property: string) => definitions[definition]?.properties?.[property]?.enum;
const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

/** The schema is what other YAML tools see, the catalog what hover and completion explain: they must agree. */
describe('the JSON Schema and the catalog agree', () => {
  it('on categories and scenario types', () => {
    assert.deepEqual(enumOf('scenario', 'category'), ids(CATEGORIES));
    assert.deepEqual(enumOf('scenario', 'type'), ids(SCENARIO_TYPES));
  });
  it('on component kinds', () => {
    assert.deepEqual(enumOf('component', 'kind'), ids(COMPONENT_KINDS));
  });
  it('on the other enumerations', () => {
    assert.deepEqual(enumOf('plan', 'status'), ids(ENUMS.planStatus));
    assert.deepEqual(enumOf('plan', 'classification'), ids(ENUMS.classification));
    assert.deepEqual(enumOf('database', 'strategy'), ids(ENUMS.databaseStrategy));
    assert.deepEqual(enumOf('loadBalancing', 'method'), ids(ENUMS.loadBalancingMethod));
    assert.deepEqual(enumOf('exercise', 'kind'), ids(ENUMS.exerciseKind));
    assert.deepEqual(enumOf('exercise', 'result'), ids(ENUMS.exerciseResult));
  });
  it('leaves the backup method open', () => {
    assert.equal(enumOf('backup', 'method'), undefined);
  });
});
