import { componentKindById, enumEntryById, REPLICATION_METHODS, scenarioTypeById } from '../catalog';
import { formatDate } from '../date';
import { formatDuration } from '../duration';
import { hoverTexts } from '../i18n/hoverTexts';
import type { Message } from '../i18n/messages';
import { componentGraph, type ComponentGraph } from '../model/components';
import { percentText, periodText } from '../i18n/availabilityMessages';
import { meetsTarget, resultsInOrder, validTarget } from '../model/availability';
import type { AlertLevelModel, BackupModel, ComponentModel, ContactModel, IdentifiedItem, MeasurementModel, PlanModel, ScenarioModel, TextField } from '../model/plan';
import { itemsById } from '../model/queries';
import type { ReferenceList } from '../schema/fields';
import type { Locale } from '../types';
import { codeSpan, escapeMarkdown } from './markdown';

/**
 * What hover says about an item that a reference (or its own id) names: who a contact is (their
 * function, ways to reach them, their deputy); what an alert level means (its criteria, whom it
 * notifies by when, where it stands in the escalation); a component's kind, where it stands (`in`), what it needs and what needs it; a
 * backup's job, where it lies (`stored_on`, location, off site) and which scenarios it survives.
 * Markdown parts, the author's text escaped.
 */
export function itemHover(model: PlanModel, list: ReferenceList, item: IdentifiedItem, locale: Locale): string[] {
  const say = (message: Message) => message[locale];
  const id = item.id?.value ?? '';
  const what = { contacts: hoverTexts.contact, levels: hoverTexts.level, components: hoverTexts.component, backups: hoverTexts.backup, measurements: hoverTexts.measurement }[list];
  const name = list === 'backups' || list === 'measurements' ? undefined : item.name?.value;
  const parts = [`**${say(what)} ${codeSpan(id)}**${name ? `: ${escapeMarkdown(name)}` : ''}`];
  const lines =
    list === 'contacts'
      ? contactLines(model, item as ContactModel, locale)
      : list === 'levels'
        ? levelLines(model, item as AlertLevelModel, locale)
        : list === 'components'
          ? componentLines(model, item as ComponentModel, locale)
          : list === 'measurements'
            ? measurementLines(model, item as MeasurementModel, locale)
            : backupLines(model, item as BackupModel, locale);
  if (lines.length > 0) parts.push(lines.map(([label, value]) => `- ${say(label)}: ${value}`).join('\n'));
  if (list === 'backups') parts.push(...survival(model, item as BackupModel, locale));
  return parts;
}

type Line = readonly [Message, string];

/** How many ids a line names before "and n more". */
const NAMED = 6;

function contactLines(model: PlanModel, contact: ContactModel, locale: Locale): Line[] {
  const f = hoverTexts.fields;
  const lines: Line[] = textLines([[f.role, contact.role]]);
  const role = contact.function?.value;
  if (role !== undefined) {
    const entry = enumEntryById('contactFunction', role);
    lines.push([f.function, entry ? `${escapeMarkdown(entry.label[locale])} (${codeSpan(role)})` : escapeMarkdown(role)]);
  }
  lines.push(
    ...textLines([
      [f.phone, contact.phone],
      [f.email, contact.email],
      [f.availability, contact.availability],
    ]),
  );
  const deputy = contact.deputy?.value;
  if (deputy !== undefined) lines.push([f.deputy, namedContact(model, deputy)]);
  return lines;
}

function levelLines(model: PlanModel, level: AlertLevelModel, locale: Locale): Line[] {
  const f = hoverTexts.fields;
  const lines: Line[] = textLines([[f.criteria, level.criteria]]);
  if (level.notify.length > 0) lines.push([f.notify, level.notify.map((contact) => namedContact(model, contact.value)).join(', ')]);
  const within = level.within;
  if (within) lines.push([f.within, within.minutes !== undefined ? formatDuration(within.minutes, locale) : escapeMarkdown(String(within.value))]);
  const levels = model.alerting?.levels ?? [];
  if (levels.length > 1) lines.push([f.order, hoverTexts.levelOf(levels.indexOf(level) + 1, levels.length)[locale]]);
  return lines;
}

/** A contact's id, with the name where the plan defines it: `it-leitung` (Erika Mustermann). */
function namedContact(model: PlanModel, id: string): string {
  const name = itemsById(model.contacts).get(id)?.name?.value;
  return name ? `${codeSpan(id)} (${escapeMarkdown(name)})` : codeSpan(id);
}

