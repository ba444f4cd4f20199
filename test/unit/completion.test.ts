import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { complete } from '../../server/src/core/features/completion';
import { localDateTime } from '../../server/src/core/features/completion/values';
import type { Locale } from '../../server/src/core/types';
import { withCursor } from '../support/cursor';
import { TODAY, TODAY_ISO } from '../support/fixtures';

/** A plan with every list that references point into; the cursor goes into what follows. */
const HEAD = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1.0"
  owner: it-leitung
contacts:
  - id: it-leitung
    name: Erika Mustermann
  - id: bereitschaft
    name: Rufbereitschaft Betrieb
components:
  - id: storage-1
    kind: raid-storage
    name: Storage-Server mit RAID 6
  - id: psu
    kind: redundant-power-supply
  - id: switch-1
    kind: network-switch
    name: Core-Switch
backups:
  - id: zodb-snapshot
    what: ZODB und Blobs
    method: volume-snapshot
    interval: 4h
  - id: zodb-offsite
    what: ZODB offsite
    method: repozo
    interval: 24h
`;

const SCENARIO = `scenarios:
  - id: storage
    category: hardware
    type: storage-server
`;

interface Completed {
  readonly items: CompletionItem[];
  readonly text: string;
  readonly offset: number;
}

/** Completion at the `|` of a plan text, analysed as it stands (or as `analysed` for a stale analysis). */
function completeAt(marked: string, locale: Locale = 'de', analysed?: string): Completed {
  const { text, offset } = withCursor(marked);
  const analysis = analyze(analysed ?? text, { today: TODAY });
  return { items: complete(analysis, text, offset, locale, { today: TODAY }), text, offset };
}

const labels = (items: readonly CompletionItem[]) => items.map((item) => item.label);
const byLabel = (items: readonly CompletionItem[], label: string) => {
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no item ${label} in ${JSON.stringify(labels(items))}`);
  return item;
};
const docOf = (item: CompletionItem) => (item.documentation as MarkupContent | undefined)?.value ?? '';
const editOf = (item: CompletionItem) => item.textEdit as TextEdit;

function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** The text after accepting `item`, its snippet's tab stops filled with their defaults. */
function accept(completed: Completed, item: CompletionItem): string {
  const edit = editOf(item);
  let newText = edit.newText;
  if (item.insertTextFormat === InsertTextFormat.Snippet) {
    newText = newText
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '')
      .replace(/\\([\\$}])/g, '$1');
  }
  const { text } = completed;
  return text.slice(0, offsetAt(text, edit.range.start)) + newText + text.slice(offsetAt(text, edit.range.end));
}

const yamlErrors = (text: string) => analyze(text, { today: TODAY }).diagnostics('en').filter((d) => d.code === 'yaml-syntax');

describe('completion of keys', () => {
  it('offers the keys still missing in a scenario, required first, with German documentation', () => {
    const { items } = completeAt(`${HEAD}scenarios:\n  - id: storage\n    category: hardware\n    |\n    rto: 8h\n`);
    const keys = labels(items);
    assert.deepEqual(keys.slice(0, 5), ['type', 'prevention', 'recovery', 'recovery_time', 'rpo']);
    for (const present of ['id', 'category', 'rto']) assert.ok(!keys.includes(present), present);
    assert.ok(keys.includes('mtpd') && keys.includes('exercises'));
    assert.ok(keys.every((key) => !String(key).startsWith('x-')));
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(labels(sorted), keys);

    const rpo = byLabel(items, 'rpo');
    assert.equal(rpo.kind, CompletionItemKind.Property);
    assert.equal(rpo.labelDetails?.description, 'Pflichtfeld');
    assert.match(docOf(rpo), /maximal zulässige Datenverlust/);
    assert.equal(editOf(rpo).newText, 'rpo: ');
    assert.equal(rpo.command?.command, 'editor.action.triggerSuggest');
    assert.equal(byLabel(items, 'mtpd').labelDetails, undefined);
    assert.match(docOf(byLabel(items, 'mtpd')), /maximal tolerierbare Ausfallzeit/);
  });

  it('documents the keys in English for English', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    |\n`, 'en');
    const rto = byLabel(items, 'rto');
    assert.equal(rto.labelDetails?.description, 'required');
    assert.match(docOf(rto), /Recovery Time Objective/);
    assert.equal(byLabel(items, 'recovery_time').detail, 'Recovery time');
    assert.equal(byLabel(items, 'prevention').detail, 'Prevention');
  });

  it('inserts lists and sections as indented blocks, in the style of the document', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    |\n`);
    const prevention = byLabel(items, 'prevention');
    assert.equal(prevention.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(prevention.insertTextMode, InsertTextMode.asIs);
    assert.equal(editOf(prevention).newText, 'prevention:\n      - $1');
    assert.equal(editOf(byLabel(items, 'exercises')).newText, 'exercises:\n      - $1');
    assert.equal(editOf(byLabel(items, 'affects')).newText, 'affects: [$1]');

    const wide = completeAt('drplan: "1"\nplan:\n    title: x\nscenarios:\n    - id: a\n      category: hardware\n      |\n');
    assert.equal(editOf(byLabel(wide.items, 'recovery')).newText, 'recovery:\n          - $1');
    const compact = completeAt('drplan: "1"\nscenarios:\n- id: a\n  prevention:\n  - x\n  |\n');
    assert.equal(editOf(byLabel(compact.items, 'recovery')).newText, 'recovery:\n  - $1');

    const top = completeAt('drplan: "1"\n|');
    assert.equal(editOf(byLabel(top.items, 'plan')).newText, 'plan:\n  $0');
    assert.ok(!labels(top.items).includes('drplan'));
    const availability = completeAt('availability:\n  target: 99.5\n  |');
    assert.equal(editOf(byLabel(availability.items, 'load_balancing')).newText, 'load_balancing:\n    $0');
  });

  it('writes the format version with its quotes', () => {
    const { items } = completeAt('|\nplan:\n  title: x\n');
    assert.equal(editOf(byLabel(items, 'drplan')).newText, 'drplan: "1"');
  });

  it('replaces the typed beginning of the key', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    re|\n`);
    const recovery = byLabel(completed.items, 'recovery_time');
    assert.equal(editOf(recovery).range.start.character, 4);
    assert.equal(editOf(recovery).range.end.character, 6);
    assert.equal(accept(completed, recovery), `${HEAD}${SCENARIO}    recovery_time: \n`);
  });

  it('renames a key without touching its value', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    rt|x: 8h\n`);
    const rto = byLabel(completed.items, 'rto');
    assert.equal(editOf(rto).newText, 'rto');
    assert.equal(accept(completed, rto), `${HEAD}${SCENARIO}    rto: 8h\n`);
  });

  it('offers the keys of a new list item and of nested sections', () => {
    assert.deepEqual(labels(completeAt(`${HEAD.replace('  - id: bereitschaft\n    name: Rufbereitschaft Betrieb\n', '  - |\n')}`).items).slice(0, 2), ['id', 'name']);
    const step = completeAt(`${HEAD}${SCENARIO}    recovery:\n      - step: Tauschen\n        |\n`);
    assert.deepEqual(labels(step.items), ['duration', 'responsible']);
    assert.match(docOf(byLabel(step.items, 'responsible')), /Wer den Schritt ausführt/);
  });

  it('offers nothing inside a comment or a free text', () => {
    assert.deepEqual(completeAt(`${HEAD}${SCENARIO}    # |\n`).items, []);
    assert.deepEqual(completeAt(`${HEAD}${SCENARIO}    title: Ausfall |\n`).items, []);
  });
});

