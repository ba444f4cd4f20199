/**
 * What the preview page hands to the extension (client/src/preview/pageMessages.ts): each
 * message checked for its shape, and only its own fields passed on (the `rendered` message
 * reaches the extension's API); the saved state a restored preview gets back, and which plans a
 * restored preview may open.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageMessage, previewStateOf, restorableScheme } from '../../client/src/preview/pageMessages';

describe('preview: the page\'s messages', () => {
  it('takes each message the page sends, as media/preview.js sends it', () => {
    assert.deepEqual(pageMessage({ type: 'ready', version: -1, line: 12.5 }), { type: 'ready', version: -1, line: 12.5 });
    assert.deepEqual(pageMessage({ type: 'ready', version: 4 }), { type: 'ready', version: 4, line: undefined });
    assert.deepEqual(pageMessage({ type: 'rendered', version: 3, title: 'Notfallplan Plone-Intranet', blocks: 120, chapters: ['1 Lenkung des Dokuments', 'Notfallkarte'] }), {
      type: 'rendered',
      version: 3,
      title: 'Notfallplan Plone-Intranet',
      blocks: 120,
      chapters: ['1 Lenkung des Dokuments', 'Notfallkarte'],
    });
    assert.deepEqual(pageMessage({ type: 'rendered', version: 0, title: null, blocks: 0 }), { type: 'rendered', version: 0, title: null, blocks: 0, chapters: [] });
    assert.deepEqual(pageMessage({ type: 'revealLine', line: 7.25 }), { type: 'revealLine', line: 7.25 });
    assert.deepEqual(pageMessage({ type: 'openLine', line: 0 }), { type: 'openLine', line: 0 });
    assert.deepEqual(pageMessage({ type: 'export', format: 'pdf' }), { type: 'export', format: 'pdf' });
    assert.deepEqual(pageMessage({ type: 'export', format: 'html' }), { type: 'export', format: 'html' });
  });

  it('takes at most 100 chapter headings of at most 200 characters, and only texts', () => {
    const many = pageMessage({ type: 'rendered', version: 1, title: null, blocks: 1, chapters: [...Array.from({ length: 150 }, (_, i) => `${i}`), 'x'.repeat(500)] });
    assert.equal(many?.type === 'rendered' && many.chapters.length, 100);
    const long = pageMessage({ type: 'rendered', version: 1, title: null, blocks: 1, chapters: ['x'.repeat(500), 7, null, { a: 1 }] });
    assert.deepEqual(long?.type === 'rendered' && long.chapters, ['x'.repeat(200)]);
    const notAList = pageMessage({ type: 'rendered', version: 1, title: null, blocks: 1, chapters: 'Lenkung' });
    assert.deepEqual(notAList?.type === 'rendered' && notAList.chapters, []);
  });

  it('passes on only the fields it names, in a new object', () => {
    const sent = { type: 'rendered', version: 3, title: 'T', blocks: 1, uri: 'http://evil.example/', toString: 'x' };
    const taken = pageMessage(sent);
    assert.deepEqual(taken, { type: 'rendered', version: 3, title: 'T', blocks: 1, chapters: [] });
    assert.notEqual(taken, sent);
    assert.deepEqual(pageMessage({ type: 'export', format: 'pdf', target: '/etc/passwd' }), { type: 'export', format: 'pdf' });
  });

  it('drops a rendered message of the wrong shape before it reaches the API', () => {
    const wrong: unknown[] = [
      { type: 'rendered', version: '3', title: 'T', blocks: 1 },
      { type: 'rendered', version: 3.5, title: 'T', blocks: 1 },
      { type: 'rendered', version: -1, title: 'T', blocks: 1 },
      { type: 'rendered', version: Number.NaN, title: 'T', blocks: 1 },
      { type: 'rendered', version: 2 ** 60, title: 'T', blocks: 1 },
      { type: 'rendered', version: 3, title: { toString: 'x' }, blocks: 1 },
      { type: 'rendered', version: 3, title: ['T'], blocks: 1 },
      { type: 'rendered', version: 3, blocks: 1 },
      { type: 'rendered', version: 3, title: 'T', blocks: -1 },
      { type: 'rendered', version: 3, title: 'T', blocks: '1' },
      { type: 'rendered', version: 3, title: 'T' },
    ];
    for (const message of wrong) assert.equal(pageMessage(message), undefined, JSON.stringify(message));
  });

  it('drops other messages of the wrong shape, and anything that is no message', () => {
    const wrong: unknown[] = [
      undefined,
      null,
      'rendered',
      42,
      [],
      ['rendered'],
      {},
      { type: 'update', html: '<p>x</p>' },
      { type: 'RENDERED', version: 1, title: null, blocks: 0 },
      { type: 'revealLine' },
      { type: 'revealLine', line: '3' },
      { type: 'revealLine', line: -1 },
      { type: 'revealLine', line: Number.POSITIVE_INFINITY },
      { type: 'openLine', line: Number.NaN },
      { type: 'export', format: 'docx' },
      { type: 'export', format: 'PDF' },
      { type: 'export' },
      { type: { toString: () => 'export' }, format: 'pdf' },
    ];
    for (const message of wrong) assert.equal(pageMessage(message), undefined, String(JSON.stringify(message)));
  });

  it('a ready message is always taken (it asks for the latest version), its hints only when they are numbers', () => {
    assert.deepEqual(pageMessage({ type: 'ready', version: Number.NaN, line: 'top' }), { type: 'ready', version: -1, line: undefined });
    assert.deepEqual(pageMessage({ type: 'ready', version: '7', line: -3 }), { type: 'ready', version: -1, line: undefined });
    assert.deepEqual(pageMessage({ type: 'ready' }), { type: 'ready', version: -1, line: undefined });
  });
});

describe('preview: the saved state of a restored preview', () => {
  it('takes a URI and a line, and nothing else', () => {
    assert.deepEqual(previewStateOf({ uri: 'file:///plans/a.drplan.yaml', line: 12 }), { uri: 'file:///plans/a.drplan.yaml', line: 12 });
    assert.deepEqual(previewStateOf({ uri: 'file:///plans/a.drplan.yaml', version: 3, extra: 1 }), { uri: 'file:///plans/a.drplan.yaml' });
    assert.deepEqual(previewStateOf({ uri: 'file:///plans/a.drplan.yaml', line: Number.NaN }), { uri: 'file:///plans/a.drplan.yaml' });
    for (const state of [undefined, null, 'file:///plans/a.drplan.yaml', {}, { uri: '' }, { uri: 3 }, [{ uri: 'file:///a' }]]) {
      assert.equal(previewStateOf(state), undefined, String(JSON.stringify(state)));
    }
  });

  it('opens a plan on disk, in the workspace\'s own file system or unsaved; no other scheme', () => {
    const local = [{ scheme: 'file' }];
    const virtual = [{ scheme: 'vscode-vfs' }];
    assert.equal(restorableScheme('file', local), true);
    assert.equal(restorableScheme('untitled', local), true, 'VS Code brings unsaved plans back after a reload');
    assert.equal(restorableScheme('file', []), true, 'a plan opened without a folder');
    assert.equal(restorableScheme('vscode-vfs', virtual), true);
    assert.equal(restorableScheme('vscode-vfs', local), false, 'not this workspace\'s');
    for (const scheme of ['http', 'https', 'command', 'vscode-userdata', 'git', 'data', 'javascript', 'vscode', 'FILE']) {
      assert.equal(restorableScheme(scheme, local), false, scheme);
    }
  });
});
