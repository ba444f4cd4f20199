import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { layoutOf } from '../../server/src/core/yaml/layout';
import { TextLines } from '../../server/src/core/yaml/lines';
import { scalarText as yamlScalar, snippetText } from '../../server/src/core/yaml/scalar';

describe('the layout of a document', () => {
  it('reads two spaces and indented lists', () => {
    assert.deepEqual(layoutOf('plan:\n  title: x\nscenarios:\n  - id: a\n'), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
  });
  it('reads four spaces', () => {
    assert.deepEqual(layoutOf('# Plan\nplan:\n\n    title: x\nscenarios:\n    - id: a\n'), { mapIndent: 4, sequenceIndent: 4, itemIndent: 2 });
  });
  it('reads the compact list style', () => {
    assert.deepEqual(layoutOf('plan:\n  title: x\nscenarios:\n- id: a\n'), { mapIndent: 2, sequenceIndent: 0, itemIndent: 2 });
  });
  it('reads lists inside list items', () => {
    assert.deepEqual(layoutOf('scenarios:\n- id: a\n  prevention:\n    - x\n'), { mapIndent: 2, sequenceIndent: 0, itemIndent: 2 });
    assert.deepEqual(layoutOf('x:\n   - id: a\n     prevention:\n        - x\n'), { mapIndent: 2, sequenceIndent: 3, itemIndent: 2 });
  });
  it('assumes two spaces where the document tells nothing', () => {
    assert.deepEqual(layoutOf(''), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
    assert.deepEqual(layoutOf('drplan: "1"\nplan:\n'), { mapIndent: 2, sequenceIndent: 2, itemIndent: 2 });
    assert.deepEqual(layoutOf('plan:\n    title: x\n'), { mapIndent: 4, sequenceIndent: 4, itemIndent: 2 });
  });
});

describe('YAML scalars', () => {
  it('writes plain what reads back as the same string, quotes the rest', () => {
    const samples = [
      'RAID-Storage',
      'Snapshots des Volume Managers',
      'Systeme in fester Reihenfolge starten: Storage, ZEO-Server',
      'Kommentar #1 am Ende',
      '- beginnt mit Strich',
      '[eckig]',
      'true',
      'no',
      '4',
      '0.5',
      'null',
      '',
      ' Leerzeichen',
      'Größe: 10 GB',
      'ä"ö\\ü',
    ];
    for (const sample of samples) assert.equal(parse(`k: ${yamlScalar(sample)}`).k, sample, sample);
    assert.equal(yamlScalar('RAID-Storage'), 'RAID-Storage');
    assert.equal(yamlScalar('a: b'), '"a: b"');
  });
  it('escapes the characters of snippet syntax', () => {
    assert.equal(snippetText('Kosten $5 {a} \\ b'), 'Kosten \\$5 {a\\} \\\\ b');
  });
});

describe('lines and positions', () => {
  it('finds lines and UTF-16 positions, CRLF too', () => {
    const lines = new TextLines('a: ä\r\nbb: 𝄞x\r\n');
    assert.deepEqual([0, 1, 2].map((i) => lines.text(i)), ['a: ä', 'bb: 𝄞x', '']);
    assert.equal(lines.length, 3);
    assert.equal(lines.indexAt(0), 0);
    assert.equal(lines.indexAt(6), 1);
    assert.deepEqual(lines.positionOf(6 + 6), { line: 1, character: 6 });
  });
  it('tells indentation, blank and comment lines apart without cutting strings', () => {
    const lines = new TextLines('a:\n  - b\n\n   # c\n    d: 1');
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => lines.indent(i)), [0, 2, -1, -1, 4]);
    assert.equal(lines.charAfterIndent(1), '-');
  });
});
