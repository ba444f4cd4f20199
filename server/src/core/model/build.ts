import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseDate } from '../date';
import { parseDuration } from '../duration';
import type { MapEntry, YamlDocument } from '../parse/yamlDocument';
import { mappingOf, referringFields } from '../schema/fields';
import type { Located, Span } from '../types';
import type {
  AvailabilityModel,
  BackupModel,
  ComponentModel,
  ContactModel,
  DateField,
  DurationField,
  ExerciseModel,
  HistoryModel,
  IdentifiedItem,
  ItemModel,
  MeasurementModel,
  PlanMetaModel,
  PlanModel,
  RecoveryStepModel,
  ReferenceModel,
  ScenarioModel,
} from './plan';

type Entries = ReadonlyMap<string, MapEntry>;
type Path = readonly (string | number)[];

/**
 * What an incremental build may take over from the previous version's model: every item of a
 * top-level list whose YAML node is unchanged (the patch kept the node objects), its offsets
 * moved by `delta` from `from` on.
 */
export interface ModelReuse {
  readonly previous: PlanModel;
  readonly from: number;
  readonly delta: number;
}

/** Builds the plan model in one walk over the YAML (or over the one item that changed). */
export function buildPlanModel(yaml: YamlDocument, reuse?: ModelReuse): PlanModel {
  const reusable = reuse ? reusableItems(reuse.previous) : undefined;

  const spanOf = (node: Node): Span => {
    const range = node.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  };

  const scalar = <T>(entries: Entries, key: string, accept: (value: unknown) => value is T): Located<T> | undefined => {
    const entry = entries.get(key);
    if (!entry?.written || !isScalar(entry.value)) return undefined;
    const value = entry.value.value;
    if (!accept(value)) return undefined;
    const range = entry.written.range;
    return range ? { value, start: range[0], end: range[1] } : { value, start: 0, end: 0 };
  };
  const text = (entries: Entries, key: string) => scalar(entries, key, isString);
  const number = (entries: Entries, key: string) => scalar(entries, key, isNumber);

  const duration = (entries: Entries, key: string): DurationField | undefined => {
    const located = scalar(entries, key, isStringOrNumber);
    if (!located) return undefined;
    const result = parseDuration(located.value);
    return {
      value: located.value,
      start: located.start,
      end: located.end,
      duration: result,
      minutes: result.ok ? result.minutes : undefined,
    };
  };
  const date = (entries: Entries, key: string): DateField | undefined => {
    const located = scalar(entries, key, isString);
    if (!located) return undefined;
    return { value: located.value, start: located.start, end: located.end, day: parseDate(located.value) };
  };

  /** The mappings of a list, each with its entries; other items are the schema's business. */
  const mappings = (entries: Entries | undefined, key: string, path: Path): { map: YAMLMap; entries: Entries; item: ItemModel }[] => {
    const seq = entries?.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: { map: YAMLMap; entries: Entries; item: ItemModel }[] = [];
    seq.items.forEach((written, index) => {
      const map = yaml.resolve(written as Node);
      if (!isMap(map)) return;
      const [start] = yaml.span(written as Node);
      result.push({
        map,
        entries: yaml.entries(map),
        item: { node: map, index, firstLine: yaml.index.restOfLine(start), path: [...path, key, index] },
      });
    });
    return result;
  };
  /**
   * The items of a top-level list: taken over from the previous model where their node is
   * unchanged (moved to their new offsets), built where new.
   */
  const topList = <T extends ItemModel>(key: string, build: (entries: Entries, item: ItemModel) => T): T[] => {
    const seq = top?.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: T[] = [];
    seq.items.forEach((written, index) => {
      const known = reusable?.get(written as Node);
      if (known && known.index === index && reuse) {
        result.push(moveSpans(known, reuse.from, reuse.delta) as T);
        return;
      }
      const map = yaml.resolve(written as Node);
      if (!isMap(map)) return;
      const [start] = yaml.span(written as Node);
      result.push(build(yaml.entries(map), { node: map, index, firstLine: yaml.index.restOfLine(start), path: [key, index] }));
    });
    return result;
  };
  const identified = (entries: Entries, item: ItemModel): IdentifiedItem => ({
    ...item,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
  });

  const references = (entries: Entries, key: string): Located<string>[] => {
    const seq = entries.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: Located<string>[] = [];
    for (const written of seq.items) {
      const node = yaml.resolve(written as Node);
      if (isScalar(node) && typeof node.value === 'string') {
        result.push({ value: node.value, ...spanOf(written as Node) });
      }
    }
    return result;
  };

  /**
   * Every reference inside a mapping of `definition`, nested mappings (recovery steps,
   * exercises) included: the field table says which keys are references and where they nest.
   */
  const referencesIn = (definition: string, map: YAMLMap, into: ReferenceModel[] = []): ReferenceModel[] => {
    const fields = referringFields(definition);
    if (fields.length === 0) return into;
    const entries = yaml.entries(map);
    for (const spec of fields) {
      if (spec.kind === 'reference') {
        const located = text(entries, spec.key);
        if (located) into.push({ ...located, list: spec.list, key: spec.key, node: map });
      } else if (spec.kind === 'references') {
        for (const located of references(entries, spec.key)) into.push({ ...located, list: spec.list, key: spec.key, node: map });
      } else {
        const mapping = mappingOf(spec);
        const value = entries.get(spec.key)?.value ?? null;
        if (mapping === undefined || value === null) continue;
        for (const written of isSeq(value) ? value.items : [value]) {
          const child = yaml.resolve(written as Node);
          if (isMap(child)) referencesIn(mapping, child, into);
        }
      }
    }
    return into;
  };

  const root = yaml.resolve(yaml.root);
  const top = isMap(root) ? yaml.entries(root) : undefined;
  const section = (key: string): { map: YAMLMap; entries: Entries } | undefined => {
    const value = top?.get(key)?.value;
    return isMap(value) ? { map: value, entries: yaml.entries(value) } : undefined;
  };

  const planSection = section('plan');
  const plan: PlanMetaModel | undefined = planSection && {
    node: planSection.map,
    references: referencesIn('plan', planSection.map),
    title: text(planSection.entries, 'title'),
    status: text(planSection.entries, 'status'),
    owner: text(planSection.entries, 'owner'),
    validFrom: date(planSection.entries, 'valid_from'),
    lastReview: date(planSection.entries, 'last_review'),
    reviewInterval: duration(planSection.entries, 'review_interval'),
  };

  const contacts: ContactModel[] = topList('contacts', (entries, item) => ({
    ...identified(entries, item),
    references: referencesIn('contact', item.node),
  }));
  const components: ComponentModel[] = topList('components', (entries, item) => ({
    ...identified(entries, item),
    references: referencesIn('component', item.node),
    kind: text(entries, 'kind'),
  }));

  const availabilitySection = section('availability');
  const availability: AvailabilityModel | undefined = availabilitySection && {
    target: number(availabilitySection.entries, 'target'),
    measurements: mappings(availabilitySection.entries, 'measurements', ['availability']).map(
      ({ entries, item }): MeasurementModel => ({
        ...identified(entries, item),
        references: referencesIn('measurement', item.node),
        interval: duration(entries, 'interval'),
        alert: text(entries, 'alert'),
      }),
    ),
  };

  const backups: BackupModel[] = topList('backups', (entries, item) => ({
    ...identified(entries, item),
    references: referencesIn('backup', item.node),
    interval: duration(entries, 'interval'),
    retention: duration(entries, 'retention'),
    lastRestoreTest: date(entries, 'last_restore_test'),
  }));

  const recoverySteps = (entries: Entries): RecoveryStepModel[] => {
    const seq = entries.get('recovery')?.value;
    if (!isSeq(seq)) return [];
    return seq.items.map((written, index): RecoveryStepModel => {
      const node = yaml.resolve(written as Node);
      const firstLine = yaml.index.restOfLine(yaml.span(written as Node)[0]);
      if (isMap(node)) {
        const step = yaml.entries(node);
        return {
          index,
          firstLine,
          step: text(step, 'step'),
          duration: duration(step, 'duration'),
          responsible: text(step, 'responsible'),
        };
      }
      const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      return {
        index,
        firstLine,
        step: value === undefined ? undefined : { value, ...spanOf(written as Node) },
        duration: undefined,
        responsible: undefined,
      };
    });
  };

  const scenarios: ScenarioModel[] = topList('scenarios', (entries, item) => ({
    ...identified(entries, item),
    references: referencesIn('scenario', item.node),
    category: text(entries, 'category'),
    type: text(entries, 'type'),
    title: text(entries, 'title'),
    affects: references(entries, 'affects'),
    recovery: recoverySteps(entries),
    recoveryTime: duration(entries, 'recovery_time'),
    rto: duration(entries, 'rto'),
    rpo: duration(entries, 'rpo'),
    mtpd: duration(entries, 'mtpd'),
    backup: text(entries, 'backup'),
    responsible: text(entries, 'responsible'),
    exercises: mappings(entries, 'exercises', item.path).map(
      (exercise): ExerciseModel => ({
        ...exercise.item,
        date: date(exercise.entries, 'date'),
        recoveryTime: duration(exercise.entries, 'recovery_time'),
        dataLoss: duration(exercise.entries, 'data_loss'),
      }),
    ),
  }));

  const history: HistoryModel[] = topList('history', (entries, item) => ({
    ...item,
    references: referencesIn('historyEntry', item.node),
    date: date(entries, 'date'),
  }));

  const scenariosKeyNode = top?.get('scenarios')?.keyNode;

  return {
    plan,
    contacts,
    components,
    availability,
    backups,
    scenarios,
    history,
    scenariosKey: scenariosKeyNode ? spanOf(scenariosKeyNode) : undefined,
  };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}
function isStringOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** The previous model's top-level list items by their YAML node. */
function reusableItems(model: PlanModel): Map<Node, ItemModel> {
  const items = new Map<Node, ItemModel>();
  for (const list of [model.contacts, model.components, model.backups, model.scenarios, model.history]) {
    for (const item of list) items.set(item.node, item);
  }
  return items;
}

/**
 * Moves every span in a model item (its own fields and those of its steps and exercises) by
 * `delta` where it lies at or after `from`. The item belonged to the previous version's model,
 * which is discarded: moving it in place costs a few additions instead of a rebuild.
 */
function moveSpans<T>(value: T, from: number, delta: number): T {
  if (delta === 0) return value;
  const visit = (object: Record<string, unknown>): void => {
    if (typeof object.start === 'number' && typeof object.end === 'number') {
      if (object.start >= from) object.start += delta;
      if (object.end >= from) object.end += delta;
    }
    for (const key in object) {
      if (key === 'node' || key === 'path') continue; // YAML nodes move with the tree
      const child = object[key];
      if (child !== null && typeof child === 'object') {
        if (Array.isArray(child)) {
          for (const element of child) if (element !== null && typeof element === 'object') visit(element as Record<string, unknown>);
        } else {
          visit(child as Record<string, unknown>);
        }
      }
    }
  };
  visit(value as Record<string, unknown>);
  return value;
}
