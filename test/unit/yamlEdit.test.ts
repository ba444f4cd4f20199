import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isSeq, parse, parseDocument, type Node, type YAMLMap } from 'yaml';
import { YamlDocument } from '../../server/src/core/parse/yamlDocument';
import { appendToList, fillEmptyValue, insertIntoEmptyDocument, insertIntoMapping, removeFromMapping, replaceScalar, setMappingValues } from '../../server/src/core/yaml/edit';
import { layoutOf, lineEndingOf } from '../../server/src/core/yaml/layout';
import { applyEdits, type OffsetEdit } from '../../server/src/core/yaml/offsetEdits';
import { nodeAtPointer, ownPair } from '../../server/src/core/yaml/pointer';
import { scalarText } from '../../server/src/core/yaml/scalar';
import { blockEntryLines, choice, empty, entry, list, mapping, tabStop, text, verbatim, type YamlEntry } from '../../server/src/core/yaml/write';
import { FIXTURES } from '../support/fixtures';
import { analyze } from '../../server/src/core/analysis';
import { exerciseEntryEdits } from '../../server/src/core/drill/exerciseEntry';
import type { ExerciseRecord } from '../../server/src/core/drill/record';

/**
 * The YAML edit toolkit (server/src/core/yaml), as golden files: each case edits
 * `test/fixtures/yaml/<name>.input.yaml` and compares the result byte for byte with
 * `<name>.expected.yaml` (CRLF files stay CRLF: see the folder's .gitattributes).
 */

const FOLDER = join(FIXTURES, 'yaml');

/** The edit of a case, given the document; the layout and line ending are read from it. */
type Edit = (yaml: YamlDocument) => OffsetEdit[];

function mapAt(yaml: YamlDocument, pointer: string) {
  const target = nodeAtPointer(yaml, pointer);
  assert.ok(target && isMap(target.value), `a mapping at ${pointer}`);
  return target.value;
}

function seqAt(yaml: YamlDocument, pointer: string) {
  const target = nodeAtPointer(yaml, pointer);
  assert.ok(target && isSeq(target.value), `a list at ${pointer}`);
  return target.value;
}

const habits = (yaml: YamlDocument) => ({ layout: layoutOf(yaml.text), eol: lineEndingOf(yaml.text) });

function insertInto(pointer: string, entries: readonly YamlEntry[]): Edit {
  return (yaml) => {
    const { layout, eol } = habits(yaml);
    const edit = insertIntoMapping(yaml, mapAt(yaml, pointer), entries, layout, eol);
    return edit ? [edit] : [];
  };
}

function appendTo(pointer: string, items: readonly YamlEntry[][]): Edit {
  return (yaml) => {
    const { layout, eol } = habits(yaml);
    const edit = appendToList(yaml, seqAt(yaml, pointer), items, layout, eol);
    return edit ? [edit] : [];
  };
}

function fill(key: string, items: readonly YamlEntry[][]): Edit {
  return (yaml) => {
    const { layout, eol } = habits(yaml);
    const pair = ownPair(mapAt(yaml, ''), key);
    assert.ok(pair, key);
    return fillEmptyValue(yaml, pair.key, pair.value, items, layout, eol, false);
  };
}

function replace(pointer: string, value: string): Edit {
  return (yaml) => {
    const node = nodeAtPointer(yaml, pointer)?.value as Node | null | undefined;
    assert.ok(node?.range, pointer);
    return [replaceScalar(yaml.text, { start: node.range[0], end: node.range[1] }, value)];
  };
}

const scenario = (id: string, title: string, recovery: readonly string[]): YamlEntry[] => [
  entry('id', text(id)),
  entry('title', text(title)),
  entry('recovery', list(recovery.map(text))),
];

/** A recovery drill of the scenario `storage` (core/drill/exerciseEntry.ts), with a skipped step and notes. */
const DRILL: ExerciseRecord = {
  started: '2026-11-29T09:12:00+01:00',
  recoverySeconds: 4820,
  dataLoss: '15 min',
  kind: 'full-recovery',
  result: 'partial',
  notes: 'Snapshot älter als erwartet: RPA über RPO',
  steps: [
    { step: 'ZEO-Server stoppen', seconds: 300 },
    { step: 'Snapshot zurückspielen: zfs rollback', seconds: 3600 },
    { step: 'Caches leeren', skipped: true, note: 'nicht nötig, Caches leer' },
    { step: 'Dienst prüfen', seconds: 905, note: 'Login langsam' },
  ],
};

function exercise(yaml: YamlDocument): OffsetEdit[] {
  const made = exerciseEntryEdits(analyze(yaml.text), 'storage', DRILL);
  assert.ok('edits' in made, 'refusal' in made ? made.refusal.en : '');
  return [...made.edits];
}

