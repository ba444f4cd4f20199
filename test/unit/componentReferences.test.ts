import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { codeActions } from '../../server/src/core/features/codeActions';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { hover } from '../../server/src/core/features/hover';
import { references } from '../../server/src/core/features/references';
import { rename } from '../../server/src/core/features/rename';
import { withCursor } from '../support/cursor';
import { textOf } from '../support/edits';
import { TODAY } from '../support/fixtures';
import { HEAD } from '../support/rulePlans';

/**
 * The reference fields of issue 14 — a component's `in` and `depends_on`, a backup's
 * `stored_on` — take part in completion, hover, go to definition, find references, rename and
 * `unknown-reference` with its quick fix, all through the field table.
 */

const URI = 'file:///plan.drplan.yaml';

const PLAN = `${HEAD}components:
  - id: rz-berlin
    kind: site
    name: Rechenzentrum Berlin
  - id: rack-a3
    kind: server-rack
    in: rz-berlin
  - id: storage-1
    kind: storage-server
    in: rack-a3
  - id: zeo
    kind: zeo-server
    depends_on: [storage-1, rack-a3]
backups:
  - id: snap
    what: ZODB
    method: volume-snapshot
    interval: 4h
    stored_on: storage-1
scenarios: []
`;

const analysis = analyze(PLAN, { today: TODAY });

/** The offset of the `nth` (0-based) occurrence of `needle` after `after`, `into` characters in. */
function offsetOf(needle: string, after: string, into = 1): number {
  const from = PLAN.indexOf(after);
  assert.ok(from >= 0, after);
  const at = PLAN.indexOf(needle, from + after.length);
  assert.ok(at >= 0, `${needle} after ${after}`);
  return at + into;
}

const lineOf = (needle: string) => PLAN.slice(0, PLAN.indexOf(needle)).split('\n').length - 1;

describe('the reference fields in, depends_on and stored_on', () => {
  it('are complete with the ids of the components', () => {
    const labelsAt = (marked: string) => {
      const { text, offset } = withCursor(marked);
      return complete(analyze(text, { today: TODAY }), text, offset, 'de', { today: TODAY }).map((item) => item.label);
    };
    const ids = ['rz-berlin', 'rack-a3', 'storage-1', 'zeo'];
    assert.deepEqual(labelsAt(PLAN.replace('    in: rz-berlin', '    in: |')), ids);
    assert.deepEqual(labelsAt(PLAN.replace('    stored_on: storage-1', '    stored_on: |')), ids);
    // in a flow list, what is listed already is not offered again
    assert.deepEqual(labelsAt(PLAN.replace('depends_on: [storage-1, rack-a3]', 'depends_on: [storage-1, |]')), ['rz-berlin', 'rack-a3', 'zeo']);
  });

  it('are explained in hover: the component they name', () => {
    const hoverAt = (offset: number) => ((hover(analysis, offset, 'de')?.contents as MarkupContent | undefined)?.value ?? '');
    assert.match(hoverAt(offsetOf('rz-berlin', 'in: ')), /\*\*Komponente `rz-berlin`\*\*: Rechenzentrum Berlin/);
    assert.match(hoverAt(offsetOf('storage-1', 'depends_on: [')), /\*\*Komponente `storage-1`\*\*/);
    assert.match(hoverAt(offsetOf('storage-1', 'stored_on: ')), /\*\*Komponente `storage-1`\*\*/);
  });

  it('go to the definition of the component', () => {
    const target = (offset: number) => definition(analysis, offset, URI).map((location) => [location.range.start.line, textOf(PLAN, location.range)]);
    assert.deepEqual(target(offsetOf('rz-berlin', 'in: ')), [[lineOf('- id: rz-berlin'), 'rz-berlin']]);
    assert.deepEqual(target(offsetOf('rack-a3', 'depends_on: [storage-1, ')), [[lineOf('- id: rack-a3'), 'rack-a3']]);
    assert.deepEqual(target(offsetOf('storage-1', 'stored_on: ')), [[lineOf('- id: storage-1'), 'storage-1']]);
  });

  it('are found as references of the component', () => {
    const found = references(analysis, offsetOf('storage-1', '- id: '), URI, false).map((location) => location.range.start.line);
    assert.deepEqual(found, [lineOf('depends_on:'), lineOf('stored_on:')]);
    const rack = references(analysis, offsetOf('rack-a3', '- id: '), URI, false).map((location) => location.range.start.line);
    assert.deepEqual(rack, [lineOf('    in: rack-a3'), lineOf('depends_on:')]);
  });

  it('are renamed with the component', () => {
    const edit = rename(analysis, offsetOf('storage-1', '- id: '), 'storage-2', URI, 'de') as WorkspaceEdit;
    const edits = edit.changes?.[URI] as TextEdit[];
    const renamed = TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 1, PLAN), edits);
    assert.equal(renamed, PLAN.replaceAll('storage-1', 'storage-2'));
  });

  it('report an unknown id, with the closest one as the quick fix', () => {
    const broken = PLAN.replace('in: rz-berlin', 'in: rz-berlim').replace('[storage-1, rack-a3]', '[storage-1, rack-a4]').replace('stored_on: storage-1', 'stored_on: storage-l');
    const checked = analyze(broken, { today: TODAY });
    const unknown = checked.diagnostics('en', URI).filter((d) => d.code === 'unknown-reference');
    assert.deepEqual(
      unknown.map((d) => [textOf(broken, d.range), d.data]),
      [
        ['rz-berlim', { field: 'in', list: 'components', suggestion: 'rz-berlin' }],
        ['rack-a4', { field: 'depends_on', list: 'components', suggestion: 'rack-a3' }],
        ['storage-l', { field: 'stored_on', list: 'components', suggestion: 'storage-1' }],
      ],
    );
    const [fixAll] = codeActions(checked, (unknown[0] as Diagnostic).range, unknown, 'en', { uri: URI, today: TODAY }).filter((a) => a.title === 'Fix all unknown references');
    assert.ok(fixAll);
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'drplan', 1, broken), fixAll.edit?.changes?.[URI] ?? []);
    assert.equal(fixed, PLAN);
  });
});
