import { analyze } from '../../server/src/core';
import { TODAY } from './fixtures';

/**
 * Plans for the tests of single rules (test/unit/rules/): a valid head (drplan, plan) and what
 * the test adds, and the findings of one code as `line:column text`, 1-based, with the text the
 * range covers, so a test shows where a diagnostic points.
 */

export const HEAD = `drplan: "1"
plan:
  title: Notfallplan
  organisation: Beispiel GmbH
  system: Intranet
  version: "1"
`;

/**
 * `scenarios:` with one scenario of type vm-server (recovery 1h, RTO 4h, the `rpo` given), the
 * lines `rest` after it (a backup, exercises, each indented as a key of the scenario).
 */
export function vmScenario(rpo: string, rest: string): string {
  return `scenarios:
  - id: vm
    category: hardware
    type: vm-server
    prevention: [Zweiter Host]
    recovery: [Umziehen]
    recovery_time: 1h
    rto: 4h
    rpo: ${rpo}
${rest}`;
}

/** The findings of `code` in `text`, checked on `today` (the fixtures' day by default). */
export function findings(text: string, code: string, today: Date = TODAY): string[] {
  const lines = text.split('\n');
  return analyze(text, { today })
    .diagnostics('en')
    .filter((d) => d.code === code)
    .map((d) => {
      const { start, end } = d.range;
      const covered = start.line === end.line ? (lines[start.line] ?? '').slice(start.character, end.character) : `${(lines[start.line] ?? '').slice(start.character)}…`;
      return `${start.line + 1}:${start.character + 1} ${covered}`;
    });
}

/** The messages of `code` in `text`, in a language. */
export function messagesOf(text: string, code: string, locale: 'de' | 'en' = 'en', today: Date = TODAY): string[] {
  return analyze(text, { today })
    .diagnostics(locale)
    .filter((d) => d.code === code)
    .map((d) => d.message);
}

/** The 1-based line of the first line of `text` that contains `needle` (after `after`). */
export function lineOf(text: string, needle: string, after = ''): number {
  const from = text.indexOf(after);
  const at = text.indexOf(needle, from < 0 ? 0 : from);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, at).split('\n').length;
}
