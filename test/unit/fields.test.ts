import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { analyze } from '../../server/src/core/analysis';
import { allReferences } from '../../server/src/core/model/references';
import { dateFields, durationFields } from '../../server/src/core/model/timeFields';
import { ENUMS, CATEGORIES, COMPONENT_KINDS, SCENARIO_TYPES, type EnumName } from '../../server/src/core/catalog';
import { FIELDS, type FieldSpec } from '../../server/src/core/schema/fields';
import { definitionAt, fieldDoc, fieldOfValue } from '../../server/src/core/schema/fieldLookup';
import { resolveSchema, type SchemaNode } from '../../server/src/core/schema/lookup';
import { planSchema } from '../../server/src/core/schema/planSchema';
import { REFERENCE_FIELDS as NAMED_IN_MESSAGES } from '../../server/src/core/i18n/navigation';

interface RawNode {
  properties?: Record<string, RawProperty>;
}

interface RawProperty extends SchemaNode {
  readonly format?: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
}

const germanFieldDocKeys = () => FIELDS.map((spec) => `${spec.definition}.${spec.key}`);

/** The schema's property of a field, as written (before its $ref is followed). */
function schemaProperty(spec: FieldSpec): RawProperty | undefined {
  const owner: RawNode | undefined = spec.definition === 'root' ? (planSchema as RawNode) : (planSchema.definitions as Record<string, RawNode>)[spec.definition];
  return owner?.properties?.[spec.key];
}

const refName = (node: SchemaNode | undefined) => node?.$ref?.replace('#/definitions/', '');

/** The catalog ids a catalog field takes. */
function catalogIds(name: FieldSpec & { kind: 'catalog' }): string[] {
  const entries =
    name.catalog === 'category' ? CATEGORIES : name.catalog === 'scenarioType' ? SCENARIO_TYPES : name.catalog === 'componentKind' ? COMPONENT_KINDS : ENUMS[name.catalog as EnumName];
  return entries.map((entry) => entry.id);
}

/** Every key of the schema as `definition.key`, the root's as `root.key`. */
function schemaKeys(): string[] {
  const keys = Object.keys(planSchema.properties).map((key) => `root.${key}`);
  for (const [name, definition] of Object.entries(planSchema.definitions as Record<string, RawNode>)) {
    for (const key of Object.keys(definition.properties ?? {})) keys.push(`${name}.${key}`);
  }
  return keys.sort();
}

describe('the field table and the JSON Schema', () => {
  it('has one entry for every key of the schema, and none for a key the schema lacks', () => {
    const table = germanFieldDocKeys();
    assert.equal(new Set(table).size, table.length, 'a field is listed twice');
    assert.deepEqual([...table].sort(), schemaKeys().filter((key) => !key.split('.')[1]?.startsWith('x-')));
  });

  it('has the schema’s English title and description', () => {
    for (const spec of FIELDS) {
      const schema = resolveSchema(schemaProperty(spec));
      assert.deepEqual(spec.en, { title: schema?.title ?? spec.key, description: schema?.description ?? '' }, `${spec.definition}.${spec.key}`);
    }
  });

  it('says what kind of value each field holds, as the schema does', () => {
    for (const spec of FIELDS) {
      const name = `${spec.definition}.${spec.key}`;
      const raw = schemaProperty(spec) as RawProperty;
      const ref = refName(raw);
      const items = raw.items as RawProperty | undefined;
      switch (spec.kind) {
        case 'duration':
        case 'date':
        case 'id':
        case 'text':
          assert.equal(ref, spec.kind, name);
          break;
        case 'texts':
          assert.equal(raw.type, 'array', name);
          assert.equal(refName(items), 'text', name);
          break;
        case 'reference':
          assert.equal(ref, 'reference', name);
          break;
        case 'references':
          assert.equal(raw.type, 'array', name);
          assert.equal(refName(items), 'reference', name);
          break;
        case 'section':
          assert.equal(ref, spec.mapping, name);
          break;
        case 'items':
          assert.equal(raw.type, 'array', name);
          assert.equal(refName(items), spec.mapping, name);
          break;
        case 'steps':
          assert.equal(raw.type, 'array', name);
          if (spec.mapping) assert.equal(refName(resolveSchema(items)?.then), spec.mapping, name);
          else assert.equal(items?.type, 'string', name);
          break;
        case 'catalog':
          if (spec.open) assert.equal(raw.enum, undefined, name);
          else assert.deepEqual([...(raw.enum ?? [])].sort(), catalogIds(spec).sort(), name);
          break;
        case 'boolean':
          assert.equal(raw.type, 'boolean', name);
          break;
        case 'percentage':
          assert.equal(raw.type, 'number', name);
          assert.equal(raw.maximum, 100, name);
          if (spec.zero) assert.equal(raw.minimum, 0, name);
          else assert.equal(raw.exclusiveMinimum, 0, name);
          break;
        case 'count':
          assert.equal(raw.type, 'integer', name);
          assert.equal(raw.minimum, spec.minimum, name);
          break;
        case 'dateTime':
        case 'period':
          assert.equal(ref, spec.kind, name);
          break;
        case 'version':
          assert.deepEqual(raw.type, ['string', 'number'], name);
          break;
        case 'formatVersion':
          assert.equal(raw.const ?? raw.enum?.[0], '1', name);
          break;
      }
    }
  });

  it('names the list every reference and id belongs to', () => {
    const lists = new Map(FIELDS.filter((spec) => spec.kind === 'items').map((spec) => [spec.key, spec.kind === 'items' ? spec.mapping : '']));
    for (const spec of FIELDS) {
      if (spec.kind === 'reference' || spec.kind === 'references') assert.ok(lists.has(spec.list), `${spec.definition}.${spec.key} → ${spec.list}`);
      if (spec.kind === 'id') assert.equal(lists.get(spec.list), spec.definition, `${spec.definition}.${spec.key}`);
    }
  });

  it('names every reference field in the rename messages', () => {
    const keys = new Set(FIELDS.filter((spec) => spec.kind === 'reference' || spec.kind === 'references').map((spec) => spec.key));
    assert.deepEqual(NAMED_IN_MESSAGES.split(', ').sort(), [...keys].sort());
  });
});

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
    assert.equal(definitionAt(['alerting', 'levels', 2]), 'alertLevel');
    assert.equal(definitionAt(['plan', 'approvals', 0]), 'approval');
    assert.equal(definitionAt(['availability', 'results', 1]), 'availabilityResult');
    assert.equal(definitionAt(['scenarios', 2, 'exercises', 0, 'steps', 3]), 'exerciseStep');
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
    ['plan', 'not_applicable', 0],
    ['plan', 'approvals', 0],
    ['contacts', 0],
    ['alerting'],
    ['alerting', 'levels', 0],
    ['components', 0],
    ['availability'],
    ['availability', 'database'],
    ['availability', 'load_balancing'],
    ['availability', 'measurements', 0],
    ['availability', 'results', 0],
    ['backups', 0],
    ['scenarios', 0],
    ['scenarios', 0, 'recovery', 0],
    ['scenarios', 0, 'exercises', 0],
    ['scenarios', 0, 'exercises', 0, 'steps', 0],
    ['history', 0],
  ];
  return paths.find((path) => definitionAt(path) === definition);
}

