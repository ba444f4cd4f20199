/**
 * The plan's side of the availability import: what it asks to measure (the measurements with a
 * `query`, their `interval`, the target), and the edits that record a period's results in
 * `availability.results` through the YAML edit toolkit: one entry per period and source, added
 * after the last, or, where the plan has one already, updated in place (its comments and other
 * keys stay, `excluded` too: announced maintenance is the author's to record, and the import
 * measures the whole period, maintenance counted as down, as `measured` always is).
 *
 * What to measure is read from the model; the entries to update from the YAML tree, whose nodes
 * the edits need.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Analysis } from '../analysis';
import type { YamlDocument } from '../parse/yamlDocument';
import { excludedMinutes } from '../model/availability';
import { parsePeriod, type Period } from '../period';
import { addToListOf, setMappingValues } from '../yaml/edit';
import { layoutOf, lineEndingOf } from '../yaml/layout';
import { applyEdits, type OffsetEdit } from '../yaml/offsetEdits';
import { nodeAtPointer } from '../yaml/pointer';
import { entry, text, verbatim, type YamlEntry } from '../yaml/write';
import { downtimeText } from './availability';
import type { AvailabilityPlan, ExcludedMaintenance, PlannedMeasurement, RecordedResult } from './measurements';

/** Why the results cannot be written into the plan. */
export type PlanProblem =
  /** The YAML does not parse (or the plan is over the size limit): no edit is safe. */
  | { readonly problem: 'unreadable' }
  /** `availability`, or the entry to update, is written through an alias or a merge key. */
  | { readonly problem: 'alias'; readonly source?: string }
  /** `availability` or `availability.results` is no mapping / list. */
  | { readonly problem: 'shape'; readonly key: 'availability' | 'results' };

export function isUnreadable(analysis: Analysis): boolean {
  return analysis.tooLarge !== undefined || analysis.findings.some((finding) => finding.code === 'yaml-syntax');
}

export function availabilityPlan(analysis: Analysis): AvailabilityPlan {
  const availability = analysis.model.availability;
  const measurements: PlannedMeasurement[] = [];
  for (const measurement of availability?.measurements ?? []) {
    const id = measurement.id?.value;
    if (!id) continue;
    const minutes = measurement.interval?.minutes;
    const seconds = minutes === undefined ? undefined : Math.round(minutes * 60);
    const query = measurement.query?.value;
    measurements.push({ id, query: query !== undefined && query.trim() !== '' ? query : undefined, interval: seconds !== undefined && seconds >= 1 ? seconds : undefined });
  }
  const excluded: ExcludedMaintenance[] = [];
  for (const result of availability?.results ?? []) {
    const minutes = excludedMinutes(result);
    const source = result.source?.value;
    if (minutes > 0 && result.days && source) excluded.push({ period: result.days.id, source, minutes });
  }
  return { target: availability?.target?.value, measurements, excluded };
}

export interface ResultEdits {
  /** The plan's text with the results recorded. */
  readonly text: string;
  /** The one edit that makes it of the plan's text: from the first changed character to the last. */
  readonly edit: OffsetEdit;
  /** The sources whose entry for the period was there and is updated (the others are added). */
  readonly replaced: readonly string[];
}

/**
 * Records `results` for `period` in `availability.results`, in the toolkit's minimal edits: the
 * figures of an entry there set, new entries added after the last.
 */
export function availabilityResultEdits(analysis: Analysis, period: Period, results: readonly RecordedResult[]): ResultEdits | PlanProblem {
  if (isUnreadable(analysis)) return { problem: 'unreadable' };
  const found = resultsList(analysis.yaml);
  if ('problem' in found) return found;
  const layout = layoutOf(analysis.text);
  const eol = lineEndingOf(analysis.text);
  const edits: OffsetEdit[] = [];
  const replaced: string[] = [];
  const added: YamlEntry[][] = [];
  for (const result of results) {
    const entries = resultEntries(period, result);
    const matches = entriesOf(found, period, result.source);
    if (matches === undefined) return { problem: 'alias', source: result.source };
    if (matches.length === 0) added.push(entries);
    else replaced.push(result.source);
    // period and source name the entry already: the figures are set.
    for (const item of matches) edits.push(...setMappingValues(analysis.yaml, item, entries.slice(1, 4), layout, eol));
  }
  if (added.length > 0) edits.push(...addToListOf(analysis.yaml, found.availability, 'results', added, layout, eol));
  const text = applyEdits(analysis.text, edits);
  return { text, edit: differingPart(analysis.text, text), replaced };
}

interface ResultsList {
  readonly yaml: YamlDocument;
  readonly availability: YAMLMap;
  readonly list: YAMLSeq | undefined;
}

function resultsList(yaml: YamlDocument): ResultsList | PlanProblem {
  const availability = nodeAtPointer(yaml, '/availability');
  if (!availability || !isMap(availability.value)) return { problem: 'shape', key: 'availability' };
  if (!availability.own) return { problem: 'alias' };
  const results = yaml.entries(availability.value).get('results');
  if (results && (isAlias(results.written) || results.merged)) return { problem: 'alias' };
  const list = results?.value ?? null;
  if (list !== null && !isSeq(list) && !(isScalar(list) && list.value === null)) return { problem: 'shape', key: 'results' };
  return { yaml, availability: availability.value, list: isSeq(list) ? list : undefined };
}

/** The entries of `period` and `source`, as written; undefined when one is an alias. */
function entriesOf({ yaml, list }: ResultsList, period: Period, source: string): YAMLMap[] | undefined {
  const matches = ((list?.items ?? []) as (Node | null)[]).filter((item) => isEntryOf(yaml, item, period, source));
  return matches.every((item) => isMap(item)) ? (matches as YAMLMap[]) : undefined;
}

/** The one edit from `before` to `after`: the part between their common beginning and end. */
function differingPart(before: string, after: string): OffsetEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

/** A new entry, in the order authors write it: period, measured, downtime, outages, source. */
function resultEntries(period: Period, result: RecordedResult): YamlEntry[] {
  return [
    entry('period', verbatim(period.id)),
    entry('measured', verbatim(String(result.measured))),
    entry('downtime', verbatim(downtimeText(result.downtime))),
    entry('outages', verbatim(String(result.outages))),
    entry('source', text(result.source)),
  ];
}

/** Whether a results item is the entry of `period` and `source` (an alias item: of what it stands for). */
function isEntryOf(yaml: YamlDocument, item: Node | null, period: Period, source: string): boolean {
  const map = yaml.resolve(item);
  if (!isMap(map)) return false;
  const entries = yaml.entries(map);
  const periodValue = entries.get('period')?.value;
  const sourceValue = entries.get('source')?.value;
  return isScalar(periodValue) && parsePeriod(periodValue.value)?.id === period.id && isScalar(sourceValue) && sourceValue.value === source;
}
