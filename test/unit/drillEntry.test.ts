/**
 * A recovery drill in the core (server/src/core/drill/): the scenarios a drill takes from a plan,
 * what a client may send (checked), measured durations written as authors write them, and the
 * exercise entry found its scenario by id in a plan changed since the drill began. The entry's
 * text itself is golden (test/fixtures/yaml/exercise-*, test/unit/yamlEdit.test.ts).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { analyze } from '../../server/src/core/analysis';
import { exerciseEntryEdits } from '../../server/src/core/drill/exerciseEntry';
import { drillReportInputOf, exerciseRecordOf, startedDay, type ExerciseRecord } from '../../server/src/core/drill/record';
import { drillPlan } from '../../server/src/core/drill/scenarios';
import { measuredDuration, parseDuration } from '../../server/src/core/duration';
import { applyEdits } from '../../server/src/core/yaml/offsetEdits';
import { EXAMPLES, read } from '../support/fixtures';

const EXAMPLE = read(join(EXAMPLES, 'plone-intranet.drplan.yaml'));

const RECORD: ExerciseRecord = {
  started: '2026-11-29T09:12:00+01:00',
  recoverySeconds: 5 * 3600 + 40 * 60,
  dataLoss: '2h',
  kind: 'full-recovery',
  result: 'passed',
  notes: 'Ersatz-Pool stand bereit',
  steps: [
    { step: 'Storage tauschen oder Ersatz-Pool bereitstellen', seconds: 7200 },
    { step: 'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen', seconds: 3 * 3600 + 10 * 60, note: 'Snapshot von 06:00' },
    { step: 'Konsistenz der ZODB prüfen (fsrefs)', skipped: true, note: 'am nächsten Morgen' },
  ],
};

/** The exercises of scenario `id` as YAML reads them back. */
function exercisesOf(text: string, id: string): Record<string, unknown>[] {
  const plan = parseDocument(text).toJS() as { scenarios: { id: string; exercises?: Record<string, unknown>[] }[] };
  const scenario = plan.scenarios.find((candidate) => candidate.id === id);
  assert.ok(scenario, id);
  return scenario.exercises ?? [];
}

function recorded(text: string, id: string, record: ExerciseRecord = RECORD): string {
  const made = exerciseEntryEdits(analyze(text), id, record);
  assert.ok('edits' in made, 'refusal' in made ? made.refusal.en : '');
  return applyEdits(text, made.edits);
}

describe('drill: measured durations as an author writes them', () => {
  it('writes minutes, whole and half hours, seconds below a minute', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [0.4, '0'],
      [40, '40 s'],
      [59.6, '1 min'],
      [61, '1 min'],
      [80 * 60 + 20, '80 min'],
      [3600, '1h'],
      [90 * 60, '1.5h'],
      [95 * 60, '95 min'],
      [7200 - 10, '2h'],
      [26 * 3600, '26h'],
    ];
    for (const [seconds, written] of cases) assert.equal(measuredDuration(seconds), written, `${seconds} s`);
    assert.throws(() => measuredDuration(-1));
    assert.throws(() => measuredDuration(Number.NaN));
  });

  it('writes what the format reads back, within half a minute of what was measured', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400 * 86_400, noNaN: true }), (seconds) => {
        const read = parseDuration(measuredDuration(seconds));
        assert.ok(read.ok, measuredDuration(seconds));
        assert.ok(Math.abs(read.minutes * 60 - seconds) <= 30, `${seconds} s → ${measuredDuration(seconds)}`);
      }),
    );
  });
});

