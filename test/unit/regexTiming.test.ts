import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';

/**
 * Every regular expression in drplan's shipped code (server, client, the preview's script), found
 * by TypeScript's parser, takes time linear in the length of what it reads: JavaScript's engine
 * backtracks, and a pattern such as `/\s+#.*$/` tries every start in a run of blanks and every
 * split of the run from there (issue 13: 57 s beside 200,000 blanks). Each pattern reads runs of
 * 2,000 and of 16,000 of each of UNITS, alone and between the characters of CONTEXTS and TAILS,
 * as `replace` (a global pattern) or `exec`: linear time is 8 times as long, a quadratic 64
 * times; more than 20 times fails, after a second look. The patterns issue 13 removed must fail.
 */

const UNITS = [' ', '\t', '"', "'", ':', '#', '-', '- ', ': ', ' #', '[', ']', '{', '}', '\\', 'a', '1', '.', ',', '\u2028', '\r', '\n', 'x:', '- -', ' -', '1.', 'e', '|', '>', '~1', 'www.', '://', 'ä', '\uD800'];
const CONTEXTS = ['', 'a', 'k: ', '- ', '"', "'", '#', 'scenarios:', 'P', '1', '  - k: ', 'k: [', '-', ':', 'k:'];
const TAILS = ['', 'x', '\u2028x', '\r', '!', '"', ':', '#', ']', '\n', ':x', ' x', '\u2028x\u2028', '\rx\r', '-b'];
const SHORT = 2_000;
const LONG = 16_000;
const ALLOWED_RATIO = 20;
/** Below this at the short length, a pattern cannot be quadratic in a way that matters. */
const FAST_MS = 0.3;

/**
 * `new RegExp` where the pattern is built, not written: the test cannot read these, so each is
 * named with why it is linear.
 */
const BUILT_PATTERNS: Readonly<Record<string, string>> = {
  'server/src/core/i18n/fileMessages.ts': "`\\b(EACCES|EPERM|…)\\b`: fixed words of Node's error codes, each tried once at each start",
};

interface Pattern {
  readonly where: string;
  readonly regex: RegExp;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every regular-expression literal of the shipped code, and the files that build one with `new RegExp`. */
function patternsOfSource(): { patterns: Pattern[]; built: string[] } {
  const patterns: Pattern[] = [];
  const built: string[] = [];
  const files = ['server/src', 'client/src', 'media'].flatMap((folder) => sourceFiles(join(ROOT, folder)));
  for (const file of files) {
    const name = relative(ROOT, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const end = literal.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        patterns.push({ where: `${name}:${line} ${literal}`, regex: new RegExp(literal.slice(1, end), literal.slice(end + 1)) });
      }
      if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') built.push(name);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { patterns, built };
}

function timeOnce(regex: RegExp, text: string): number {
  const started = performance.now();
  regex.lastIndex = 0;
  if (regex.global) text.replace(regex, '');
  else regex.exec(text);
  return performance.now() - started;
}

/** The least of three runs: a collection or another process may slow one. */
function time(regex: RegExp, text: string): number {
  return Math.min(timeOnce(regex, text), timeOnce(regex, text), timeOnce(regex, text));
}

/** The input on which `regex` grows fastest, if that is faster than linear. */
function superlinear(regex: RegExp): string | undefined {
  for (const unit of UNITS) {
    for (const context of CONTEXTS) {
      for (const tail of TAILS) {
        const short = context + unit.repeat(SHORT) + tail;
        if (timeOnce(regex, short) < FAST_MS) continue;
        const long = context + unit.repeat(LONG) + tail;
        const [shortMs, longMs] = [time(regex, short), time(regex, long)];
        if (longMs > ALLOWED_RATIO * shortMs + 5) {
          return `${JSON.stringify(context)} + ${JSON.stringify(unit)} × n + ${JSON.stringify(tail)}: ${shortMs.toFixed(1)} ms at n = ${SHORT}, ${longMs.toFixed(1)} ms at n = ${LONG}`;
        }
      }
    }
  }
  return undefined;
}

describe('regular expressions of the shipped code', () => {
  const { patterns, built } = patternsOfSource();

  it('are found (the parser sees the literals)', () => {
    assert.ok(patterns.length > 50, `${patterns.length} patterns`);
    assert.ok(patterns.some(({ where }) => where.startsWith('server/src/core/features/cursorContext.ts')));
  });

  it('take time linear in the length of what they read', () => {
    const slow = patterns.flatMap(({ where, regex }) => {
      const found = superlinear(regex);
      return found ? [`${where}: ${found}`] : [];
    });
    assert.deepEqual(slow, []);
  });

  it('are written as literals, but for the few built ones named here with why they are linear', () => {
    assert.deepEqual([...new Set(built)].sort(), Object.keys(BUILT_PATTERNS).sort());
  });

  it('would fail on the patterns issue 13 removed', () => {
    const removed = [
      /\s+#.*$/,
      /\s*\n\s*/g,
      /^( *)((?:- +)*)(?:("[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:(?:\s+(.*?))?\s*)?$/,
      /^( *)((?:- +)*)(?:"[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>-][^:#]*?)\s*:\s*(?:#.*)?$/,
    ];
    for (const regex of removed) assert.ok(superlinear(regex), `${regex} is quadratic`);
  });
});
