import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { isScalar, type Node } from 'yaml';
import type { Analysis } from '../analysis';
import {
  categoryById,
  componentKindById,
  enumEntryById,
  scenarioTypeById,
  scenarioTypesOf,
  type CatalogEntry,
} from '../catalog';
import { dateText } from '../date';
import { durationText, formatDuration, parseDuration } from '../duration';
import { hoverTexts, terms, type TermName } from '../i18n/hoverTexts';
import type { Message } from '../i18n/messages';
import { formatNumber } from '../i18n/numbers';
import type { IdList, ScenarioModel } from '../model/plan';
import { allowedDowntime, itemAt, itemsById, latestMeasured } from '../model/queries';
import { itemsOf } from '../model/references';
import { type FieldSpec, type ReferenceList } from '../schema/fields';
import { fieldAt, fieldDoc, fieldOfValue } from '../schema/fieldLookup';
import { partitionPoint } from '../search';
import type { DiagnosticCode, Locale } from '../types';
import type { Finding } from '../validate/diagnostic';
import { measuredHover, periodHover, startedHover, targetEvidence } from './evidenceHover';
import { itemHover } from './itemHover';
import { nodeAtOffset, type NodeAtOffset } from './nodeAtOffset';
import { codeSpan, escapeMarkdown } from './markdown';

type Path = readonly (string | number)[];

/**
 * The hover at `offset`: what a key means (its schema description), what a catalog value stands
 * for, who or what a reference names, and for RTO, RPO, MTPD, recovery time, RTA and RPA the
 * meaning, the value in plain units and how it relates to the rest of its scenario (✓/✗).
 * A pure function of the analysis: one descent to the node, lookups by id, no walk over the plan.
 * What it throws, the language service logs (and answers no hover).
 */
export function hover(analysis: Analysis, offset: number, locale: Locale): Hover | null {
  const at = nodeAtOffset(analysis.yaml, offset);
  if (!at) return null;
  const parts = describe(new HoverContext(analysis, at, locale));
  if (parts.length === 0) return null;
  const [start, end] = analysis.yaml.span(at.node);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: analysis.yaml.index.range(start, end),
  };
}

/** What one hover request knows: the analysis, the node, the language. */
class HoverContext {
  constructor(
    readonly analysis: Analysis,
    readonly at: NodeAtOffset,
    readonly locale: Locale,
  ) {}

  say(message: Message): string {
    return message[this.locale];
  }

  /** The scenario at a position of the `scenarios` list. */
  scenarioAt(position: number): ScenarioModel | undefined {
    return itemAt(this.analysis.model.scenarios, position);
  }

  /** The value's text, when it is a string (catalog ids and references are). */
  get text(): string | undefined {
    const value = this.at.value;
    return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
  }

  /** The findings on exactly `node`, as "⚠ message" lines, without those of the given codes. */
  notes(node: Node | null, except: ReadonlySet<DiagnosticCode> = NO_CODES): string[] {
    if (!node?.range) return [];
    const [start, end] = this.analysis.yaml.span(node);
    return findingsAt(this.analysis.findings, start, end)
      .filter((finding) => !except.has(finding.code))
      .map((finding) => `⚠ ${escapeMarkdown(this.say(finding.message))}`);
  }
}

const NO_CODES: ReadonlySet<DiagnosticCode> = new Set();

/** The codes a term hover shows as ✓/✗ lines already. */
const RELATION_CODES: ReadonlySet<DiagnosticCode> = new Set([
  'rto-exceeded',
  'rpo-not-met',
  'downtime-budget',
  'rto-exceeds-mtpd',
  'rta-exceeded',
  'rpa-exceeded',
]);

function describe(c: HoverContext): string[] {
  const { path, kind } = c.at;
  const last = path[path.length - 1];
  if (path.some((segment) => typeof segment === 'string' && segment.startsWith('x-'))) {
    // Extension fields: drplan ignores what is inside them.
    return kind === 'key' && typeof last === 'string' && last.startsWith('x-') ? [c.say(hoverTexts.extensionField)] : [];
  }
  const term = termAt(path);
  if (term) return termHover(c, term);
  if (kind === 'value') {
    const special = valueHover(c);
    if (special) return special;
  }
  const parts = keyDescription(c);
  const spec = keyField(path);
  if (spec?.kind === 'percentage') {
    if (spec.definition === 'availabilityResult') parts.push(...measuredHover(c.analysis, path, c.locale));
    else parts.push(...targetEvidence(c.analysis, c.locale), ...budgetOfTarget(c));
  }
  if (spec?.kind === 'period') parts.push(...periodHover(c.at.value, c.locale));
  if (spec?.kind === 'dateTime') parts.push(...startedHover(c.at.value, c.locale));
  if (spec?.kind === 'duration') parts.push(...durationOf(c, false));
  parts.push(...c.notes(c.at.node));
  return parts;
}

