import { durationFields } from '../../model/timeFields';
import { messages, type Message } from '../../i18n/messages';
import type { DurationProblem } from '../../duration';
import type { Rule } from '../rule';

const REASONS: Record<DurationProblem, Message> = {
  'bare-number': messages.durationBareNumber,
  'ambiguous-m': messages.durationAmbiguousM,
  'unknown-unit': messages.durationUnknownUnit,
  negative: messages.durationNegative,
  syntax: messages.durationSyntax,
  'not-scalar': messages.durationNotScalar,
};

/** invalid-duration: every duration field holds `0`, an ISO 8601 duration or a number and a unit. */
export const durationSyntax: Rule = ({ model, report }) => {
  for (const { field, value } of durationFields(model)) {
    const result = value.duration;
    if (result.ok) continue;
    report({
      code: 'invalid-duration',
      span: value,
      message: messages.invalidDuration(field, String(value.value), REASONS[result.problem], result.suggestion),
      data: { field, problem: result.problem, suggestion: result.suggestion },
    });
  }
};