describe('completion of catalog values', () => {
  it('offers the four categories after `category: `, with German labels and explanations', () => {
    const { items } = completeAt(`${HEAD}scenarios:\n  - id: storage\n    category: |\n`);
    assert.deepEqual(labels(items), ['hardware', 'force-majeure', 'software', 'operator']);
    assert.deepEqual(items.map((item) => item.detail), ['Hardware-Fehler', 'Höhere Gewalt', 'Software-Fehler', 'Bedienfehler']);
    assert.deepEqual(items.map((item) => item.labelDetails?.description), ['Hardware-Fehler', 'Höhere Gewalt', 'Software-Fehler', 'Bedienfehler']);
    assert.match(docOf(byLabel(items, 'hardware')), /Ausfall physischer Komponenten/);
    assert.equal(byLabel(items, 'operator').kind, CompletionItemKind.EnumMember);
  });

  it('names the categories in English, and in German too, for English', () => {
    const { items } = completeAt(`${HEAD}scenarios:\n  - id: storage\n    category: |\n`, 'en');
    assert.equal(byLabel(items, 'force-majeure').detail, 'Force majeure (Höhere Gewalt)');
    assert.equal(byLabel(items, 'force-majeure').labelDetails?.description, 'Force majeure (Höhere Gewalt)');
    assert.match(docOf(byLabel(items, 'hardware')), /Failure of physical components/);
  });

  it('replaces the typed prefix, so that the editor can filter', () => {
    const completed = completeAt(`${HEAD}scenarios:\n  - id: storage\n    category: hard|\n`);
    const hardware = byLabel(completed.items, 'hardware');
    const line = completed.text.split('\n').length - 2;
    assert.deepEqual(editOf(hardware).range, { start: { line, character: 14 }, end: { line, character: 18 } });
    assert.equal(hardware.filterText, 'hardware');
    assert.match(accept(completed, hardware), /\n {4}category: hardware\n$/);
  });

  it('puts the blank after a colon typed just now', () => {
    const completed = completeAt(`${HEAD}scenarios:\n  - id: storage\n    category:|\n`);
    assert.match(accept(completed, byLabel(completed.items, 'software')), /\n {4}category: software\n$/);
  });

  it('offers only the types of the scenario’s category', () => {
    const software = completeAt(`${HEAD}scenarios:\n  - id: s\n    category: software\n    type: |\n`);
    assert.deepEqual(labels(software.items), ['corrupt-filesystem', 'configuration-error', 'application-error']);
    assert.equal(byLabel(software.items, 'corrupt-filesystem').detail, 'Korruptes Dateisystem');
    // the category may also stand below the type
    const below = completeAt(`${HEAD}scenarios:\n  - id: s\n    type: |\n    category: operator\n`, 'en');
    assert.deepEqual(labels(below.items), ['deleted-files', 'deleted-data']);
    assert.equal(byLabel(below.items, 'deleted-files').detail, 'Accidental deletion of files (Versehentliches Löschen von Dateien)');
  });

  it('offers every type while the category is missing or unknown', () => {
    assert.equal(completeAt(`${HEAD}scenarios:\n  - id: s\n    type: |\n`).items.length, 11);
    assert.equal(completeAt(`${HEAD}scenarios:\n  - id: s\n    category: hardwar\n    type: |\n`).items.length, 11);
  });

  it('offers the component kinds of the catalog', () => {
    const { items } = completeAt(HEAD.replace('backups:', '  - id: neu\n    kind: |\nbackups:'));
    const kinds = new Map(items.map((item) => [item.label, item.detail]));
    assert.equal(kinds.get('raid-storage'), 'RAID-Storage');
    assert.equal(kinds.get('redundant-power-supply'), 'Redundante Netzteile');
    assert.equal(kinds.get('spare-parts'), 'Ersatzteile');
    assert.equal(kinds.get('ups'), 'USV');
    assert.equal(kinds.get('generator'), 'Netzersatzanlage');
  });

  it('offers every other enumeration of the format', () => {
    const at = (marked: string, locale: Locale = 'de') => completeAt(marked, locale).items;
    assert.deepEqual(labels(at('plan:\n  status: |\n')), ['draft', 'approved']);
    assert.deepEqual(at('plan:\n  status: |\n').map((item) => item.detail), ['Entwurf', 'Freigegeben']);
    assert.deepEqual(labels(at('plan:\n  classification: |\n')), ['public', 'internal', 'confidential']);
    assert.equal(byLabel(at('plan:\n  classification: |\n'), 'public').detail, 'öffentlich');
    assert.deepEqual(labels(at('availability:\n  database:\n    strategy: |\n')), ['snapshot', 'relstorage-replication', 'drbd-heartbeat', 'none']);
    assert.deepEqual(labels(at('availability:\n  load_balancing:\n    method: |\n')), ['fair', 'round-robin', 'least-connections', 'none']);
    const exercise = `${SCENARIO}    exercises:\n      - date: 2026-05-10\n`;
    assert.deepEqual(labels(at(`${exercise}        kind: |\n`)), ['plan-review', 'alerting', 'functional-test', 'full-recovery']);
    assert.equal(byLabel(at(`${exercise}        kind: |\n`), 'full-recovery').detail, 'Vollübung');
    assert.deepEqual(labels(at(`${exercise}        result: |\n`)), ['passed', 'partial', 'failed']);
    assert.equal(byLabel(at(`${exercise}        result: |\n`, 'en'), 'failed').detail, 'failed (nicht bestanden)');
    assert.deepEqual(labels(at('backups:\n  - id: b\n    method: |\n')), ['volume-snapshot', 'repozo', 'relstorage-dump', 'file-copy', 'database-dump', 'replication', 'relstorage-replication', 'drbd']);
  });

  it('offers the catalog types and the reason for a scenario left out (plan.not_applicable)', () => {
    const types = labels(completeAt('plan:\n  not_applicable:\n    - type: |\n').items);
    assert.equal(types.length, 11);
    assert.ok(types.includes('server-rack') && types.includes('deleted-data'));
    assert.deepEqual(labels(completeAt('plan:\n  not_applicable:\n    - type: server-rack\n      |\n').items), ['reason']);
  });

  it('offers the format version and booleans', () => {
    const version = completeAt('drplan: |\n');
    assert.deepEqual(labels(version.items), ['"1"']);
    assert.equal(accept(version, version.items[0] as CompletionItem), 'drplan: "1"\n');
    const offsite = completeAt('backups:\n  - id: b\n    offsite: |\n');
    assert.deepEqual(labels(offsite.items), ['true', 'false']);
    assert.equal(byLabel(offsite.items, 'true').detail, 'ja');
    assert.equal(accept(offsite, byLabel(offsite.items, 'true')), 'backups:\n  - id: b\n    offsite: true\n');
    assert.equal(byLabel(completeAt('backups:\n  - id: b\n    offsite: |\n', 'en').items, 'false').detail, 'no');
  });

  it('offers whether an exercise step was skipped, saying what each means', () => {
    const skipped = completeAt(`${SCENARIO}    exercises:\n      - date: 2026-05-10\n        steps:\n          - step: a\n            skipped: |\n`);
    assert.deepEqual(labels(skipped.items), ['true', 'false']);
    assert.match(docOf(byLabel(skipped.items, 'true')), /übersprungen/);
    assert.doesNotMatch(docOf(byLabel(skipped.items, 'true')), /Sicherung/);
  });

  it('keeps a quote the user opened, and closes it', () => {
    const open = completeAt('plan:\n  status: "dr|\n');
    assert.equal(accept(open, byLabel(open.items, 'draft')), 'plan:\n  status: "draft"\n');
    assert.equal(byLabel(open.items, 'draft').filterText, '"draft');
    const closed = completeAt('plan:\n  status: "dr|"\n');
    assert.equal(accept(closed, byLabel(closed.items, 'draft')), 'plan:\n  status: "draft"\n');
  });
});

