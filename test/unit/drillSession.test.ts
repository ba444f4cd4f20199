/**
 * The drill's state machine (client/src/drill/drillSession.ts), what its page may send
 * (drillMessages.ts), where it is kept (drillStore.ts) and its page (drillPage.ts, the clock of
 * media/drill.js): a drill driven step by step with a clock of its own ends as the right exercise
 * record, a message that arrives twice marks one step, and a saved state read back is checked.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DrillScenario } from '../../server/src/core/drill/record';
import { drillPageMessage } from '../../client/src/drill/drillMessages';
import { DRILL_LABELS, drillPage, type DrillLabels } from '../../client/src/drill/drillPage';
import * as drill from '../../client/src/drill/drillSession';
import { DrillStore, type DrillMemento } from '../../client/src/drill/drillStore';
import { ROOT } from '../support/fixtures';

const SCENARIO: DrillScenario = {
  id: 'storage',
  title: 'Ausfall des Storage-Servers',
  line: 40,
  recoveryTime: { written: '6h', minutes: 360, words: '6 Stunden' },
  rto: { written: '8h', minutes: 480, words: '8 Stunden' },
  rpo: { written: '4h', minutes: 240, words: '4 Stunden' },
  steps: [
    { text: 'Storage tauschen', duration: { written: '2h', minutes: 120, words: '2 Stunden' }, responsible: 'Hosting Partner AG' },
    { text: 'ZEO-Server neu aufsetzen', duration: { written: '3h', minutes: 180, words: '3 Stunden' } },
    { text: 'Konsistenz prüfen' },
  ],
};
const KINDS = [
  { id: 'functional-test', label: 'Funktionstest', explanation: '' },
  { id: 'full-recovery', label: 'Vollübung', explanation: '' },
];
const RESULTS = [
  { id: 'passed', label: 'bestanden', explanation: '' },
  { id: 'partial', label: 'teilweise', explanation: '' },
  { id: 'failed', label: 'nicht bestanden', explanation: '' },
];
const PLAN = 'file:///work/plone-intranet.drplan.yaml';
/** 2026-11-29 09:12:00 UTC. */
const T0 = Date.UTC(2026, 10, 29, 9, 12, 0);
const MINUTE = 60_000;

const fresh = () => drill.newDrill('d1', PLAN, { title: 'Notfallplan Plone-Intranet' }, SCENARIO, KINDS, RESULTS);

/** The next state; fails the test where the machine refuses. */
function take(result: ReturnType<typeof drill.start>): drill.DrillState {
  assert.ok(!drill.isRefused(result), drill.isRefused(result) ? `refused: ${result.refused}` : '');
  return result;
}

