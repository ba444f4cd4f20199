import type { Range } from 'vscode-languageserver-types';

/** A diagnostic a fixture expects, written as a caret comment under the line it points at. */
export interface ExpectedDiagnostic {
  readonly code: string;
  readonly range: Range;
}

const CARETS = /^(\s*#\s*)(\^+)\s+([a-z][a-z-]*)\s*$/;
/** `#^^^^ code`: the hash itself is the first caret, so column 0 can be marked too. */
const HASH_CARETS = /^(\s*)(#\^+)\s+([a-z][a-z-]*)\s*$/;
const IGNORE = /^#\s*ignore:\s*(.+)$/;

/**
 * Reads the expectations of a fixture plan:
 *
 *     recovery_time: 10h
 *   #                ^^^ rto-exceeded
 *
 * marks columns of the nearest line above that is not itself a caret line (`#^^^` with no
 * space marks from the hash on, for column 0), and
 * `# ignore: code, code` names codes the fixture does not pin down.
 */
export function readMarkers(text: string): { expected: ExpectedDiagnostic[]; ignored: Set<string> } {
  const lines = text.split(/\r?\n/);
  const expected: ExpectedDiagnostic[] = [];
  const ignored = new Set<string>();
  let target = -1;
  lines.forEach((line, index) => {
    const ignore = IGNORE.exec(line);
    if (ignore) for (const code of (ignore[1] as string).split(',')) ignored.add(code.trim());
    const carets = HASH_CARETS.exec(line) ?? CARETS.exec(line);
    if (!carets) {
      target = index;
      return;
    }
    const start = (carets[1] as string).length;
    expected.push({
      code: carets[3] as string,
      range: { start: { line: target, character: start }, end: { line: target, character: start + (carets[2] as string).length } },
    });
  });
  return { expected, ignored };
}

export function showRange(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}
