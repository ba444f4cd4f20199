import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { newPlanText } from '../../server/src/core/features/newPlan';
import type { PlanDiagnostic } from '../../server/src/core/types';
import { EXAMPLES, TODAY } from '../support/fixtures';

/** A clean plan (the shipped example), in which the tests empty a value or two. */
const PLAN = readFileSync(join(EXAMPLES, 'plone-intranet.drplan.yaml'), 'utf8');

/** The 0-based line of the first line that contains `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle));

const errors = (text: string): PlanDiagnostic[] => analyze(text, { today: TODAY }).diagnostics('en').filter((d) => d.severity === 1);

/** The text with `typed` written where the diagnostic points, as F8 and then typing do. */
function typeAt(text: string, diagnostic: PlanDiagnostic, typed: string): string {
  const lines = text.split('\n');
  const { line, character } = diagnostic.range.start;
  const row = lines[line] as string;
  lines[line] = row.slice(0, character) + typed + row.slice(character);
  return lines.join('\n');
}

describe('where a diagnostic about an empty value points', () => {
  it('points past `key: ` when a comment follows, so that typing there keeps the comment', () => {
    assert.deepEqual(errors(PLAN), []);
    const text = PLAN.replace('    rto: 4h\n', '    rto:                    # RTO, z. B. 8h\n').replace('    what: ZODB (Data.fs) und Blobs\n', '    what:        # was gesichert wird\n');
    const rto = lineOf(text, 'rto:   ');
    const what = lineOf(text, 'what:   ');
    const found = errors(text);
    assert.deepEqual(found.map((d) => [d.code, d.range.start, d.range.end]), [
      ['invalid-value', { line: what, character: 10 }, { line: what, character: 10 }],
      ['invalid-duration', { line: rto, character: 9 }, { line: rto, character: 9 }],
    ]);
    const typed = typeAt(typeAt(text, found[1] as PlanDiagnostic, '8h'), found[0] as PlanDiagnostic, 'ZODB und Blobs');
    assert.match(typed, /\n {4}rto: 8h {19}# RTO, z\. B\. 8h\n/);
    assert.match(typed, /\n {4}what: ZODB und Blobs {7}# was gesichert wird\n/);
    assert.deepEqual(errors(typed), []);
  });

  it('stays at the comment when a single blank stands before it, and at the colon without a comment', () => {
    const line = lineOf(PLAN, '    rto: 4h');
    assert.deepEqual(errors(PLAN.replace('    rto: 4h\n', '    rto: # RTO\n')).map((d) => d.range.start), [{ line, character: 9 }]);
    assert.deepEqual(errors(PLAN.replace('    rto: 4h\n', '    rto:\n')).map((d) => d.range.start), [{ line, character: 8 }]);
  });

  it('says that a duration or a date is empty, rather than that \'\' is not one', () => {
    const text = PLAN.replace('    rto: 4h\n', '    rto:\n').replace('  last_review: 2026-01-20\n', '  last_review:\n');
    const analysis = analyze(text, { today: TODAY });
    assert.deepEqual(
      analysis.diagnostics('de').filter((d) => d.severity === 1).map((d) => [d.code, d.message]),
      [
        ['invalid-date', '„last_review“ muss ein Datum sein, ist aber leer; erwartet wird JJJJ-MM-TT, z. B. 2026-11-28.'],
        ['invalid-duration', '„rto“ muss eine Dauer sein, ist aber leer. Beispiele: 30 min, 4h, 2 Tage, PT4H.'],
      ],
    );
    assert.deepEqual(
      analysis.diagnostics('en').filter((d) => d.severity === 1).map((d) => d.message),
      ["'last_review' must be a date, but is empty; expected YYYY-MM-DD, e.g. 2026-11-28.", "'rto' must be a duration, but is empty. Examples: 30 min, 4h, 2 days, PT4H."],
    );
  });

  it('puts every placeholder of a new plan where its value is typed', () => {
    for (const locale of ['de', 'en'] as const) {
      const text = newPlanText(locale, TODAY);
      const lines = text.split('\n');
      const found = errors(text);
      assert.ok(found.length > 10);
      for (const diagnostic of found) {
        const line = lines[diagnostic.range.start.line] as string;
        assert.match(line.slice(0, diagnostic.range.start.character), /^ *[a-z_]+: $/, line);
      }
    }
  });
});
