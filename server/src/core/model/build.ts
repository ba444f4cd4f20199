import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { YamlDocument } from '../parse/yamlDocument';
import { parsePeriod } from '../period';
import { buildScenario } from './buildScenario';
import type {
  AlertingModel,
  AlertLevelModel,
  ApprovalModel,
  AvailabilityModel,
  AvailabilityResultModel,
  BackupModel,
  ComponentModel,
  ContactModel,
  HistoryModel,
  ItemModel,
  MeasurementModel,
  NotApplicableModel,
  PlanMetaModel,
  PlanModel,
  ScenarioModel,
} from './plan';
import { modelReader, type Entries } from './read';

/**
 * What an incremental build may take over from the previous version's model: every item of a
 * top-level list whose YAML node is unchanged (the patch kept the node objects), its offsets
 * moved by `delta` from `from` on.
 */
export interface ModelReuse {
  readonly previous: PlanModel;
  readonly from: number;
  readonly delta: number;
  /**
   * Where given, the items taken over are put here, to be moved (moveSpans) later, instead of
   * being moved now: the caller moves them before anything reads their spans (analysis.ts).
   */
  readonly moveLater?: ItemModel[];
}

/**
 * Builds the plan model in one walk over the YAML (or over the one item that changed): the
 * sections here, the scenarios in buildScenario.ts, both with the readers of read.ts.
 */
export function buildPlanModel(yaml: YamlDocument, reuse?: ModelReuse): PlanModel {
  const read = modelReader(yaml);
  const { text, freeText, freeTexts, duration, date, keySpan, strings, mappings } = read;

  const root = yaml.resolve(yaml.root);
  const top = isMap(root) ? yaml.entries(root) : undefined;
  const section = (key: string): { map: YAMLMap; entries: Entries } | undefined => {
    const value = top?.get(key)?.value;
    return isMap(value) ? { map: value, entries: yaml.entries(value) } : undefined;
  };
  /**
   * The items of a top-level list: taken over from the previous model where their node is
   * unchanged (moved to their new offsets), built where new.
   */
  const topList = <T extends ItemModel>(key: TopList, build: (entries: Entries, item: ItemModel) => T): T[] => {
    const seq = top?.get(key)?.value;
    if (!isSeq(seq)) return [];
    const result: T[] = [];
    // An unchanged item keeps its node and its place (a patch replaces one item in place).
    const previous = reuse?.previous[key] as readonly T[] | undefined;
    seq.items.forEach((written, index) => {
      // Where a list holds no mapping at some place, its model items stand one place earlier:
      // those are built again (rare, and never wrong).
      const known = previous?.[index];
      if (known && known.node === written && known.index === index && reuse) {
        if (reuse.moveLater) reuse.moveLater.push(known);
        else moveSpans(known, reuse.from, reuse.delta);
        result.push(known);
        return;
      }
      const map = yaml.resolve(written as Node);
      if (!isMap(map)) return;
      result.push(build(yaml.entries(map), read.item(map, written as Node, index, [key])));
    });
    return result;
  };

  const planSection = section('plan');
  const plan: PlanMetaModel | undefined = planSection && {
    node: planSection.map,
    span: read.spanOf(planSection.map),
    references: read.referencesIn('plan', planSection.map),
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
    approvals: mappings(planSection.entries, 'approvals', ['plan']).map(
      ({ entries, item: { node, span, index, firstLine, path } }): ApprovalModel => ({
        node,
        span,
        index,
        firstLine,
        path,
        references: read.referencesIn('approval', node),
        by: text(entries, 'by'),
        date: date(entries, 'date'),
        version: freeText(entries, 'version'),
        meaning: freeText(entries, 'meaning'),
      }),
    ),
    distribution: freeTexts(planSection.entries, 'distribution'),
    keys: {
      scope: keySpan(planSection.entries, 'scope'),
      approvals: keySpan(planSection.entries, 'approvals'),
      distribution: keySpan(planSection.entries, 'distribution'),
    },
  };

  const contacts: ContactModel[] = topList('contacts', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: read.referencesIn('contact', node),
    role: freeText(entries, 'role'),
    phone: freeText(entries, 'phone'),
    email: freeText(entries, 'email'),
    availability: freeText(entries, 'availability'),
    deputy: text(entries, 'deputy'),
    function: text(entries, 'function'),
  }));

  const alertingSection = section('alerting');
  const alerting: AlertingModel | undefined = alertingSection && {
    node: alertingSection.map,
    span: read.spanOf(alertingSection.map),
    references: read.referencesIn('alerting', alertingSection.map),
    declaredBy: strings(alertingSection.entries, 'declared_by'),
    levels: mappings(alertingSection.entries, 'levels', ['alerting']).map(
      ({ entries, item: { node, span, index, firstLine, path } }): AlertLevelModel => ({
        node,
        span,
        index,
        firstLine,
        path,
        id: text(entries, 'id'),
        name: text(entries, 'name'),
        references: read.referencesIn('alertLevel', node),
        criteria: freeText(entries, 'criteria'),
        notify: strings(entries, 'notify'),
        within: duration(entries, 'within'),
      }),
    ),
    keys: {
      declared_by: keySpan(alertingSection.entries, 'declared_by'),
      levels: keySpan(alertingSection.entries, 'levels'),
    },
  };

  const components: ComponentModel[] = topList('components', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
    references: read.referencesIn('component', node),
    kind: text(entries, 'kind'),
    nameText: freeText(entries, 'name'),
    location: freeText(entries, 'location'),
    redundancy: freeText(entries, 'redundancy'),
    notes: freeText(entries, 'notes'),
    in: text(entries, 'in'),
    dependsOn: strings(entries, 'depends_on'),
  }));

  const availabilitySection = section('availability');
  const subsection = (key: string): Entries | undefined => {
    const value = availabilitySection?.entries.get(key)?.value;
    return isMap(value) ? yaml.entries(value) : undefined;
  };
  const database = subsection('database');
  const loadBalancing = subsection('load_balancing');
  const availability: AvailabilityModel | undefined = availabilitySection && {
    target: read.number(availabilitySection.entries, 'target'),
    database: database && {
      strategy: freeText(database, 'strategy'),
      notes: freeText(database, 'notes'),
      keys: { notes: keySpan(database, 'notes') },
    },
    loadBalancing: loadBalancing && {
      method: freeText(loadBalancing, 'method'),
      clients: read.finiteNumber(loadBalancing, 'clients'),
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
        references: read.referencesIn('measurement', node),
        what: freeText(entries, 'what'),
        tool: freeText(entries, 'tool'),
        interval: duration(entries, 'interval'),
        alert: text(entries, 'alert'),
        query: freeText(entries, 'query'),
      }),
    ),
    results: mappings(availabilitySection.entries, 'results', ['availability']).map(
      ({ entries, item: { node, span, index, firstLine, path } }): AvailabilityResultModel => {
        const period = read.period(entries, 'period');
        const outages = read.finiteNumber(entries, 'outages');
        return {
          node,
          span,
          index,
          firstLine,
          path,
          references: read.referencesIn('availabilityResult', node),
          period,
          days: period && parsePeriod(period.value),
          measured: read.finiteNumber(entries, 'measured'),
          downtime: duration(entries, 'downtime'),
          outages: outages && Number.isInteger(outages.value) ? outages : undefined,
          source: text(entries, 'source'),
          excluded: duration(entries, 'excluded'),
        };
      },
    ),
    keys: {
      target: keySpan(availabilitySection.entries, 'target'),
      database: keySpan(availabilitySection.entries, 'database'),
      load_balancing: keySpan(availabilitySection.entries, 'load_balancing'),
      measurements: keySpan(availabilitySection.entries, 'measurements'),
      results: keySpan(availabilitySection.entries, 'results'),
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
    references: read.referencesIn('backup', node),
    what: freeText(entries, 'what'),
    method: freeText(entries, 'method'),
    interval: duration(entries, 'interval'),
    retention: duration(entries, 'retention'),
    location: freeText(entries, 'location'),
    storedOn: text(entries, 'stored_on'),
    offsite: read.flag(entries, 'offsite'),
    lastRestoreTest: date(entries, 'last_restore_test'),
  }));

  const scenarios: ScenarioModel[] = topList('scenarios', (entries, item) => buildScenario(read, entries, item));

  const history: HistoryModel[] = topList('history', (entries, { node, span, index, firstLine, path }) => ({
    node,
    span,
    index,
    firstLine,
    path,
    references: read.referencesIn('historyEntry', node),
    version: freeText(entries, 'version'),
    date: date(entries, 'date'),
    author: freeText(entries, 'author'),
    changes: freeText(entries, 'changes'),
  }));

  return {
    plan,
    contacts,
    alerting,
    components,
    availability,
    backups,
    scenarios,
    history,
    keys: {
      plan: keySpan(top, 'plan'),
      contacts: keySpan(top, 'contacts'),
      alerting: keySpan(top, 'alerting'),
      components: keySpan(top, 'components'),
      availability: keySpan(top, 'availability'),
      backups: keySpan(top, 'backups'),
      scenarios: keySpan(top, 'scenarios'),
      history: keySpan(top, 'history'),
    },
  };
}

