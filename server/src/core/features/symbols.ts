import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { categoryById, componentKindById, scenarioTypeById } from '../catalog';
import { parseDuration } from '../duration';
import { say } from '../i18n/messages';
import { outlineWords, sectionNames, type SectionKey } from '../i18n/navigation';
import type { MapEntry } from '../parse/yamlDocument';
import type { Locale, Span } from '../types';

/**
 * The outline of a plan (document symbols): its sections in document order, each with its items
 * named the way an author looks for them (a scenario by its title, a contact by name, a backup by
 * its id), and the scenarios grouped by category.
 *
 * Symbol kinds, chosen for the icons editors show:
 *
 * | what | kind |
 * | --- | --- |
 * | Plan, Alarmierung, Verfügbarkeit (mappings) | Module |
 * | Kontakte, Eskalationsstufen, Komponenten, Messungen, Backups, Szenarien, Historie (lists) | Array |
 * | a category of scenarios | Namespace |
 * | a scenario (a failure event) | Event |
 * | a contact | Object |
 * | a level of escalation (one of an ordered set) | EnumMember |
 * | a component | Class |
 * | a measurement (a periodic check) | Method |
 * | a backup job | Function |
 * | a version in the history | Constant |
 *
 * `range` covers the whole item (from its `-`), `selectionRange` the value it is named by. A
 * category of scenarios is selected on the first line of its first scenario: VS Code's sticky
 * scroll shows a symbol at the line its selection starts on, and shows them in the order of the
 * outline, so a group must not start below its first scenario.
 */
export function documentSymbols(analysis: Analysis, locale: Locale): DocumentSymbol[] {
  return new OutlineBuilder(analysis, locale).build();
}

type Entries = ReadonlyMap<string, MapEntry>;

/** The top-level sections the outline shows, by their key. */
type TopSection = Exclude<SectionKey, 'measurements' | 'levels'>;
const SECTIONS: readonly TopSection[] = ['plan', 'contacts', 'alerting', 'components', 'availability', 'backups', 'scenarios', 'history'];

/** An item of a list as written (maybe an alias): the entries of the mapping it stands for. */
interface ListItem {
  readonly entries: Entries;
  readonly index: number;
  /** From its `-` to its last character. */
  readonly span: Span;
}

class OutlineBuilder {
  private readonly text: string;

  constructor(
    private readonly analysis: Analysis,
    private readonly locale: Locale,
  ) {
    this.text = analysis.text;
  }

  build(): DocumentSymbol[] {
    const { yaml } = this.analysis;
    const root = yaml.resolve(yaml.root);
    if (!isMap(root)) return [];
    const symbols: DocumentSymbol[] = [];
    const entries = yaml.entries(root);
    for (const key of SECTIONS) {
      const entry = entries.get(key);
      if (entry) symbols.push(this.section(key, entry));
    }
    return symbols.sort((a, b) => compareRanges(a, b));
  }

  private section(key: TopSection, entry: MapEntry): DocumentSymbol {
    const keySpan = this.spanOf(entry.keyNode);
    const span = this.sectionSpan(entry);
    const name = say(sectionNames[key], this.locale);
    const value = entry.value;
    switch (key) {
      case 'plan': {
        const title = isMap(value) ? this.string(this.analysis.yaml.entries(value), 'title') : undefined;
        return this.symbol(name, title, SymbolKind.Module, span, keySpan, []);
      }
      case 'availability': {
        const availability = isMap(value) ? this.analysis.yaml.entries(value) : undefined;
        const target = availability?.get('target')?.value;
        const detail =
          isScalar(target) && typeof target.value === 'number' ? say(outlineWords.target(target.value), this.locale) : undefined;
        const measurements = availability?.get('measurements');
        const children = measurements ? [this.list('measurements', measurements, (item) => this.measurement(item))] : [];
        return this.symbol(name, detail, SymbolKind.Module, span, keySpan, children);
      }
      case 'alerting': {
        const levels = isMap(value) ? this.analysis.yaml.entries(value).get('levels') : undefined;
        const children = levels ? [this.list('levels', levels, (item) => this.level(item))] : [];
        return this.symbol(name, undefined, SymbolKind.Module, span, keySpan, children);
      }
      case 'contacts':
        return this.list(key, entry, (item) => this.contact(item));
      case 'components':
        return this.list(key, entry, (item) => this.component(item));
      case 'backups':
        return this.list(key, entry, (item) => this.backup(item));
      case 'history':
        return this.list(key, entry, (item) => this.version(item));
      case 'scenarios':
        return this.scenarios(entry);
    }
  }

  /** From the key to the end of its value. */
  private sectionSpan(entry: MapEntry): Span {
    const keySpan = this.spanOf(entry.keyNode);
    return { start: keySpan.start, end: entry.written ? Math.max(keySpan.end, this.spanOf(entry.written).end) : keySpan.end };
  }

  /** A list section: its items, each made a symbol by `item`. */
  private list(key: SectionKey, entry: MapEntry, item: (item: ListItem) => DocumentSymbol): DocumentSymbol {
    const items = this.items(entry);
    return this.listSymbol(key, entry, items.map(item));
  }

