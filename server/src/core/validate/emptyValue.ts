import type { Span } from '../types';
import type { Finding } from './diagnostic';

/**
 * Where a finding about an empty value points: where the value is to be written.
 *
 * yaml places the empty value of `key:` followed by blanks and a comment at the comment's `#`
 * (the new plan's placeholders look like that: `rto:                    # RTO: …`). F8 and a click
 * in the Problems view put the cursor there, and what the author then types swallows the comment:
 * `rto:   8h# RTO: …` is one plain scalar, and `organisation:   Stadtwerke# Name der Organisation`
 * even passes the check with the hint in the organisation's name. After the colon and one blank,
 * the same typing gives `rto: 8h   # RTO: …`. With a single blank before the comment there is no
 * such place, and the finding stays where it is.
 */
export function atEmptyValue(finding: Finding, text: string): Finding {
  const span = emptyValueSpan(finding.span, text);
  return span === finding.span ? finding : { ...finding, span };
}

function emptyValueSpan(span: Span, text: string): Span {
  if (span.end !== span.start || text[span.start] !== '#') return span;
  let blanks = span.start;
  while (blanks > 0 && (text[blanks - 1] === ' ' || text[blanks - 1] === '\t')) blanks--;
  if (text[blanks - 1] !== ':' || span.start - blanks < 2) return span;
  const value = blanks + 1;
  return { start: value, end: value };
}
