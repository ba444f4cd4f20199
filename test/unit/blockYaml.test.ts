import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { generatePlan } from '../../bench/generatePlan';
import { parseBlockYaml } from '../../server/src/core/parse/blockYaml';
import { checkTree } from '../../server/src/core/parse/treeChecks';
import { parseYaml } from '../../server/src/core/parse/yamlDocument';
import { checkProperty } from '../support/fuzz';
import { EXAMPLES, FIXTURES } from '../support/fixtures';
import { generatePlanText, planArbitrary } from '../support/planArbitrary';

/** yaml's own parse, with parseYaml's composer options. */
function yamlTree(text: string): Document.Parsed {
  return parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
}

/** Everything of a tree that drplan or yaml's toJS could read: kinds, values, tags, ranges. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) {
    const value = typeof node.value === 'symbol' ? `symbol:${node.value.description}` : node.value;
    return { scalar: value, range: node.range, type: node.type, source: node.source, format: node.format, tag: node.tag, anchor: node.anchor, minFractionDigits: node.minFractionDigits };
  }
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      range: node.range,
      flow: node.flow,
      tag: node.tag,
      anchor: node.anchor,
      items: node.items.map((item: unknown) => (isPair(item) ? { key: shape(item.key), value: shape(item.value) } : shape(item))),
    };
  }
  return { other: String(node) };
}

function docShape(doc: Document.Parsed): unknown {
  const problems = (list: Document.Parsed['errors']) => list.map((problem) => ({ code: problem.code, pos: problem.pos, message: problem.message }));
  return { range: doc.range, contents: shape(doc.contents), errors: problems(doc.errors), warnings: problems(doc.warnings) };
}

/**
 * The fast path's tree equals yaml's, or it declined; it never takes text that yaml finds wrong.
 * Its one error, a duplicate key, is the one checkTree finds in yaml's tree (parseYaml's other way).
 */
function assertSameTree(text: string, label = ''): boolean {
  const fast = parseBlockYaml(text);
  if (!fast) return false;
  const reference = yamlTree(text);
  assert.equal(reference.errors.length + reference.warnings.length, 0, `${label}: taken by the fast path, but yaml reports ${reference.errors[0]?.message ?? reference.warnings[0]?.message}`);
  checkTree(reference, []);
  assert.deepEqual(docShape(fast), docShape(reference), `${label}: the trees differ for\n${text}`);
  return true;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

/** The text with comment and blank lines put in at random places, at random indentation. */
function withRunsInserted(text: string, seed: number): string {
  let state = seed >>> 0 || 1;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % n;
  };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const out: string[] = [];
  for (const line of lines) {
    if (random(4) === 0) {
      const runs = 1 + random(3);
      for (let i = 0; i < runs; i++) out.push(random(3) === 0 ? ' '.repeat(random(3)) : `${' '.repeat(random(9))}# note ${random(100)}`);
    }
    out.push(random(10) === 0 && line.trim() !== '' ? `${line}  # trailing` : line);
  }
  return out.join(eol);
}