describe('drill: the state machine', () => {
  it('runs a drill from the start to the record, each step measured from the mark before', () => {
    let state = fresh();
    assert.equal(drill.phaseOf(state), 'ready');
    state = take(drill.start(state, T0, 60));
    assert.equal(drill.phaseOf(state), 'running');
    state = take(drill.mark(state, 0, T0 + 125 * MINUTE, false, '  Pool aus dem Lager  '));
    state = take(drill.mark(state, 1, T0 + 320 * MINUTE, false, undefined));
    assert.equal(drill.phaseOf(state), 'running');
    state = take(drill.mark(state, 2, T0 + 321 * MINUTE, true, 'am nächsten Morgen'));
    assert.equal(drill.phaseOf(state), 'finishing');
    assert.equal(state.ended, T0 + 321 * MINUTE, 'the last mark ends the recovery');
    assert.equal(drill.recoverySeconds(state), 321 * 60);
    assert.deepEqual([0, 1, 2].map((step) => drill.stepSeconds(state, step)), [125 * 60, 195 * 60, 60]);

    assert.deepEqual(drill.exerciseRecord(state), { problems: ['kind', 'result'] });
    state = take(drill.setOutcome(state, { dataLoss: 'zwei Stunden', kind: 'full-recovery', result: 'partial', notes: ' Pool fehlte \n', conductedBy: 'Erika' }));
    assert.deepEqual(drill.exerciseRecord(state), { problems: ['dataLoss'] });
    state = take(drill.setOutcome(state, { ...state.outcome, dataLoss: '2h' }));
    assert.deepEqual(drill.exerciseRecord(state), {
      record: {
        started: '2026-11-29T10:12:00+01:00',
        recoverySeconds: 321 * 60,
        dataLoss: '2h',
        kind: 'full-recovery',
        result: 'partial',
        notes: 'Pool fehlte',
        steps: [
          { step: 'Storage tauschen', seconds: 125 * 60, note: 'Pool aus dem Lager' },
          { step: 'ZEO-Server neu aufsetzen', seconds: 195 * 60 },
          { step: 'Konsistenz prüfen', skipped: true, note: 'am nächsten Morgen' },
        ],
      },
    });
    state = take(drill.recorded(state, T0 + 400 * MINUTE));
    assert.equal(drill.phaseOf(state), 'recorded');
    assert.ok(drill.isRefused(drill.setOutcome(state, drill.EMPTY_OUTCOME)), 'a recorded drill is not changed');
    assert.ok(drill.isRefused(drill.undo(state)));
    assert.equal(state.revision, 7, 'each transition counts');
  });

  it('marks one step for a click that arrives twice, and only the current step', () => {
    const running = take(drill.start(fresh(), T0, 0));
    const once = take(drill.mark(running, 0, T0 + MINUTE, false, undefined));
    assert.deepEqual(drill.mark(once, 0, T0 + MINUTE + 10, false, undefined), { refused: 'step' });
    assert.deepEqual(drill.mark(running, 2, T0 + MINUTE, false, undefined), { refused: 'step' });
    assert.deepEqual(drill.mark(fresh(), 0, T0, false, undefined), { refused: 'phase' });
    assert.deepEqual(drill.start(running, T0, 0), { refused: 'phase' });
  });

  it('skips a step only with a note that says why', () => {
    const running = take(drill.start(fresh(), T0, 0));
    assert.deepEqual(drill.mark(running, 0, T0 + MINUTE, true, '   '), { refused: 'note' });
    assert.deepEqual(drill.mark(running, 0, T0 + MINUTE, true, undefined), { refused: 'note' });
  });

  it('takes back the last mark, the end it made, and the start when nothing is marked', () => {
    let state = take(drill.start(fresh(), T0, 0));
    for (const step of [0, 1, 2]) state = take(drill.mark(state, step, T0 + (step + 1) * MINUTE, false, undefined));
    assert.equal(drill.phaseOf(state), 'finishing');
    state = take(drill.undo(state));
    assert.equal(drill.phaseOf(state), 'running');
    assert.equal(state.ended, undefined);
    assert.equal(state.marks.length, 2);
    state = take(drill.undo(take(drill.undo(state))));
    assert.equal(drill.phaseOf(state), 'running');
    state = take(drill.undo(state));
    assert.equal(drill.phaseOf(state), 'ready');
  });

  it('never measures backwards when the clock does', () => {
    let state = take(drill.start(fresh(), T0, 0));
    state = take(drill.mark(state, 0, T0 - 5 * MINUTE, false, undefined));
    assert.equal(drill.stepSeconds(state, 0), 0);
  });

  it('ends the recovery of a scenario without steps by hand', () => {
    let state = take(drill.start(drill.newDrill('d2', PLAN, { title: 'P' }, { ...SCENARIO, steps: [] }, KINDS, RESULTS), T0, 0));
    assert.equal(drill.phaseOf(state), 'running');
    state = take(drill.end(state, T0 + 42 * MINUTE));
    assert.equal(drill.phaseOf(state), 'finishing');
    assert.equal(drill.recoverySeconds(state), 42 * 60);
    assert.ok(drill.isRefused(drill.end(take(drill.start(fresh(), T0, 0)), T0 + MINUTE)), 'not while steps are open');
    assert.equal(drill.phaseOf(take(drill.undo(state))), 'running');
  });

  it('writes the start in local time with the clock\'s offset', () => {
    assert.equal(drill.localIsoTime(T0, 60), '2026-11-29T10:12:00+01:00');
    assert.equal(drill.localIsoTime(T0 + 999, -330), '2026-11-29T03:42:00-05:30');
    assert.equal(drill.localIsoTime(T0, 0), '2026-11-29T09:12:00+00:00');
  });

  it('shows the page what it needs: the steps with their status, times and notes', () => {
    let state = take(drill.start(fresh(), T0, 0));
    state = take(drill.mark(state, 0, T0 + 30 * MINUTE, false, 'ok'));
    const view = drill.drillView(state);
    assert.equal(view.phase, 'running');
    assert.deepEqual(
      view.steps.map((step) => [step.status, step.seconds, step.note]),
      [
        ['done', 1800, 'ok'],
        ['current', undefined, undefined],
        ['pending', undefined, undefined],
      ],
    );
    assert.equal(view.started, T0);
    assert.deepEqual(view.rto, SCENARIO.rto);
  });
});