describe('completion of references', () => {
  it('offers the backups with what they save after `backup: `', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    backup: |\n`);
    assert.deepEqual(labels(items), ['zodb-snapshot', 'zodb-offsite']);
    assert.equal(byLabel(items, 'zodb-snapshot').detail, 'ZODB und Blobs');
    assert.equal(byLabel(items, 'zodb-snapshot').kind, CompletionItemKind.Reference);
  });

  it('offers the contacts with their names for responsible, owner and alert', () => {
    const contacts = ['it-leitung', 'bereitschaft'];
    for (const marked of [
      `${HEAD}${SCENARIO}    responsible: |\n`,
      `${HEAD}${SCENARIO}    recovery:\n      - step: Tauschen\n        responsible: |\n`,
      `${HEAD.replace('  owner: it-leitung', '  owner: |')}`,
      `${HEAD}availability:\n  measurements:\n    - id: http\n      what: HTTP\n      alert: |\n`,
    ]) {
      const { items } = completeAt(marked);
      assert.deepEqual(labels(items), contacts, marked);
      assert.equal(byLabel(items, 'bereitschaft').detail, 'Rufbereitschaft Betrieb');
    }
  });

  it('offers the measurements, with what they watch, as a result’s source', () => {
    const { items } = completeAt(`${HEAD}availability:\n  measurements:\n    - id: http\n      what: HTTP-Check\n    - id: zeo\n      what: ZEO-Server\n  results:\n    - period: 2026-11\n      source: |\n`);
    assert.deepEqual(labels(items), ['http', 'zeo']);
    assert.equal(byLabel(items, 'http').detail, 'HTTP-Check');
  });

  it('offers the components after `affects: [`, without those listed already', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    affects: [storage-1, |]\n`);
    assert.deepEqual(labels(completed.items), ['psu', 'switch-1']);
    assert.equal(byLabel(completed.items, 'switch-1').detail, 'Core-Switch');
    // a component without a name shows its kind
    assert.equal(byLabel(completed.items, 'psu').detail, 'Redundante Netzteile');
    assert.match(accept(completed, byLabel(completed.items, 'psu')), /affects: \[storage-1, psu\]\n$/);
    const typed = completeAt(`${HEAD}${SCENARIO}    affects: [sw|`);
    assert.deepEqual(labels(typed.items), ['storage-1', 'psu', 'switch-1']);
    assert.match(accept(typed, byLabel(typed.items, 'switch-1')), /affects: \[switch-1$/);
  });

  it('writes a flow list after a bare `affects: `, and offers block list items', () => {
    const bare = completeAt(`${HEAD}${SCENARIO}    affects: |\n`);
    assert.match(accept(bare, byLabel(bare.items, 'psu')), /affects: \[psu\]\n$/);
    const block = completeAt(`${HEAD}${SCENARIO}    affects:\n      - psu\n      - |\n`);
    assert.deepEqual(labels(block.items), ['storage-1', 'switch-1']);
  });

  it('takes the ids from an older analysis while the user types', () => {
    const older = `${HEAD}${SCENARIO}`;
    const { items } = completeAt(`${HEAD}${SCENARIO}    rto: 8h\n    responsible: |\n`, 'de', older);
    assert.deepEqual(labels(items), ['it-leitung', 'bereitschaft']);
  });
});

