import { isScalar, type YAMLMap } from 'yaml';
import { closest } from '../closest';
import { COMPONENT_KINDS, SCENARIO_TYPES, categoryById, scenarioTypeById, scenarioTypesOf, type ScenarioType } from '../catalog';
import { isoDay } from '../date';
import { parseDuration } from '../duration';
import type { PlanModel } from '../model/plan';
import type { YamlDocument } from '../parse/yamlDocument';
import { definitionAt } from '../schema/fieldLookup';
import { pointerSegments } from '../yaml/pointer';
import { entry, list, mapping, text, verbatim, type YamlEntry, type YamlValue } from '../yaml/write';
import { catalogScenario } from './scenarioSkeleton';

/**
 * Values for fields a quick fix inserts. They are German, like the plan document, read as valid
 * values (so the fix does not trade one error for another), and take what the mapping already
 * says into account: a scenario of type `storage-server` gets that type's suggested prevention
 * and recovery steps, an RTO not below its recovery time, an RPO that its backup can meet.
 * They remain placeholders: the author replaces them with what is true of the system. That is
 * why a fix that inserts them is never marked preferred, so no "auto fix" applies it unseen.
 */

/** Durations that read as placeholders and keep recovery_time ≤ rto. */
const RECOVERY_TIME = '4h';
const RTO = '8h';
const RPO = '24h';

/** The mappings of the format that have required keys, by their definition in the field table. */
export type MappingKind =
  | 'root'
  | 'plan'
  | 'notApplicable'
  | 'contact'
  | 'component'
  | 'measurement'
  | 'availabilityResult'
  | 'backup'
  | 'scenario'
  | 'recoveryStep'
  | 'exercise'
  | 'exerciseStep'
  | 'historyEntry';

const MAPPING_KINDS: ReadonlySet<string> = new Set<MappingKind>([
  'root',
  'plan',
  'notApplicable',
  'contact',
  'component',
  'measurement',
  'availabilityResult',
  'backup',
  'scenario',
  'recoveryStep',
  'exercise',
  'exerciseStep',
  'historyEntry',
]);

/** The kind of mapping a JSON pointer names (`/scenarios/2` → scenario): its definition in the field table. */
export function mappingKindOf(pointer: string): MappingKind | undefined {
  const path = pointerSegments(pointer).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const definition = definitionAt(path);
  return definition !== undefined && MAPPING_KINDS.has(definition) ? (definition as MappingKind) : undefined;
}

export interface PlaceholderContext {
  readonly yaml: YamlDocument;
  readonly model: PlanModel;
  /** For dates (an exercise's, a history entry's). */
  readonly today: Date;
}

/**
 * The entries to insert for `missing` keys of a mapping of `kind`, in the order given; keys
 * without a sensible value are left out. `map` is the mapping (undefined for an empty document).
 */
export function placeholderEntries(
  kind: MappingKind,
  map: YAMLMap | undefined,
  missing: readonly string[],
  context: PlaceholderContext,
): YamlEntry[] {
  const written = map ? scalarsOf(context.yaml, map) : new Map<string, unknown>();
  const values = valuesFor(kind, written, new Set(missing), context);
  return missing.flatMap((key) => {
    const value = values.get(key);
    return value ? [entry(key, value)] : [];
  });
}