describe('drill: a saved state read back', () => {
  const running = () => {
    let state = take(drill.start(fresh(), T0, 60));
    state = take(drill.mark(state, 0, T0 + MINUTE, false, 'x'));
    return take(drill.setOutcome(state, { ...drill.EMPTY_OUTCOME, notes: 'läuft' }));
  };

  it('takes back what was saved, through JSON, as it was', () => {
    const state = running();
    assert.deepEqual(drill.drillStateOf(JSON.parse(JSON.stringify(state))), state);
    const done = take(drill.recorded(take(drill.setOutcome(take(drill.mark(take(drill.mark(state, 1, T0 + 2 * MINUTE, false, undefined)), 2, T0 + 3 * MINUTE, false, undefined)), { ...state.outcome, kind: 'functional-test', result: 'passed' })), T0 + 4 * MINUTE));
    assert.deepEqual(drill.drillStateOf(JSON.parse(JSON.stringify(done))), done);
  });

  it('refuses a damaged or foreign copy', () => {
    const state = running();
    const wrong: unknown[] = [
      { ...state, format: 2 },
      { ...state, id: '../x' },
      { ...state, revision: -1 },
      { ...state, plan: '' },
      { ...state, marks: [{ at: T0 - 1, skipped: false }] },
      { ...state, marks: [{ at: T0 + 1, skipped: true }] },
      { ...state, started: undefined },
      { ...state, ended: T0 + 2 * MINUTE },
      { ...state, recorded: T0 },
      { ...state, outcome: { ...state.outcome, result: 'super' } },
      { ...state, scenario: { ...SCENARIO, rto: { written: '8h', minutes: 1, words: '1 Minute' } } },
      { ...state, kinds: 'all' },
    ];
    for (const value of wrong) assert.equal(drill.drillStateOf(value), undefined, JSON.stringify(value).slice(0, 200));
  });
});

describe('drill: the page\'s messages', () => {
  it('takes each message as media/drill.js sends it, and only its own fields', () => {
    for (const type of ['ready', 'start', 'end', 'undo', 'record', 'exportReport', 'discard', 'showPlan']) assert.deepEqual(drillPageMessage({ type, extra: 1 }), { type });
    assert.deepEqual(drillPageMessage({ type: 'mark', step: 2, skipped: true, note: 'weil', x: 1 }), { type: 'mark', step: 2, skipped: true, note: 'weil' });
    assert.deepEqual(drillPageMessage({ type: 'mark', step: 0, skipped: false }), { type: 'mark', step: 0, skipped: false, note: undefined });
    const outcome = { dataLoss: '0', kind: 'full-recovery', result: 'passed', notes: '', conductedBy: 'Erika' };
    assert.deepEqual(drillPageMessage({ type: 'outcome', outcome: { ...outcome, evil: true } }), { type: 'outcome', outcome });
  });

  it('drops what the page never sends', () => {
    const wrong: unknown[] = [
      null,
      'start',
      { type: 'eval' },
      { type: 'mark', step: -1, skipped: false },
      { type: 'mark', step: 1.5, skipped: false },
      { type: 'mark', step: 1, skipped: 'yes' },
      { type: 'mark', step: 1, skipped: true, note: 7 },
      { type: 'mark', step: 1, skipped: true, note: 'x'.repeat(2001) },
      { type: 'outcome', outcome: { dataLoss: '0', kind: 'plan-review', result: 'passed', notes: '', conductedBy: '' } },
      { type: 'outcome', outcome: { dataLoss: 0, kind: '', result: '', notes: '', conductedBy: '' } },
      { type: 'outcome' },
    ];
    for (const value of wrong) assert.equal(drillPageMessage(value), undefined, JSON.stringify(value));
  });
});

