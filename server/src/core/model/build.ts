import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseDate } from '../date';
import { parseDuration } from '../duration';
import type { MapEntry, YamlDocument } from '../parse/yamlDocument';
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
  ScenarioModel,
} from './plan';

type Entries = ReadonlyMap<string, MapEntry>;
type Path = readonly (string | number)[];

/** Builds the plan model in one walk over the YAML. */
export function buildPlanModel(yaml: YamlDocument): PlanModel {
  const durations: { field: string; value: DurationField }[] = [];
  const dates: { field: string; value: DateField }[] = [];

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
    const field: DurationField = {
      value: located.value,
      start: located.start,
      end: located.end,
      duration: result,
      minutes: result.ok ? result.minutes : undefined,
    };
    durations.push({ field: key, value: field });
    return field;
  };
  const date = (entries: Entries, key: string): DateField | undefined => {
    const located = scalar(entries, key, isString);
    if (!located) return undefined;
    const field: DateField = { value: located.value, start: located.start, end: located.end, day: parseDate(located.value) };
    dates.push({ field: key, value: field });
    return field;
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
  const identified = (entries: Entries, item: ItemModel): IdentifiedItem => ({
    ...item,
    id: text(entries, 'id'),
    name: text(entries, 'name'),
  });

  const root = yaml.resolve(yaml.root);
  const top = isMap(root) ? yaml.entries(root) : undefined;
  const section = (key: string): { map: YAMLMap; entries: Entries } | undefined => {
    const value = top?.get(key)?.value;
    return isMap(value) ? { map: value, entries: yaml.entries(value) } : undefined;
  };

  const planSection = section('plan');
  const plan: PlanMetaModel | undefined = planSection && {
    node: planSection.map,
    title: text(planSection.entries, 'title'),
    status: text(planSection.entries, 'status'),
    owner: text(planSection.entries, 'owner'),
    validFrom: date(planSection.entries, 'valid_from'),
    lastReview: date(planSection.entries, 'last_review'),
    reviewInterval: duration(planSection.entries, 'review_interval'),
  };

  const contacts: ContactModel[] = mappings(top, 'contacts', []).map(({ entries, item }) => identified(entries, item));
  const components: ComponentModel[] = mappings(top, 'components', []).map(({ entries, item }) => ({
    ...identified(entries, item),
    kind: text(entries, 'kind'),
  }));

  const availabilitySection = section('availability');
  const availability: AvailabilityModel | undefined = availabilitySection && {
    target: number(availabilitySection.entries, 'target'),
    measurements: mappings(availabilitySection.entries, 'measurements', ['availability']).map(
      ({ entries, item }): MeasurementModel => ({
        ...identified(entries, item),
        interval: duration(entries, 'interval'),
        alert: text(entries, 'alert'),
      }),
    ),
  };

  const backups: BackupModel[] = mappings(top, 'backups', []).map(({ entries, item }) => ({
    ...identified(entries, item),
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

  const scenarios: ScenarioModel[] = mappings(top, 'scenarios', []).map(({ entries, item }) => ({
    ...identified(entries, item),
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

  const history: HistoryModel[] = mappings(top, 'history', []).map(({ entries, item }) => ({
    ...item,
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
    durations,
    dates,
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
