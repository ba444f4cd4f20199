import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FoldingRange } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { foldingRanges } from '../../server/src/core/features/folding';
import { EXAMPLES, FIXTURES, read } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

/** Ranges as `first-last` (1-based lines, as an editor shows them), with the kind where there is one. */
const show = (ranges: readonly FoldingRange[]) => ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`);
const fold = (text: string) => show(foldingRanges(analyze(text)));
/** The 1-based line of the first `needle` after `after`. */
const line = (text: string, needle: string, after = '') => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;

describe('folding ranges of the example plan', () => {
  const ranges = fold(EXAMPLE);

  it('folds the header comment, every section, every list item and the block scalars', () => {
    assert.equal(ranges[0], '1-2 comment');
    assert.ok(ranges.includes(`${line(EXAMPLE, 'plan:\n  title')}-${line(EXAMPLE, 'Leitstand der Hosting Partner AG (gedruckt)')}`), 'plan');
    assert.ok(ranges.includes(`${line(EXAMPLE, 'scope: >-')}-${line(EXAMPLE, 'dem Load-Balancer')}`), 'scope');
    assert.ok(ranges.includes(`${line(EXAMPLE, 'scenarios:')}-${line(EXAMPLE, 'Aushänge und Rundmails', 'id: datenbank-geloescht')}`), 'scenarios');
    // The storage scenario ends with its drill's last step (issue 16).
    assert.ok(ranges.includes(`${line(EXAMPLE, '- id: storage\n')}-${line(EXAMPLE, 'duration: 30 min', 'step: Konsistenz der ZODB prüfen (fsrefs)\n            duration')}`), 'scenario storage');
    assert.ok(ranges.includes(`${line(EXAMPLE, 'steps:', 'id: storage\n')}-${line(EXAMPLE, 'duration: 30 min', 'step: Konsistenz der ZODB prüfen (fsrefs)\n            duration')}`), 'the drill’s steps');
    assert.ok(ranges.includes(`${line(EXAMPLE, '- step: Storage')}-${line(EXAMPLE, 'responsible: rz-betreiber', 'step: Storage')}`), 'recovery step');
    assert.ok(ranges.includes(`${line(EXAMPLE, 'notes: >-', 'database:')}-${line(EXAMPLE, 'Volume Managers mit dem Backup')}`), 'notes');
    // Every scenario, contact, component, backup, measurement and version is one item range.
    const items = EXAMPLE.split('\n').flatMap((text, index) => (/^\s+- (id|version): /.test(text) ? [index + 1] : []));
    const starts = new Set(ranges.map((range) => Number(range.split('-')[0])));
    assert.deepEqual(items.filter((item) => !starts.has(item)), []);
  });

  it('gives ranges sorted by line, at most one per start line, never a one-line range', () => {
    const parsed = foldingRanges(analyze(EXAMPLE));
    for (let i = 1; i < parsed.length; i++) assert.ok(parsed[i]!.startLine > parsed[i - 1]!.startLine);
    assert.ok(parsed.every((range) => range.endLine > range.startLine));
  });
});

describe('folding ranges where indentation gives none', () => {
  it('folds a list written at the indentation of its key, and each of its items', () => {
    const text = 'scenarios:\n- id: a\n  category: hardware\n- id: b\n  category: software\nhistory: []\n';
    assert.deepEqual(fold(text), ['1-5', '2-3', '4-5']);
  });

  it('folds multi-line flow collections, also nested in a flow list', () => {
    const text = `scenarios:
  - id: a
    affects: [switch-1,
      psu]
    recovery: [{step: a,
                duration: 1h}, b]
plan: {
  title: T,
  owner: x
}
`;
    assert.deepEqual(fold(text), ['1-6', '2-6', '3-4', '5-6', '7-10']);
  });

  it('folds block scalars and multi-line quoted texts, whose # lines are text and no comments', () => {
    const text = `plan:
  scope: |
    # Geltungsbereich
    # (keine Kommentare)
    Intranet
  title: "eins
    zwei"
`;
    assert.deepEqual(fold(text), ['1-7', '2-5', '6-7']);
  });

  it('folds blocks of comment lines, not a single comment line', () => {
    const text = `# eins
# zwei
# drei
drplan: "1"   # not a comment line
# allein
contacts:
  # a comment
  # inside the list
  - id: a
    name: A
`;
    assert.deepEqual(fold(text), ['1-3 comment', '6-10', '7-8 comment', '9-10']);
  });

  it('folds # region … # endregion, nested, and ignores unmatched markers', () => {
    const text = `# endregion without a start
# region Kontakte
contacts:
  #region intern
  - id: a
    name: A
  # endregion
  - id: b
    name: B
# endregion
#region never closed
`;
    assert.deepEqual(fold(text), ['2-10 region', '3-9', '4-7 region', '5-6', '8-9']);
  });

  it('splits a comment block at a region marker', () => {
    const text = '# eins\n# zwei\n# region r\n# drei\n# vier\n# endregion\n';
    assert.deepEqual(fold(text), ['1-2 comment', '3-6 region', '4-5 comment']);
  });
});

describe('folding ranges of odd and broken documents', () => {
  it('folds what the parser recovered, and the comments, without throwing', () => {
    const text = `# Kopf
# zeile
contacts:
  - id: a
    name: [unclosed
scenarios:
  - id: s
    rto: "open
`;
    const ranges = fold(text);
    assert.equal(ranges[0], '1-2 comment');
    assert.ok(ranges.includes('3-5') || ranges.includes('3-8'), ranges.join(', '));
  });

  it('never throws and never gives an inverted range', () => {
    const documents = [
      '',
      '\n\n\n',
      '#',
      'x',
      '- a\n- b\n',
      '[1,\n 2',
      '{a: [\n',
      'a: |\n',
      'a: "\n\n',
      'scenarios:\n\t- id: tab\n',
      '# region\n# region\n# endregion\n',
      'plan: &p\n  title: *p\n',
      'a:\r\n  b: 1\r\n  c: 2\r\n',
      read(join(FIXTURES, 'styles', 'anchors-and-merges.drplan.yaml')),
      read(join(FIXTURES, 'styles', 'flow-style.drplan.yaml')),
    ];
    for (const text of documents) {
      const lineCount = text.split('\n').length;
      for (const range of foldingRanges(analyze(text))) {
        assert.ok(range.startLine >= 0 && range.endLine > range.startLine && range.endLine < lineCount, `${JSON.stringify(text)}: ${JSON.stringify(range)}`);
      }
    }
    assert.deepEqual(fold('a:\r\n  b: 1\r\n  c: 2\r\n'), ['1-3']);
  });
});