describe('the fast block-YAML path (blockYaml.ts)', () => {
  it('makes the tree yaml makes on every fixture and example it takes, and takes the example and generated plans', () => {
    let taken = 0;
    const files = [...filesUnder(FIXTURES), ...filesUnder(EXAMPLES)];
    for (const file of files) if (assertSameTree(readFileSync(file, 'utf8'), file)) taken++;
    assert.ok(taken > files.length / 3, `only ${taken} of ${files.length} files taken`);
    assert.ok(assertSameTree(readFileSync(join(EXAMPLES, 'plone-intranet.drplan.yaml'), 'utf8'), 'example'), 'the example is declined');
    for (const count of [1, 10, 50]) assert.ok(assertSameTree(generatePlan(count), `generated ${count}`), `the generated plan of ${count} is declined`);
  });

  it('places comments and blank lines in ranges as yaml does', () => {
    const cases = [
      'a: 1  # c\nb:\n  - x\n  - y: z\n    w: [p, q]  \n# tail\n\nc:\nd: "q"\n',
      '# head\n\nroot:\n  - a: 1\n    # inner\n  - b\n  # after\n\nnext:   # c\n  x: y\n# end\n',
      'a: 1\n   # deep\n\n   # deep2\nb: 2\n',
      'a:\n  - x\n    # deep\n  # same\nb: 2\n# end\n\n',
      '  # c\n  - a\n',
      'b:\n  c:\nd: 1\n',
      "a  : 1\n\"q\": 2\nb: 'it''s'  \n",
      'a: [ x , y ]\nb: []\n',
      'a:\n  b:\n    - c: 1\n      # deeper\n    # same as list\n  # same as b\n# root\nd: 2',
      'a:\r\n  - x  # c\r\n\r\n  - y\r\n',
      'a:\n- x\n  # c\n- y: 1\n  z: 2\n# d\nb: 1\n',
      'a:\n  b:\n  - x\n   # deeper\n  # same\n  c: 1\n',
      'a: >-\n  x y\n  z\n\nb: 1\n',
      'a:\n  s: |\n    x\n     y\n\n  # c\n  t: 1\n',
      '- >\n  x\n\n\n- y\n',
      'a: >- # c\n  x\n   # not\n# real\nb: 1',
      'a: |\n    x\n  # c\nb: 1\n',
      'a:\n  - |-\n    x\n\n    y\n    # c\n  - z\n',
      'a: |\n  x\n\n',
      'a: >\r\n  folded\r\n  text\r\n\r\n  more\r\n    indented\r\nb: 1\r\n',
    ];
    for (const text of cases) assert.ok(assertSameTree(text, JSON.stringify(text)), `declined: ${JSON.stringify(text)}`);
  });

  it('declines what it does not model, and parseYaml then gives yaml’s own result', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |+\n  text\n',
      'a: >2\n  text\n',
      'a: |\nb: 1\n',
      'a: {b: 1}\n',
      'a: multi\n  line\n',
      'a: "esc\\n"\n',
      'a: "open\n  close"\n',
      '---\na: 1\n',
      'a:\tb\n',
      'a: b: c\n',
      '- - x\n',
      'a: [x, [y]]\n',
      'a:\n  b: 1\n c: 2\n',
      'just a scalar\n',
      '',
      '# only a comment\n',
    ];
    for (const text of declined) {
      assert.equal(parseBlockYaml(text), undefined, JSON.stringify(text));
      const reference = yamlTree(text);
      checkTree(reference, []);
      assert.deepEqual(docShape(parseYaml(text)), docShape(reference), JSON.stringify(text));
    }
  });

  it('reports duplicate keys as checkTree does on yaml’s tree: at the later key, in the order of the text, in small and large mappings', () => {
    const many = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`);
    const cases = [
      'a: 1\nb: 2\na: 3\n',
      'a:\n  x: 1\n  x: 2\nb: 1\na: 2\n',
      '- id: a\n  id: b\n  id: c\n- id: d\n',
      '1: a\n"1": b\n1: c\ntrue: d\n"true": e\ntrue: f\n',
      `${[...many, 'k3: again', 'k19: again', 'k20: new', 'k20: again'].join('\n')}\n`,
      'outer:\n  inner:\n    a: 1\n    a: 2\n  inner: 3\nouter: 4\n',
    ];
    for (const text of cases) {
      assert.ok(assertSameTree(text, JSON.stringify(text)), `declined: ${JSON.stringify(text)}`);
      assert.ok((parseBlockYaml(text)?.errors.length ?? 0) > 0, `no duplicate found in ${JSON.stringify(text)}`);
    }
    // merge keys may repeat
    assert.ok(assertSameTree('<<: a\n<<: b\n'));
    assert.deepEqual(parseBlockYaml('<<: a\n<<: b\n')?.errors, []);
    // parseYaml takes the fast path's errors as they are
    assert.deepEqual(docShape(parseYaml(cases[1] as string)), docShape(parseBlockYaml(cases[1] as string) as Document.Parsed));
  });

  it('agrees with yaml on random plans with comments and blank lines anywhere', async () => {
    let taken = 0;
    let tried = 0;
    await checkProperty(
      'fast path = yaml',
      fc.property(planArbitrary({ maxScenarios: 6 }), fc.integer(), (plan, seed) => {
        for (const text of [plan.text, withRunsInserted(plan.text, seed)]) {
          tried++;
          if (assertSameTree(text)) taken++;
        }
      }),
      150,
    );
    // The generator favours flow style and anchors, which are declined; enough are taken.
    assert.ok(taken > tried / 20, `only ${taken} of ${tried} random plans taken`);
  });

  it('takes block plans in every style the generator writes without flow or anchors', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const style = { indent: seed % 2 ? 2 : 4, eol: seed % 3 ? '\n' : '\r\n', listUnderKey: seed % 5 !== 0, flow: 0, comments: true, anchors: false } as const;
      const text = generatePlanText(seed, 3, 0, style).text;
      assert.ok(assertSameTree(text, `seed ${seed}`), `declined seed ${seed}:\n${text}`);
      assert.ok(assertSameTree(withRunsInserted(text, seed), `seed ${seed} with runs`), `declined seed ${seed} with runs`);
    }
  });

  it('declines or agrees after random keystrokes in block plans: never takes what yaml finds wrong', async () => {
    const keys = [' ', '  ', ':', ': ', ' : ', '-', '- ', '#', ' #', '\n', '\n  ', '\n   # c\n', '\n\n', 'x', '"', "'", "''", '"a"', '[', ']', ',', '|', '|-', '>', '>-', '\r\n', '?', '{', '&a ', '*a', '!', '%', '@', '`', '\\', '\t', 'ä', '€', '\u00a0', '0x1F', '1e3', '.5', '~', 'null', 'true', '<<: '];
    let taken = 0;
    let tried = 0;
    await checkProperty(
      'fast path after edits = yaml or declined',
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...keys) }), { minLength: 1, maxLength: 4 }),
        (seed, edits) => {
          const style = { indent: seed % 2 ? 2 : 4, eol: seed % 3 ? '\n' : '\r\n', listUnderKey: seed % 5 !== 0, flow: 0, comments: true, anchors: false } as const;
          let text = withRunsInserted(generatePlanText(seed, 2, 0, style).text, seed);
          for (const edit of edits) {
            const at = edit.at % (text.length + 1);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
          }
          tried++;
          if (assertSameTree(text)) taken++;
        },
      ),
      300,
    );
    assert.ok(taken > tried / 10, `only ${taken} of ${tried} edited plans taken`);
  });
});