describe('the model reads what the field table names', () => {
  const text = readFileSync(join(__dirname, '../../examples/plone-intranet.drplan.yaml'), 'utf8');
  const analysis = analyze(text, { today: new Date('2026-01-01') });

  /** Every scalar of the plan whose field is of one of `kinds`, as `path@start`. */
  const written = (kinds: readonly FieldSpec['kind'][]): string[] => {
    const found: string[] = [];
    const visit = (node: Node | null, path: (string | number)[]): void => {
      const resolved = analysis.yaml.resolve(node);
      if (isMap(resolved)) {
        for (const [key, entry] of analysis.yaml.entries(resolved)) visit(entry.written, [...path, key]);
      } else if (isSeq(resolved)) {
        resolved.items.forEach((item, index) => visit(item as Node, [...path, index]));
      } else if (isScalar(resolved) && node?.range) {
        const spec = fieldOfValue(path);
        if (spec && kinds.includes(spec.kind)) found.push(`${spec.definition}.${spec.key}@${node.range[0]}`);
      }
    };
    visit(analysis.yaml.root, []);
    return found.sort();
  };
  const spans = (values: Iterable<{ start: number }>) => [...values].map((value) => value.start);

  it('the example writes every duration, date and reference field (so the checks below see them all)', () => {
    const fields = (kinds: readonly FieldSpec['kind'][]) => new Set(written(kinds).map((entry) => entry.split('@')[0]));
    const expected = (kinds: readonly FieldSpec['kind'][]) => FIELDS.filter((spec) => kinds.includes(spec.kind)).map((spec) => `${spec.definition}.${spec.key}`);
    for (const kinds of [['duration'], ['date'], ['reference', 'references']] as const) {
      assert.deepEqual([...fields(kinds)].sort(), expected(kinds).sort(), kinds.join());
    }
  });

  it('every duration and date field is checked (model/timeFields.ts)', () => {
    const at = (entries: string[]) => entries.map((entry) => Number(entry.split('@')[1])).sort((a, b) => a - b);
    assert.deepEqual(spans([...durationFields(analysis.model)].map(({ value }) => value)).sort((a, b) => a - b), at(written(['duration'])));
    assert.deepEqual(spans([...dateFields(analysis.model)].map(({ value }) => value)).sort((a, b) => a - b), at(written(['date'])));
    // Each names its entry of the table, whose typical values the duration checks read.
    for (const { field, definition } of durationFields(analysis.model)) assert.equal(FIELDS.find((spec) => spec.definition === definition && spec.key === field)?.kind, 'duration', `${definition}.${field}`);
    for (const { field, definition } of dateFields(analysis.model)) assert.equal(FIELDS.find((spec) => spec.definition === definition && spec.key === field)?.kind, 'date', `${definition}.${field}`);
  });

  it('every reference is in the model, with its list', () => {
    const found = [...allReferences(analysis.model)].map((reference) => reference.start).sort((a, b) => a - b);
    assert.deepEqual(found, written(['reference', 'references']).map((entry) => Number(entry.split('@')[1])).sort((a, b) => a - b));
  });
});
