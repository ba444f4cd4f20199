import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ItemModel, PlanModel } from '../model/plan';
import type { YamlDocument } from '../parse/yamlDocument';
import { field, fieldAt } from '../schema/fieldLookup';
import { partitionPoint } from '../search';
import type { Span } from '../types';
import type { DiagnosticData } from '../validate/diagnostic';
import { pointerSegments } from '../yaml/pointer';
import { shown } from './blocks';

/**
 * Where in the plan a finding lies, as a reader of the document names it: the part of the plan
 * (a scenario by its title, a backup by what it saves, the plan's metadata, …) and the field by
 * its German label from the field table (`schema/fields.ts`), never by YAML keys or line numbers.
 */
export interface FindingPlace {
  /** "Szenario „Ausfall des Storage-Servers“", "Angaben zum Plan", "Plandatei". */
  readonly part: string;
  /** "Wiederherstellungszeit", "Übungen › Ergebnis"; undefined for the part as a whole. */
  readonly field: string | undefined;
}

/** What a finding's place is found from: its span and facts. */
export interface PlacedFinding {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly data: DiagnosticData | undefined;
}

/** A top-level list whose items the document names one by one, and how it names an item. */
interface NamedList {
  readonly items: readonly ItemModel[];
  readonly name: (item: ItemModel) => string;
}

export class FindingPlaces {
  private readonly lists: ReadonlyMap<string, NamedList>;

  constructor(
    private readonly yaml: YamlDocument,
    model: PlanModel,
    scenarioTitle: (index: number) => string,
  ) {
    const named = <T extends ItemModel>(items: readonly T[], name: (item: T) => string): NamedList => ({ items, name: name as NamedList['name'] });
    this.lists = new Map<string, NamedList>([
      ['scenarios', named(model.scenarios, (scenario) => `Szenario „${scenarioTitle(scenario.index)}“`)],
      ['backups', named(model.backups, (backup) => `Datensicherung „${shown(backup.what) ?? backup.id?.value ?? backup.index + 1}“`)],
      ['contacts', named(model.contacts, (contact) => `Ansprechpartner „${contact.name?.value.trim() || contact.id?.value || contact.index + 1}“`)],
      ['components', named(model.components, (component) => `Komponente „${shown(component.nameText) ?? component.id?.value ?? component.index + 1}“`)],
      ['history', named(model.history, (entry) => `Änderungshistorie, Version ${shown(entry.version) ?? entry.index + 1}`)],
    ]);
  }

  of(finding: PlacedFinding): FindingPlace {
    const key = this.topLevelKey(finding.start);
    if (key === undefined) return { part: 'Plandatei', field: undefined };
    const section = field('root', key)?.de.title ?? `„${key}“`;
    const list = this.lists.get(key);
    const item = list ? itemAround(list.items, finding.start) : undefined;
    if (!list || !item) return { part: section, field: this.fieldLabel(finding, 1) };
    const part = list.name(item);
    // Item-level findings (untested, rpo-without-backup, …) stand on the item's first line.
    if (finding.code !== 'missing-field' && sameSpan(finding, item.firstLine)) return { part, field: undefined };
    return { part, field: this.fieldLabel(finding, item.path.length) };
  }

  /** The field's label below the part (`depth` segments of the path name the part itself). */
  private fieldLabel(finding: PlacedFinding, depth: number): string | undefined {
    // A missing field is reported at the mapping that lacks it; its facts name the field.
    if (finding.code === 'missing-field' && typeof finding.data?.field === 'string' && typeof finding.data.path === 'string') {
      const container = pointerSegments(finding.data.path).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
      const missing = fieldAt(container, finding.data.field)?.de.title;
      return missing === undefined ? undefined : [...titlesBelow(container, depth), missing].join(' › ');
    }
    const titles = titlesBelow(pathAt(this.yaml.root, finding.start), depth);
    return titles.length > 0 ? titles.join(' › ') : undefined;
  }

  /**
   * The top-level key whose entry holds `offset`: the last key at or before it (what stands
   * between two entries, comments and blank lines, belongs to the one before).
   */
  private topLevelKey(offset: number): string | undefined {
    const root = this.yaml.root;
    if (!isMap(root)) return undefined;
    const pairs = root.items;
    const index = partitionPoint(pairs.length, (i) => ((pairs[i]?.key as Node | null)?.range?.[0] ?? -1) <= offset) - 1;
    const key = pairs[index]?.key as Node | null | undefined;
    return isScalar(key) ? String(key.value) : undefined;
  }
}

/**
 * The German titles of the keys of `path` from `depth` on (list positions left out); a key the
 * format does not know is named as written, and ends the chain (the message says more).
 */
function titlesBelow(path: readonly (string | number)[], depth: number): string[] {
  const titles: string[] = [];
  for (let i = depth; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const title = fieldAt(path.slice(0, i), key)?.de.title;
    titles.push(title ?? `„${key}“`);
    if (title === undefined) break;
  }
  return titles;
}

/**
 * The keys and list positions down to the innermost key or value at `offset`, be it a scalar or
 * a collection (a wrong `[RZ]` where text belongs): a binary search in each collection on the
 * way, as the items stand in document order.
 */
export function pathAt(root: Node | null, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let here: unknown = root;
  while (isMap(here) || isSeq(here)) {
    const items = here.items as unknown[];
    const startOf = (item: unknown) => (isPair(item) ? ((item.key as Node | null)?.range ?? (item.value as Node | null)?.range)?.[0] : (item as Node | null)?.range?.[0]);
    const index = partitionPoint(items.length, (i) => (startOf(items[i]) ?? -1) <= offset) - 1;
    const item = items[index];
    if (isPair(item)) {
      const key = item.key as Node | null;
      const value = item.value as Node | null;
      if (!isScalar(key)) break;
      if (key.range && offset <= key.range[1]) return [...path, String(key.value)];
      if (!value?.range || offset > value.range[1]) break;
      path.push(String(key.value));
      here = value;
    } else {
      const node = item as Node | null | undefined;
      if (!node?.range || offset > node.range[1]) break;
      path.push(index);
      here = node;
    }
  }
  return path;
}

/** The item of a list (in document order) whose mapping holds `offset`. */
function itemAround<T extends ItemModel>(items: readonly T[], offset: number): T | undefined {
  const index = partitionPoint(items.length, (i) => (items[i] as T).span.start <= offset) - 1;
  const item = items[index];
  return item && item.span.start <= offset && offset <= item.span.end ? item : undefined;
}

function sameSpan(finding: PlacedFinding, span: Span): boolean {
  return finding.start === span.start && finding.end === span.end;
}