describe('completion of the alerting, deputies, functions and approvals', () => {
  const LEVELS = `alerting:\n  declared_by: [it-leitung]\n  levels:\n    - id: stoerung\n      name: Störung\n    - id: notfall\n      name: Notfall\n`;

  it('offers the contact functions with German labels and explanations', () => {
    const contact = HEAD.replace('    name: Rufbereitschaft Betrieb\n', '    name: Rufbereitschaft Betrieb\n    function: |\n');
    const { items } = completeAt(contact);
    assert.deepEqual(labels(items), ['it-lead', 'on-call', 'dpo', 'management', 'provider', 'crisis-team']);
    assert.equal(byLabel(items, 'dpo').detail, 'Datenschutzbeauftragte/r');
    assert.match(docOf(byLabel(items, 'dpo')), /72 Stunden/);
    assert.equal(byLabel(items, 'provider').detail, 'Dienstleister / Rechenzentrumsbetreiber');
    assert.equal(byLabel(items, 'crisis-team').detail, 'Notfallstab');
    const english = completeAt(contact, 'en').items;
    assert.equal(byLabel(english, 'dpo').detail, 'Data protection officer (Datenschutzbeauftragte/r)');
  });

  it('offers the contacts for approvals’ by, declared_by and notify, with their names', () => {
    for (const marked of [
      `${HEAD.replace('  owner: it-leitung\n', '  owner: it-leitung\n  approvals:\n    - by: |\n')}`,
      `${HEAD}alerting:\n  declared_by: [|]\n`,
      `${HEAD}alerting:\n  levels:\n    - id: notfall\n      name: Notfall\n      notify:\n        - |\n`,
    ]) {
      const { items } = completeAt(marked);
      assert.deepEqual(labels(items), ['it-leitung', 'bereitschaft'], marked);
      assert.equal(byLabel(items, 'it-leitung').detail, 'Erika Mustermann');
    }
    const listed = completeAt(`${HEAD}alerting:\n  levels:\n    - id: notfall\n      name: Notfall\n      notify: [it-leitung, |]\n`);
    assert.deepEqual(labels(listed.items), ['bereitschaft']);
  });

  it('offers the other contacts as a deputy: nobody stands in for themselves', () => {
    const { items } = completeAt(HEAD.replace('    name: Rufbereitschaft Betrieb\n', '    name: Rufbereitschaft Betrieb\n    deputy: |\n'));
    assert.deepEqual(labels(items), ['it-leitung']);
    assert.equal(byLabel(items, 'it-leitung').detail, 'Erika Mustermann');
    const first = completeAt(HEAD.replace('    name: Erika Mustermann\n', '    name: Erika Mustermann\n    deputy: |\n'));
    assert.deepEqual(labels(first.items), ['bereitschaft']);
  });

  it('offers the alerting levels, with their names, for a scenario’s escalation', () => {
    const completed = completeAt(`${HEAD}${LEVELS}${SCENARIO}    escalation: |\n`);
    assert.deepEqual(labels(completed.items), ['stoerung', 'notfall']);
    assert.equal(byLabel(completed.items, 'notfall').detail, 'Notfall');
    assert.match(accept(completed, byLabel(completed.items, 'notfall')), /escalation: notfall\n$/);
  });

  it('offers the keys of the alerting, a level and an approval, required first', () => {
    assert.deepEqual(labels(completeAt(`${HEAD}alerting:\n  |\n`).items), ['declared_by', 'levels']);
    assert.deepEqual(labels(completeAt(`${HEAD}alerting:\n  levels:\n    - |\n`).items), ['id', 'name', 'criteria', 'notify', 'within']);
    assert.deepEqual(labels(completeAt(`${HEAD.replace('  owner: it-leitung\n', '  owner: it-leitung\n  approvals:\n    - |\n')}`).items), ['by', 'date', 'version', 'meaning']);
    const keys = labels(completeAt(`${HEAD}${SCENARIO}    |\n`).items);
    assert.ok(keys.includes('escalation') && keys.includes('emergency_operation'), JSON.stringify(keys));
    const emergency = completeAt(`${HEAD}${SCENARIO}    emerg|\n`);
    assert.equal(editOf(byLabel(emergency.items, 'emergency_operation')).newText, 'emergency_operation:\n      - $1');
    assert.match(docOf(byLabel(emergency.items, 'emergency_operation')), /^\*\*Notbetrieb\*\*/);
  });

  it('offers typical notification times for within, and today for an approval’s date', () => {
    assert.deepEqual(labels(completeAt(`${LEVELS}      within: |\n`).items), ['15 min', '30 min', '1h', '4h']);
    assert.deepEqual(labels(completeAt('plan:\n  approvals:\n    - by: it\n      date: |\n').items), [TODAY_ISO]);
  });
});