function valuesFor(kind: MappingKind, written: ReadonlyMap<string, unknown>, missing: ReadonlySet<string>, context: PlaceholderContext): Map<string, YamlValue> {
  const { model } = context;
  const values = new Map<string, YamlValue>();
  const set = (key: string, value: YamlValue) => void values.set(key, value);
  const string = (key: string) => {
    const value = written.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const idsOf = (items: readonly { id?: { value: string } | undefined }[]) => new Set(items.flatMap((item) => (item.id ? [item.id.value] : [])));
  const today = isoDay(context.today);

  switch (kind) {
    case 'root':
      set('drplan', verbatim('"1"'));
      set('plan', mapping(placeholderEntries('plan', undefined, ['title', 'organisation', 'system', 'version'], context)));
      set('scenarios', list([]));
      break;
    case 'plan': {
      const system = string('system');
      set('title', text(system ? `Notfallplan ${system}` : 'Notfallplan'));
      set('organisation', text('Organisation'));
      set('system', text('System'));
      set('version', verbatim('"1.0"'));
      break;
    }
    case 'notApplicable': {
      const listed = model.plan?.notApplicable.flatMap((entry) => (entry.type ? [entry.type.value] : [])) ?? [];
      set('type', text(firstUncovered(model, undefined, listed).id));
      set('reason', text('Begründung'));
      break;
    }
    case 'contact': {
      const name = string('name');
      set('id', text(uniqueId(slug(name ?? '') || 'kontakt', idsOf(model.contacts))));
      set('name', text('Ansprechpartner'));
      break;
    }
    case 'component': {
      const id = string('id');
      const kinds = COMPONENT_KINDS.map((kind) => kind.id);
      const kind = string('kind');
      const guessed = id ? (kinds.filter((k) => id.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? closest(id, kinds)) : undefined;
      set('kind', text(guessed ?? 'vm-host'));
      set('id', text(uniqueId(kind && kinds.includes(kind) ? kind : guessed ?? 'komponente', idsOf(model.components))));
      break;
    }
    case 'measurement':
      set('id', text(uniqueId('messung', idsOf(model.availability?.measurements ?? []))));
      set('what', text('Erreichbarkeit'));
      break;
    case 'availabilityResult': {
      // The month before today's; a measured value is left for the author: a placeholder would be a claim.
      const month = new Date(Date.UTC(context.today.getUTCFullYear(), context.today.getUTCMonth() - 1, 1));
      set('period', verbatim(isoDay(month).slice(0, 7)));
      break;
    }
    case 'backup':
      set('id', text(uniqueId('sicherung', idsOf(model.backups))));
      set('what', text('Daten'));
      set('method', text('file-copy'));
      set('interval', verbatim('24h'));
      break;
    case 'scenario': {
      let category = categoryById(string('category') ?? '')?.id;
      let type = scenarioTypeById(string('type') ?? '');
      if (missing.has('type')) {
        type = firstUncovered(model, category);
        set('type', text(type.id));
      }
      if (missing.has('category')) {
        category = type?.category ?? 'hardware';
        set('category', text(category));
      }
      set('id', text(uniqueId(type?.id ?? 'szenario', idsOf(model.scenarios))));
      for (const [key, value] of Object.entries(scenarioSteps(type))) set(key, value);
      const minutes = (key: string) => {
        const value = written.get(key);
        const result = value === undefined ? undefined : parseDuration(value);
        return result?.ok ? { minutes: result.minutes, text: String(value) } : undefined;
      };
      const rto = minutes('rto');
      const recoveryTime = minutes('recovery_time');
      const mtpd = minutes('mtpd');
      // recovery_time ≤ rto ≤ mtpd, where the scenario names them already.
      set('recovery_time', verbatim(rto && rto.minutes < parseMinutes(RECOVERY_TIME) ? rto.text : RECOVERY_TIME));
      let newRto = recoveryTime && recoveryTime.minutes > parseMinutes(RTO) ? recoveryTime : { minutes: parseMinutes(RTO), text: RTO };
      if (mtpd && mtpd.minutes < newRto.minutes && mtpd.minutes >= (recoveryTime?.minutes ?? 0)) newRto = mtpd;
      set('rto', verbatim(newRto.text));
      // The RPO the named backup can meet: its interval.
      const backup = model.backups.find((b) => b.id?.value === string('backup'));
      const interval = backup?.interval;
      set('rpo', verbatim(interval?.minutes !== undefined ? String(interval.value) : RPO));
      break;
    }
    case 'recoveryStep':
      set('step', text('Wiederherstellungsschritt'));
      break;
    case 'exercise':
      set('date', verbatim(today));
      break;
    case 'exerciseStep':
      set('step', text('Wiederherstellungsschritt'));
      break;
    case 'historyEntry': {
      const version = model.plan && scalarsOf(context.yaml, model.plan.node).get('version');
      set('version', typeof version === 'string' && version.trim() !== '' ? text(version) : verbatim('"1.0"'));
      set('date', verbatim(today));
      break;
    }
  }
  return values;
}

/**
 * The scenario type the plan covers least: the first not yet covered by a scenario nor among
 * `also` (in the category, if given).
 */
function firstUncovered(model: PlanModel, category: string | undefined, also: readonly string[] = []): ScenarioType {
  const candidates = category ? scenarioTypesOf(category) : SCENARIO_TYPES;
  const covered = new Set([...also, ...model.scenarios.flatMap((s) => (s.type ? [s.type.value] : []))]);
  return candidates.find((type) => !covered.has(type.id)) ?? candidates[0] ?? (SCENARIO_TYPES[0] as ScenarioType);
}

/** A scenario's lists: the catalog's suggested steps for its type, or one step to rewrite. */
function scenarioSteps(type: ScenarioType | undefined): { prevention: YamlValue; recovery: YamlValue } {
  return {
    prevention: list((type?.prevention.length ? type.prevention : ['Vorsorgemaßnahme']).map(text)),
    recovery: list((type?.recovery.length ? type.recovery : ['Wiederherstellungsschritt']).map(text)),
  };
}

/** A scenario for a catalog type, as the quick fix for `missing-scenario` inserts it. */
export function scenarioSkeleton(type: ScenarioType, id: string): YamlEntry[] {
  return catalogScenario(type, { id: text(id), recoveryTime: verbatim(RECOVERY_TIME), rto: verbatim(RTO), rpo: verbatim(RPO) });
}

/** `base`, or `base-2`, `base-3`, … whichever is not taken yet (and takes it). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** An id from a name: `Erika Müller` → `erika-mueller`. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // one dash at most (the line above); `-+$` would retry each dash of a run
}

function scalarsOf(yaml: YamlDocument, map: YAMLMap): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [key, found] of yaml.entries(map)) {
    if (isScalar(found.value)) values.set(key, found.value.value);
  }
  return values;
}

function parseMinutes(duration: string): number {
  const result = parseDuration(duration);
  return result.ok ? result.minutes : 0;
}
