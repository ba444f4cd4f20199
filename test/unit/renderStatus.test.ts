import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildDocument } from '../../server/src/core/render';
import { plainText, type Block, type PlanDocument, type Section, type Table } from '../../server/src/core/render/tree';
import { TODAY } from '../support/fixtures';

/**
 * The document tells the truth (issue 14): the overview's status column (render/scenarioStatus.ts)
 * gives ✓ only to a scenario whose recovery was exercised and that has no findings; and "Offene
 * Punkte" speak to a reader (render/findingPlace.ts): the part of the plan by its title, the
 * field by its German label, the German message, the line small and no diagnostic code.
 */

const HEAD = `drplan: "1"
plan:
  title: Notfallplan Bürgerportal
  organisation: Landkreis Musterland
  system: Bürgerportal
  version: "1.3"
  last_review: 2026-06-01
  owner: it
contacts:
  - id: it
    name: Petra Beispiel
`;

/** A scenario of the catalog type `type` with the given exercises (YAML lines at list level). */
function scenario(id: string, type: string, exercises = '', times = 'recovery_time: 2h\n    rto: 4h'): string {
  const category = type === 'power-outage' ? 'force-majeure' : 'hardware';
  return `  - id: ${id}\n    category: ${category}\n    type: ${type}\n    prevention: [p]\n    recovery: [r]\n    ${times}\n    rpo: 0\n${exercises ? `    exercises:\n${exercises}` : ''}`;
}

/** A plan of these scenarios. */
const planOf = (...scenarios: string[]) => `${HEAD}scenarios:\n${scenarios.join('')}`;

const exercise = (date: string, kind: string | undefined, result: string, rta = '1h') =>
  `      - date: ${date}\n${kind ? `        kind: ${kind}\n` : ''}        recovery_time: ${rta}\n        result: ${result}\n`;

function documentOf(text: string): PlanDocument {
  return buildDocument(analyze(text, { today: TODAY }), { today: TODAY, locale: 'de' });
}

function chapter(doc: PlanDocument, id: string): Section {
  const found = doc.blocks.find((block): block is Section => block.kind === 'section' && block.id === id);
  assert.ok(found, id);
  return found;
}

function tablesIn(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((block) => (block.kind === 'table' ? [block] : block.kind === 'section' ? tablesIn(block.children) : block.kind === 'note' ? tablesIn(block.content) : []));
}

function rows(table: Table | undefined): string[][] {
  return (table?.rows ?? []).map((row) => (row.kind === 'group' ? [`[${row.text}]`] : row.cells.map((cell) => plainText(cell))));
}

/** Scenario title → its status cell. */
function statuses(doc: PlanDocument): Record<string, string> {
  const [overview] = tablesIn(chapter(doc, 'kapitel-dr-plan').children);
  return Object.fromEntries(rows(overview).filter((row) => row.length > 1).map((row) => [row[0], row[row.length - 1]]));
}

describe('the overview’s status column', () => {
  it('tells apart: exercised without findings ✓, never exercised ○, latest exercise failed ✗, findings ✗', () => {
    const text = planOf(
      scenario('vm', 'vm-server', exercise('2026-09-01', 'full-recovery', 'passed')),
      scenario('storage', 'storage-server', exercise('2026-08-15', 'functional-test', 'failed')),
      scenario('switch', 'network-component'),
      scenario('strom', 'power-outage', exercise('2026-10-01', undefined, 'passed'), 'recovery_time: 10h\n    rto: 8h'),
    );
    assert.deepEqual(statuses(documentOf(text)), {
      'Ausfall des VM-Servers': '✓geprüft ohne Befund',
      'Ausfall des Storage-Servers': '✗Übung nicht bestanden',
      'Ausfall aktiver Netzwerkkomponenten': '○ungeprüft',
      Stromausfall: '✗Befund',
    });
  });

  it('counts recovery exercises only: a plan review or an alerting exercise proves no recovery, nor does it hide a failed one', () => {
    const text = planOf(
      scenario('vm', 'vm-server', exercise('2026-05-01', 'plan-review', 'passed') + exercise('2026-06-01', 'alerting', 'passed')),
      scenario('storage', 'storage-server', exercise('2026-08-15', 'full-recovery', 'failed') + exercise('2026-10-01', 'plan-review', 'passed')),
    );
    const doc = documentOf(text);
    assert.deepEqual(statuses(doc), {
      'Ausfall des VM-Servers': '○ungeprüft',
      'Ausfall des Storage-Servers': '✗Übung nicht bestanden',
    });
    // The scenario's own section says so under its exercises.
    const said = chapter(doc, 'kapitel-dr-plan').children.filter((block) => block.kind === 'paragraph' && /Keine dieser Übungen hat die Wiederherstellung erprobt/.test(plainText(block.content)));
    assert.equal(said.length, 1);
  });

  it('goes by the latest recovery exercise: a failed one repeated and passed is ✓; a passed one failed later is ✗', () => {
    const text = planOf(
      scenario('vm', 'vm-server', exercise('2026-03-01', 'functional-test', 'failed') + exercise('2026-09-01', 'functional-test', 'passed')),
      scenario('storage', 'storage-server', exercise('2026-10-01', 'full-recovery', 'failed') + exercise('2026-03-01', 'full-recovery', 'passed')),
    );
    assert.deepEqual(statuses(documentOf(text)), {
      'Ausfall des VM-Servers': '✓geprüft ohne Befund',
      'Ausfall des Storage-Servers': '✗Übung nicht bestanden',
    });
  });

  it('has a legend under the table for every status, and shows the latest recovery exercise’s RTA only', () => {
    const text = planOf(scenario('vm', 'vm-server', exercise('2026-05-01', 'functional-test', 'passed', '3h') + exercise('2026-06-01', 'plan-review', 'passed', '1h')));
    const doc = documentOf(text);
    const blocks = chapter(doc, 'kapitel-dr-plan').children;
    const [overview] = tablesIn(blocks);
    assert.equal(rows(overview)[1]?.[5], '3 Stunden', 'not the plan review’s');
    const index = blocks.findIndex((block) => block === overview);
    const legend = blocks.slice(index + 1, index + 6).map((block) => (block.kind === 'paragraph' ? plainText(block.content) : block.kind));
    assert.deepEqual(
      legend.map((line) => line.split(':')[0]),
      ['✓ geprüft ohne Befund', '○ ungeprüft', '✗ Übung nicht bestanden', '✗ Befund', 'Eine RTA „unbekannt“'],
    );
  });
});

