import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { type ErrorObject } from 'ajv';
import { build } from 'esbuild';
import fc from 'fast-check';
import { PLAN_VALIDATOR_FILE, PLAN_VALIDATOR_OPTIONS, planValidatorSource, validatorSource } from '../../scripts/lib/planValidator.mjs';
import { toPlainValue } from '../../server/src/core/parse/toValue';
import { YamlDocument } from '../../server/src/core/parse/yamlDocument';
import validatePlan from '../../server/src/core/schema/planValidator.generated';
import { planSchema, schemaDefinitions } from '../../server/src/core/schema/planSchema';
import { validatePlanShape } from '../../server/src/core/schema/validator';
import { checkProperty } from '../support/fuzz';
import { EXAMPLES, fixtureFiles, read } from '../support/fixtures';
import { planWithEveryField } from '../support/hostile';
import { planArbitrary } from '../support/planArbitrary';

/**
 * The validator ajv generated at build time (scripts/lib/planValidator.mjs) against ajv's
 * compiler at run time with the same options, as drplan validated before: the same verdict and
 * the same errors in the same order, each with the same data and the very same schema objects
 * (`parentSchema` is how schemaErrors.ts tells a duration or a date slot), for the examples,
 * every fixture, a plan with every field, each node of the example replaced by values of every
 * kind, removed, or joined by an unknown key, and random plans with mistakes. And the helpers
 * ajv's generated code requires for other keywords resolve in a bundle made as the build makes it.
 */

const reference = new Ajv(PLAN_VALIDATOR_OPTIONS).compile(planSchema);

function assertSameAsCompiled(value: unknown, label: string): void {
  const expectedValid = reference(value);
  const expected: ErrorObject[] = reference.errors ?? [];
  const valid = validatePlan(value);
  const errors: ErrorObject[] = validatePlan.errors ?? [];
  assert.equal(valid, expectedValid, label);
  assert.deepEqual(errors, expected, label);
  errors.forEach((error, i) => {
    assert.equal(error.parentSchema, expected[i]?.parentSchema, `${label}: parentSchema of error ${i} is not the schema's own object`);
    assert.equal(error.schema, expected[i]?.schema, `${label}: schema of error ${i}`);
  });
  assert.deepEqual(validatePlanShape(value), expected, label);
}

const valueOf = (text: string): unknown => toPlainValue(new YamlDocument(text));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a plain value, as the keys that lead to it. */
function places(value: Json, keys: (string | number)[] = []): (string | number)[][] {
  const here = [keys];
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => places(item, [...keys, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([key, item]) => places(item, [...keys, key])));
  return here;
}

/** `value` with the place at `keys` replaced (`undefined`: removed). */
function withPlace(value: Json, keys: readonly (string | number)[], replacement: Json | undefined): Json | undefined {
  if (keys.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = keys[keys.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

/** One value of each kind, and the near misses the schema's keywords look for. */
const REPLACEMENTS: readonly Json[] = [null, true, 0, -1, 1.5, 150, '', 'x', 'Nicht-Id mit Leerzeichen', '2026-13-45', 'P1D', [], ['x'], [{}], {}, { unbekannt: 1 }, { 'x-notiz': 'ok' }];

describe('the schema validator generated at build time', () => {
  it('is the file the schema makes now (npm run build writes it)', () => {
    // (assert.ok: a diff of two 70 kB lines says less than the message)
    assert.ok(readFileSync(PLAN_VALIDATOR_FILE, 'utf8') === planValidatorSource(), 'planValidator.generated.js is not what schemas/drplan.schema.json makes now: run npm run build');
  });

  it('hands out the schema file\'s own objects as parentSchema (a duration and a date slot are told by them)', () => {
    validatePlan({ drplan: '1', plan: { title: 't', organisation: 'o', system: 's', version: 1, review_interval: [], valid_from: 5 }, scenarios: [] });
    const parents = (validatePlan.errors ?? []).map((error) => error.parentSchema);
    assert.ok(parents.includes(schemaDefinitions.duration));
    assert.ok(parents.includes(schemaDefinitions.date));
  });

  it('gives the compiler\'s errors for the examples, every fixture and a plan with every field', () => {
    const files = [
      join(EXAMPLES, 'plone-intranet.drplan.yaml'),
      ...['codes', 'fixes'].flatMap((folder) => fixtureFiles(folder)),
    ];
    for (const file of files) assertSameAsCompiled(valueOf(read(file)), file);
    assertSameAsCompiled(valueOf(planWithEveryField((field) => field)), 'every field');
  });

  it('gives the compiler\'s errors when any node of the example is replaced, removed or joined by an unknown key', () => {
    const example = valueOf(read(join(EXAMPLES, 'plone-intranet.drplan.yaml'))) as Json;
    let cases = 0;
    for (const keys of places(example)) {
      const label = `/${keys.join('/')}`;
      for (const replacement of REPLACEMENTS) {
        assertSameAsCompiled(withPlace(example, keys, replacement), `${label} = ${JSON.stringify(replacement)}`);
        cases++;
      }
      if (keys.length > 0) assertSameAsCompiled(withPlace(example, keys, undefined), `${label} removed`);
      const at = keys.reduce<Json | undefined>((node, key) => (node as Record<string | number, Json> | undefined)?.[key], example);
      if (at !== null && typeof at === 'object' && !Array.isArray(at)) assertSameAsCompiled(withPlace(example, [...keys, 'unbekannt'], 1), `${label}/unbekannt`);
    }
    assert.ok(cases > 2000, `${cases} cases`);
  });

  it('gives the compiler\'s errors for random plans with mistakes', async () => {
    await checkProperty(
      'generated validator = compiled validator',
      fc.property(planArbitrary({ mistakes: true }), (plan) => assertSameAsCompiled(valueOf(plan.text), plan.text)),
      60,
    );
  });

  it('bundles ajv\'s runtime helpers where a schema needs them, as the build does (minLength in characters, uniqueItems)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'drplan-validator-'));
    try {
      const schema = {
        type: 'object',
        properties: { name: { type: 'string', minLength: 2 }, tags: { type: 'array', items: { type: 'object' }, uniqueItems: true } },
      };
      const schemaFile = join(folder, 'schema.json');
      writeFileSync(schemaFile, JSON.stringify(schema));
      const bundle = join(folder, 'validator.js');
      const result = await build({
        stdin: { contents: validatorSource(schemaFile, PLAN_VALIDATOR_FILE), resolveDir: dirname(PLAN_VALIDATOR_FILE), sourcefile: 'planValidator.generated.js' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: bundle,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      for (const helper of ['ucs2length', 'equal']) assert.ok(inputs.some((input) => input.endsWith(`ajv/dist/runtime/${helper}.js`)), `${helper}: ${inputs.join(', ')}`);
      const validate = createRequire(__filename)(bundle) as typeof validatePlan;
      const compiled = new Ajv(PLAN_VALIDATOR_OPTIONS).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
      for (const value of [{ name: '😀' }, { name: '😀😀' }, { tags: [{ a: [1] }, { a: [1] }] }, { tags: [{ a: [1] }, { a: [2] }] }]) {
        assert.equal(validate(value), compiled(value), JSON.stringify(value));
        assert.deepEqual(validate.errors?.map(({ keyword, instancePath }) => ({ keyword, instancePath })), compiled.errors?.map(({ keyword, instancePath }) => ({ keyword, instancePath })));
      }
      assert.equal(validate({ name: '😀' }), false, 'one character, two UTF-16 units');
      assert.equal(validate({ tags: [{ a: [1] }, { a: [1] }] }), false, 'equal items');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
