import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan } from '../../bench/generatePlan';
import { echoServer } from '../../bench/servers';
import { afterRecoveryTime, positionOf, toggleErrorKeystroke } from '../../bench/keystroke';
import { USER_FELT_SHAPE, userFeltPlans, type PlanFelt, type ServerFelt } from '../../bench/userFelt';
import { stepShares, userFeltSection } from '../../bench/userFeltReport';
import type { CheckTiming } from '../../server/src/checkTimings';
import { analyze } from '../../server/src/core';
import { TODAY } from '../support/fixtures';

/** bench/userFelt.ts: the plans of issue 18's shape, the keystroke that toggles an error, and the report of both. */
describe('what a user feels: the plans of issue 18\'s shape', () => {
  it('leave two thirds of the scenarios without an exercise, every third one keeps its exercise', () => {
    const text = generatePlan(500, USER_FELT_SHAPE);
    const scenarios = text.split('\n  - id: szenario-').slice(1);
    assert.equal(scenarios.length, 500);
    const exercised = scenarios.filter((scenario) => scenario.includes('\n    exercises:\n')).map((scenario) => Number.parseInt(scenario, 10));
    assert.equal(exercised.length, 167);
    assert.ok(exercised.every((i) => i % 3 === 0));
  });

  it('are valid plans for drplan: its only findings are an `untested` information for each scenario never exercised', () => {
    for (const size of [500, 2000]) {
      const diagnostics = analyze(generatePlan(size, USER_FELT_SHAPE), { today: TODAY }).diagnostics('en');
      assert.equal(diagnostics.length, size - Math.ceil(size / 3), `${size}`);
      assert.ok(diagnostics.every((d) => d.code === 'untested' && d.severity === DiagnosticSeverity.Information), `${size}`);
    }
  });

  it('leave today\'s plans as they were, and refuse a shape that is not a whole number from 1', () => {
    assert.equal(generatePlan(30, { exercisedEvery: 1 }), generatePlan(30));
    assert.deepEqual(analyze(generatePlan(30), { today: TODAY }).diagnostics('en'), []);
    assert.throws(() => generatePlan(3, { exercisedEvery: 0 }), RangeError);
    assert.throws(() => generatePlan(3, { exercisedEvery: 1.5 }), RangeError);
  });

  it('include the example as it is', () => {
    const plans = userFeltPlans([500], 'drplan: "1"\n');
    assert.deepEqual(plans.map((plan) => plan.name), ['example', '500 scenarios']);
    assert.equal(plans[0]!.text, 'drplan: "1"\n');
    assert.equal(plans[1]!.text, generatePlan(500, USER_FELT_SHAPE));
  });
});

describe('what a user feels: the keystroke', () => {
  const text = generatePlan(500, USER_FELT_SHAPE);
  const at = afterRecoveryTime(text);

  it('types after `recovery_time: 4h` of the scenario in the middle of the plan', () => {
    const line = text.split('\n')[at.line]!;
    assert.equal(line.slice(0, at.character), '    recovery_time: 4h');
    const scenario = positionOf(text, '  - id: szenario-250\n');
    const next = positionOf(text, '  - id: szenario-251\n');
    assert.ok(at.line > scenario.line && at.line < next.line, `line ${at.line}`);
    assert.throws(() => positionOf(text, 'no such text'), /no "no such text" in the plan/);
  });

  it('toggles an error: `4hx` with each even version, the plan as opened with each odd one', () => {
    const document = TextDocument.create('file:///plan.drplan.yaml', 'drplan', 1, text);
    const opened = analyze(text, { today: TODAY }).diagnostics('en');
    for (let version = 2; version <= 5; version++) {
      TextDocument.update(document, [toggleErrorKeystroke(at, version)], version);
      const diagnostics = analyze(document.getText(), { today: TODAY }).diagnostics('en');
      if (version % 2 === 1) {
        assert.equal(document.getText(), text);
        assert.deepEqual(diagnostics, opened);
        continue;
      }
      assert.equal(document.getText().split('\n')[at.line], '    recovery_time: 4hx');
      const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.range.start.line, at.line);
      assert.equal(diagnostics.length, opened.length + 1);
    }
  });
});