/** The previous model's top-level list items by their YAML node. */
/** The top-level lists whose items an incremental build takes over. */
type TopList = 'contacts' | 'components' | 'backups' | 'scenarios' | 'history';

/** A position pair of the model: every object with a numeric `start` and `end`. */
interface MovableSpan {
  start: number;
  end: number;
}

/**
 * The spans of each model item taken over at least once, in one flat list: an item is moved on
 * every keystroke above it, and walking its objects each time cost more than the rest of the
 * analysis (a 2,000-scenario plan: ~100,000 objects). The list is made on the first move; the
 * item's objects never change afterwards, only their numbers.
 */
const spansOfItem = new WeakMap<object, MovableSpan[]>();

/**
 * Moves every span in a model item (its own fields and those of its steps and exercises) by
 * `delta` where it lies at or after `from`. The item belonged to the previous version's model,
 * which is discarded: moving it in place costs a few additions instead of a rebuild.
 */
export function moveSpans<T extends object>(value: T, from: number, delta: number): T {
  if (delta === 0) return value;
  let spans = spansOfItem.get(value);
  if (!spans) {
    spans = collectSpans(value);
    spansOfItem.set(value, spans);
  }
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as MovableSpan;
    if (span.start >= from) span.start += delta;
    if (span.end >= from) span.end += delta;
  }
  return value;
}

function collectSpans(value: object): MovableSpan[] {
  const spans: MovableSpan[] = [];
  const visit = (object: Record<string, unknown>): void => {
    if (typeof object.start === 'number' && typeof object.end === 'number') spans.push(object as unknown as MovableSpan);
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
  return spans;
}
