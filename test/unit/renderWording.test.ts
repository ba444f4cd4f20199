import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument, toHtml } from '../../server/src/core/render';
import { plainText, type Block, type PlanDocument, type Section, type Table } from '../../server/src/core/render/tree';
import { TODAY } from '../support/fixtures';

/**
 * The document's wording (issue 15, item 4): durations in the unit their author wrote, the
 * terms of BSI-Standard 200-4, and chapters only where they apply to the plan.
 */
function documentOf(text: string): PlanDocument {
  return buildDocument(analyze(text, { today: TODAY }), { today: TODAY, locale: 'de' });
}

function chapter(doc: PlanDocument, id: string): Section | undefined {
  return doc.blocks.find((block): block is Section => block.kind === 'section' && block.id === id);
}

/** Every block inside, sections and notes opened. */
function blocksOf(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => (block.kind === 'section' ? blocksOf(block.children) : block.kind === 'note' ? [block, ...blocksOf(block.content)] : [block]));
}

function tableRows(doc: PlanDocument, id: string, index = 0): string[][] {
  const table = blocksOf(chapter(doc, id)?.children ?? []).filter((block): block is Table => block.kind === 'table')[index];
  assert.ok(table, `table ${index} of ${id}`);
  return table.rows.flatMap((row) => (row.kind === 'row' ? [row.cells.map(plainText)] : []));
}

/** Label → value of the chapter's fields; of a label that repeats (a scenario's), the first. */
function fields(doc: PlanDocument, id: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const block of blocksOf(chapter(doc, id)?.children ?? [])) {
    if (block.kind === 'fields') for (const item of block.items) if (!result.has(item.label)) result.set(item.label, plainText(item.value));
  }
  return result;
}

function textOf(doc: PlanDocument, id: string): string {
  return blocksOf(chapter(doc, id)?.children ?? [])
    .map((block) => (block.kind === 'paragraph' ? plainText(block.content) : block.kind === 'list' ? block.items.map((item) => plainText(item.content)).join('\n') : ''))
    .join('\n');
}

const PLAN = `drplan: "1"
plan: {title: T, organisation: O, system: S, version: "1", review_interval: 1 Jahr}
availability: {target: 99.99}
contacts:
  - {id: it, name: IT, phone: "1"}
scenarios:
  - id: a
    category: hardware
    type: vm-server
    responsible: it
    prevention: [p]
    recovery:
      - {step: Umschalten, duration: 1.5 h}
    recovery_time: 30 min
    rto: PT4H
    rpo: 0
    mtpd: 1 w
    backup: b
    exercises:
      - {date: 2026-06-01, kind: functional-test, recovery_time: 90 min, data_loss: 0, result: passed}
  - id: z
    category: hardware
    type: storage-server
    prevention: [p]
    recovery: [r]
    recovery_time: 2 d
    rto: 36 h
    rpo: 1 d
    backup: c
  - id: y
    category: software
    type: configuration
    prevention: [p]
    recovery: [r]
    recovery_time: 1 h
    rto: 1 Jahr
    rpo: 12 Monate
backups:
  - {id: b, what: Daten, method: replication, interval: 0, retention: 90 Tage}
  - {id: c, what: Akten, method: file-copy, interval: 1 w, retention: 3 d}
`;

