import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseDate } from '../date';
import { parseDuration } from '../duration';
import type { MapEntry, YamlDocument } from '../parse/yamlDocument';
import { mappingOf, referringFields } from '../schema/fieldLookup';
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
  ItemModel,
  MeasurementModel,
  NotApplicableModel,
  PlanMetaModel,
  PlanModel,
  RecoveryStepModel,
  ReferenceModel,
  ScenarioModel,
  TextField,
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

  // Every object is written as one literal, never spread (`{ ...item, id }`): the model is built
  // on every keystroke, and a literal of fixed shape is built several times faster.
  const spanOf = (node: Node): Span => {
    const range = node.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  };
  const located = <T>(value: T, node: Node): Located<T> => {
    const range = node.range;
    return range ? { value, start: range[0], end: range[1] } : { value, start: 0, end: 0 };
  };

  const scalar = <T>(entries: Entries, key: string, accept: (value: unknown) => value is T): Located<T> | undefined => {
    const entry = entries.get(key);
    if (!entry?.written || !isScalar(entry.value)) return undefined;
    const value = entry.value.value;
    return accept(value) ? located(value, entry.written) : undefined;
  };
  const text = (entries: Entries, key: string) => scalar(entries, key, isString);
  const number = (entries: Entries, key: string) => scalar(entries, key, isNumber);
  const flag = (entries: Entries, key: string) => scalar(entries, key, isBoolean);
  /** Free text: a number YAML read where text was meant counts, as text (`version: 2.1`). */
  const freeText = (entries: Entries, key: string): TextField | undefined => {
    const entry = entries.get(key);
    if (!entry?.written || !isScalar(entry.value)) return undefined;
    const value = entry.value.value;
    if (typeof value === 'string') return located(value, entry.written);
    return typeof value === 'number' || typeof value === 'bigint' ? located(String(value), entry.written) : undefined;
  };
  /** A list of free texts; a single text stands for a list of one. */
  const freeTexts = (entries: Entries, key: string): TextField[] => {
    const value = entries.get(key)?.value ?? null;
    const items: Node[] = isSeq(value) ? (value.items as Node[]) : value ? [value] : [];
    const result: TextField[] = [];
    for (const written of items) {
      const node = yaml.resolve(written);
      if (!isScalar(node)) continue;
      const scalarValue = node.value;
      if (typeof scalarValue === 'string') result.push(located(scalarValue, written));
      else if (typeof scalarValue === 'number') result.push(located(String(scalarValue), written));
    }
    return result;
  };
  const keySpan = (entries: Entries | undefined, key: string): Span | undefined => {
    const keyNode = entries?.get(key)?.keyNode;
    return keyNode ? spanOf(keyNode) : undefined;
  };

  const duration = (entries: Entries, key: string): DurationField | undefined => {
    const field = scalar(entries, key, isStringOrNumber);
    if (!field) return undefined;
    const result = parseDuration(field.value);
    return {
      value: field.value,
      start: field.start,
      end: field.end,
      duration: result,
      minutes: result.ok ? result.minutes : undefined,
    };
  };
  const date = (entries: Entries, key: string): DateField | undefined => {
    const field = scalar(entries, key, isString);
    if (!field) return undefined;
    return { value: field.value, start: field.start, end: field.end, day: parseDate(field.value) };
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
        item: { node: map, span: spanOf(map), index, firstLine: yaml.index.restOfLine(start), path: [...path, key, index] },
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
      result.push(build(yaml.entries(map), { node: map, span: spanOf(map), index, firstLine: yaml.index.restOfLine(start), path: [key, index] }));
    });
    return result;
  };

  const references = (entries: Entries, key: string): Located<string>[] => {
    const seq = entries.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: Located<string>[] = [];
    for (const written of seq.items) {
      const node = yaml.resolve(written as Node);
      if (isScalar(node) && typeof node.value === 'string') {
        result.push(located(node.value, written as Node));
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
        const reference = text(entries, spec.key);
        if (reference) into.push({ value: reference.value, start: reference.start, end: reference.end, list: spec.list, key: spec.key, node: map });
      } else if (spec.kind === 'references') {
        for (const reference of references(entries, spec.key)) {
          into.push({ value: reference.value, start: reference.start, end: reference.end, list: spec.list, key: spec.key, node: map });
        }
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
    span: spanOf(planSection.map),
    references: referencesIn('plan', planSection.map),
    title: text(planSection.entries, 'title'),
    organisation: freeText(planSection.entries, 'organisation'),
    system: freeText(planSection.entries, 'system'),
    version: freeText(planSection.entries, 'version'),
    status: freeText(planSection.entries, 'status'),
    classification: freeText(planSection.entries, 'classification'),
    scope: freeText(planSection.entries, 'scope'),
    owner: text(planSection.entries, 'owner'),
    validFrom: date(planSection.entries, 'valid_from'),
    lastReview: date(planSection.entries, 'last_review'),
    reviewInterval: duration(planSection.entries, 'review_interval'),
    notApplicable: mappings(planSection.entries, 'not_applicable', ['plan']).map(
      ({ entries, item: { node, span, index, firstLine, path } }): NotApplicableModel => ({
        node,
        span,
        index,
        firstLine,
        path,
        type: text(entries, 'type'),
        reason: freeText(entries, 'reason'),
      }),
    ),
    keys: { scope: keySpan(planSection.entries, 'scope') },
  };

  const contacts: ContactModel[] = topList('contacts', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: referencesIn('contact', node),
    role: freeText(entries, 'role'),
    phone: freeText(entries, 'phone'),
    email: freeText(entries, 'email'),
    availability: freeText(entries, 'availability'),
  }));
  const components: ComponentModel[] = topList('components', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: referencesIn('component', node),
    kind: text(entries, 'kind'),
    nameText: freeText(entries, 'name'),
    location: freeText(entries, 'location'),
    redundancy: freeText(entries, 'redundancy'),
    notes: freeText(entries, 'notes'),
    in: text(entries, 'in'),
    dependsOn: references(entries, 'depends_on'),
  }));

  const availabilitySection = section('availability');
  const subsection = (key: string): Entries | undefined => {
    const value = availabilitySection?.entries.get(key)?.value;
    return isMap(value) ? yaml.entries(value) : undefined;
  };
  const database = subsection('database');
  const loadBalancing = subsection('load_balancing');
  const availability: AvailabilityModel | undefined = availabilitySection && {
    target: number(availabilitySection.entries, 'target'),
    database: database && {
      strategy: freeText(database, 'strategy'),
      notes: freeText(database, 'notes'),
      keys: { notes: keySpan(database, 'notes') },
    },
    loadBalancing: loadBalancing && {
      method: freeText(loadBalancing, 'method'),
      clients: scalar(loadBalancing, 'clients', isFiniteNumber),
      notes: freeText(loadBalancing, 'notes'),
      keys: { notes: keySpan(loadBalancing, 'notes') },
    },
    measurements: mappings(availabilitySection.entries, 'measurements', ['availability']).map(
      ({ entries, item: { node, span, index, firstLine, path } }): MeasurementModel => ({
        node,
        span,
        index,
        firstLine,
        path,
        id: text(entries, 'id'),
        name: text(entries, 'name'),
        references: referencesIn('measurement', node),
        what: freeText(entries, 'what'),
        tool: freeText(entries, 'tool'),
        interval: duration(entries, 'interval'),
        alert: text(entries, 'alert'),
      }),
    ),
    keys: {
      target: keySpan(availabilitySection.entries, 'target'),
      database: keySpan(availabilitySection.entries, 'database'),
      load_balancing: keySpan(availabilitySection.entries, 'load_balancing'),
      measurements: keySpan(availabilitySection.entries, 'measurements'),
    },
  };

  const backups: BackupModel[] = topList('backups', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: referencesIn('backup', node),
    what: freeText(entries, 'what'),
    method: freeText(entries, 'method'),
    interval: duration(entries, 'interval'),
    retention: duration(entries, 'retention'),
    location: freeText(entries, 'location'),
    storedOn: text(entries, 'stored_on'),
    offsite: flag(entries, 'offsite'),
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
        step: value === undefined ? undefined : located(value, written as Node),
        duration: undefined,
        responsible: undefined,
      };
    });
  };

  const scenarios: ScenarioModel[] = topList('scenarios', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: referencesIn('scenario', node),
    category: text(entries, 'category'),
    type: text(entries, 'type'),
    title: text(entries, 'title'),
    description: freeText(entries, 'description'),
    affects: references(entries, 'affects'),
    prevention: freeTexts(entries, 'prevention'),
    recovery: recoverySteps(entries),
    recoveryTime: duration(entries, 'recovery_time'),
    rto: duration(entries, 'rto'),
    rpo: duration(entries, 'rpo'),
    mtpd: duration(entries, 'mtpd'),
    backup: text(entries, 'backup'),
    responsible: text(entries, 'responsible'),
    exercises: mappings(entries, 'exercises', path).map(
      ({ entries: exercise, item }): ExerciseModel => ({
        node: item.node,
        span: item.span,
        index: item.index,
        firstLine: item.firstLine,
        path: item.path,
        date: date(exercise, 'date'),
        kind: freeText(exercise, 'kind'),
        recoveryTime: duration(exercise, 'recovery_time'),
        dataLoss: duration(exercise, 'data_loss'),
        result: freeText(exercise, 'result'),
        notes: freeText(exercise, 'notes'),
      }),
    ),
    keys: {
      description: keySpan(entries, 'description'),
      prevention: keySpan(entries, 'prevention'),
      recovery: keySpan(entries, 'recovery'),
      exercises: keySpan(entries, 'exercises'),
    },
  }));

  const history: HistoryModel[] = topList('history', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    references: referencesIn('historyEntry', node),
    version: freeText(entries, 'version'),
    date: date(entries, 'date'),
    author: freeText(entries, 'author'),
    changes: freeText(entries, 'changes'),
  }));

  return {
    plan,
    contacts,
    components,
    availability,
    backups,
    scenarios,
    history,
    keys: {
      plan: keySpan(top, 'plan'),
      contacts: keySpan(top, 'contacts'),
      components: keySpan(top, 'components'),
      availability: keySpan(top, 'availability'),
      backups: keySpan(top, 'backups'),
      scenarios: keySpan(top, 'scenarios'),
      history: keySpan(top, 'history'),
    },
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
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
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