const CASES: Readonly<Record<string, Edit>> = {
  // a scalar, a list and a nested mapping, at 2 spaces; after the comment on the last line
  'insert-key-2-spaces': insertInto('/plan', [
    entry('version', verbatim('"1.0"')),
    entry('review', list([text('Q1'), text('Q3: Audit')])),
    entry('deputy', mapping([entry('name', text('IT-Leitung'))])),
  ]),
  // 4 spaces, `-   key` items: the keys of the item at 8, list dashes 4 further
  'insert-key-4-spaces': insertInto('/scenarios/0', [entry('prevention', list([text('Backup')])), entry('rto', verbatim('8h'))]),
  // CRLF, a blank line between the items, a comment after the list
  'append-item-crlf': appendTo('/scenarios', [scenario('c', 'C: neu', ['Neu starten'])]),
  // the compact style: dashes under their key
  'append-item-compact': appendTo('/scenarios', [scenario('b', 'B', ['Umschalten', 'Prüfen'])]),
  // into braces, commas quoted; the comment after the braces stays
  'insert-key-flow': insertInto('/plan', [entry('version', verbatim('"1.0"')), entry('tags', list([text('a'), text('b, c')]))]),
  // a flow list on one line, and one whose items stand on lines of their own
  'append-item-flow': (yaml) => [
    ...appendTo('/contacts', [[entry('id', text('b')), entry('name', text('B'))]])(yaml),
    ...appendTo('/scenarios', [scenario('b', 'B', ['Neu starten'])])(yaml),
  ],
  // `[]   # comment` and `~` give way to block items; the comment stays on the key's line
  'fill-empty-value-comment': (yaml) => [
    ...fill('scenarios', [scenario('a', 'A', ['Neu starten'])])(yaml),
    ...fill('history', [[entry('version', verbatim('"1.0"')), entry('date', verbatim('2026-11-29'))]])(yaml),
  ],
  // after the last entry and its comment, before the comments and blank lines that follow it
  'insert-key-comments': insertInto('/plan', [entry('status', text('draft'))]),
  // the text of a block scalar is no example of indentation: 2 spaces, not its 4
  'insert-key-block-scalar': insertInto('/plan', [entry('deputy', mapping([entry('name', text('A'))]))]),
  // in the quotes the value had; plain where it was plain and stays a string; comments stay
  'replace-value': (yaml) => [
    ...replace('/plan/status', 'draft')(yaml),
    ...replace('/plan/classification', "it's internal")(yaml),
    ...replace('/plan/owner', 'a: b')(yaml),
  ],
  // values set on their keys' lines (comments after them stay), a missing key inserted, a key
  // removed with the comment on its line; a key with nothing after it gets its value there
  'set-values-block': (yaml) => {
    const { layout, eol } = habits(yaml);
    const item = mapAt(yaml, '/availability/results/0');
    const values = [entry('measured', verbatim('99.69')), entry('downtime', verbatim('135 min')), entry('outages', verbatim('2'))];
    return [...setMappingValues(yaml, item, values, layout, eol), ...[removeFromMapping(yaml, item, 'excluded')].filter((edit) => edit !== undefined)];
  },
  // in braces: an entry and its comma removed (also the first and the last), one appended
  'set-values-flow': (yaml) => {
    const { layout, eol } = habits(yaml);
    const [first, second, third] = [0, 1, 2].map((i) => mapAt(yaml, `/results/${i}`)) as [YAMLMap, YAMLMap, YAMLMap];
    return [
      ...setMappingValues(yaml, first, [entry('measured', verbatim('99.69')), entry('outages', verbatim('2'))], layout, eol),
      ...setMappingValues(yaml, second, [entry('measured', verbatim('99.9'))], layout, eol),
      ...[removeFromMapping(yaml, first, 'excluded'), removeFromMapping(yaml, second, 'excluded'), removeFromMapping(yaml, third, 'excluded')].filter((edit) => edit !== undefined),
    ];
  },
  // the first key on a dash's line: the next key moves up behind the dash
  'remove-key-dash-line': (yaml) =>
    [0, 1].map((i) => removeFromMapping(yaml, mapAt(yaml, `/results/${i}`), 'excluded')).filter((edit) => edit !== undefined),
  // after the comments of a document without content
  'empty-document': (yaml) => {
    const { layout, eol } = habits(yaml);
    return [insertIntoEmptyDocument(yaml, [entry('drplan', verbatim('"1"')), entry('plan', mapping([entry('title', text('Notfallplan'))]))], layout, eol)];
  },
  // a drill's exercise entry: after the last exercise and its comment, before the scenario's
  // closing comment and the blank line; measured durations as authors write them
  'exercise-append': exercise,
  // `exercises` made after a block scalar, in the plan's 4 spaces and `-   key` items
  'exercise-create-4-spaces': exercise,
  // `[]   # comment` gives way to the entry; compact lists, CRLF
  'exercise-empty-crlf': exercise,
};