// ---------------------------------------------------------------------------
// what the field at the cursor is (the field table says)

interface TermAt {
  readonly name: TermName;
  readonly scenario: number;
  /** For a measurement (RTA, RPA): the exercise's list position. */
  readonly exercise?: number;
}

/** RTO, RPO, MTPD, recovery time of a scenario, RTA and RPA of an exercise. */
function termAt(path: Path): TermAt | undefined {
  const spec = keyField(path);
  const scenario = path[1];
  if (spec?.kind !== 'duration' || !spec.term || typeof scenario !== 'number') return undefined;
  const exercise = path[3];
  return spec.definition === 'exercise' && typeof exercise === 'number' ? { name: spec.term, scenario, exercise } : { name: spec.term, scenario };
}

/** The field whose key ends the path. */
function keyField(path: Path): FieldSpec | undefined {
  const key = path[path.length - 1];
  return typeof key === 'string' ? fieldAt(path.slice(0, -1), key) : undefined;
}

// ---------------------------------------------------------------------------
// RTO, RPO, MTPD, recovery time, RTA, RPA

function termHover(c: HoverContext, term: TermAt): string[] {
  const parts = [c.say(terms[term.name]), ...durationOf(c, term.name === 'rpo')];
  const minutes = minutesOf(c.at.value);
  const scenario = c.scenarioAt(term.scenario);
  if (scenario && minutes !== undefined) {
    const lines = relations(c, term, scenario, minutes).map(({ mark, text }) => `- ${mark} ${c.say(text)}`);
    if (lines.length > 0) parts.push(lines.join('\n'));
  }
  parts.push(...c.notes(c.at.written, RELATION_CODES));
  return parts;
}

function minutesOf(value: Node | null): number | undefined {
  if (!isScalar(value)) return undefined;
  const result = parseDuration(value.value);
  return result.ok ? result.minutes : undefined;
}

/** The value of a duration field in plain units, when it is a valid duration. */
function durationOf(c: HoverContext, isRpo: boolean): string[] {
  const value = c.at.value;
  const minutes = minutesOf(value);
  return minutes === undefined || !isScalar(value) ? [] : [normalised(c, String(value.value), minutes, isRpo)];
}

/** "`8h` = 8 Stunden = 480 Minuten": the value in words and in minutes, where that adds something. */
function normalised(c: HoverContext, written: string, minutes: number, isRpo: boolean): string {
  const words = formatDuration(minutes, c.locale);
  const inMinutes = `${number(minutes, c.locale)} ${c.locale === 'de' ? 'Minuten' : 'minutes'}`;
  const chain = [`\`${written.replace(/`/g, "'")}\``];
  if (words !== written.trim()) chain.push(words);
  if (inMinutes !== words) chain.push(inMinutes);
  const noLoss = isRpo && minutes === 0 ? ` (${c.say(hoverTexts.noDataLoss)})` : '';
  return chain.join(' = ') + noLoss;
}

interface Relation {
  readonly mark: '✓' | '✗' | '○';
  readonly text: Message;
}

const check = (ok: boolean, text: Message): Relation => ({ mark: ok ? '✓' : '✗', text });
const unknown = (text: Message): Relation => ({ mark: '○', text });

