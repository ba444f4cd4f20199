import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionAt, fieldDoc, germanFieldDocKeys } from '../../server/src/core/schema/fieldDocs';
import { planSchema } from '../../server/src/core/schema/validator';

interface RawNode {
  properties?: Record<string, unknown>;
}

/** Every key of the schema as `definition.key`, the root's as `root.key`. */
function schemaKeys(): string[] {
  const keys = Object.keys(planSchema.properties).map((key) => `root.${key}`);
  for (const [name, definition] of Object.entries(planSchema.definitions as Record<string, RawNode>)) {
    for (const key of Object.keys(definition.properties ?? {})) keys.push(`${name}.${key}`);
  }
  return keys.sort();
}

describe('field documentation', () => {
  it('has a German title and description for every key of the schema, and for no other', () => {
    assert.deepEqual([...germanFieldDocKeys()].sort(), schemaKeys());
  });

  it('writes German with umlauts, never with ae/oe/ue', () => {
    for (const entry of germanFieldDocKeys()) {
      const [definition, key] = entry.split('.') as [string, string];
      const path = pathOf(definition);
      assert.ok(path, `no path for ${definition}`);
      const doc = fieldDoc(path, key, 'de');
      assert.ok(doc && doc.title !== '' && doc.description !== '', entry);
      assert.doesNotMatch(`${doc.title} ${doc.description}`, /\b(fuer|ueber|Ueber|Pruef|pruef|Loesch|loesch|gueltig|Gueltig|zulaessig|Uebung|Aenderung|Massnahme|groesser|hoechstens)/, entry);
    }
  });

  it('names the definition of a mapping at a path', () => {
    assert.equal(definitionAt([]), 'root');
    assert.equal(definitionAt(['plan']), 'plan');
    assert.equal(definitionAt(['scenarios', 3]), 'scenario');
    assert.equal(definitionAt(['scenarios', 0, 'recovery', 1]), 'recoveryStep');
    assert.equal(definitionAt(['scenarios', 0, 'exercises', 0]), 'exercise');
    assert.equal(definitionAt(['availability', 'load_balancing']), 'loadBalancing');
    assert.equal(definitionAt(['scenarios', 0, 'prevention', 0]), undefined);
    assert.equal(definitionAt(['nonsense']), undefined);
  });

  it('explains a key in German, or with the schema’s English', () => {
    assert.deepEqual(fieldDoc(['scenarios', 0], 'rto', 'de'), {
      title: 'RTO',
      description: 'Recovery Time Objective: die maximal zulässige Ausfallzeit dieses Szenarios (BSI 200-4: geforderte Wiederanlaufzeit).',
    });
    const english = fieldDoc(['scenarios', 0], 'rto', 'en');
    assert.equal(english?.title, 'RTO');
    assert.match(english?.description ?? '', /^Recovery Time Objective/);
    // a key through a $ref keeps its own title and description
    assert.equal(fieldDoc(['backups', 0], 'interval', 'en')?.title, 'Interval');
    assert.equal(fieldDoc(['backups', 0], 'interval', 'de')?.title, 'Sicherungsintervall');
    assert.equal(fieldDoc(['backups', 0], 'nonsense', 'de'), undefined);
    assert.equal(fieldDoc(['nonsense'], 'id', 'en'), undefined);
  });
});

/** A path to a mapping of the definition, for the test above. */
function pathOf(definition: string): (string | number)[] | undefined {
  const paths: (string | number)[][] = [
    [],
    ['plan'],
    ['contacts', 0],
    ['components', 0],
    ['availability'],
    ['availability', 'database'],
    ['availability', 'load_balancing'],
    ['availability', 'measurements', 0],
    ['backups', 0],
    ['scenarios', 0],
    ['scenarios', 0, 'recovery', 0],
    ['scenarios', 0, 'exercises', 0],
    ['history', 0],
  ];
  return paths.find((path) => definitionAt(path) === definition);
}