describe('completion of durations and dates', () => {
  it('offers typical RTOs, explained in German', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    rto: |\n`);
    assert.deepEqual(labels(items), ['15 min', '30 min', '1h', '4h', '8h', '24h', '2 Tage', '1 Woche']);
    assert.equal(byLabel(items, '8h').detail, '8 Stunden');
    assert.match(docOf(byLabel(items, '8h')), /RTO\*\*: Recovery Time Objective: die maximal zulässige Ausfallzeit/);
  });

  it('offers typical RTOs in English for English', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    rto: |\n`, 'en');
    assert.deepEqual(labels(items).slice(-2), ['2 days', '1 week']);
    assert.equal(byLabel(items, '4h').detail, '4 hours');
    assert.match(docOf(byLabel(items, '4h')), /maximal zulässige Ausfallzeit of this scenario/);
  });

  it('keeps a comment after the cursor a comment (the new plan’s placeholders)', () => {
    // Right before `#` (where the cursor is put by hand), `8h# RTO …` would be one plain scalar.
    const before = completeAt(`${HEAD}${SCENARIO}    rto:                    |# RTO: maximal zulässige Ausfallzeit\n`);
    const accepted = accept(before, byLabel(before.items, '8h'));
    assert.match(accepted, /\n {4}rto: {20}8h # RTO: maximal zulässige Ausfallzeit\n$/);
    assert.deepEqual(analyze(accepted, { today: TODAY }).diagnostics('en').filter((d) => d.code === 'invalid-duration'), []);
    // Where F8 puts it (past `rto: `), the comment moves along.
    const after = completeAt(`${HEAD}${SCENARIO}    rto: |                   # RTO: maximal zulässige Ausfallzeit\n`);
    assert.match(accept(after, byLabel(after.items, '8h')), /\n {4}rto: 8h {19}# RTO: maximal zulässige Ausfallzeit\n$/);
  });

  it('offers 0 and the intervals of the plan’s backups as RPO, the named backup first', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    backup: zodb-offsite\n    rpo: |\n`);
    const { items } = completed;
    assert.deepEqual(labels(items), ['24h', '4h', '0', '15 min', '1h']);
    assert.equal(byLabel(items, '24h').labelDetails?.description, 'Intervall der Sicherung „zodb-offsite“');
    assert.equal(byLabel(items, '4h').labelDetails?.description, 'Intervall der Sicherung „zodb-snapshot“');
    assert.match(docOf(byLabel(items, '0')), /maximal zulässige Datenverlust/);
    assert.match(accept(completed, byLabel(items, '0')), /\n {4}rpo: 0\n$/);
    const english = completeAt(`${HEAD}${SCENARIO}    rpo: |\n`, 'en');
    assert.equal(byLabel(english.items, '4h').labelDetails?.description, "interval of backup 'zodb-snapshot'");
  });

  it('offers typical values for every other duration', () => {
    const at = (marked: string, locale: Locale = 'de') => labels(completeAt(marked, locale).items);
    assert.deepEqual(at('plan:\n  review_interval: |\n'), ['6 Monate', '12 Monate']);
    assert.deepEqual(at('plan:\n  review_interval: |\n', 'en'), ['6 months', '12 months']);
    assert.deepEqual(at(`${SCENARIO}    mtpd: |\n`), ['4h', '8h', '24h', '2 Tage', '1 Woche', '2 Wochen']);
    assert.deepEqual(at(`${SCENARIO}    recovery_time: |\n`), ['30 min', '1h', '2h', '4h', '8h', '24h']);
    assert.deepEqual(at(`${SCENARIO}    recovery:\n      - step: a\n        duration: |\n`), ['15 min', '30 min', '1h', '2h', '4h']);
    const exercise = `${SCENARIO}    exercises:\n      - date: 2026-05-10\n`;
    assert.deepEqual(at(`${exercise}        recovery_time: |\n`), ['30 min', '1h', '2h', '4h', '8h', '24h']);
    assert.deepEqual(at(`${exercise}        data_loss: |\n`), ['0', '15 min', '1h', '4h', '24h']);
    assert.deepEqual(at('backups:\n  - id: b\n    interval: |\n'), ['1h', '4h', '24h', '1 Woche']);
    assert.deepEqual(at('backups:\n  - id: b\n    retention: |\n'), ['7 Tage', '14 Tage', '30 Tage', '90 Tage', '1 Jahr']);
    assert.deepEqual(at('availability:\n  measurements:\n    - id: m\n      interval: |\n'), ['1 min', '5 min', '15 min', '1h']);
    assert.deepEqual(at('availability:\n  results:\n    - period: 2026-11\n      downtime: |\n'), ['15 min', '30 min', '1h', '4h']);
    assert.deepEqual(at('availability:\n  results:\n    - period: 2026-11\n      excluded: |\n'), ['1h', '2h', '4h']);
    assert.deepEqual(at(`${exercise}        steps:\n          - step: a\n            duration: |\n`), ['15 min', '30 min', '1h', '2h', '4h']);
    const review = completeAt('plan:\n  review_interval: |\n').items;
    assert.match(docOf(byLabel(review, '12 Monate')), /Überprüfungsintervall/);
  });

  it('every suggested duration is one the checker accepts', () => {
    for (const locale of ['de', 'en'] as const) {
      for (const marked of [`${SCENARIO}    rto: |\n`, `${SCENARIO}    mtpd: |\n`, 'backups:\n  - id: b\n    retention: |\n', 'plan:\n  review_interval: |\n']) {
        const completed = completeAt(`${HEAD}${marked}`, locale);
        for (const item of completed.items) {
          const diagnostics = analyze(accept(completed, item)).diagnostics('en');
          assert.ok(!diagnostics.some((d) => d.code === 'invalid-duration'), `${item.label}: ${JSON.stringify(diagnostics)}`);
        }
      }
    }
  });

  it('offers today for dates', () => {
    const expected = [TODAY_ISO];
    assert.deepEqual(labels(completeAt('plan:\n  last_review: |\n').items), expected);
    assert.deepEqual(labels(completeAt('plan:\n  valid_from: |\n').items), expected);
    assert.deepEqual(labels(completeAt('backups:\n  - id: b\n    last_restore_test: |\n').items), expected);
    assert.deepEqual(labels(completeAt(`${SCENARIO}    exercises:\n      - date: |\n`).items), expected);
    assert.deepEqual(labels(completeAt('history:\n  - version: "1"\n    date: |\n').items), expected);
    assert.equal(completeAt('plan:\n  last_review: |\n').items[0]?.detail, 'heute');
    assert.equal(completeAt('plan:\n  last_review: |\n', 'en').items[0]?.detail, 'today');
  });

  it('offers now for the start of an exercise, on the local clock with its offset', () => {
    const [now] = completeAt(`${SCENARIO}    exercises:\n      - date: 2026-05-10\n        started: |\n`).items;
    assert.ok(now);
    assert.match(String(now.label), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    assert.equal(now.detail, 'jetzt');
    assert.equal(localDateTime(new Date(2026, 10, 20, 9, 15)).slice(0, 19), '2026-11-20T09:15:00');
    const accepted = analyze(`${HEAD}${SCENARIO}    prevention: [a]\n    recovery: [b]\n    recovery_time: 1h\n    rto: 2h\n    rpo: 0\n    exercises:\n      - date: 2026-05-10\n        started: ${String(now.label)}\n`);
    assert.deepEqual(accepted.diagnostics('en').filter((d) => d.code === 'invalid-date'), []);
  });

  it('offers the periods that ended last: the month, the quarter and the year', () => {
    const items = completeAt('availability:\n  results:\n    - period: |\n').items;
    assert.deepEqual(labels(items), ['2026-10', '2026-Q3', '2025']);
    assert.equal(byLabel(items, '2026-Q3').detail, '3. Quartal 2026');
    assert.match(docOf(byLabel(items, '2026-10')), /^Der letzte abgeschlossene Monat: Oktober 2026$/);
    assert.equal(byLabel(completeAt('availability:\n  results:\n    - period: |\n', 'en').items, '2026-Q3').detail, 'Q3 2026');
  });
});

describe('completion of the catalog’s steps', () => {
  it('offers the prevention steps of the scenario’s type not written yet', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    prevention:\n      - RAID-Storage\n      - |\n`);
    assert.deepEqual(labels(items), ['Snapshots des Volume Managers', 'Redundante Netzteile', 'Backups auf einem getrennten Backup-Storage']);
    assert.equal(items[0]?.detail, 'Vorschlag aus dem Katalog für „Ausfall des Storage-Servers“');
  });

  it('offers the recovery steps next to the keys of a step, quoting where YAML needs it', () => {
    const completed = completeAt(`scenarios:\n  - id: strom\n    type: power-outage\n    recovery:\n      - |\n    rto: 4h\n`, 'en');
    const keys = labels(completed.items).slice(0, 3);
    assert.deepEqual(keys, ['step', 'duration', 'responsible']);
    const withColon = completed.items.find((item) => String(item.label).includes('fester Reihenfolge starten: Storage'));
    assert.ok(withColon);
    const accepted = accept(completed, withColon);
    assert.deepEqual(yamlErrors(accepted), []);
    assert.match(accepted, /- "Nach Rückkehr der Stromversorgung Systeme in fester Reihenfolge starten: Storage, /);
  });
});