describe('Offene Punkte for a reader', () => {
  const text =
    HEAD.replace('  last_review: 2026-06-01\n', '  last_review: 2024-06-01\n') +
    `backups:
  - id: blobs
    what: Blob-Verzeichnis
    method: file-copy
    interval: 1 Woche
    farbe: blau
components:
  - id: sw
    kind: network-switch
    name: Core-Switch
    location: [RZ]
scenarios:
  - id: vm
    category: hardware
    type: vm-server
    prevention: [p]
    recovery:
      - step: Host tauschen
        duration: bald
    rto: 4h
    rpo: 0
    exercises:
      - date: 2026-05-01
        recovery_time: 9h
`;
  const doc = documentOf(text);
  const points = chapter(doc, 'kapitel-offene-punkte');
  const [table] = tablesIn(points.children);

  it('names the part of the plan and the field in German, says the message, and puts the line small at its end', () => {
    const shown = rows(table).filter((row) => !/Kein Szenario behandelt/.test(row[2] ?? ''));
    assert.deepEqual(
      shown.map((row) => (row.length === 1 ? row[0] : `${row[0]} | ${row[1]}`)),
      [
        '[Angaben zum Plan]',
        'Letzte Überprüfung | Warnung',
        '[Ansprechpartner „Petra Beispiel“]',
        '— | Hinweis',
        '[Datensicherung „Blob-Verzeichnis“]',
        '„farbe“ | Warnung',
        '[Komponente „Core-Switch“]',
        'Standort | Fehler',
        '[Szenarien]',
        '[Szenario „Ausfall des VM-Servers“]',
        'Wiederherstellungszeit | Fehler',
        'Wiederherstellung › Dauer | Fehler',
        'Übungen › Gemessene Wiederherstellungszeit | Fehler',
      ],
    );
    for (const row of shown.filter((cells) => cells.length > 1)) assert.match(row[2] ?? '', / Zeile \d+$/);
  });

  it('shows no diagnostic code and no YAML path in the reader’s text', () => {
    const all = rows(table).flat().join('\n');
    for (const code of ['review-overdue', 'unknown-field', 'missing-field', 'invalid-value', 'invalid-duration', 'rta-exceeded', 'missing-scenario', 'untested']) {
      assert.ok(!all.includes(code), code);
    }
    assert.doesNotMatch(all, /scenarios\[|scenarios\.|\/scenarios\//);
    const remarks = (table?.rows ?? []).flatMap((row) => (row.kind === 'row' ? row.cells.flat() : [])).filter((inline) => inline.kind === 'remark');
    assert.ok(remarks.length > 0 && remarks.every((inline) => inline.kind === 'remark' && /^Zeile \d+$/.test(inline.text)));
  });

  it('names a file that is no plan as a whole', () => {
    const [broken] = tablesIn(chapter(documentOf('- a\n- b\n'), 'kapitel-offene-punkte').children);
    assert.equal(rows(broken)[0]?.[0], '[Plandatei]');
  });
});
