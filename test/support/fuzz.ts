import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

/**
 * How long the property tests run. `npm test` runs a short, seeded version (a few seconds, the
 * same cases every time); `npm run fuzz` (or FUZZ=long) runs each property for FUZZ_SECONDS
 * (default 60) or FUZZ_RUNS cases with a fresh seed (FUZZ_SEED replays one), and prints how
 * many cases it tried.
 */
export const LONG = process.env.FUZZ === 'long' || process.env.npm_lifecycle_event === 'fuzz';

/** The seed of `npm test`'s runs: fixed, so a failure there fails again the same way. */
const SHORT_SEED = 20261129;

export function fuzzParameters<T>(shortRuns: number): fc.Parameters<T> {
  if (!LONG) return { seed: SHORT_SEED, numRuns: shortRuns };
  const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
  return {
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff),
    numRuns: Number(process.env.FUZZ_RUNS ?? 1_000_000),
    interruptAfterTimeLimit: seconds * 1000,
    markInterruptAsFailure: false,
  };
}

/**
 * Runs a property like fc.assert, and in long runs says how many cases it tried. `parameters`
 * adds to fuzzParameters (`endOnFailure` for a property too slow to shrink).
 */
export async function checkProperty<T>(name: string, property: fc.IAsyncProperty<T> | fc.IProperty<T>, shortRuns: number, parameters: fc.Parameters<T> = {}): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, { ...fuzzParameters<T>(shortRuns), ...parameters });
  if (LONG) console.log(`# fuzz: ${name}: ${details.numRuns} cases (seed ${details.seed})`);
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? `\n\n${details.errorInstance.stack ?? details.errorInstance.message}` : '';
    throw new Error(`${fc.defaultReportMessage(details) ?? `${name} failed`}${cause}`);
  }
}

/** One change of a text: [offset, offset + deleted) becomes `inserted`. */
export interface TextChange {
  readonly offset: number;
  readonly deleted: number;
  readonly inserted: string;
}

/** What a person does to a plan: typing, deleting, pasting and cutting across lines, Enter. */
export type EditAction =
  | { readonly kind: 'type'; readonly at: number; readonly text: string }
  | { readonly kind: 'type-value'; readonly at: number; readonly text: string }
  | { readonly kind: 'backspace'; readonly at: number; readonly count: number }
  | { readonly kind: 'paste'; readonly at: number; readonly from: number; readonly length: number }
  | { readonly kind: 'cut'; readonly at: number; readonly length: number }
  | { readonly kind: 'enter'; readonly at: number; readonly indent: number };

const TYPED = [...'abcdefghijklmnopqrstuvwxyz0123456789 :-#"\'[]{},&*!|>%@`äöüß\t\n\r'];

export const editAction: fc.Arbitrary<EditAction> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 8 }).map((c) => c.join('')) }),
  fc.record({ kind: fc.constant('type-value' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('4h', '30 min', 'x', '12', ' Std.', 'PT2H', 'software', 'kontakt-1', '2026-01-01') }),
  fc.record({ kind: fc.constant('backspace' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('enter' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), indent: fc.integer({ min: 0, max: 8 }) }),
);

/**
 * The keystrokes of an action on `text`, each a change of its own (as an editor sends them):
 * typing three characters is three versions of the document.
 */
export function keystrokes(text: string, action: EditAction): TextChange[] {
  const at = Math.min(text.length, Math.floor(action.at * (text.length + 1)));
  switch (action.kind) {
    case 'type':
      return [...action.text].map((character, i) => ({ offset: at + i, deleted: 0, inserted: character }));
    case 'type-value': {
      // Typed at the end of some `key: value` line: the incremental parser's usual case.
      const colon = text.indexOf(': ', at);
      if (colon < 0) return [];
      let end = text.indexOf('\n', colon);
      if (end < 0) end = text.length;
      if (text[end - 1] === '\r') end--;
      return [...action.text].map((character, i) => ({ offset: end + i, deleted: 0, inserted: character }));
    }
    case 'backspace': {
      const changes: TextChange[] = [];
      for (let i = 0; i < action.count && at - i > 0; i++) changes.push({ offset: at - i - 1, deleted: 1, inserted: '' });
      return changes;
    }
    case 'paste': {
      const from = Math.floor(action.from * text.length);
      return [{ offset: at, deleted: 0, inserted: text.slice(from, from + action.length) }];
    }
    case 'cut':
      return [{ offset: at, deleted: Math.min(action.length, text.length - at), inserted: '' }];
    case 'enter': {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      return [{ offset: at, deleted: 0, inserted: eol + ' '.repeat(action.indent) }];
    }
  }
}

/**
 * A change applied as a language server applies it (vscode-languageserver-textdocument): from
 * the LSP range of the change, so that the test's text and the server's stay the same, also where
 * a change splits a CRLF.
 */
export function applyChange(document: TextDocument, change: TextChange): { document: TextDocument; range: Range } {
  const range = { start: document.positionAt(change.offset), end: document.positionAt(change.offset + change.deleted) };
  const next = TextDocument.update(TextDocument.create(document.uri, document.languageId, document.version, document.getText()), [{ range, text: change.inserted }], document.version + 1);
  return { document: next, range };
}