/** How the hovered value relates to the rest of its scenario, in the rules' own terms. */
function relations(c: HoverContext, term: TermAt, scenario: ScenarioModel, minutes: number): Relation[] {
  const result: Relation[] = [];
  const d = durationText;
  switch (term.name) {
    case 'rto': {
      const recovery = scenario.recoveryTime?.minutes;
      if (recovery !== undefined) result.push(check(recovery <= minutes, hoverTexts.recoveryVsRto(recovery <= minutes, d(recovery), d(minutes))));
      const mtpd = scenario.mtpd?.minutes;
      if (mtpd !== undefined) result.push(check(minutes <= mtpd, hoverTexts.rtoVsMtpd(minutes <= mtpd, d(minutes), d(mtpd))));
      const budget = budgetOf(c.analysis.model.availability?.target?.value);
      if (budget) {
        const ok = minutes <= budget.minutes;
        result.push(check(ok, hoverTexts.rtoVsBudget(ok, d(minutes), budget.target, d(budget.minutes))));
      }
      result.push(latestMeasurement(scenario, 'recoveryTime', minutes));
      break;
    }
    case 'rpo': {
      const backup = scenario.backup;
      if (backup) {
        const named = itemsById(c.analysis.model.backups).get(backup.value);
        const id = quoted(backup.value);
        const interval = named?.interval?.minutes;
        if (!named) result.push(unknown(hoverTexts.unknownBackup(id)));
        else if (interval !== undefined) result.push(check(interval <= minutes, hoverTexts.backupVsRpo(interval <= minutes, id, d(interval), d(minutes))));
      } else if (!scenario.node.has('backup') && losesData(scenario)) {
        result.push(unknown(hoverTexts.noBackup));
      }
      result.push(latestMeasurement(scenario, 'dataLoss', minutes));
      break;
    }
    case 'mtpd': {
      const rto = scenario.rto?.minutes;
      if (rto !== undefined) result.push(check(rto <= minutes, hoverTexts.rtoVsMtpd(rto <= minutes, d(rto), d(minutes))));
      break;
    }
    case 'recoveryTime': {
      const rto = scenario.rto?.minutes;
      if (rto !== undefined) result.push(check(minutes <= rto, hoverTexts.recoveryVsRto(minutes <= rto, d(minutes), d(rto))));
      const timed = scenario.recovery.filter((step) => step.duration?.minutes !== undefined);
      if (timed.length > 0) {
        const sum = timed.reduce((total, step) => total + (step.duration?.minutes ?? 0), 0);
        result.push(check(sum <= minutes, hoverTexts.stepsVsRecovery(sum <= minutes, d(sum), d(minutes))));
      }
      break;
    }
    case 'rta':
    case 'rpa': {
      const isRta = term.name === 'rta';
      const objective = (isRta ? scenario.rto : scenario.rpo)?.minutes;
      const exercise = scenario.exercises.find((e) => e.index === term.exercise);
      const day = exercise?.date?.day;
      const date = day === undefined ? undefined : dateText(day);
      if (objective !== undefined) {
        const ok = minutes <= objective;
        result.push(check(ok, isRta ? hoverTexts.rtaVsRto(ok, date, d(minutes), d(objective)) : hoverTexts.rpaVsRpo(ok, date, d(minutes), d(objective))));
      }
      const latest = latestMeasured(scenario, isRta ? 'recoveryTime' : 'dataLoss');
      if (latest && latest.exercise.index !== term.exercise) result.push(unknown(hoverTexts.notLatest(dateText(latest.day))));
      break;
    }
  }
  return result;
}

/** How the latest exercise's measured recovery time (RTA) or data loss (RPA) compares with the objective. */
function latestMeasurement(scenario: ScenarioModel, what: 'recoveryTime' | 'dataLoss', objective: number): Relation {
  const latest = latestMeasured(scenario, what);
  const isRta = what === 'recoveryTime';
  if (!latest) return unknown(isRta ? hoverTexts.rtaUnknown : hoverTexts.rpaUnknown);
  const ok = latest.minutes <= objective;
  const say = isRta ? hoverTexts.rtaVsRto : hoverTexts.rpaVsRpo;
  return check(ok, say(ok, dateText(latest.day), durationText(latest.minutes), durationText(objective)));
}

function losesData(scenario: ScenarioModel): boolean {
  const type = scenario.type && scenarioTypeById(scenario.type.value);
  return type ? type.losesData : true;
}

/** The yearly downtime an availability target allows, as the downtime-budget rule computes it. */
function budgetOf(target: unknown): { minutes: number; target: Message } | undefined {
  const minutes = allowedDowntime(target);
  if (minutes === undefined || typeof target !== 'number') return undefined;
  return { minutes, target: { de: `${number(target, 'de')} %`, en: `${number(target, 'en')} %` } };
}

/** On `availability.target`: the downtime per year it allows. */
function budgetOfTarget(c: HoverContext): string[] {
  const value = c.at.value;
  const target = isScalar(value) ? value.value : undefined;
  const budget = budgetOf(target);
  if (!budget || typeof target !== 'number') return [];
  const formula = { de: `(100 − ${number(target, 'de')}) %`, en: `(100 − ${number(target, 'en')}) %` };
  return [c.say(hoverTexts.downtimeBudget(budget.target, durationText(budget.minutes), formula))];
}

// ---------------------------------------------------------------------------
// catalog values and references

/** The hover of a catalog value or a reference; undefined where the value means nothing special. */
function valueHover(c: HoverContext): string[] | undefined {
  const text = c.text;
  if (text === undefined) return undefined;
  const spec = fieldOfValue(c.at.path);
  if (!spec) return undefined;
  const parts = describeValue(c, spec, text);
  return parts && [...parts, ...c.notes(c.at.node)];
}