describe('what a user feels: the floor', () => {
  it('is a server that answers every change at once with the diagnostics it is given, with the version', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'drplan-echo-test-'));
    const file = join(folder, 'diagnostics.json');
    const given = [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, message: 'ä', severity: 3, code: 'untested', source: 'drplan' }];
    writeFileSync(file, JSON.stringify(given));
    const server = echoServer(file);
    const client = await server.start();
    try {
      const uri = 'file:///echo.drplan.yaml';
      const opened = server.expectDiagnostics(client, uri, 1);
      await client.open(uri, 'plan: {}\n');
      assert.deepEqual(await opened, given);
      const changed = server.expectDiagnostics(client, uri, 2);
      await client.change(uri, 2, [{ text: 'plan: { title: x }\n' }]);
      assert.deepEqual(await changed, given);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('what a user feels: the report', () => {
  const timing = (analysisMs: number): CheckTiming => ({ version: 2, applyMs: 0.5, waitMs: 0, analysisMs, renderMs: 1, serialiseMs: 0.5, diagnostics: 334 });

  it('gives each traced step\'s median and leaves the rest of the untraced median to transport', () => {
    const shares = stepShares(10, [timing(3), timing(4), timing(100)]);
    assert.deepEqual(shares, [
      { step: 'applying the change', ms: 0.5 },
      { step: 'waiting (delay)', ms: 0 },
      { step: 'analysis', ms: 4 },
      { step: 'rendering the diagnostics', ms: 1 },
      { step: 'serialising (JSON)', ms: 0.5 },
      { step: 'transport and the rest', ms: 4 },
    ]);
  });

  // The slowest 5 of 40 keystrokes take 1.2× the others: the p90 (the 36th) is one of them.
  const server = (openMs: number, keystrokeMs: number, peakMb: number, without: number, withError: number): ServerFelt => ({
    firstOpen: { openMs: [openMs, openMs, openMs * 2], spawnMs: [openMs + 100, openMs + 100, openMs + 100], diagnostics: without },
    typing: { keystrokeMs: Array.from({ length: 40 }, (_, i) => (i < 35 ? keystrokeMs : keystrokeMs * 1.2)), diagnostics: { withError, without }, memory: { openingPeakMb: peakMb - 40, typingPeakMb: peakMb - 10, burstPeakMb: peakMb, residentMb: peakMb - 20 } },
  });
  const plan = (name: string, ours: ServerFelt, peer: ServerFelt): PlanFelt => ({
    name,
    bytes: 1000,
    drplan: ours,
    peer,
    traced: { keystrokeMs: [11], timings: [timing(4)] },
    // The floor: 2 ms, 3 ms for the slowest 5 of 40.
    floorMs: Array.from({ length: 40 }, (_, i) => (i < 35 ? 2 : 3)),
  });
  const section = userFeltSection([
    plan('500 scenarios', server(100, 10, 120, 333, 334), server(600, 400, 230, 0, 0)),
    plan('2000 scenarios', server(400, 20, 140, 1000, 1000), server(2000, 1000, 600, 0, 0)),
  ]);

  it('states the shape, what drplan publishes per version, and the keystroke', () => {
    assert.match(section, /^## What a user feels\n/);
    assert.ok(section.includes('the figures come from this one run'), section);
    assert.ok(section.includes('two thirds\nof the scenarios were never exercised'), section);
    assert.ok(section.includes('333 for 500 scenarios (334 with the error), 1000 for 2000 scenarios (1000 with the error)'), section);
    assert.ok(section.includes('The peer publishes\nno diagnostic for these plans'), section);
    assert.ok(section.includes('`4hx` is no duration'), section);
  });

  it('gives medians, p90, the ratios to the peer and whether the issue\'s targets are met', () => {
    // First open: 1/6 of the peer's at 500 (target 1/5).
    assert.ok(section.includes('| 500 scenarios | 100 (200) | 600 (1200) | 1/6.0 | ≤ 1/5: yes | 200 (200) | 700 (700) | 1/3.5 |'), section);
    assert.ok(section.includes('| 2000 scenarios | 400 (800) | 2000 (4000) | 1/5.0 | – |'), section);
    // The keystroke: 1/40 at 500 (target 1/25), 1/50 at 2,000 (target 1/60); p90 1.2× the median.
    assert.ok(section.includes('| 500 scenarios | 10.0 | 12.0 | 1.20× | 400 | 480 | 1/40 | ≤ 1/25: yes; p90 ≤ 1.5×: yes |'), section);
    assert.ok(section.includes('| 2000 scenarios | 20.0 | 24.0 | 1.20× | 1000 | 1200 | 1/50 | ≤ 1/60: no; p90 ≤ 1.5×: yes |'), section);
  });

  it('gives the floor: the same keystrokes against a server that checks nothing, and what drplan takes over it', () => {
    assert.ok(section.includes('### The floor of a keystroke'), section);
    assert.ok(section.includes('| 500 scenarios | 2.00 | 3.00 | 1.50× | 10.0 | 8.00 |'), section);
    assert.ok(section.includes('| 2000 scenarios | 2.00 | 3.00 | 1.50× | 20.0 | 18.0 |'), section);
  });

  it('gives the share of each step and the memory against the target', () => {
    assert.ok(section.includes('| step | 500 scenarios | 2000 scenarios |'), section);
    assert.ok(section.includes('| analysis | 4.00 (40 %) | 4.00 (20 %) |'), section);
    assert.ok(section.includes('| transport and the rest | 4.00 (40 %) | 14.0 (70 %) |'), section);
    assert.ok(section.includes('| **the keystroke (untraced series)** | **10.0** (100 %) | **20.0** (100 %) |'), section);
    assert.ok(section.includes('| 500 scenarios | 80 / 190 | 110 / 220 | 120 / 230 | 100 / 210 | – |'), section);
    assert.ok(section.includes('| 2000 scenarios | 100 / 560 | 130 / 590 | 140 / 600 | 120 / 580 | < 150 MB: yes |'), section);
    const atTheLimit = userFeltSection([plan('2000 scenarios', server(400, 20, 150, 1000, 1000), server(2000, 1000, 600, 0, 0))]);
    assert.ok(atTheLimit.includes('| 2000 scenarios | 110 / 560 | 140 / 590 | 150 / 600 | 130 / 580 | < 150 MB: no |'), atTheLimit);
  });
});