function componentLines(model: PlanModel, component: ComponentModel, locale: Locale): Line[] {
  const f = hoverTexts.fields;
  const lines: Line[] = [];
  const kind = component.kind?.value;
  if (kind !== undefined) {
    const entry = componentKindById(kind);
    lines.push([f.kind, entry ? `${escapeMarkdown(entry.label[locale])} (${codeSpan(kind)})` : escapeMarkdown(kind)]);
  }
  lines.push(...textLines([[f.location, component.location]]));
  const id = component.id?.value;
  if (id === undefined) return lines;
  const graph = componentGraph(model);
  // The component a duplicate id names is the first one: the graph speaks of that one.
  if (graph.byId.get(id) !== component) return lines;
  const holders = graph.holders(id);
  if (holders.length > 0) lines.push([f.in, holders.map((holder) => codeSpan(holder.id?.value ?? '')).join(' → ')]);
  const contents = graph.contents(id).filter((content) => content.in?.value === id);
  if (contents.length > 0) lines.push([f.contains, ids(contents.map((content) => content.id?.value ?? ''), locale)]);
  const needs = graph.dependencies(component);
  if (needs.length > 0) lines.push([f.dependsOn, ids(needs, locale)]);
  const needed = graph.dependents(id, NAMED + 1).map((dependent) => dependent.id?.value ?? '');
  if (needed.length > 0) lines.push([f.neededBy, ids(needed.slice(0, NAMED), locale, needed.length > NAMED)]);
  lines.push(...textLines([[f.redundancy, component.redundancy]]));
  return lines;
}

/** What a measurement watches, how, whom it alerts, and its latest result. */
function measurementLines(model: PlanModel, measurement: MeasurementModel, locale: Locale): Line[] {
  const f = hoverTexts.fields;
  const lines: Line[] = textLines([
    [f.what, measurement.what],
    [f.tool, measurement.tool],
  ]);
  const interval = measurement.interval;
  if (interval) lines.push([f.interval, interval.minutes !== undefined ? formatDuration(interval.minutes, locale) : escapeMarkdown(String(interval.value))]);
  if (measurement.query && measurement.query.value.trim() !== '') lines.push([f.query, codeSpan(measurement.query.value)]);
  const alert = measurement.alert?.value;
  if (alert !== undefined) lines.push([f.alert, namedContact(model, alert)]);
  const id = measurement.id?.value;
  const results = resultsInOrder(model).filter((result) => result.source?.value === id && result.measured !== undefined);
  const latest = results[results.length - 1];
  if (latest?.days && latest.measured) {
    const target = validTarget(model);
    const met = meetsTarget(latest, target);
    const mark = met === undefined ? '' : met ? '✓ ' : '✗ ';
    lines.push([f.results, `${results.length} · ${hoverTexts.latestResult(periodText(latest.days), percentText(latest.measured.value))[locale]} ${mark}`.trimEnd()]);
  }
  return lines;
}

function backupLines(model: PlanModel, backup: BackupModel, locale: Locale): Line[] {
  const f = hoverTexts.fields;
  const lines: Line[] = textLines([[f.what, backup.what]]);
  const method = backup.method?.value;
  if (method !== undefined) {
    const entry = enumEntryById('backupMethod', method);
    lines.push([f.method, entry ? `${escapeMarkdown(entry.label[locale])} (${codeSpan(method)})` : escapeMarkdown(method)]);
  }
  const duration = (label: Message, field: BackupModel['interval']) => {
    if (field) lines.push([label, field.minutes !== undefined ? formatDuration(field.minutes, locale) : escapeMarkdown(String(field.value))]);
  };
  duration(f.interval, backup.interval);
  duration(f.retention, backup.retention);
  lines.push(...textLines([[f.storage, backup.location]]));
  const storedOn = backup.storedOn?.value;
  if (storedOn !== undefined) {
    const graph = componentGraph(model);
    const component = graph.byId.get(storedOn);
    const name = component?.name?.value;
    const holders = component ? graph.holders(storedOn).map((holder) => codeSpan(holder.id?.value ?? '')) : [];
    lines.push([f.storedOn, `${codeSpan(storedOn)}${name ? ` (${escapeMarkdown(name)})` : ''}${holders.length > 0 ? ` → ${holders.join(' → ')}` : ''}`]);
  }
  const offsite = backup.offsite?.value;
  if (offsite !== undefined) lines.push([f.offsite, (offsite ? hoverTexts.yes : hoverTexts.no)[locale]]);
  const test = backup.lastRestoreTest;
  if (test) lines.push([f.lastRestoreTest, test.day !== undefined ? formatDate(test.day, locale) : escapeMarkdown(String(test.value))]);
  return lines;
}

