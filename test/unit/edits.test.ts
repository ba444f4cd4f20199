import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { contentEnd } from '../../server/src/core/yaml/edit';
import { layoutOf, lineEndingOf } from '../../server/src/core/yaml/layout';
import { applyEdits, combineEdits } from '../../server/src/core/yaml/offsetEdits';
import { replacementText, scalarText } from '../../server/src/core/yaml/scalar';
import { mappingKindOf, slug, uniqueId } from '../../server/src/core/features/placeholders';
import { YamlDocument } from '../../server/src/core/parse/yamlDocument';

describe('edits: the document’s habits', () => {
  it('reads the line ending from the first line break', () => {
    assert.equal(lineEndingOf('a: 1\r\nb: 2\r\n'), '\r\n');
    assert.equal(lineEndingOf('a: 1\nb: 2\r\n'), '\n');
    assert.equal(lineEndingOf('a: 1'), '\n');
    assert.equal(lineEndingOf(''), '\n');
  });

  it('reads 2-space indentation with indented lists', () => {
    const layout = layoutOf('plan:\n  title: a\nscenarios:\n  - id: a\n    recovery:\n      - x\n');
    assert.deepEqual(layout, { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
  });

  it('reads 4-space indentation and `-   key` items', () => {
    const layout = layoutOf('plan:\n    title: a\nscenarios:\n    -   id: a\n        recovery:\n            - x\n');
    assert.deepEqual(layout, { mapIndent: 4, sequenceIndent: 4, itemIndent: 4 });
  });

  it('reads the compact list style (dashes under the key)', () => {
    const layout = layoutOf('plan:\n  title: a\nscenarios:\n- id: a\n  recovery:\n  - x\n');
    assert.deepEqual(layout, { mapIndent: 2, sequenceIndent: 0, itemIndent: 2 });
  });

  it('falls back to 2 spaces where the document shows nothing (flow style, empty)', () => {
    for (const text of ['{ a: { b: 1 } }\n', '', 'a: 1\n']) {
      assert.deepEqual(layoutOf(text), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
    }
  });

  it('knows where a mapping’s content ends: before trailing comments, blank lines and block-scalar breaks', () => {
    const text = 'a:\n  b: 1   # note\n  # trailing\n\nc: |\n  x\n\n';
    const yaml = new YamlDocument(text);
    const root = yaml.doc.contents as unknown as { items: { value: never }[] };
    assert.equal(text.slice(0, contentEnd(text, root.items[0]!.value)), 'a:\n  b: 1');
    assert.equal(text.slice(0, contentEnd(text, root.items[1]!.value)), 'a:\n  b: 1   # note\n  # trailing\n\nc: |\n  x');
  });
});

describe('edits: scalars', () => {
  it('writes plain where YAML reads the same string back, quotes otherwise', () => {
    assert.equal(scalarText('Redundante Netzteile', false), 'Redundante Netzteile');
    assert.equal(scalarText('Switch-Stack, Router-Paar', false), 'Switch-Stack, Router-Paar');
    assert.equal(scalarText('Switch-Stack, Router-Paar', true), '"Switch-Stack, Router-Paar"');
    assert.equal(scalarText('starten: Storage, ZEO', false), '"starten: Storage, ZEO"');
    for (const value of ['1', '2.1', 'true', 'null', '~', '- x', '#x', 'a #b', '', ' x', '"q"']) {
      const written = scalarText(value, false);
      assert.equal(parse(`k: ${written}`).k, value, `${value} → ${written}`);
      assert.notEqual(written, value, `${value} must be quoted`);
    }
  });

  it('replaces a value in the quotes it had', () => {
    const source = `a: "old"\nb: 'old'\nc: old\nd: 1\n`;
    const at = (needle: string) => ({ start: source.indexOf(needle), end: source.indexOf(needle) + needle.length });
    assert.equal(replacementText(source, at('"old"'), 'new'), '"new"');
    assert.equal(replacementText(source, at("'old'"), "it's"), "'it''s'");
    const plain = source.indexOf('old', source.indexOf('c: '));
    assert.equal(replacementText(source, { start: plain, end: plain + 3 }, 'new'), 'new');
    // A plain 1 is a number: the string "1" needs quotes.
    assert.equal(replacementText(source, at('1'), '1'), '"1"');
  });
});

describe('edits: combining', () => {
  it('sorts, drops duplicates and overlaps, joins insertions at one offset in order', () => {
    const edits = combineEdits([
      { start: 10, end: 10, text: 'B' },
      { start: 2, end: 5, text: 'x' },
      { start: 10, end: 10, text: 'C' },
      { start: 3, end: 4, text: 'overlap' },
      { start: 2, end: 5, text: 'x' },
      { start: 5, end: 5, text: 'after' },
    ]);
    assert.deepEqual(edits, [
      { start: 2, end: 5, text: 'x' },
      { start: 5, end: 5, text: 'after' },
      { start: 10, end: 10, text: 'BC' },
    ]);
    assert.equal(applyEdits('0123456789', edits), '01xafter56789BC');
  });
});

describe('placeholders: helpers', () => {
  it('names the mapping a JSON pointer points at', () => {
    assert.equal(mappingKindOf(''), 'root');
    assert.equal(mappingKindOf('/scenarios/12'), 'scenario');
    assert.equal(mappingKindOf('/scenarios/0/recovery/3'), 'recoveryStep');
    assert.equal(mappingKindOf('/availability/measurements/0'), 'measurement');
    assert.equal(mappingKindOf('/availability'), undefined);
  });

  it('makes ids from names, unique within their list', () => {
    assert.equal(slug('Jörg Weiß (Rufbereitschaft)'), 'joerg-weiss-rufbereitschaft');
    assert.equal(slug('Équipe Nord'), 'equipe-nord');
    const taken = new Set(['vm-server', 'vm-server-2']);
    assert.equal(uniqueId('vm-server', taken), 'vm-server-3');
    assert.equal(uniqueId('vm-server', taken), 'vm-server-4');
  });
});