function describeValue(c: HoverContext, spec: FieldSpec, text: string): string[] | undefined {
  switch (spec.kind) {
    case 'reference':
    case 'references':
      return referenceHover(c, text, spec.list);
    case 'id':
      return idHover(c, text, spec.list);
    case 'catalog':
      switch (spec.catalog) {
        case 'category':
          return categoryHover(c, text);
        case 'scenarioType':
          return scenarioTypeHover(c, text);
        case 'componentKind':
          return entryHover(c, componentKindById(text), hoverTexts.componentKind);
        default:
          return entryHover(c, enumEntryById(spec.catalog, text));
      }
    default:
      return undefined;
  }
}

function entryHover(c: HoverContext, entry: CatalogEntry | undefined, what?: Message): string[] | undefined {
  if (!entry) return undefined;
  const kind = what ? `${c.say(what)} ` : '';
  return [`**${escapeMarkdown(c.say(entry.label))}** · ${kind}\`${entry.id}\``, escapeMarkdown(c.say(entry.explanation))];
}

function categoryHover(c: HoverContext, text: string): string[] | undefined {
  const category = categoryById(text);
  const parts = entryHover(c, category, hoverTexts.category);
  if (!parts) return undefined;
  const types = scenarioTypesOf(text).map((type) => `${escapeMarkdown(c.say(type.label))} (\`${type.id}\`)`);
  return [...parts, `${c.say(hoverTexts.typesOfCategory)}: ${types.join(' · ')}`];
}

function scenarioTypeHover(c: HoverContext, text: string): string[] | undefined {
  const type = scenarioTypeById(text);
  const parts = entryHover(c, type, hoverTexts.scenarioType);
  if (!type || !parts) return undefined;
  const category = categoryById(type.category);
  if (category) parts[0] += ` (${escapeMarkdown(c.say(category.label))})`;
  return [
    ...parts,
    `**${c.say(hoverTexts.suggestedPrevention)}**\n${type.prevention.map((step) => `- ${escapeMarkdown(step)}`).join('\n')}`,
    `**${c.say(hoverTexts.suggestedRecovery)}**\n${type.recovery.map((step, i) => `${i + 1}. ${escapeMarkdown(step)}`).join('\n')}`,
  ];
}

function referenceHover(c: HoverContext, id: string, list: ReferenceList): string[] {
  const item = itemsById(itemsOf(c.analysis.model, list)).get(id);
  if (!item) {
    // The unknown-reference finding says the same, with the closest id: it comes as a note.
    return c.notes(c.at.node).length > 0 ? [] : [c.say(hoverTexts.notDefined(quoted(id), list))];
  }
  return itemHover(c.analysis.model, list, item, c.locale);
}

/**
 * On the id of a component, a backup or an alert level: what references to it show, then what
 * the key means.
 * The first item of a duplicated id is the one references name; a later one gets the key alone.
 */
function idHover(c: HoverContext, id: string, list: IdList): string[] | undefined {
  if (list === 'contacts' || list === 'scenarios') return undefined;
  const item = itemsById(itemsOf(c.analysis.model, list)).get(id);
  if (!item || item.id?.start !== c.at.node?.range?.[0]) return undefined;
  return [...itemHover(c.analysis.model, list, item, c.locale), ...keyDescription(c)];
}

// ---------------------------------------------------------------------------
// keys

/**
 * "**Sicherungsintervall** · `interval`" and what the key means: the German field docs, or the
 * schema's own English title and description.
 */
function keyDescription(c: HoverContext): string[] {
  const path = c.at.path;
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  const doc = fieldDoc(path.slice(0, -1), key, c.locale);
  if (!doc) return [];
  const parts = [`**${escapeMarkdown(doc.title)}** · ${codeSpan(key)}`];
  if (doc.description) parts.push(doc.description);
  return parts;
}

// ---------------------------------------------------------------------------
// findings

/** The findings whose span is exactly [start, end): binary search, the findings are sorted by start. */
function findingsAt(findings: readonly Finding[], start: number, end: number): Finding[] {
  const low = partitionPoint(findings.length, (i) => (findings[i] as Finding).span.start < start);
  const result: Finding[] = [];
  for (let i = low; i < findings.length && (findings[i] as Finding).span.start === start; i++) {
    const finding = findings[i] as Finding;
    if (finding.span.end === end) result.push(finding);
  }
  return result;
}

// ---------------------------------------------------------------------------
// markdown

function quoted(id: string): Message {
  return { de: `„${escapeMarkdown(id)}“`, en: `'${escapeMarkdown(id)}'` };
}

/** 480 · 2.880 (de) · 2,880 (en) · 99,5 (de) */
function number(value: number, locale: Locale): string {
  return formatNumber(value, locale, 2);
}