describe('drill: the scenarios of a plan', () => {
  it('takes each scenario with its id, title, line, steps (planned duration, who), recovery time, RTO and RPO', () => {
    const plan = drillPlan(analyze(EXAMPLE), 'de');
    assert.equal(plan.title, 'Notfallplan Plone-Intranet');
    const storage = plan.scenarios.find((scenario) => scenario.id === 'storage');
    assert.ok(storage);
    assert.equal(storage.title, 'Ausfall des Storage-Servers');
    assert.equal(EXAMPLE.split('\n')[storage.line], '  - id: storage');
    assert.deepEqual(storage.rto, { written: '8h', minutes: 480, words: '8 Stunden' });
    assert.deepEqual(storage.rpo, { written: '4h', minutes: 240, words: '4 Stunden' });
    assert.deepEqual(storage.recoveryTime, { written: '6h', minutes: 360, words: '6 Stunden' });
    assert.deepEqual(
      storage.steps.map((step) => [step.text, step.duration?.written, step.responsible]),
      [
        ['Storage tauschen oder Ersatz-Pool bereitstellen', '2h', 'Hosting Partner AG, Leitstand'],
        ['ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen', '3h', 'Erika Mustermann'],
        ['Konsistenz der ZODB prüfen (fsrefs)', '1h', undefined],
      ],
    );
    assert.deepEqual(plan.kinds.map((kind) => [kind.id, kind.label]), [['functional-test', 'Funktionstest'], ['full-recovery', 'Vollübung']]);
    assert.deepEqual(plan.results.map((result) => result.id), ['passed', 'partial', 'failed']);
    assert.equal(drillPlan(analyze(EXAMPLE), 'en').scenarios.find((scenario) => scenario.id === 'storage')?.rto?.words, '8 hours');
  });

  it('leaves out scenarios without an id or with an id used twice: the entry could not find them', () => {
    const text = 'drplan: "1"\nscenarios:\n  - id: a\n    recovery: [x]\n  - id: b\n  - id: b\n  - category: hardware\n';
    assert.deepEqual(drillPlan(analyze(text), 'en').scenarios.map((scenario) => scenario.id), ['a']);
  });
});

describe('drill: what a client sends, checked', () => {
  it('takes a well-formed record, as a new object of its own fields', () => {
    const sent = { ...RECORD, extra: 'x', steps: RECORD.steps.map((step) => ({ ...step, evil: true })) };
    const taken = exerciseRecordOf(sent);
    assert.deepEqual(taken, RECORD);
    assert.notEqual(taken, sent);
  });

  it('refuses what is no exercise record', () => {
    const wrong: unknown[] = [
      null,
      [],
      { ...RECORD, started: '2026-11-29 09:12' },
      { ...RECORD, started: '2026-02-30T09:12:00+01:00' },
      { ...RECORD, started: '2026-11-29T25:12:00Z' },
      { ...RECORD, recoverySeconds: -1 },
      { ...RECORD, recoverySeconds: Number.POSITIVE_INFINITY },
      { ...RECORD, kind: 'plan-review' },
      { ...RECORD, result: 'ok' },
      { ...RECORD, dataLoss: '2' },
      { ...RECORD, dataLoss: 5 },
      { ...RECORD, notes: 'x'.repeat(20_001) },
      { ...RECORD, steps: 'all' },
      { ...RECORD, steps: [{ step: 'a' }] },
      { ...RECORD, steps: [{ step: 'a', seconds: 5, skipped: true, note: 'b' }] },
      { ...RECORD, steps: [{ step: '', seconds: 5 }] },
      { ...RECORD, steps: [{ step: 'a', seconds: 5, skipped: 'no' }] },
    ];
    for (const value of wrong) assert.equal(exerciseRecordOf(value), undefined, JSON.stringify(value));
  });

  it('reads the day a drill began from its start, local time with its offset', () => {
    assert.equal(startedDay('2026-11-29T23:59:59-05:00'), '2026-11-29');
    assert.equal(startedDay('2026-11-29T00:00:00Z'), '2026-11-29');
    assert.equal(startedDay('2026-11-29T09:12'), undefined);
  });

  it('takes a report input only with durations the plan reads as given', () => {
    const scenario = drillPlan(analyze(EXAMPLE), 'de').scenarios.find((candidate) => candidate.id === 'storage');
    const input = { plan: { title: 'P' }, scenario, record: RECORD, conductedBy: 'Erika Mustermann' };
    assert.deepEqual(drillReportInputOf(input), input);
    assert.equal(drillReportInputOf({ ...input, scenario: { ...scenario, rto: { written: '8h', minutes: 4800, words: '8 Stunden' } } }), undefined);
    assert.equal(drillReportInputOf({ ...input, plan: {} }), undefined);
  });
});

