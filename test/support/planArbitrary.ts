import fc from 'fast-check';
import { parse } from 'yaml';
import {
  BACKUP_METHODS,
  CLASSIFICATIONS,
  COMPONENT_KINDS,
  DATABASE_STRATEGIES,
  EXERCISE_KINDS,
  EXERCISE_RESULTS,
  LOAD_BALANCING_METHODS,
  PLAN_STATUSES,
  REPLICATION_METHODS,
  SCENARIO_TYPES,
} from '../../server/src/core/catalog';

/**
 * Random plans for the property tests (test/unit/fuzz*.test.ts, test/lsp/fuzz.test.ts): built
 * from the catalog, with contacts, components, availability, backups, scenarios with steps and
 * exercises and a history; written in block and flow style, with 2- or 4-space indentation,
 * lists under or beside their key, LF or CRLF, comments, anchors and merge keys. Without
 * mistakes a plan is valid and consistent (no error); with mistakes it holds typos of keys,
 * wrong catalog values, durations, references, missing fields: what quick fixes are for.
 *
 * The structure comes from fast-check (so counterexamples shrink to fewer scenarios and simpler
 * styles); the details from a seeded generator inside.
 */
export interface GeneratedPlan {
  readonly text: string;
  /** Every comment written, each text unique: a quick fix must keep them all. */
  readonly comments: readonly string[];
  readonly scenarios: number;
  readonly mistakes: readonly string[];
  readonly style: PlanStyle;
}

export interface PlanStyle {
  readonly indent: 2 | 4;
  readonly eol: '\n' | '\r\n';
  /** `key:\n  - a` (true) or `key:\n- a`. */
  readonly listUnderKey: boolean;
  /** Chance of a collection being written in flow style (`{…}`, `[…]`). */
  readonly flow: number;
  readonly comments: boolean;
  readonly anchors: boolean;
}

export interface PlanOptions {
  readonly minScenarios?: number;
  readonly maxScenarios?: number;
  /** true: always some mistakes; false: never; undefined: either. */
  readonly mistakes?: boolean;
}

export function planArbitrary(options: PlanOptions = {}): fc.Arbitrary<GeneratedPlan> {
  return fc
    .record({
      seed: fc.integer(),
      scenarios: fc.integer({ min: options.minScenarios ?? 1, max: options.maxScenarios ?? 12 }),
      mistakes: options.mistakes === undefined ? fc.integer({ min: 0, max: 4 }) : options.mistakes ? fc.integer({ min: 1, max: 5 }) : fc.constant(0),
      style: fc.record({
        indent: fc.constantFrom<2 | 4>(2, 4),
        eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        listUnderKey: fc.boolean(),
        flow: fc.constantFrom(0, 0.15, 0.5),
        comments: fc.boolean(),
        anchors: fc.boolean(),
      }),
    })
    .map(({ seed, scenarios, mistakes, style }) => generatePlanText(seed, scenarios, mistakes, style));
}

// ---------------------------------------------------------------------------------------------
// A plan as a tree of YAML values with their source text, then written out in a style.

type Scalar = { readonly scalar: string };
type Mapping = { readonly entries: Entry[]; flow?: boolean; anchor?: string };
type List = { readonly items: Value[]; flow?: boolean };
type Value = Scalar | Mapping | List;
interface Entry {
  key: string;
  value: Value;
  /** Merge key: written `<<: *name`. */
  merge?: boolean;
}

const isMapping = (value: Value): value is Mapping => 'entries' in value;
const isList = (value: Value): value is List => 'items' in value;

/** A small seeded generator (mulberry32), so a plan is a function of its seed. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)] as T;
  }
}

const WORDS = ['Server', 'Dienst', 'Prüfung', 'Rechenzentrum', 'Übergabe', 'Größe', 'Netz', 'Backup', 'Zugang', 'Störung', 'Ablauf', 'Maßnahme'];
const NAMES = ['Erika Mustermann', 'Max Müller', 'Jörg Weiß', 'Rufbereitschaft', 'Dr. Anna Schäfer', 'IT-Leitung'];

function text(random: Random, words = 3): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(random.pick(WORDS));
  // Now and then a text that needs quotes in YAML.
  if (random.chance(0.1)) return `${parts.join(' ')}: ${random.pick(['siehe Handbuch', 'Teil 2', '#1'])}`;
  if (random.chance(0.05)) return `${parts.join(', ')} [intern]`;
  return parts.join(' ');
}

/** YAML source of a string: plain where it reads back as the same string, else quoted. */
function str(value: string, random: Random, flow = false): Scalar {
  const plainSafe =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: | #|:$/.test(value) &&
    !(flow && /[,[\]{}]/.test(value)) &&
    safeParse(value) === value;
  if (plainSafe && !random.chance(0.1)) return { scalar: value };
  if (!value.includes("'") && random.chance(0.3)) return { scalar: `'${value}'` };
  return { scalar: JSON.stringify(value) };
}