describe('durations as their authors wrote them', () => {
  const doc = documentOf(PLAN);

  it('in the overview: the unit written, kein Datenverlust for an RPO of 0', () => {
    const [a, z, y] = tableRows(doc, 'kapitel-dr-plan');
    assert.deepEqual(a?.slice(1, 6), ['30 Minuten', '4 Stunden', 'kein Datenverlust', '1 Woche', '90 Minuten']);
    assert.deepEqual(z?.slice(1, 4), ['2 Tage', '36 Stunden', '1 Tag']);
    assert.deepEqual(y?.slice(1, 4), ['1 Stunde', '1 Jahr', '12 Monate'], 'not 365 Tage, not 360 Tage');
  });

  it('in a scenario: its times, steps, backup and exercises', () => {
    const scenario = fields(doc, 'kapitel-dr-plan');
    assert.equal(scenario.get('Wiederherstellungszeit'), '30 Minuten');
    assert.equal(scenario.get('RTO (geforderte Wiederanlaufzeit, WAZ)'), '4 Stunden');
    assert.equal(scenario.get('RPO (maximal zulässiger Datenverlust)'), 'kein Datenverlust');
    assert.equal(scenario.get('MTA (MTPD), maximal tolerierbare Ausfallzeit'), '1 Woche');
    assert.equal(scenario.get('Sicherung'), 'Daten (b): Replikation, laufend');
    assert.match(textOf(doc, 'kapitel-dr-plan'), /^Umschalten \(1,5 Stunden\)$/m);
    assert.deepEqual(tableRows(doc, 'kapitel-dr-plan', 1)[0]?.slice(2, 4), ['90 Minuten', 'kein Datenverlust']);
  });

  it('in the backup plan: laufend for an interval of 0, the retention as written', () => {
    const rows = tableRows(doc, 'kapitel-backup-plan');
    assert.deepEqual(rows[0]?.slice(3, 5), ['laufend', '90 Tage']);
    assert.deepEqual(rows[1]?.slice(3, 5), ['1 Woche', '3 Tage']);
  });

  it('in the budget of the availability target: readable, three significant digits', () => {
    const budget = fields(doc, 'kapitel-verfuegbarkeitsmessungen');
    assert.equal(budget.get('Zulässige Ausfallzeit pro Jahr'), '52,6 Minuten');
    assert.equal(budget.get('Zulässige Ausfallzeit pro Monat'), '4,32 Minuten');
  });

  it('on the emergency card', () => {
    assert.deepEqual(tableRows(doc, 'kapitel-notfallkarte', 1).map((row) => row[1]), ['4 Stunden', '36 Stunden', '1 Jahr']);
  });

  it('in the open points, as in the editor', () => {
    const messages = tableRows(doc, 'kapitel-offene-punkte').map((row) => row[2] ?? '');
    const has = (pattern: RegExp) => assert.ok(messages.some((message) => pattern.test(message)), `${pattern} in\n${messages.join('\n')}`);
    has(/^Die Wiederherstellung dauert 2 Tage und überschreitet damit die RTO, die maximal zulässige Ausfallzeit \(36 Stunden\)\./);
    has(/^Die RTO \(1 Jahr\) ist länger als die jährliche Ausfallzeit, die das Verfügbarkeitsziel von 99,99 % zulässt \(52,6 Minuten pro Jahr\)\./);
    has(/^Die Sicherung „c“ läuft nur wöchentlich; damit ist die RPO, der maximal zulässige Datenverlust \(1 Tag\), nicht einzuhalten\./);
    has(/^Die Sicherungen werden nur 3 Tage aufbewahrt, aber nur wöchentlich erstellt/);
  });

  it('in the HTML as in the PDF: one tree', () => {
    const html = toHtml(doc);
    for (const words of ['kein Datenverlust', '1 Woche', '52,6 Minuten', 'RTO (geforderte Wiederanlaufzeit, WAZ)', 'MTA (MTPD)']) assert.ok(html.includes(words), words);
    assert.ok(!/(^|[^\d,])0 Minuten/.test(html), 'no RPO of 0 Minuten');
  });
});

describe('the terms of BSI-Standard 200-4', () => {
  it('names the MTPD MTA, and the RTO the geforderte Wiederanlaufzeit (WAZ), in the glossary too', () => {
    const doc = documentOf(PLAN);
    const glossary = tableRows(doc, 'kapitel-glossar');
    const meaning = (term: string) => glossary.find((row) => row[0]?.startsWith(term))?.[1] ?? '';
    assert.match(meaning('RTO (Recovery Time Objective), WAZ'), /geforderte Wiederanlaufzeit \(WAZ\)/);
    assert.match(meaning('MTA (MTPD'), /^Die maximal tolerierbare Ausfallzeit \(MTA\)/);
    assert.ok(!glossary.some((row) => row[0]?.startsWith('MTPD')));
  });
});

describe('chapters that do not apply are left out', () => {
  const zeo = (availability: string, components = '') =>
    chapter(documentOf(`drplan: "1"\nplan: {title: T, organisation: O, system: S, version: "1"}\n${components}availability:\n${availability}\nscenarios: []\n`), 'kapitel-zodb-zeo');

  it('Betrieb der ZODB/ZEO only for a plan that runs ZEO', () => {
    assert.equal(zeo('  database: {strategy: none}\n  load_balancing: {method: none}'), undefined, 'nothing chosen, no ZEO component');
    assert.equal(zeo('  target: 99.5'), undefined, 'no database, no load balancing');
    assert.ok(zeo('  database: {strategy: snapshot}'), 'a strategy for the ZODB');
    assert.ok(zeo('  load_balancing: {method: fair, clients: 2}'), 'load balancing between ZEO clients');
    assert.ok(zeo('  database: {strategy: none}', 'components:\n  - {id: zeo, kind: zeo-server}\n'), 'a ZEO server, whatever the strategy');
  });
});