/**
 * Which scenarios the backup survives and which not: of every scenario that takes components
 * down, not those that take down the component it is stored on (or what holds it); of the
 * software and operator scenarios that restore from it, not those a replication copies at once.
 * Where `stored_on` is missing, that the question stays open.
 */
function survival(model: PlanModel, backup: BackupModel, locale: Locale): string[] {
  const say = (message: Message) => message[locale];
  const graph = componentGraph(model);
  const storedOn = backup.storedOn?.value;
  const known = storedOn !== undefined && graph.byId.has(storedOn);
  const replication = REPLICATION_METHODS.has(backup.method?.value ?? '');
  const survives: string[] = [];
  const lost: string[] = [];
  let openForHardware = false;
  const id = backup.id?.value;
  for (const scenario of model.scenarios) {
    // A software or operator failure: any backup but a replica survives it; which do is only
    // worth saying of the backup a scenario names.
    const copied = copiesFailure(scenario);
    if (copied && scenario.backup?.value !== id) continue;
    if (replication && copied) {
      lost.push(`${scenarioName(scenario, locale)}: ${say(hoverTexts.copiesFailure)}`);
      continue;
    }
    if (scenario.affects.length > 0) {
      if (!known) {
        openForHardware = true;
        continue;
      }
      const way = loss(graph, storedOn, scenario);
      if (way) lost.push(`${scenarioName(scenario, locale)}: ${say(hoverTexts.takesDown(way.map(codeSpan)))}`);
      else survives.push(scenarioName(scenario, locale));
    } else if (copied) {
      survives.push(scenarioName(scenario, locale));
    }
  }
  const parts: string[] = [];
  if (survives.length > 0) parts.push(`✓ ${say(hoverTexts.survives)}: ${limited(survives, locale, ', ')}`);
  if (lost.length > 0) parts.push(`✗ ${say(hoverTexts.doesNotSurvive)}:\n${lost.slice(0, NAMED).map((line) => `- ${line}`).join('\n')}${lost.length > NAMED ? `\n- ${say(hoverTexts.andMore(lost.length - NAMED))}` : ''}`);
  if (openForHardware) parts.push(`○ ${say(hoverTexts.storedOnUnknown)}`);
  return parts;
}

/** The way from the component the backup is on to what the scenario takes down, if it does. */
function loss(graph: ComponentGraph, storedOn: string, scenario: ScenarioModel): string[] | undefined {
  return graph.lostWith(storedOn, new Set(scenario.affects.map((reference) => reference.value)));
}

/** A software or operator failure: a replica copies it. */
function copiesFailure(scenario: ScenarioModel): boolean {
  const type = scenario.type && scenarioTypeById(scenario.type.value);
  const category = type?.category ?? scenario.category?.value;
  return category === 'software' || category === 'operator';
}

function scenarioName(scenario: ScenarioModel, locale: Locale): string {
  const type = scenario.type && scenarioTypeById(scenario.type.value);
  const title = scenario.title?.value ?? type?.label[locale];
  const id = scenario.id?.value;
  return [title && escapeMarkdown(title), id && `(${codeSpan(id)})`].filter(Boolean).join(' ');
}

/** Ids as code, at most NAMED of them, then "and n more"; `more`: there are more than these, uncounted. */
function ids(values: readonly string[], locale: Locale, more = false): string {
  const shown = values.slice(0, NAMED).map(codeSpan).join(', ');
  if (more) return `${shown} ${hoverTexts.andOthers[locale]}`;
  return values.length > NAMED ? `${shown} ${hoverTexts.andMore(values.length - NAMED)[locale]}` : shown;
}

function limited(values: readonly string[], locale: Locale, separator: string): string {
  const shown = values.slice(0, NAMED).join(separator);
  return values.length > NAMED ? `${shown} ${hoverTexts.andMore(values.length - NAMED)[locale]}` : shown;
}

/** The text fields of an item that are written (and not empty), as lines. */
function textLines(fields: readonly (readonly [Message, TextField | undefined])[]): Line[] {
  return fields.flatMap(([label, field]) => (field && field.value !== '' ? [[label, escapeMarkdown(field.value)] as const] : []));
}
