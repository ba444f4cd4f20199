/**
 * The output formats of `drplan check`: text for people, json (format.md's contract), sarif (code
 * scanning); the formats of CI pipelines are modules of their own, gitlab (codeQuality.ts, the
 * Code Quality report) and github (workflowCommands.ts, annotations). All of them print every
 * finding of every file in the order checked; only text and github add a summary line, in the
 * language of the messages. docs/format.md ("drplan check") describes each.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type Locale, type PlanDiagnostic } from '../core';
import { DIAGNOSTIC_SEVERITIES } from '../core/types';
import { SEVERITY_WORDS, summary } from './cliMessages';
import type { PathSegment } from './findingPaths';
import { RULE_DESCRIPTIONS, ruleHelp } from './ruleDescriptions';

/** The diagnostics of one checked file. */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly PlanDiagnostic[];
  /** Where in the YAML each diagnostic points (findingPaths.ts), when the format asked for it. */
  readonly paths?: readonly (readonly PathSegment[])[];
}

export const FORMATS = ['text', 'json', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const SEVERITY_NAMES: Record<DiagnosticSeverity, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(diagnostic: PlanDiagnostic): 'error' | 'warning' | 'information' | 'hint' {
  return SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error];
}

/** Control characters, which could move the cursor or clear the screen, and the characters that reorder text. */
const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: a run of white space that breaks the line becomes one blank, and
 * INVISIBLE characters are shown escaped (`\x1b`, `\u202e`). Messages quote what the plan says,
 * which may be megabytes: each step is one pass, and is skipped where there is nothing to change
 * (`\s*\n\s*` instead of `\s+` took 107 s for 320,000 blanks; a callback for each of a million
 * runs of blanks that stay took seconds).
 */
export function visible(text: string): string {
  const oneLine = text.includes('\n') ? text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)) : text;
  if (oneLine.search(INVISIBLE) < 0) return oneLine;
  return oneLine.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * `file:line:col: severity code: message`, 1-based, one line per diagnostic, the severity in the
 * language of the messages; then a summary line (`3 files checked: 2 errors, 1 warning`), as
 * eslint and tsc end theirs. Nothing when no file was checked: standard error says why.
 */
export function formatText(results: readonly FileResult[], locale: Locale): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    const shown = visible(file);
    for (const d of diagnostics) {
      const severity = d.severity ?? DiagnosticSeverity.Error;
      lines.push(`${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_WORDS[severity][locale]} ${d.code}: ${visible(d.message)}`);
    }
  }
  if (results.length > 0) lines.push(summaryLine(results, locale));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `3 files checked: 2 errors, 1 warning`, in the language of the messages. */
export function summaryLine(results: readonly FileResult[], locale: Locale): string {
  const findings = new Map<DiagnosticSeverity, number>();
  for (const { diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = d.severity ?? DiagnosticSeverity.Error;
      findings.set(severity, (findings.get(severity) ?? 0) + 1);
    }
  }
  return summary(results.length, findings)[locale];
}

/** format.md's JSON contract: one array of LSP diagnostics, each with `file`, severity as a word. */
export function formatJson(results: readonly FileResult[]): string {
  const items = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ ...d, severity: severityName(d), file })),
  );
  return `${JSON.stringify(items, null, 2)}\n`;
}

const SARIF_LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Where the codes are explained: docs/format.md's table of diagnostics. */
const CODES_HELP = 'https://github.com/drplan/drplan/blob/main/docs/format.md#diagnostics';

/**
 * SARIF 2.1.0, one run, a rule per drplan code. Each rule has what GitHub code scanning requires
 * of it (Microsoft's SARIF validator checks that, test/cli/sarif.test.ts): a `shortDescription`
 * and `fullDescription` (the one line of ruleDescriptions.ts) and `help` (where docs/format.md
 * explains the code), in the language of the messages; and a `name` in the form the validator
 * asks for, the code in Pascal case (`RtoExceeded`), where that is more than the id.
 */
export function formatSarif(results: readonly FileResult[], version: string, locale: Locale): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'drplan',
            version,
            informationUri: 'https://github.com/drplan/drplan',
            rules: DIAGNOSTIC_CODES.map((code) => ({
              id: code,
              ...friendlyName(code),
              shortDescription: { text: RULE_DESCRIPTIONS[code][locale] },
              fullDescription: { text: RULE_DESCRIPTIONS[code][locale] },
              help: { text: ruleHelp(code, CODES_HELP)[locale], markdown: ruleHelp(code, `[docs/format.md](${CODES_HELP})`)[locale] },
              helpUri: CODES_HELP,
              defaultConfiguration: { level: SARIF_LEVELS[SEVERITY_NAMES[DIAGNOSTIC_SEVERITIES[code]]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: DIAGNOSTIC_CODES.indexOf(d.code),
            level: SARIF_LEVELS[severityName(d)],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(file) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * `rto-exceeded` → `RtoExceeded`; none for a code of one word (`untested`), whose name would
 * repeat the id, which the validator (comparing without case) refuses.
 */
function friendlyName(code: string): { name?: string } {
  const name = code.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return name.toLowerCase() === code ? {} : { name };
}

/**
 * A file as CI services place findings: relative to the working folder (where a job runs: the
 * repository's root), with `/` between the parts (`./plans/a.drplan.yaml` and its absolute path
 * both become `plans/a.drplan.yaml`). A file outside the working folder, and standard input
 * (`-`), keep the path as given.
 */
export function repositoryPath(file: string, cwd: string = process.cwd()): string {
  if (file === '-') return file;
  const inside = relative(cwd, resolve(cwd, file));
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return file;
  return inside.split(sep).join('/');
}

/** Relative paths stay relative (SARIF allows it, and CI viewers resolve them); absolute become file URLs. */
function toUri(file: string): string {
  if (file.startsWith('/')) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
