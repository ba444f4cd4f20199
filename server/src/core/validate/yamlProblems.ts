import { messages, type Message } from '../i18n/messages';
import { MAX_NESTING_DEPTH, MAX_YAML_PROBLEMS } from '../limits';
import type { YamlDocument, YamlProblem } from '../parse/yamlDocument';
import type { Finding } from './diagnostic';
import { describeYamlCode, escapeAt } from './yamlCodes';
import { yamlMessages } from '../i18n/yamlMessages';

/**
 * yaml-syntax: what the parser found, and aliases that are unknown or would explode; at most
 * MAX_YAML_PROBLEMS, the last with a note of how many more there are.
 */
export function yamlProblems(yaml: YamlDocument): Finding[] {
  const findings: Finding[] = [];
  let escapesIn: DoubleQuoted | undefined;
  for (const [i, problem] of yaml.problems.entries()) {
    if (findings.length === MAX_YAML_PROBLEMS) {
      const last = findings[MAX_YAML_PROBLEMS - 1] as Finding;
      const more = messages.moreYamlProblems(yaml.problems.length - i, MAX_YAML_PROBLEMS);
      findings[MAX_YAML_PROBLEMS - 1] = { ...last, message: { de: `${last.message.de} ${more.de}`, en: `${last.message.en} ${more.en}` } };
      break;
    }
    let quoted: DoubleQuoted | undefined;
    if (problem.yamlCode === 'BAD_DQ_ESCAPE') {
      // `"C:\Backup\Daten"` is one mistake, not one per backslash.
      if (escapesIn && problem.start > escapesIn.open && problem.start < escapesIn.close) continue;
      quoted = doubleQuotedAround(yaml.text, problem.start);
      escapesIn = quoted;
    }
    findings.push({
      code: 'yaml-syntax',
      span: { start: problem.start, end: endOf(yaml.text, problem) },
      // Too deep is a limit of drplan's (parse/yamlDocument.ts), not a fault of the YAML: said
      // without "syntax error".
      message: problem.yamlCode === 'RESOURCE_EXHAUSTION' ? messages.nestedTooDeeply(MAX_NESTING_DEPTH) : messages.yamlSyntax(describe(yaml.text, problem, quoted)),
      data: problem.yamlCode ? { yamlCode: problem.yamlCode } : undefined,
    });
  }
  return findings;
}

function describe(text: string, problem: YamlProblem, quoted: DoubleQuoted | undefined): Message {
  switch (problem.kind) {
    case 'unknown-anchor':
      return messages.unknownAnchor(problem.detail);
    case 'alias-expansion':
      return messages.aliasExpansion(problem.detail);
    case 'merge-expansion':
      return messages.mergeExpansion;
    case 'control-character':
      return messages.controlCharacter(problem.detail);
    case 'parser':
      // yaml's own message (`detail`) is English and never shown: its code says what it found.
      if (problem.yamlCode === 'BAD_DQ_ESCAPE') return yamlMessages.badEscape(escapeAt(text, problem.start), quoted?.singleQuoted);
      return describeYamlCode(problem.yamlCode, text, problem.start);
  }
}

/** yaml marks a duplicate key by its first character; the squiggle belongs under the whole key. */
function endOf(text: string, problem: YamlProblem): number {
  if (problem.yamlCode === 'DUPLICATE_KEY') {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^\s:]+)/.exec(text.slice(problem.start, problem.start + 1024));
    if (key) return problem.start + key[0].length;
  }
  return Math.max(problem.end, problem.start + 1);
}

/** A double-quoted string on one line: where its quotes stand, and how it is written in single quotes. */
interface DoubleQuoted {
  readonly open: number;
  readonly close: number;
  readonly singleQuoted: string | undefined;
}

/**
 * The double-quoted string that holds the escape at `offset`, if it stands on one line (a
 * Windows path, typically). In single quotes a backslash is just a backslash.
 */
function doubleQuotedAround(text: string, offset: number): DoubleQuoted | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open = offset - 1;
  while (open >= lineStart && !(text[open] === '"' && text[open - 1] !== '\\')) open--;
  if (open < lineStart) return undefined;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return undefined;
    if (c === '\\') i++;
    else if (c === '"') {
      // A long text is no example: the message then shows a short one.
      const content = text.slice(open + 1, i);
      return { open, close: i, singleQuoted: content.length <= 80 ? `'${content.replace(/'/g, "''")}'` : undefined };
    }
  }
  return undefined;
}
