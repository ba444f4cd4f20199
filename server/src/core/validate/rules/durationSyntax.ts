import type { DurationField } from '../../model/plan';
import { durationFieldsOutsideScenarios, scenarioDurationFields, type NamedField } from '../../model/timeFields';
import type { Finding } from '../diagnostic';
import { messages, type Message } from '../../i18n/messages';
import { parseDuration, type DurationProblem, type DurationReading } from '../../duration';
import { field as fieldSpec } from '../../schema/fieldLookup';
import { eachScenario, type Rule } from '../rule';

const REASONS: Record<DurationProblem, Message> = {
  'bare-number': messages.durationBareNumber,
  'ambiguous-m': messages.durationAmbiguousM,
  'unknown-unit': messages.durationUnknownUnit,
  negative: messages.durationNegative,
  syntax: messages.durationSyntax,
  'not-scalar': messages.durationNotScalar,
};

/**
 * invalid-duration: every duration field holds `0`, an ISO 8601 duration or a number and a unit.
 * Where the author may have meant several things (`12 m`), the field's typical values decide:
 * a review interval of 12 months, an RTO of 30 minutes. The one clear reading is the suggestion
 * (data.suggestion, the quick fix); when none is clear, all are named (data.alternatives).
 */
export const durationSyntax: Rule = ({ model, report }) => {
  for (const named of durationFieldsOutsideScenarios(model)) checkDuration(named, report);
};

/** invalid-duration in a scenario (its steps, its times, its exercises). */
export const scenarioDurationSyntax = eachScenario((scenario, report) => {
  scenarioDurationFields(scenario).forEach((named) => checkDuration(named, report));
});

function checkDuration({ field, definition, value }: NamedField<DurationField>, report: (finding: Finding) => void): void {
  const result = value.duration;
  if (result.ok) return;
  const readings = result.readings ?? [];
  const likely = likelyReading(readings, typicalMinutes(definition, field));
  const named = likely ? [likely.written] : readings.map((reading) => reading.written);
  report({
    code: 'invalid-duration',
    span: value,
    message: messages.invalidDuration(field, String(value.value), REASONS[result.problem], named),
    data: {
      field,
      problem: result.problem,
      ...(likely ? { suggestion: likely.written } : named.length > 0 ? { alternatives: named } : {}),
    },
  });
}

/**
 * The reading that lies among the field's typical values, or near them, while every other lies
 * at least ten times as far off (on a log scale: 2 m for an RTO is neither 2 minutes nor 2
 * months, so no guess).
 */
function likelyReading(readings: readonly DurationReading[], typical: readonly number[]): DurationReading | undefined {
  if (readings.length === 0 || typical.length === 0) return undefined;
  const low = Math.min(...typical);
  const high = Math.max(...typical);
  const distance = (minutes: number) => (minutes <= 0 ? Infinity : minutes < low ? Math.log(low / minutes) : minutes > high ? Math.log(minutes / high) : 0);
  const ranked = readings.map((reading) => ({ reading, distance: distance(reading.minutes) })).sort((a, b) => a.distance - b.distance);
  const [best, next] = ranked;
  if (!best || best.distance === Infinity) return undefined;
  return !next || next.distance - best.distance >= Math.log(5) ? best.reading : undefined;
}

const typicalByField = new Map<string, readonly number[]>();

/** The field's typical durations (schema/fields.ts) in minutes, without 0. */
function typicalMinutes(definition: string, key: string): readonly number[] {
  const name = `${definition}.${key}`;
  let minutes = typicalByField.get(name);
  if (!minutes) {
    const spec = fieldSpec(definition, key);
    const typical = spec?.kind === 'duration' ? spec.typical : [];
    minutes = typical.flatMap((value) => {
      const read = parseDuration(value.en);
      return read.ok && read.minutes > 0 ? [read.minutes] : [];
    });
    typicalByField.set(name, minutes);
  }
  return minutes;
}