describe('completion of whole scenarios', () => {
  const storage = (items: readonly CompletionItem[], locale: Locale = 'de') =>
    byLabel(items, locale === 'de' ? 'Szenario: Ausfall des Storage-Servers' : 'Scenario: Failure of the storage server');

  it('offers one scenario per catalog type on a new item of `scenarios`', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    prevention: [a]\n  - |\n`);
    const scenarios = completed.items.filter((item) => item.kind === CompletionItemKind.Snippet);
    assert.equal(scenarios.length, 11);
    const item = storage(scenarios);
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(item.insertTextMode, InsertTextMode.asIs);
    assert.match(docOf(item), /Schon abgedeckt durch „storage“/);
    // types the plan lacks come first
    const sorted = [...scenarios].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[sorted.length - 1], item);
    // and keys are offered there too
    assert.ok(labels(completed.items).includes('id'));

    const accepted = accept(completed, item);
    assert.deepEqual(yamlErrors(accepted), []);
    const added = analyze(accepted).model.scenarios[1];
    assert.equal(added?.id?.value, 'storage-server');
    assert.equal(added?.type?.value, 'storage-server');
    assert.equal(added?.category?.value, 'hardware');
    assert.equal(added?.title?.value, 'Ausfall des Storage-Servers');
    assert.equal(added?.backup?.value, 'zodb-snapshot');
    assert.equal(added?.rpo?.value, '4h');
    assert.match(accepted, /\n {2}- id: storage-server\n {4}category: hardware\n {4}type: storage-server\n {4}title: Ausfall des Storage-Servers\n {4}prevention:\n {6}- RAID-Storage\n {6}- Snapshots des Volume Managers\n/);
    assert.match(accepted, /\n {4}recovery:\n {6}- Storage-Server instand setzen oder Ersatzsystem bereitstellen\n {6}- ZEO-Server mit dem Backup der ZODB aus dem Snapshot neu aufsetzen\n/);
  });

  it('makes the durations and the id tab stops, and keeps ids unique', () => {
    const { items } = completeAt(`${HEAD}scenarios:\n  - id: storage-server\n    type: storage-server\n  - |\n`);
    const snippet = editOf(storage(items)).newText;
    assert.match(snippet, /^id: \$\{1:storage-server-2\}\n/);
    assert.match(snippet, /\n {4}recovery_time: \$\{2:4h\}\n {4}rto: \$\{3:8h\}\n {4}rpo: \$\{4:4h\}\n {4}backup: \$\{5\|zodb-snapshot,zodb-offsite\|\}\$0$/);
    const power = editOf(byLabel(items, 'Szenario: Stromausfall')).newText;
    assert.match(power, /rpo: \$\{4:0\}\$0$/);
  });

  it('offers them on an empty line at the column of the list’s items', () => {
    const completed = completeAt(`${HEAD}${SCENARIO}    prevention: [a]\n  |\n`, 'en');
    const item = storage(completed.items, 'en');
    assert.match(editOf(item).newText, /^- id: /);
    const accepted = accept(completed, item);
    assert.deepEqual(yamlErrors(accepted), []);
    assert.equal(analyze(accepted).model.scenarios[1]?.type?.value, 'storage-server');
    // but not deeper inside a scenario, where keys of the scenario go
    assert.ok(!completeAt(`${HEAD}${SCENARIO}    |\n`).items.some((i) => i.kind === CompletionItemKind.Snippet));
  });

  it('offers them right after `scenarios:`, indented like the document', () => {
    const completed = completeAt(`${HEAD}scenarios:\n|`);
    const item = storage(completed.items);
    assert.match(editOf(item).newText, /^ {2}- id: \$\{1:storage-server\}\n {4}category: hardware\n/);
    const accepted = accept(completed, item);
    assert.deepEqual(yamlErrors(accepted), []);
    assert.equal(analyze(accepted).model.scenarios.length, 1);
    // the top-level keys still missing are offered as well
    assert.ok(labels(completed.items).includes('history'));
  });

  it('follows a document indented by four', () => {
    const head = 'drplan: "1"\nplan:\n    title: Plan\nbackups:\n    -   id: b\n';
    const completed = completeAt(`${head}scenarios:\n|\n`);
    const accepted = accept(completed, storage(completed.items));
    assert.match(accepted, /\nscenarios:\n {4}- id: storage-server\n {6}category: hardware\n[^]*\n {6}prevention:\n {10}- RAID-Storage\n/);
    assert.deepEqual(yamlErrors(accepted), []);
    const dashed = completeAt('drplan: "1"\nscenarios:\n    - id: a\n      type: vm-server\n    -|');
    const dashedAccepted = accept(dashed, storage(dashed.items));
    assert.deepEqual(yamlErrors(dashedAccepted), []);
    assert.equal(analyze(dashedAccepted).model.scenarios[1]?.type?.value, 'storage-server');
  });

  it('follows the compact list style', () => {
    const completed = completeAt('drplan: "1"\nscenarios:\n- id: a\n  type: vm-server\n  prevention:\n  - x\n|');
    const accepted = accept(completed, storage(completed.items));
    assert.match(accepted, /\n- id: storage-server\n {2}category: hardware\n[^]*\n {2}prevention:\n {2}- RAID-Storage\n/);
    assert.deepEqual(yamlErrors(accepted), []);
    assert.equal(analyze(accepted).model.scenarios.length, 2);
  });

  it('are not offered at an item position of another list, nor where text follows', () => {
    assert.ok(!completeAt(`${HEAD}  - |`).items.some((i) => i.kind === CompletionItemKind.Snippet));
    assert.ok(!completeAt(`${HEAD}scenarios:\n  |foo: bar\n`).items.some((i) => i.kind === CompletionItemKind.Snippet));
  });
});

describe('completion in broken documents', () => {
  it('works with a syntax error elsewhere in the file', () => {
    // an unclosed flow list, and (worse, for the parser) a tab as indentation
    const broken = HEAD.replace('  title: Notfallplan', '  title: [kaputt');
    const worse = broken.replace('  system: Intranet', '\tsystem: Intranet');
    assert.ok(yamlErrors(broken).length > 0);
    assert.deepEqual(labels(completeAt(`${worse}scenarios:\n  - id: s\n    category: |\n`).items), ['hardware', 'force-majeure', 'software', 'operator']);
    assert.ok(labels(completeAt(`${worse}scenarios:\n  - id: s\n    |\n`, 'en').items).includes('rto'));
    assert.deepEqual(labels(completeAt(`${broken}scenarios:\n  - id: s\n    category: |\n`).items), ['hardware', 'force-majeure', 'software', 'operator']);
    assert.deepEqual(labels(completeAt(`${broken}scenarios:\n  - id: s\n    category: software\n    type: |\n`, 'en').items), ['corrupt-filesystem', 'configuration-error', 'application-error']);
    assert.ok(labels(completeAt(`${broken}scenarios:\n  - id: s\n    |\n`).items).includes('rto'));
    // the parser recovers the lists after the error, so the ids are still there
    assert.deepEqual(labels(completeAt(`${broken}scenarios:\n  - id: s\n    responsible: |\n`).items), ['it-leitung', 'bereitschaft']);
  });

  it('works with a half-typed line below the cursor', () => {
    const { items } = completeAt(`${HEAD}scenarios:\n  - id: s\n    category: |\n    type: "storage\n    rto: [\n`);
    assert.deepEqual(labels(items), ['hardware', 'force-majeure', 'software', 'operator']);
  });

  it('works at the end of a file without a final line break', () => {
    assert.deepEqual(labels(completeAt(`${HEAD}${SCENARIO}    rpo: 0\n    backup: zodb|`).items), ['zodb-snapshot', 'zodb-offsite']);
    assert.ok(labels(completeAt(`${HEAD}${SCENARIO}    |`).items).includes('rto'));
  });

  it('works with CRLF line endings', () => {
    const { items } = completeAt(`${HEAD}${SCENARIO}    prevention:\n      - x\n    |\n`.replace(/\n/g, '\r\n'));
    const recovery = byLabel(items, 'recovery');
    assert.equal(editOf(recovery).newText, 'recovery:\n      - $1');
    assert.deepEqual(editOf(recovery).range.start, { line: `${HEAD}${SCENARIO}`.split('\n').length + 1, character: 4 });
  });

  it('needs no analysis for keys and catalog values', () => {
    const { text, offset } = withCursor(`${HEAD}${SCENARIO}    |\n`);
    assert.ok(labels(complete(undefined, text, offset, 'de')).includes('rto'));
    const value = withCursor(`${HEAD}${SCENARIO}    backup: |\n`);
    assert.deepEqual(complete(undefined, value.text, value.offset, 'de'), []);
  });

  it('never throws, whatever the text and offset', () => {
    const texts = ['', '\n', '- - -', 'scenarios: [', '{', 'a: b: c', '\u0000', 'scenarios:\n  - |x\n', '"unclosed\nscenarios:\n- ', 'x-a: &a [*a]\n'];
    for (const text of texts) {
      for (const offset of [-1, 0, Math.floor(text.length / 2), text.length, text.length + 5]) {
        assert.doesNotThrow(() => complete(analyze(text), text, offset, 'de'), `${JSON.stringify(text)} at ${offset}`);
        assert.ok(Array.isArray(complete(analyze(text), text, offset, 'en')));
      }
    }
  });
});
