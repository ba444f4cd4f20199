import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../server/src/core/features/cursorContext';
import { withCursor } from '../support/cursor';

const PLAN = `drplan: "1"
plan:
  title: Plan
  owner: it
contacts:
  - id: it
    name: IT
scenarios:
  - id: a
    category: hardware
    type: vm-server
  - id: b
    category: software
    type: |
    rto: 4h
`;

const at = (marked: string) => {
  const { text, offset } = withCursor(marked);
  return cursorContext(text, offset);
};

describe('cursorContext', () => {
  it('knows the value being typed and its scenario', () => {
    const context = at(PLAN);
    assert.equal(context?.position, 'value');
    assert.equal(context?.key, 'type');
    assert.deepEqual(context?.mapPath, ['scenarios', 1]);
    assert.equal(context?.siblings.get('category'), 'software');
    assert.equal(context?.siblings.get('rto'), '4h');
    assert.equal(context?.siblings.has('id'), true);
  });
  it('knows a half-typed value and what it replaces', () => {
    const { text, offset } = withCursor('scenarios:\n  - id: a\n    category: hard|ware\n');
    const context = cursorContext(text, offset);
    assert.equal(context?.prefix, 'hard');
    assert.deepEqual(context?.replace, { start: offset - 4, end: offset + 4 });
  });
  it('knows an empty line inside a scenario as a key position', () => {
    const context = at('scenarios:\n  - id: a\n    category: hardware\n    |\n  - id: b\n');
    assert.equal(context?.position, 'key');
    assert.deepEqual(context?.mapPath, ['scenarios', 0]);
    assert.equal(context?.siblings.get('category'), 'hardware');
    assert.equal(context?.siblings.has('id'), true);
  });
  it('knows the top level at the end of the file', () => {
    const context = at('drplan: "1"\nplan:\n  title: x\n|');
    assert.equal(context?.position, 'key');
    assert.deepEqual(context?.mapPath, []);
    assert.equal(context?.siblings.has('plan'), true);
  });
  it('knows a nested section', () => {
    const context = at('availability:\n  load_balancing:\n    meth|');
    assert.deepEqual(context?.mapPath, ['availability', 'load_balancing']);
    assert.equal(context?.prefix, 'meth');
  });
  it('knows a new list item', () => {
    const context = at('contacts:\n  - id: a\n    name: A\n  - |');
    assert.equal(context?.position, 'key');
    assert.equal(context?.startsItem, true);
    assert.deepEqual(context?.mapPath, ['contacts', 1]);
  });
  it('knows items of compact lists (dashes at the key column)', () => {
    const context = at('scenarios:\n- id: a\n- id: b\n  category: |');
    assert.deepEqual(context?.mapPath, ['scenarios', 1]);
    assert.equal(context?.key, 'category');
  });
  it('knows a value inside a one-line flow sequence', () => {
    const context = at('scenarios:\n  - id: a\n    affects: [storage-1, sw|');
    assert.equal(context?.inFlowSequence, true);
    assert.equal(context?.key, 'affects');
    assert.equal(context?.prefix, 'sw');
    assert.deepEqual(context?.mapPath, ['scenarios', 0]);
  });
  it('knows nested list items (recovery steps, exercises)', () => {
    const context = at('scenarios:\n  - id: a\n    recovery:\n      - step: x\n        duration: 1h\n      - step: y\n        responsible: |');
    assert.deepEqual(context?.mapPath, ['scenarios', 0, 'recovery', 1]);
    assert.equal(context?.key, 'responsible');
  });
  it('ignores comments and keeps working with CRLF and broken lines elsewhere', () => {
    assert.equal(at('plan: # |'), undefined);
    const context = at('plan:\r\n  title: [broken\r\n  owner: |\r\n');
    assert.deepEqual(context?.mapPath, ['plan']);
    assert.equal(context?.key, 'owner');
  });
});
