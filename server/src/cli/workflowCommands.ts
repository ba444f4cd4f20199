/**
 * `drplan check --format github`: GitHub Actions workflow commands, one line per finding, which
 * the runner turns into annotations on the file and line (in the job's summary and a pull
 * request's changed files):
 *
 *   ::error file=plans/a.drplan.yaml,line=14,col=20,endColumn=30,title=drplan rto-exceeded::Recovery takes …
 *
 * An error is `::error`, a warning `::warning`, information and hints `::notice`. Columns are
 * 1-based in UTF-16 code units, `endColumn` the column after the last character (as SARIF's), and
 * given only for a finding on one line (GitHub takes columns only then); a finding over several
 * lines has `endLine`, its last line (inclusive: a range that ends at the start of a line ends with
 * the line before). Then the summary line of text output, which the runner prints as it is.
 *
 * The runner reads a command up to the end of its line, its properties split at `,` and its data
 * after the second `::`; so (as GitHub's toolkit escapes them) `%`, CR and LF are written %25, %0D
 * and %0A, and in a property also `:` and `,` as %3A and %2C. A plan's text in a message can then
 * end no command early nor start one of its own; control characters are shown escaped, as in text
 * output.
 */
import type { Locale } from '../core';
import { repositoryPath, severityName, summaryLine, visible, type FileResult } from './formats';

const COMMANDS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

export function formatWorkflowCommands(results: readonly FileResult[], locale: Locale): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    const path = repositoryPath(file);
    for (const d of diagnostics) {
      const { start, end } = d.range;
      // A range that ends at the start of a line ends with the line before it.
      const lastLine = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
      const position = start.line === end.line ? `col=${start.character + 1},endColumn=${end.character + 1}` : `endLine=${lastLine + 1}`;
      const written = `file=${escapeProperty(path)},line=${start.line + 1},${position},title=${escapeProperty(`drplan ${d.code}`)}`;
      lines.push(`::${COMMANDS[severityName(d)]} ${written}::${escapeData(visible(d.message))}`);
    }
  }
  if (results.length > 0) lines.push(summaryLine(results, locale));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** A command's data (its message). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