function safeParse(source: string): unknown {
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}

function raw(source: string): Scalar {
  return { scalar: source };
}

/** A duration of `minutes` in one of the syntaxes authors write. */
function duration(minutes: number, random: Random): Scalar {
  if (minutes === 0) return raw('0');
  const hours = minutes / 60;
  const days = hours / 24;
  const forms: string[] = [`${minutes} min`, `${minutes} Minuten`];
  if (Number.isInteger(hours)) forms.push(`${hours}h`, `${hours} h`, `${hours} Std.`, `${hours} Stunden`, `PT${hours}H`);
  if (Number.isInteger(days) && days > 0) forms.push(`${days} d`, `${days} Tage`, `P${days}D`);
  return raw(random.pick(forms));
}

function date(random: Random, year = 2026, maxMonth = 10): Scalar {
  const month = random.int(1, maxMonth);
  const day = random.int(1, 28);
  return raw(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

function map(...entries: (Entry | undefined | false)[]): Mapping {
  return { entries: entries.filter((entry): entry is Entry => !!entry) };
}

function entry(key: string, value: Value): Entry {
  return { key, value };
}

function list(items: Value[]): List {
  return { items };
}

interface Ids {
  contacts: string[];
  components: string[];
  backups: { id: string; interval: number }[];
}

function buildPlan(random: Random, scenarioCount: number, style: PlanStyle): Mapping {
  const ids: Ids = { contacts: [], components: [], backups: [] };
  const contacts: Mapping[] = [];
  for (let i = 0, n = random.int(1, 4); i < n; i++) {
    const id = `kontakt-${i}`;
    ids.contacts.push(id);
    contacts.push(
      map(
        entry('id', raw(id)),
        entry('name', str(random.pick(NAMES), random)),
        random.chance(0.6) && entry('role', str(text(random, 2), random)),
        random.chance(0.4) && entry('phone', str(`+49 30 ${random.int(100000, 999999)}`, random)),
        random.chance(0.4) && entry('email', str(`person${i}@example.org`, random)),
        random.chance(0.3) && entry('availability', str('24/7', random)),
      ),
    );
  }
  const components: Mapping[] = [];
  for (let i = 0, n = random.int(0, 3); i < n; i++) {
    const id = `komponente-${i}`;
    ids.components.push(id);
    components.push(
      map(
        entry('id', raw(id)),
        entry('kind', raw(random.pick(COMPONENT_KINDS).id)),
        random.chance(0.5) && entry('name', str(text(random, 2), random)),
        random.chance(0.3) && entry('location', str(text(random, 1), random)),
        random.chance(0.3) && entry('redundancy', str(text(random, 2), random)),
      ),
    );
  }
  const backups: Mapping[] = [];
  for (let i = 0, n = random.int(0, 3); i < n; i++) {
    const id = `sicherung-${i}`;
    const interval = random.pick([15, 30, 60, 240, 1440]);
    ids.backups.push({ id, interval });
    backups.push(
      map(
        entry('id', raw(id)),
        entry('what', str(text(random, 2), random)),
        // No replication: a software or operator scenario may name any backup (replica-not-backup).
        entry('method', raw(random.pick(COPYING_METHODS).id)),
        entry('interval', duration(interval, random)),
        random.chance(0.5) && entry('retention', duration(random.pick([7, 14, 30]) * 1440, random)),
        random.chance(0.3) && entry('location', str(text(random, 1), random)),
        random.chance(0.3) && entry('offsite', raw(random.pick(['true', 'false']))),
        random.chance(0.5) && entry('last_restore_test', date(random)),
      ),
    );
  }
  const scenarios: Mapping[] = [];
  const shared = style.anchors ? sharedTimes(random) : undefined;
  for (let i = 0; i < scenarioCount; i++) scenarios.push(scenario(random, i, ids, shared && random.chance(0.3) ? shared : undefined));

  const plan = map(
    entry('title', str(`Notfallplan ${text(random, 1)}`, random)),
    entry('organisation', str('Beispiel GmbH', random)),
    entry('system', str(text(random, 2), random)),
    entry('version', raw(random.pick(['"1.0"', "'2.1'", '3']))),
    random.chance(0.6) && entry('status', raw(random.pick(PLAN_STATUSES).id)),
    random.chance(0.4) && entry('valid_from', date(random)),
    random.chance(0.6) && entry('last_review', date(random, 2026, 11)),
    random.chance(0.5) && entry('review_interval', raw(random.pick(['12 Monate', '6 Monate', 'P1Y', '1 Jahr']))),
    random.chance(0.6) && entry('owner', raw(random.pick(ids.contacts))),
    random.chance(0.4) && entry('classification', raw(random.pick(CLASSIFICATIONS).id)),
    random.chance(0.3) && entry('scope', str(text(random, 4), random)),
  );
  const availability = map(
    entry('target', raw(random.pick(['99.5', '99.9', '98', '99']))),
    random.chance(0.5) && entry('database', map(entry('strategy', raw(random.pick(DATABASE_STRATEGIES).id)), random.chance(0.4) && entry('notes', str(text(random), random)))),
    random.chance(0.5) &&
      entry(
        'load_balancing',
        map(
          entry('method', raw(random.pick(LOAD_BALANCING_METHODS).id)),
          random.chance(0.5) && entry('clients', raw(String(random.int(1, 8)))),
        ),
      ),
    random.chance(0.5) &&
      entry(
        'measurements',
        list(
          Array.from({ length: random.int(1, 2) }, (_, i) =>
            map(
              entry('id', raw(`messung-${i}`)),
              entry('what', str(text(random, 2), random)),
              random.chance(0.5) && entry('tool', str(random.pick(['Zabbix', 'Icinga', 'Prometheus']), random)),
              random.chance(0.5) && entry('interval', duration(random.pick([1, 5, 15]), random)),
              random.chance(0.5) && entry('alert', raw(random.pick(ids.contacts))),
            ),
          ),
        ),
      ),
  );
  const history = list(
    Array.from({ length: random.int(1, 3) }, (_, i) =>
      map(
        entry('version', str(`${i + 1}.0`, random)),
        entry('date', date(random)),
        random.chance(0.5) && entry('author', str(random.pick(NAMES), random)),
        random.chance(0.5) && entry('changes', str(text(random, 3), random)),
      ),
    ),
  );
  return map(
    entry('drplan', raw(random.pick(['"1"', "'1'"]))),
    entry('plan', plan),
    shared && entry('x-zeiten', shared),
    contacts.length > 0 && entry('contacts', list(contacts)),
    components.length > 0 && entry('components', list(components)),
    random.chance(0.6) && entry('availability', availability),
    backups.length > 0 && entry('backups', list(backups)),
    entry('scenarios', list(scenarios)),
    random.chance(0.5) && entry('history', history),
  );
}

/** Times several scenarios share through an anchor and a merge key (`<<: *zeiten`). */
function sharedTimes(random: Random): Mapping {
  const times = map(entry('recovery_time', duration(120, random)), entry('rto', duration(240, random)), entry('rpo', duration(1440, random)));
  times.anchor = 'zeiten';
  return times;
}

/** The backup methods that keep earlier states, which any scenario may restore from. */
const COPYING_METHODS = BACKUP_METHODS.filter((method) => !REPLICATION_METHODS.has(method.id));

function scenario(random: Random, index: number, ids: Ids, shared: Mapping | undefined): Mapping {
  const type = SCENARIO_TYPES[(index + random.int(0, SCENARIO_TYPES.length - 1)) % SCENARIO_TYPES.length] as (typeof SCENARIO_TYPES)[number];
  const recoveryTime = shared ? 120 : random.pick([30, 60, 120, 240, 480]);
  const rto = shared ? 240 : recoveryTime + random.pick([0, 60, 240]);
  const backup = ids.backups.length > 0 && random.chance(0.7) ? random.pick(ids.backups) : undefined;
  const rpo = shared ? 1440 : backup ? backup.interval * random.pick([1, 2, 4]) : random.pick([0, 60, 1440]);
  const steps = random.int(1, 3);
  const recovery = Array.from({ length: steps }, (_, i): Value => {
    const step = str(type.recovery[i] ?? text(random, 3), random);
    if (random.chance(0.5)) return step;
    return map(
      entry('step', step),
      random.chance(0.6) && entry('duration', duration(Math.max(1, Math.floor(recoveryTime / steps)), random)),
      random.chance(0.4) && entry('responsible', raw(random.pick(ids.contacts))),
    );
  });
  const exercises = Array.from({ length: random.int(0, 2) }, () =>
    map(
      entry('date', date(random)),
      random.chance(0.7) && entry('kind', raw(random.pick(EXERCISE_KINDS).id)),
      random.chance(0.7) && entry('recovery_time', duration(Math.max(1, rto - random.pick([0, 15])), random)),
      random.chance(0.5) && entry('data_loss', duration(Math.min(rpo, random.pick([0, 15, 60])), random)),
      random.chance(0.6) && entry('result', raw(random.pick(EXERCISE_RESULTS).id)),
      random.chance(0.3) && entry('notes', str(text(random, 4), random)),
    ),
  );
  const mtpd = random.chance(0.4) ? rto + random.pick([0, 240, 1440]) : undefined;
  return map(
    entry('id', raw(`szenario-${index}`)),
    entry('category', raw(type.category)),
    entry('type', raw(type.id)),
    random.chance(0.4) && entry('title', str(`${type.label.de} ${index}`, random)),
    random.chance(0.3) && entry('description', str(text(random, 5), random)),
    ids.components.length > 0 && random.chance(0.4) && entry('affects', list([raw(random.pick(ids.components))])),
    entry('prevention', list((type.prevention.length > 0 ? type.prevention.slice(0, random.int(1, 2)) : [text(random, 2)]).map((step) => str(step, random)))),
    entry('recovery', list(recovery)),
    shared ? { key: '<<', value: raw('*zeiten'), merge: true } : entry('recovery_time', duration(recoveryTime, random)),
    !shared && entry('rto', duration(rto, random)),
    mtpd !== undefined && entry('mtpd', duration(mtpd, random)),
    !shared && entry('rpo', duration(rpo, random)),
    backup && entry('backup', raw(backup.id)),
    random.chance(0.4) && entry('responsible', raw(random.pick(ids.contacts))),
    exercises.length > 0 && entry('exercises', list(exercises)),
  );
}

// ---------------------------------------------------------------------------------------------
// Mistakes: what authors get wrong, and quick fixes put right.

const KEY_TYPOS: Readonly<Record<string, string>> = {
  recovery_time: 'recovery_tme',
  prevention: 'preventon',
  description: 'descripton',
  category: 'categroy',
  responsible: 'responsibel',
  interval: 'intervall',
  name: 'nmae',
  title: 'tilte',
};

function addMistakes(random: Random, root: Mapping, count: number): string[] {
  const made: string[] = [];
  const scenarios = (root.entries.find((e) => e.key === 'scenarios')?.value as List).items as Mapping[];
  const someScenario = () => random.pick(scenarios);
  const set = (mapping: Mapping, key: string, value: Value) => {
    const found = mapping.entries.find((e) => e.key === key);
    if (found) found.value = value;
  };
  for (let i = 0; i < count; i++) {
    const kind = random.pick(['typo-key', 'bad-enum', 'bad-duration', 'missing-field', 'bad-reference', 'category-mismatch', 'version-number', 'bad-date', 'duplicate-id', 'boolean-word']);
    const scenario = someScenario();
    switch (kind) {
      case 'typo-key': {
        const candidates = scenario.entries.filter((e) => KEY_TYPOS[e.key]);
        const target = candidates.length > 0 ? random.pick(candidates) : undefined;
        if (target) target.key = KEY_TYPOS[target.key] as string;
        break;
      }
      case 'bad-enum':
        set(scenario, 'category', raw(random.pick(['hardwar', 'sofware', 'operater'])));
        break;
      case 'bad-duration':
        set(scenario, random.pick(['rto', 'recovery_time', 'rpo']), raw(random.pick(['30m', '4', '4 hrs', '2 days', '1,5h', 'vier Stunden'])));
        break;
      case 'missing-field': {
        const key = random.pick(['rto', 'prevention', 'category', 'recovery']);
        const at = scenario.entries.findIndex((e) => e.key === key);
        if (at > 0) scenario.entries.splice(at, 1);
        break;
      }
      case 'bad-reference':
        if (scenario.entries.some((e) => e.key === 'responsible')) set(scenario, 'responsible', raw('kontakt-99'));
        else scenario.entries.push(entry('responsible', raw('kontakt-99')));
        break;
      case 'category-mismatch': {
        const category = scenario.entries.find((e) => e.key === 'category');
        if (category && 'scalar' in category.value) category.value = raw(category.value.scalar === 'hardware' ? 'software' : 'hardware');
        break;
      }
      case 'version-number':
        set(root, 'drplan', raw('1'));
        break;
      case 'bad-date':
        set(root.entries.find((e) => e.key === 'plan')?.value as Mapping, 'last_review', raw('2026-13-01'));
        break;
      case 'duplicate-id':
        set(scenario, 'id', raw('szenario-0'));
        break;
      case 'boolean-word': {
        const backups = root.entries.find((e) => e.key === 'backups')?.value;
        const first = backups && isList(backups) ? (backups.items[0] as Mapping) : undefined;
        if (first) {
          const word = raw(random.pick(['ja', 'nein']));
          if (first.entries.some((e) => e.key === 'offsite')) set(first, 'offsite', word);
          else first.entries.push(entry('offsite', word));
        }
        break;
      }
    }
    made.push(kind);
  }
  return made;
}

// ---------------------------------------------------------------------------------------------
// Writing it out.

class Writer {
  readonly lines: string[] = [];
  readonly comments: string[] = [];
  private commentNumber = 0;

  constructor(
    private readonly random: Random,
    private readonly style: PlanStyle,
  ) {}

  private comment(): string | undefined {
    if (!this.style.comments || !this.random.chance(0.15)) return undefined;
    const comment = `# Anmerkung ${++this.commentNumber}: ${text(this.random, 2)}`;
    this.comments.push(comment);
    return comment;
  }

  /** Decides once per collection whether it is written in flow style. */
  private flowOf(value: Mapping | List): boolean {
    value.flow ??= this.random.chance(this.style.flow);
    return value.flow;
  }

  flow(value: Value): string {
    if ('scalar' in value) return value.scalar;
    if (isMapping(value)) {
      const anchor = value.anchor ? `&${value.anchor} ` : '';
      return `${anchor}{${value.entries.map((e) => `${e.key}: ${this.flowScalar(e.value)}`).join(', ')}}`;
    }
    return `[${value.items.map((item) => this.flowScalar(item)).join(', ')}]`;
  }

  /** Inside `{…}`/`[…]`, a plain scalar with a comma or bracket must be quoted. */
  private flowScalar(value: Value): string {
    if ('scalar' in value) return /^[^"'].*[,[\]{}]/.test(value.scalar) ? JSON.stringify(value.scalar) : value.scalar;
    return this.flow(value);
  }

  mapping(value: Mapping, indent: number): void {
    const pad = ' '.repeat(indent);
    for (const e of value.entries) {
      const before = this.comment();
      if (before) this.lines.push(pad + before);
      this.entry(e, indent);
    }
  }

  private entry(e: Entry, indent: number): void {
    const pad = ' '.repeat(indent);
    const value = e.value;
    if ('scalar' in value || this.flowOf(value)) {
      const trailing = this.comment();
      this.lines.push(`${pad}${e.key}: ${this.flow(value)}${trailing ? `  ${trailing}` : ''}`);
      return;
    }
    if (isMapping(value)) {
      this.lines.push(`${pad}${e.key}:${value.anchor ? ` &${value.anchor}` : ''}`);
      this.mapping(value, indent + this.style.indent);
      return;
    }
    this.lines.push(`${pad}${e.key}:`);
    this.list(value, this.style.listUnderKey ? indent + this.style.indent : indent);
  }

  list(value: List, dashIndent: number): void {
    const pad = ' '.repeat(dashIndent);
    for (const item of value.items) {
      if ('scalar' in item || this.flowOf(item)) {
        const trailing = this.comment();
        this.lines.push(`${pad}- ${this.flow(item)}${trailing ? `  ${trailing}` : ''}`);
        continue;
      }
      if (isMapping(item)) {
        // The first entry on the dash's line, the others below it.
        const [first, ...rest] = item.entries;
        if (!first) {
          this.lines.push(`${pad}- {}`);
          continue;
        }
        const start = this.lines.length;
        this.entry(first, dashIndent + 2);
        this.lines[start] = `${pad}- ${(this.lines[start] as string).slice(dashIndent + 2)}`;
        this.mapping({ entries: rest }, dashIndent + 2);
        continue;
      }
      this.lines.push(`${pad}- ${this.flow(item)}`);
    }
  }
}

export function generatePlanText(seed: number, scenarios: number, mistakeCount: number, style: PlanStyle): GeneratedPlan {
  const random = new Random(seed);
  const root = buildPlan(random, scenarios, style);
  const mistakes = mistakeCount > 0 ? addMistakes(random, root, mistakeCount) : [];
  const writer = new Writer(random, style);
  if (style.comments) {
    const header = `# Notfallplan, erzeugt aus Startwert ${seed}`;
    writer.lines.push(header);
    writer.comments.push(header);
  }
  for (const e of root.entries) {
    // Top-level sections stay in block style: the top level is what an author sees first.
    if (isMapping(e.value) || isList(e.value)) e.value.flow = e.key === 'x-zeiten' ? e.value.flow : false;
    writer.mapping({ entries: [e] }, 0);
  }
  const text = writer.lines.join(style.eol) + style.eol;
  return { text, comments: writer.comments, scenarios, mistakes, style };
}