  private listSymbol(key: SectionKey, entry: MapEntry, children: DocumentSymbol[]): DocumentSymbol {
    const count = String(isSeq(entry.value) ? entry.value.items.length : 0);
    return this.symbol(say(sectionNames[key], this.locale), count, SymbolKind.Array, this.sectionSpan(entry), this.spanOf(entry.keyNode), children);
  }

  /** The mappings of a list as written; other items (half-typed, scalars) are no symbols. */
  private items(entry: MapEntry): ListItem[] {
    const { yaml } = this.analysis;
    const seq = entry.value;
    if (!isSeq(seq)) return [];
    const items: ListItem[] = [];
    seq.items.forEach((node, index) => {
      const map = yaml.resolve(node as Node);
      if (!isMap(map)) return;
      const span = this.spanOf(node as Node);
      items.push({ entries: yaml.entries(map), index, span: { start: this.dashBefore(span.start), end: span.end } });
    });
    return items;
  }

  private contact(item: ListItem): DocumentSymbol {
    return this.itemSymbol(item, 'contacts', ['name', 'id'], this.string(item.entries, 'role'), SymbolKind.Object);
  }

  private level(item: ListItem): DocumentSymbol {
    const within = this.durationValue(item.entries, 'within');
    const detail = within === undefined ? undefined : say(outlineWords.within({ de: within, en: within }), this.locale);
    return this.itemSymbol(item, 'levels', ['name', 'id'], detail, SymbolKind.EnumMember);
  }

  private component(item: ListItem): DocumentSymbol {
    const kind = this.string(item.entries, 'kind');
    const label = kind === undefined ? undefined : (componentKindById(kind)?.label[this.locale] ?? kind);
    return this.itemSymbol(item, 'components', ['name', 'id'], label, SymbolKind.Class);
  }

  private measurement(item: ListItem): DocumentSymbol {
    return this.itemSymbol(item, 'measurements', ['id'], this.every(item.entries), SymbolKind.Method);
  }

  private backup(item: ListItem): DocumentSymbol {
    return this.itemSymbol(item, 'backups', ['id'], this.every(item.entries), SymbolKind.Function);
  }

  private version(item: ListItem): DocumentSymbol {
    const date = this.string(item.entries, 'date');
    const author = this.string(item.entries, 'author');
    const detail = [date, author].filter((part) => part !== undefined).join(' · ') || undefined;
    return this.itemSymbol(item, 'history', ['version'], detail, SymbolKind.Constant);
  }

  /** Szenarien: grouped by category, in the order the categories first appear. */
  private scenarios(entry: MapEntry): DocumentSymbol {
    const groups = new Map<string, { category: string | undefined; members: ListItem[] }>();
    for (const item of this.items(entry)) {
      const category = this.string(item.entries, 'category');
      const key = category ?? '';
      const group = groups.get(key);
      if (group) group.members.push(item);
      else groups.set(key, { category, members: [item] });
    }
    const children = [...groups.values()].map(({ category, members }) => {
      const scenarios = members.map((item) => this.scenario(item));
      const first = members[0] as ListItem;
      const span = { start: first.span.start, end: members.reduce((end, member) => Math.max(end, member.span.end), first.span.end) };
      const name =
        category === undefined ? say(outlineWords.noCategory, this.locale) : (categoryById(category)?.label[this.locale] ?? category);
      // On the first scenario's first line, not its `category:` line below: see documentSymbols.
      return this.symbol(name, String(members.length), SymbolKind.Namespace, span, this.firstLine(first.span), scenarios);
    });
    return this.listSymbol('scenarios', entry, children);
  }

  /** A scenario by its title, else the catalog's German title of its type (the format's default title). */
  private scenario(item: ListItem): DocumentSymbol {
    const title = this.string(item.entries, 'title');
    const type = this.string(item.entries, 'type');
    const typeTitle = type === undefined ? undefined : scenarioTypeById(type)?.label.de;
    const names = title !== undefined ? ['title'] : typeTitle !== undefined ? [] : ['id'];
    const detail = `RTO ${this.duration(item.entries, 'rto')} · RPO ${this.duration(item.entries, 'rpo')}`;
    const symbol = this.itemSymbol(item, 'scenarios', names, detail, SymbolKind.Event);
    // Named by its type's title: the id is what the author wrote, so it is what gets selected.
    if (title === undefined && typeTitle !== undefined) {
      const id = item.entries.get('id')?.written;
      const selection = (id && this.inside(this.spanOf(id), item.span)) ?? this.firstLine(item.span);
      return { ...symbol, name: typeTitle, selectionRange: this.analysis.yaml.index.rangeOf(selection) };
    }
    return symbol;
  }