describe('YAML edits (golden files in test/fixtures/yaml)', () => {
  for (const [name, edit] of Object.entries(CASES)) {
    it(name, () => {
      const input = readFileSync(join(FOLDER, `${name}.input.yaml`), 'utf8');
      const expectedFile = join(FOLDER, `${name}.expected.yaml`);
      assert.ok(existsSync(expectedFile), `${name}.expected.yaml is missing`);
      const edited = applyEdits(input, edit(new YamlDocument(input)));
      assert.equal(edited, readFileSync(expectedFile, 'utf8'));
      assert.deepEqual(parseDocument(edited).errors, [], 'the result parses');
      if (input.includes('\r\n')) assert.ok(!/[^\r]\n/.test(edited), 'CRLF stays CRLF');
    });
  }

  it('has a case for every input and an input for every expected file', () => {
    const names = readdirSync(FOLDER).filter((file) => file.endsWith('.yaml'));
    const cases = names.map((file) => file.replace(/\.(input|expected)\.yaml$/, ''));
    assert.deepEqual([...new Set(cases)].sort(), Object.keys(CASES).sort());
  });
});

describe('the layout of a document', () => {
  it('takes the most common distance, the one seen first of equally common ones', () => {
    assert.deepEqual(layoutOf('a:\n    b: 1\nc:\n  d: 1\ne:\n  f: 1\n'), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
    assert.deepEqual(layoutOf('a:\n    b: 1\nc:\n  d: 1\n'), { mapIndent: 4, sequenceIndent: 4, itemIndent: 2 });
    assert.deepEqual(layoutOf('a:\n  - x\nb:\n- y\nc:\n- z\n'), { mapIndent: 2, sequenceIndent: 0, itemIndent: 2 });
  });

  it('reads no indentation from the text of block scalars or multi-line plain scalars', () => {
    assert.deepEqual(layoutOf('notes: >-\n  a:\n        b: 1\nplan:\n    title: x\n'), { mapIndent: 4, sequenceIndent: 4, itemIndent: 2 });
    assert.deepEqual(layoutOf('- |\n  a:\n        b\n'), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
    assert.deepEqual(layoutOf('a:\n      some text\n      more text\n'), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
  });

  it('reads the line ending from the first line break', () => {
    assert.equal(lineEndingOf('a: 1\r\nb: 2\n'), '\r\n');
    assert.equal(lineEndingOf('a: 1\n'), '\n');
  });
});

describe('YAML scalars', () => {
  it('quotes what any YAML reader would read as something else: YAML 1.1 words and numbers too', () => {
    for (const value of ['yes', 'Off', '1_000', '+.inf', '.NaN', '...', '--- x', 'a\u0001b', 'a\tb', 'x: y', 'x #y', '']) {
      const written = scalarText(value);
      assert.notEqual(written, value, `${JSON.stringify(value)} must be quoted`);
      assert.equal(parse(`k: ${written}`).k, value);
    }
    for (const value of ['Neu starten', 'A/B-Einspeisung', 'Größe 10 GB', '2026-11-29', '4h', 'x:y']) assert.equal(scalarText(value), value);
    assert.equal(scalarText('a, b'), 'a, b');
    assert.equal(scalarText('a, b', true), '"a, b"');
  });
});

describe('writing values', () => {
  const layout = { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 };

  it('writes a snippet: tab stops and choices, every other text escaped', () => {
    const lines = blockEntryLines(
      [entry('id', tabStop(1, text('a'))), entry('title', text('Kosten: $5 {x}')), entry('rpo', tabStop(2, verbatim('4h'))), entry('backup', choice(3, ['b1', 'b2']))],
      4,
      layout,
      { snippet: true },
    );
    assert.deepEqual(lines, ['    id: ${1:a}', '    title: "Kosten: \\$5 {x\\}"', '    rpo: ${2:4h}', '    backup: ${3|b1,b2|}']);
  });

  it('writes the same values as plain text, and empty values with their comments in a column', () => {
    const lines = blockEntryLines([entry('id', tabStop(1, text('a'))), entry('backup', choice(3, ['b1', 'b2'])), entry('rto', empty, 'RTO'), entry('status', text('draft'), 'draft or approved')], 0, layout, {
      commentColumn: 16,
    });
    assert.deepEqual(lines, ['id: a', 'backup: b1', 'rto:            # RTO', 'status: draft   # draft or approved']);
  });
});
