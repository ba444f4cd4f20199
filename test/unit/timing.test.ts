import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/core/limits';
import { mixedRun, MIX_UNITS, RUN_KINDS, SLOTS, type RunKind, type Slot } from '../support/adversarial';
import { checkProperty, LONG } from '../support/fuzz';
import { SIZE_RATIO, slowProbes, type Probe } from '../support/timingProbes';

/**
 * The time of every text-facing function grows linearly with a hostile run in a plan (issue 13:
 * completion beside 200,000 blanks blocked the server 57 s, `drplan check` quoting 320,000 blanks
 * took 107 s). Each case puts a run (test/support/adversarial.ts) into one place of a valid plan
 * and times every probe (test/support/timingProbes.ts) at a quarter of the size and at the size
 * (slowProbes: linear time is 4 times as long, a quadratic 16 times; 10 times is allowed).
 *
 * `npm test` puts each kind of run into one place (another for each kind), and blanks, plain and
 * broken by line separators, into every place, at 200 kB; `npm run fuzz` puts random kinds and mixes of runs into random places, up
 * to the size limit, for FUZZ_SECONDS (test/support/fuzz.ts).
 */

/** The run's bytes in `npm test`; in `npm run fuzz` up to the size limit, less room for the plan around it. */
const SHORT_BYTES = 200_000;
const LONG_BYTES = DEFAULT_MAX_FILE_SIZE - 64 * 1024;

function assertLinear(slot: Slot, run: (bytes: number) => string, bytes: number, what: string, probes?: readonly Probe[]): void {
  const slow = slowProbes(slot, run, bytes, probes);
  const kB = (size: number) => `${Math.round(size / 1000)} kB`;
  assert.deepEqual(
    slow.map(({ probe, quarter, full }) => `${probe}: ${quarter.toFixed(1)} ms at ${kB(bytes / SIZE_RATIO)}, ${full.toFixed(1)} ms at ${kB(bytes)}`),
    [],
    `${what} in the ${slot.name}`,
  );
}

const BLANKS = RUN_KINDS[0] as RunKind;
/** Runs of blanks broken by line separators: `\s` matches them, `.` does not. */
const BROKEN_BLANKS = RUN_KINDS.find((kind) => kind.name === 'blank runs and terminators') as RunKind;

describe('every text-facing function on a hostile run takes time linear in its length', () => {
  RUN_KINDS.forEach((kind, i) => {
    // Each kind in another place, so that every place meets several kinds.
    const slot = SLOTS[i % SLOTS.length] as Slot;
    it(`${kind.name} in the ${slot.name}`, () => assertLinear(slot, kind.run, SHORT_BYTES, kind.name));
  });

  // Issue 13's attack in every place (its two reproductions were the quoted contact field and
  // the quoted duration), and runs of blanks broken by line separators.
  for (const kind of [BLANKS, BROKEN_BLANKS]) {
    SLOTS.forEach((slot, i) => {
      if (RUN_KINDS.indexOf(kind) % SLOTS.length !== i) it(`${kind.name} in the ${slot.name}`, () => assertLinear(slot, kind.run, SHORT_BYTES, kind.name));
    });
  }

  it('random places, kinds and mixes of runs (up to the size limit in npm run fuzz)', { timeout: LONG ? 0 : 120_000 }, async () => {
    const pattern = fc.array(fc.record({ unit: fc.constantFrom(...MIX_UNITS), times: fc.integer({ min: 1, max: 64 }) }), { minLength: 1, maxLength: 4 });
    const runs = fc.oneof(
      fc.constantFrom(...RUN_KINDS),
      pattern.map((units): RunKind => ({ name: `a mix of ${JSON.stringify(units)}`, run: (bytes) => mixedRun(units, bytes) })),
    );
    const sizes = LONG ? fc.integer({ min: 256 * 1024, max: LONG_BYTES }) : fc.constant(SHORT_BYTES / 2);
    await checkProperty(
      'time linear in a hostile run',
      fc.property(fc.constantFrom(...SLOTS), runs, sizes, (slot, kind, bytes) => {
        // A case of megabytes takes seconds to a minute: say which one runs, should it never end.
        if (LONG) console.log(`# timing: ${kind.name} in the ${slot.name}, ${bytes} bytes`);
        assertLinear(slot, kind.run, bytes, kind.name);
      }),
      2,
      // Shrinking would time case after case of megabytes again; the failing case says what failed.
      { endOnFailure: true },
    );
  });

  it('finds a quadratic: the pattern issue 13 removed from completion, timed the same way', () => {
    // `/\s+#.*$/` tries every start in a run of blanks, and from each start every split of it.
    const quadratic: Probe = { name: 'the old trailing-comment pattern', run: ({ run }) => run.replace(/\s+#.*$/, '') };
    assert.throws(() => assertLinear(SLOTS[0] as Slot, BLANKS.run, 40_000, BLANKS.name, [quadratic]), /the old trailing-comment pattern: [\d.]+ ms at 10 kB, [\d.]+ ms at 40 kB/);
  });
});
