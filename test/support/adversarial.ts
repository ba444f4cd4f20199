import { generatePlan } from '../../bench/generatePlan';

/**
 * Adversarial plans for the timing properties (test/unit/timing.test.ts): a valid plan with one
 * value, key, comment or list item replaced by a long run of what regular expressions choke on
 * (blanks, quotes, colons, `#`, brackets, backslashes, line separators, unbroken words) or a mix of
 * them, and the places in it where an editor asks something (on the line, inside the run, after
 * it, on the next line).
 */

/** Where in the plan the run stands: the line that holds it, `P` marks it. */
export interface Slot {
  readonly name: string;
  /** The plan's line (or lines) with `P` for the run, and the line of the plan it replaces. */
  readonly line: string;
  readonly replaces: string;
}

export const SLOTS: readonly Slot[] = [
  { name: 'plain title', line: '  title: P', replaces: '  title: Notfallplan mit 3 Szenarien' },
  // Issue 13: completion beside `availability: "a<200,000 blanks>b"` blocked the server 57 s.
  { name: 'quoted contact field', line: '    name: Rufbereitschaft\n    availability: "aPb"', replaces: '    name: Rufbereitschaft' },
  // Issue 13: `drplan check` quoting `review_interval: "<320,000 blanks>x"` took 107 s.
  { name: 'quoted duration', line: '  review_interval: "Px"', replaces: '  review_interval: 12 Monate' },
  { name: 'single-quoted description', line: "    description: 'P'", replaces: '    description: Szenario Nummer 1 des generierten Plans, mit allen Feldern, die ein echter Plan hat.' },
  { name: 'reference', line: '    responsible: P', replaces: '    responsible: bereitschaft' },
  { name: 'flow list', line: '    affects: [storage-1, P]', replaces: '    affects: [storage-1]' },
  { name: 'comment', line: '    rto: 8h # P', replaces: '    rto: 8h' },
  { name: 'key', line: '  P: 1', replaces: '  owner: it-leitung' },
  { name: 'list item', line: '      - P', replaces: '      - Ersatzteile vorhalten' },
  { name: 'block scalar', line: '    what: |\n      P', replaces: '    what: ZODB und Blobs' },
  { name: 'id', line: '  - id: P', replaces: '  - id: szenario-2' },
  { name: 'plain duration', line: '    interval: P', replaces: '    interval: 4h' },
];

/** What a run is made of: one unit repeated, or a pattern of several. */
export interface RunKind {
  readonly name: string;
  /** The run of about `bytes` bytes of UTF-8. */
  readonly run: (bytes: number) => string;
}

function repeated(name: string, unit: string): RunKind {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  return { name, run: (bytes) => unit.repeat(Math.max(1, Math.floor(bytes / unitBytes))) };
}

/** `open` × n then `close` × n: nested brackets. */
function nested(name: string, open: string, close: string): RunKind {
  const bytes = Buffer.byteLength(open + close, 'utf8');
  return { name, run: (size) => `${open.repeat(Math.floor(size / bytes))}${close.repeat(Math.floor(size / bytes))}` };
}

export const RUN_KINDS: readonly RunKind[] = [
  repeated('blanks', ' '),
  repeated('tabs', '\t'),
  { name: 'blanks, then a word', run: (bytes) => `${' '.repeat(bytes - 1)}x` },
  repeated('double quotes', '"'),
  repeated('single quotes', "'"),
  repeated('colons', ':'),
  repeated('colons and blanks', ': '),
  repeated('hashes', '#'),
  repeated('blank hashes', ' #'),
  repeated('dashes and blanks', '- '),
  repeated('dashes', '-'),
  repeated('commas', ', '),
  repeated('backslashes', '\\'),
  repeated('escaped quotes', '\\"'),
  repeated('open brackets', '['),
  repeated('open braces', '{'),
  nested('nested brackets', '[', ']'),
  nested('nested braces', '{a: ', '}'),
  nested('nested mixed', '[{', '}]'),
  repeated('anchors and aliases', '&a *a '),
  repeated('tag marks', '!'),
  repeated('block indicators', '|>'),
  repeated('percent, at, backtick', '%@`'),
  repeated('markdown', '*_[](<>)~'),
  repeated('urls', 'https://www.a.b/ '),
  repeated('digits', '1'),
  repeated('decimal points', '1.'),
  repeated('umlauts', 'äöüß'),
  repeated('emoji', '😀'),
  repeated('line separators', '\u2028'),
  repeated('lone carriage returns', ' \r'),
  repeated('bidi controls', '\u202e\u2066'),
  repeated('one long word', 'x'),
  { name: 'blank runs and terminators', run: (bytes) => `${' '.repeat(bytes >> 1)}x\u2028${' '.repeat(bytes >> 1)}\ry` },
];

/** Every unit of RUN_KINDS, for runs that mix them. */
export const MIX_UNITS: readonly string[] = [' ', '\t', '"', "'", ':', ': ', '#', ' #', '- ', '-', ', ', '\\', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '1', '.', 'ä', '😀', '\u2028', '\r', 'x', 'www.', '://', '<', '~'];

/**
 * A run of about `bytes` bytes that repeats `pattern` (units of MIX_UNITS, each `times` often
 * in a row): a few units mixed, at scale.
 */
export function mixedRun(pattern: readonly { unit: string; times: number }[], bytes: number): string {
  const block = pattern.map(({ unit, times }) => unit.repeat(times)).join('');
  const blockBytes = Math.max(1, Buffer.byteLength(block, 'utf8'));
  return block.repeat(Math.max(1, Math.floor(bytes / blockBytes)));
}

/** A plan with `run` in `slot`, and the places to ask about. */
export interface AdversarialPlan {
  readonly text: string;
  /** Offsets: the slot line's start, the run's start, middle and end, the line's end, the next line's start. */
  readonly places: Readonly<Record<Place, number>>;
}

export type Place = 'line start' | 'run start' | 'run middle' | 'run end' | 'line end' | 'next line';

export const BASE_PLAN = generatePlan(3);

export function adversarialPlan(slot: Slot, run: string): AdversarialPlan {
  const at = BASE_PLAN.indexOf(slot.replaces);
  if (at < 0) throw new Error(`slot ${slot.name}: no line '${slot.replaces}' in the plan`);
  const marker = slot.line.indexOf('P');
  const line = slot.line.slice(0, marker) + run + slot.line.slice(marker + 1);
  const text = BASE_PLAN.slice(0, at) + line + BASE_PLAN.slice(at + slot.replaces.length);
  const runStart = at + marker;
  const runEnd = runStart + run.length;
  const lineEnd = at + line.length;
  // The middle of the run, not between the halves of a surrogate pair.
  let middle = runStart + (run.length >> 1);
  if (middle > runStart && isLowSurrogate(text.charCodeAt(middle))) middle--;
  return {
    text,
    places: {
      'line start': at + slot.line.lastIndexOf('\n') + 1,
      'run start': runStart,
      'run middle': middle,
      'run end': runEnd,
      'line end': lineEnd,
      'next line': lineEnd + 1,
    },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