  /**
   * A list item, named by the first of `keys` that holds a text; its selection range is that
   * text where it is written inside the item (not in a mapping merged in from elsewhere).
   */
  private itemSymbol(item: ListItem, section: SectionKey, keys: readonly string[], detail: string | undefined, kind: SymbolKind): DocumentSymbol {
    for (const key of keys) {
      const name = this.string(item.entries, key);
      if (name === undefined) continue;
      const written = item.entries.get(key)?.written;
      const selection = (written && this.inside(this.spanOf(written), item.span)) ?? this.firstLine(item.span);
      return this.symbol(name, detail, kind, item.span, selection, []);
    }
    return this.symbol(say(outlineWords.untitled(section, item.index), this.locale), detail, kind, item.span, this.firstLine(item.span), []);
  }

  private symbol(name: string, detail: string | undefined, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[]): DocumentSymbol {
    const index = this.analysis.yaml.index;
    const symbol: DocumentSymbol = { name, kind, range: index.rangeOf(span), selectionRange: index.rangeOf(selection), children };
    if (detail) symbol.detail = detail;
    return symbol;
  }

  /** A text value, on one line and not blank (editors refuse symbols with blank names). */
  private string(entries: Entries, key: string): string | undefined {
    const value = entries.get(key)?.value;
    if (!isScalar(value)) return undefined;
    const raw = value.value;
    if (typeof raw === 'number') return String(raw);
    if (typeof raw !== 'string') return undefined;
    return oneLine(raw);
  }

  /** "alle 4 h": the interval of a backup or a measurement. */
  private every(entries: Entries): string | undefined {
    const interval = this.durationValue(entries, 'interval');
    return interval === undefined ? undefined : say(outlineWords.every({ de: interval, en: interval }), this.locale);
  }

  /** A duration field for the detail: short ("8 h"), as written when it is no duration, "–" when missing. */
  private duration(entries: Entries, key: string): string {
    return this.durationValue(entries, key) ?? '–';
  }

  private durationValue(entries: Entries, key: string): string | undefined {
    const value = entries.get(key)?.value;
    if (!isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) return undefined;
    const duration = parseDuration(value.value);
    return duration.ok ? shortDuration(duration.minutes, this.locale) : oneLine(String(value.value));
  }

  private spanOf(node: Node): Span {
    const [start, end] = this.analysis.yaml.span(node);
    return { start, end: this.trimEnd(start, end) };
  }

  /** Block nodes end after their line break (and a block scalar's blank lines): not part of the item. */
  private trimEnd(start: number, end: number): number {
    let last = end;
    while (last > start && isBlank(this.text.charCodeAt(last - 1))) last--;
    return last;
  }

  /** A block list item begins at its `-` (on its line or the one before): the range starts there. */
  private dashBefore(start: number): number {
    let at = start - 1;
    while (at >= 0 && isBlank(this.text.charCodeAt(at))) at--;
    return at >= 0 && this.text.charCodeAt(at) === DASH ? at : start;
  }

  /** `span` when it lies inside `outer`: a value merged in from elsewhere cannot select the item. */
  private inside(span: Span, outer: Span): Span | undefined {
    return span.start >= outer.start && span.end <= outer.end ? span : undefined;
  }

  private firstLine(span: Span): Span {
    const line = this.analysis.yaml.index.restOfLine(span.start);
    return { start: span.start, end: Math.min(line.end, span.end) };
  }
}

const DASH = 45;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A text for a symbol's name or detail: on one line, trimmed; undefined when blank. */
function oneLine(text: string): string | undefined {
  // Nearly every name already is one line: test before building a new string.
  const simple = !/[\t\n\r]|\s\s/.test(text) && !isBlank(text.charCodeAt(0)) && !isBlank(text.charCodeAt(text.length - 1));
  if (simple) return text === '' ? undefined : text;
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

function compareRanges(a: DocumentSymbol, b: DocumentSymbol): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

interface ShortUnit {
  readonly minutes: number;
  readonly de: string;
  readonly en: string;
}

const DAY = 24 * 60;
/** Units from days up, largest first, as written in tables: "2 Tg.", "6 Mon.". */
const LONG_UNITS: readonly ShortUnit[] = [
  { minutes: 365 * DAY, de: 'J.', en: 'y' },
  { minutes: 30 * DAY, de: 'Mon.', en: 'mo' },
  { minutes: 7 * DAY, de: 'Wo.', en: 'wk' },
  { minutes: DAY, de: 'Tg.', en: 'd' },
];

/**
 * A duration in the few characters an outline has room for: "30 min", "8 h", "1,5 h", "2 Tg.".
 * Like formatDuration: the largest unit from days up that divides it whole, from two of that unit
 * on (so 24 and 36 hours stay hours, as RTOs are usually given); otherwise hours, or minutes.
 */
export function shortDuration(minutes: number, locale: Locale): string {
  if (minutes === 0) return '0';
  const long = LONG_UNITS.find((unit) => minutes >= 2 * unit.minutes && minutes % unit.minutes === 0);
  const [amount, unit] = long ? [minutes / long.minutes, long[locale]] : minutes >= 60 ? [minutes / 60, 'h'] : [minutes, 'min'];
  const rounded = String(Math.round(amount * 100) / 100);
  return `${locale === 'de' ? rounded.replace('.', ',') : rounded} ${unit}`;
}
