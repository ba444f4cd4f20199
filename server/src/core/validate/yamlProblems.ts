import { messages, type Message } from '../i18n/messages';
import { MAX_NESTING_DEPTH } from '../limits';
import type { YamlDocument, YamlProblem } from '../parse/yamlDocument';
import type { Finding } from './diagnostic';

/** yaml-syntax: what the parser found, and aliases that are unknown or would explode. */
export function yamlProblems(yaml: YamlDocument): Finding[] {
  return yaml.problems.map((problem) => ({
    code: 'yaml-syntax',
    span: { start: problem.start, end: endOf(yaml.text, problem) },
    // Too deep is a limit of drplan's (parse/yamlDocument.ts), not a fault of the YAML: said
    // without "syntax error".
    message: problem.yamlCode === 'RESOURCE_EXHAUSTION' ? messages.nestedTooDeeply(MAX_NESTING_DEPTH) : messages.yamlSyntax(describe(problem)),
    data: problem.yamlCode ? { yamlCode: problem.yamlCode } : undefined,
  }));
}

function describe(problem: YamlProblem): Message {
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
      break;
  }
  switch (problem.yamlCode) {
    case 'DUPLICATE_KEY':
      return messages.yamlDuplicateKey;
    case 'MULTIPLE_DOCS':
      return messages.yamlMultipleDocuments;
    case 'BAD_INDENT':
      return messages.yamlIndentation;
    case 'TAB_AS_INDENT':
      return messages.yamlTab;
    case 'TAG_RESOLVE_FAILED':
      return messages.yamlUnknownTag(problem.detail.replace(/^Unresolved tag:\s*/, ''));
    default:
      // yaml's own wording is precise and English; German readers get it with the German prefix.
      return messages.yamlOther(problem.detail);
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
