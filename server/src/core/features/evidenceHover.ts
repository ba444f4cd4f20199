import { isScalar, type Node } from 'yaml';
import type { Analysis } from '../analysis';
import { dateText, formatDateTime, offsetText, parseDateTime } from '../date';
import { durationText } from '../duration';
import { percentText, periodText } from '../i18n/availabilityMessages';
import { hoverTexts } from '../i18n/hoverTexts';
import type { Message } from '../i18n/messages';
import { comparedAvailability, excludedMinutes, meetsTarget, resultsInOrder, validTarget } from '../model/availability';
import { allowedDowntime, itemAt } from '../model/queries';
import { parsePeriod, periodMinutes } from '../period';
import type { Locale } from '../types';

/**
 * What hover says of the evidence of issue 16: a result's measured availability against the
 * target (with the excluded maintenance left out, as the rule compares), the days a period
 * covers, when an exercise began, and on the target its latest result. Markdown lines.
 */

type Path = readonly (string | number)[];

/** On `measured` of `availability.results[i]`: ✓/✗ against the target, and the downtime the period allows. */
export function measuredHover(analysis: Analysis, path: Path, locale: Locale): string[] {
  const position = path[2];
  const results = analysis.model.availability?.results ?? [];
  const result = typeof position === 'number' ? itemAt(results, position) : undefined;
  if (!result?.measured) return [];
  const target = validTarget(analysis.model);
  if (target === undefined) return [`○ ${hoverTexts.noTarget[locale]}`];
  const lines: string[] = [];
  const met = meetsTarget(result, target) as boolean;
  const excluded = excludedMinutes(result);
  const compared = comparedAvailability(result) as number;
  const without = excluded > 0 ? { excluded: durationText(excluded), compared: percentText(compared, true) } : undefined;
  lines.push(`- ${met ? '✓' : '✗'} ${hoverTexts.measuredVsTarget(met, percentText(result.measured.value), percentText(target), without)[locale]}`);
  const allowed = result.days && allowedDowntime(target, periodMinutes(result.days) - excluded);
  if (allowed !== undefined) lines.push(`- ${hoverTexts.allowedInPeriod(percentText(target), durationText(Math.round(allowed)))[locale]}`);
  return [lines.join('\n')];
}

/** On a period: its name and the days it covers. */
export function periodHover(value: Node | null, locale: Locale): string[] {
  const period = isScalar(value) ? parsePeriod(value.value) : undefined;
  if (!period) return [];
  const name = periodText(period)[locale];
  const span = hoverTexts.periodDays(dateText(period.start), dateText(period.end - 1), period.end - period.start)[locale];
  return [`**${name}**: ${span}`];
}

/** On an exercise's `started`: the day and time as written, with its offset from UTC or as local time. */
export function startedHover(value: Node | null, locale: Locale): string[] {
  const time = isScalar(value) ? parseDateTime(value.value) : undefined;
  if (!time) return [];
  const zone = time.offset === undefined ? hoverTexts.localTime[locale] : offsetText(time.offset);
  return [`**${formatDateTime(time, locale)}** (${zone})`];
}

/** On the target: the latest result measured, ✓/✗ against it. */
export function targetEvidence(analysis: Analysis, locale: Locale): string[] {
  const results = resultsInOrder(analysis.model).filter((result) => result.measured !== undefined);
  const latest = results[results.length - 1];
  if (!latest?.days || !latest.measured) return [];
  const met = meetsTarget(latest, validTarget(analysis.model));
  const mark = met === undefined ? '○' : met ? '✓' : '✗';
  const text: Message = hoverTexts.latestResult(periodText(latest.days), percentText(latest.measured.value));
  return [`${mark} ${hoverTexts.fields.results[locale]}: ${text[locale]}`];
}
