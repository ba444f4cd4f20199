/**
 * The document's Änderungshistorie (render/chapters/history.ts) from the history the edge read
 * from git (render/changeHistory.ts), and from the plan's `history:` entries without one.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument, toHtml, type ChangeHistory } from '../../server/src/core/render';
import { changeHistoryBlocks } from '../../server/src/core/render/chapters/history';
import { DocumentContext } from '../../server/src/core/render/context';
import { planDocument } from '../../server/src/core/render/preview';
import { plainText, type Block, type PlanDocument, type Section, type Table } from '../../server/src/core/render/tree';
import { EXAMPLES, read, TODAY } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));
const WITHOUT_HISTORY = EXAMPLE.slice(0, EXAMPLE.indexOf('\nhistory:') + 1);

const GIT: ChangeHistory = {
  commits: [
    { hash: 'abc1234', day: '2026-12-03', author: 'Erika Mustermann', subject: 'Plan umbenannt, Rückruf ergänzt' },
    { hash: 'def5678', day: '2026-11-02', author: 'Max Muster', subject: 'Erste Fassung des Notfallplans' },
  ],
  older: 0,
  shallow: false,
  source: { hash: 'abc1234', day: '2026-12-03' },
  uncommitted: false,
};

function documentOf(text: string, history?: ChangeHistory): PlanDocument {
  return buildDocument(analyze(text, { today: TODAY }), { today: TODAY, history });
}

function historySection(document: PlanDocument): Section | undefined {
  return document.blocks.find((block): block is Section => block.kind === 'section' && block.id === 'kapitel-aenderungshistorie');
}

/** The chapter as lines of text: paragraphs, and a table's rows joined by " | ". */
function lines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    if (block.kind === 'heading') return [`# ${block.text}`];
    if (block.kind === 'paragraph') return [plainText(block.content)];
    if (block.kind === 'table') return rows(block).map((row) => row.join(' | '));
    return [];
  });
}

function rows(table: Table): string[][] {
  return [table.columns.map((column) => column.title), ...table.rows.map((row) => (row.kind === 'row' ? row.cells.map((cell) => plainText(cell)) : [row.text]))];
}

describe('Änderungshistorie from git', () => {
  it('states the source commit and lists the commits: Datum, Autor, Änderung, Commit, newest first', () => {
    assert.deepEqual(lines(historySection(documentOf(EXAMPLE, GIT))?.children ?? []), [
      '# Änderungshistorie',
      'Erstellt aus Commit abc1234 vom 03.12.2026.',
      'Datum | Autor | Änderung | Commit',
      '03.12.2026 | Erika Mustermann | Plan umbenannt, Rückruf ergänzt | abc1234',
      '02.11.2026 | Max Muster | Erste Fassung des Notfallplans | def5678',
    ]);
  });

  it('says when the text rendered differs from the commit, and when the file is not committed yet', () => {
    const changed = lines(historySection(documentOf(EXAMPLE, { ...GIT, uncommitted: true }))?.children ?? []);
    assert.equal(changed[1], 'Erstellt aus Commit abc1234 vom 03.12.2026 mit nicht eingecheckten Änderungen.');

    // Never committed: the plan's own entries are all there is.
    const fresh = lines(historySection(documentOf(EXAMPLE, { ...GIT, commits: [], uncommitted: true }))?.children ?? []);
    assert.deepEqual(fresh.slice(0, 3), ['# Änderungshistorie', 'Die Datei ist noch nicht eingecheckt.', 'Version | Datum | Autor | Änderungen']);
    assert.equal(fresh[3], '2.0 | 01.02.2025 | Erika Mustermann | Neufassung nach Umzug ins RZ Berlin');
    const empty = lines(historySection(documentOf(WITHOUT_HISTORY, { commits: [], older: 0, shallow: false, source: undefined, uncommitted: true }))?.children ?? []);
    assert.deepEqual(empty, ['# Änderungshistorie', 'Die Datei ist noch nicht eingecheckt.']);
  });

  it('says that a shallow clone\'s list may be incomplete, and how many older commits are not listed', () => {
    const shallow = lines(historySection(documentOf(EXAMPLE, { ...GIT, shallow: true, older: 12 }))?.children ?? []);
    assert.match(shallow[2] ?? '', /flacher Klon \(shallow clone\).*unvollständig/);
    assert.equal(shallow.at(-1), '… und 12 ältere Commits.');
    assert.equal(lines(historySection(documentOf(EXAMPLE, { ...GIT, older: 1 }))?.children ?? []).at(-1), '… und 1 älterer Commit.');
    assert.equal(lines(historySection(documentOf(EXAMPLE, { ...GIT, older: 'many' }))?.children ?? []).at(-1), '… und weitere ältere Commits.');
  });

  it('shows the plan\'s history entries without git, and no chapter when there are none', () => {
    const plain = lines(historySection(documentOf(EXAMPLE))?.children ?? []);
    assert.deepEqual(plain.slice(0, 2), ['# Änderungshistorie', 'Version | Datum | Autor | Änderungen']);
    assert.ok(!plain.some((line) => /Commit|eingecheckt/.test(line)), 'nothing of git');
    assert.equal(historySection(documentOf(WITHOUT_HISTORY)), undefined);
    assert.ok(historySection(documentOf(WITHOUT_HISTORY, GIT)), 'git has a history where the plan keeps none');
  });

  it('gives the blocks for a chapter that holds the history: a heading of level 2, then the same content', () => {
    const context = new DocumentContext(analyze(EXAMPLE, { today: TODAY }), { today: TODAY, history: GIT });
    const blocks = changeHistoryBlocks(context);
    const heading = blocks[0];
    assert.equal(heading?.kind === 'heading' && heading.level, 2);
    assert.deepEqual(lines(blocks), lines(historySection(documentOf(EXAMPLE, GIT))?.children ?? []));
    assert.deepEqual(changeHistoryBlocks(new DocumentContext(analyze(WITHOUT_HISTORY, { today: TODAY }), { today: TODAY })), []);
  });

  it('escapes commit text like plan text: no markup, bidi controls visible', () => {
    const hostile: ChangeHistory = { ...GIT, commits: [{ hash: 'abc1234', day: '2026-12-03', author: '<b>Mallory</b>', subject: '<script>alert(1)</script> \u202Egnp.exe' }] };
    const html = toHtml(documentOf(EXAMPLE, hostile), { fragment: true });
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; \[U\+202E\]gnp\.exe/);
    assert.match(html, /&lt;b&gt;Mallory&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<script|<b>Mallory/);
  });

  it('builds the document once per analysis, day and history object', () => {
    const analysis = analyze(EXAMPLE, { today: TODAY });
    const plain = planDocument(analysis, TODAY);
    assert.equal(planDocument(analysis, TODAY), plain);
    const withGit = planDocument(analysis, TODAY, GIT);
    assert.notEqual(withGit, plain);
    assert.equal(planDocument(analysis, TODAY, GIT), withGit);
    assert.notEqual(planDocument(analysis, TODAY, { ...GIT, uncommitted: true }), withGit);
  });
});