describe('drill: the store', () => {
  class MapMemento implements DrillMemento {
    readonly values = new Map<string, unknown>();
    keys() {
      return [...this.values.keys()];
    }
    get(key: string) {
      return this.values.get(key);
    }
    update(key: string, value: unknown) {
      if (value === undefined) this.values.delete(key);
      else this.values.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    }
  }

  it('keeps each drill under a key of its own, the newer copy of one, and forgets a discarded one', async () => {
    const memento = new MapMemento();
    const store = new DrillStore(memento);
    const ready = fresh();
    const running = take(drill.start(ready, T0, 0));
    const other = take(drill.start(drill.newDrill('d2', 'file:///other.drplan.yaml', { title: 'P' }, SCENARIO, KINDS, RESULTS), T0 - MINUTE, 0));
    await store.save(running);
    await store.save(other);
    assert.deepEqual(await store.save(ready), running, 'an older copy does not replace a newer one');
    assert.deepEqual(store.get('d1'), running);
    assert.deepEqual(store.all().map((state) => state.id), ['d2', 'd1'], 'the oldest start first');
    assert.deepEqual(store.unfinished(PLAN).map((state) => state.id), ['d1']);
    memento.values.set('drplan.drill/d3', { damaged: true });
    memento.values.set('drplan.drill/d4', running);
    assert.deepEqual(store.all().map((state) => state.id), ['d2', 'd1'], 'a damaged copy, or one under another name, is no drill');
    await store.remove('d1');
    assert.equal(store.get('d1'), undefined);
    assert.deepEqual(store.unfinished(PLAN), []);
  });

  it('brings a panel back after a reload with the newer copy, or by its title when VS Code kept no page state', async () => {
    const store = new DrillStore(new MapMemento());
    const ready = fresh();
    const running = take(drill.start(ready, T0, 0));
    const marked = take(drill.mark(running, 0, T0 + MINUTE, false, undefined));
    const elsewhere = drill.newDrill('d2', 'file:///other/plan.drplan.yaml', { title: 'P' }, SCENARIO, KINDS, RESULTS);
    const other = drill.newDrill('d3', PLAN, { title: 'P' }, { ...SCENARIO, id: 'power', title: 'Stromausfall' }, KINDS, RESULTS);
    await store.save(running);
    await store.save(elsewhere);
    await store.save(other);
    const titleOf = (state: drill.DrillState) => `DR drill: ${state.scenario.title}`;
    const inThisWindow = (state: drill.DrillState) => state.plan === PLAN;
    const panel = { title: 'DR drill: Ausfall des Storage-Servers', titleOf, mayHaveShown: inThisWindow };
    assert.deepEqual(store.restored(ready, panel), running, "the kept copy, newer than the page's");
    assert.deepEqual(store.restored(marked, panel), marked, "the page's copy, newer than the kept one (the host crashed before it was kept)");
    assert.deepEqual(store.restored(undefined, panel), running, 'no page state: the drill of this workspace whose panel had the title');
    assert.deepEqual(store.restored(undefined, { ...panel, title: 'DR drill: Stromausfall' }), other);
    assert.equal(store.restored(undefined, { ...panel, mayHaveShown: (state) => inThisWindow(state) && state.id !== 'd1' }), undefined, 'not a drill shown in a panel already, nor one of another window');
    assert.equal(store.restored(undefined, { ...panel, title: 'Preview: plan.drplan.yaml' }), undefined);
    const recorded: drill.DrillState = { ...marked, id: 'gone', revision: 9, recorded: T0 + 2 * MINUTE };
    assert.equal(drill.phaseOf(recorded), 'recorded');
    assert.equal(store.restored(recorded, panel), undefined, 'a recorded drill no longer kept stays gone');
    assert.deepEqual(store.restored({ ...marked, id: 'lost' }, panel), { ...marked, id: 'lost' }, 'an unfinished drill only its page still has is kept again');
  });
});