describe('drill: the exercise entry in the plan', () => {
  it('appends to the scenario found by its id, and the plan still has no errors', () => {
    const text = recorded(EXAMPLE, 'storage');
    const exercises = exercisesOf(text, 'storage');
    assert.equal(exercises.length, 2);
    assert.deepEqual(exercises[1], {
      date: '2026-11-29',
      started: '2026-11-29T09:12:00+01:00',
      kind: 'full-recovery',
      recovery_time: '340 min',
      data_loss: '2h',
      result: 'passed',
      notes: 'Ersatz-Pool stand bereit',
      steps: [
        { step: 'Storage tauschen oder Ersatz-Pool bereitstellen', duration: '2h' },
        { step: 'ZEO-Server mit dem Backup der ZODB aus der Snapshot-Kopie des Backup-Servers neu aufsetzen', duration: '190 min', note: 'Snapshot von 06:00' },
        { step: 'Konsistenz der ZODB prüfen (fsrefs)', skipped: true, note: 'am nächsten Morgen' },
      ],
    });
    // Every other scenario as it was; the plan's errors as they were (none).
    assert.equal(text.slice(0, text.indexOf('      - date: 2026-11-29')), EXAMPLE.slice(0, text.indexOf('      - date: 2026-11-29')));
    const errors = analyze(text).diagnostics('en').filter((diagnostic) => diagnostic.severity === 1);
    assert.deepEqual(errors, []);
  });

  it('finds the scenario in a plan changed meanwhile: lines inserted above it, the scenario moved', () => {
    const lines = EXAMPLE.split('\n');
    const start = lines.indexOf('  - id: storage');
    const end = lines.indexOf('  - id: rack');
    const storage = lines.slice(start, end);
    const rest = [...lines.slice(0, start), ...lines.slice(end)];
    const scenarios = rest.indexOf('scenarios:');
    // The storage scenario now first, with comments and a new scenario above it.
    const changed = [...rest.slice(0, scenarios + 1), '  # Speicher zuerst (umgestellt)', ...storage, ...rest.slice(scenarios + 1)].join('\n');
    const text = recorded(changed, 'storage');
    assert.equal(exercisesOf(text, 'storage').length, 2);
    assert.equal(exercisesOf(text, 'storage')[1]?.started, RECORD.started);
    for (const other of ['netzwerk', 'vm-server', 'rack']) assert.deepEqual(exercisesOf(text, other), exercisesOf(EXAMPLE, other), other);
  });

  it('makes the list where the scenario has none', () => {
    const text = recorded(EXAMPLE, 'rack', { ...RECORD, steps: [], notes: undefined, dataLoss: '0' });
    assert.deepEqual(exercisesOf(text, 'rack'), [{ date: '2026-11-29', started: RECORD.started, kind: 'full-recovery', recovery_time: '340 min', data_loss: 0, result: 'passed' }]);
  });

  it('says why when the entry cannot be written, and writes nothing', () => {
    const refusal = (text: string, id: string) => {
      const made = exerciseEntryEdits(analyze(text), id, RECORD);
      assert.ok('refusal' in made, `no refusal for ${id}`);
      return made.refusal.en;
    };
    assert.match(refusal(EXAMPLE, 'speicher'), /no longer has a scenario with the id 'speicher'/);
    assert.match(refusal(EXAMPLE.replace('  - id: rack\n', '  - id: storage\n'), 'storage'), /Several scenarios have the id 'storage'/);
    assert.match(refusal(`${EXAMPLE}\n  - id: [broken\n`, 'storage'), /YAML errors/);
    const alias = 'drplan: "1"\nx-base: &base\n  id: storage\n  recovery: [a]\nscenarios:\n  - *base\n';
    assert.match(refusal(alias, 'storage'), /not a list of its own/);
    const text = 'drplan: "1"\nscenarios:\n  - id: storage\n    exercises: keine\n';
    assert.match(refusal(text, 'storage'), /not a list of its own/);
    assert.ok('refusal' in exerciseEntryEdits(analyze(EXAMPLE), 'storage', { ...RECORD, started: 'gestern' }));
  });
});