describe('drill: the page', () => {
  const labels = Object.fromEntries(DRILL_LABELS.map((key) => [key, `<${key}> "&"`])) as DrillLabels;
  const state = take(drill.start(drill.newDrill('d1', PLAN, { title: '</script><script>alert(1)</script>' }, { ...SCENARIO, title: '<img src=x onerror=alert(1)>' }, KINDS, RESULTS), T0, 0));
  const html = drillPage({ cspSource: 'vscode-resource:', nonce: 'abc123', scriptUri: 'vscode-resource:/media/drill.js', styleUri: 'vscode-resource:/media/drill.css', labels, view: drill.drillView(state), state, language: 'de' });

  it('runs under the preview\'s strict policy: the one script by its nonce, no inline style, no forms', () => {
    const policy = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc123'/);
    assert.match(policy, /form-action 'none'/);
    assert.doesNotMatch(policy, /unsafe/);
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]), ['<script nonce="abc123" src="vscode-resource:/media/drill.js">']);
    assert.doesNotMatch(html, /\sstyle=/);
  });

  it('carries plan text and labels only as escaped data, never as markup', () => {
    assert.doesNotMatch(html, /<img|<\/script><script>/);
    const view = /data-view="([^"]*)"/.exec(html)?.[1] ?? '';
    const unescaped = view.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.equal(JSON.parse(unescaped).scenarioTitle, '<img src=x onerror=alert(1)>');
    assert.match(html, /<html lang="de">/);
  });

  it('shows the clock as hours, minutes and seconds, and where the drill stands against the recovery time and the RTO', () => {
    const page = createRequire(__filename)(join(ROOT, 'media', 'drill.js')) as {
      formatClock(seconds: number): string;
      timing(view: drill.DrillView, now: number): { elapsed: number; overRecovery: boolean; overRto: boolean; left: number | undefined } | undefined;
    };
    assert.equal(page.formatClock(0), '0:00:00');
    assert.equal(page.formatClock(3723.9), '1:02:03');
    assert.equal(page.formatClock(-5), '0:00:00');
    assert.equal(page.formatClock(30 * 3600), '30:00:00');
    const view = drill.drillView(state);
    assert.equal(page.timing(drill.drillView(fresh()), T0), undefined);
    const at = (minutes: number) => page.timing(view, T0 + minutes * MINUTE);
    assert.deepEqual(at(60), { ...at(60), elapsed: 3600, overRecovery: false, overRto: false, left: 7 * 3600 });
    assert.deepEqual([at(361)?.overRecovery, at(361)?.overRto], [true, false]);
    assert.deepEqual([at(481)?.overRecovery, at(481)?.overRto, at(481)?.left], [true, true, -60]);
    assert.deepEqual([page.timing(view, T0 + 480 * MINUTE + 999)?.overRto, page.timing(view, T0 + 480 * MINUTE + 1000)?.left], [false, -1], 'in whole seconds, as the clock shows them');
    const ended = take(drill.end(take(drill.start(drill.newDrill('d3', PLAN, { title: 'P' }, { ...SCENARIO, steps: [] }, KINDS, RESULTS), T0, 0)), T0 + 10 * MINUTE));
    assert.equal(page.timing(drill.drillView(ended), T0 + 500 * MINUTE)?.elapsed, 600, 'the clock stops with the recovery');
  });
});
