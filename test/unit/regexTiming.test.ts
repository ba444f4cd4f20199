import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';
import { timeOf } from '../support/timingProbes';

/**
 * Every regular expression in drplan's shipped code (server, client, the preview's script, the
 * schema validator generated at build time), found by TypeScript's parser, takes time linear in the length of what it reads: JavaScript's engine
 * backtracks, and a pattern such as `/\s+#.*$/` tries every start in a run of blanks and every
 * split of the run from there (issue 13: 57 s beside 200,000 blanks). Each pattern reads runs of
 * 2,000 and of 16,000 of each of UNITS, alone and between the characters of CONTEXTS and TAILS,
 * as `replace` (a global pattern) or `exec` (timed as test/support/timingProbes.ts times): linear
 * time is 8 times as long, a quadratic 64 times; more than 20 times fails, after a second look.
 * The patterns issue 13 removed must fail.
 */

const UNITS = [' ', '\t', '"', "'", ':', '#', '-', '- ', ': ', ' #', '[', ']', '{', '}', '\\', 'a', '1', '.', ',', '\u2028', '\r', '\n', 'x:', '- -', ' -', '1.', 'e', '|', '>', '~1', 'www.', '://', 'ä', '\uD800'];
const CONTEXTS = ['', 'a', 'k: ', '  - k: ', '"', '#', 'k: [', 'k:'];
const TAILS = ['', 'x', '\u2028x', '\rx\r', '!', ':', '\n', ' x'];
const SHORT = 2_000;
const LONG = 16_000;
const ALLOWED_RATIO = 20;
/** Below this at the short length, a pattern cannot be quadratic in a way that matters. */
const FAST_MS = 0.3;
/** What a loaded machine adds to a run of a few milliseconds; the patterns issue 13 removed take hundreds. */
const SLACK_MS = 20;

/**
 * `new RegExp` where the pattern is built, not written: the test cannot read these, so each is
 * named with why it is linear.
 */
const BUILT_PATTERNS: Readonly<Record<string, string>> = {
  'server/src/core/i18n/fileMessages.ts': "`\\b(EACCES|EPERM|…)\\b`: fixed words of Node's error codes, each tried once at each start",
};

/** Written by the build (ajv standalone): the schema's `pattern`s as `new RegExp("…", "u")`. */
const GENERATED_VALIDATOR = 'server/src/core/schema/planValidator.generated.js';

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

/**
 * Every regular expression of the shipped code written as a literal or as `new RegExp` of string
 * literals (the schema's patterns, in the validator generated at build time), and the files that
 * build one otherwise.
 */
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
      if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        // Of string literals (the schema's patterns in the generated validator): read like a literal.
        const args = [...(node.arguments ?? [])];
        if (args.length > 0 && args.every(ts.isStringLiteral)) {
          const [pattern, flags] = args.map((arg) => arg.text);
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          patterns.push({ where: `${name}:${line} ${node.getText()}`, regex: new RegExp(pattern as string, flags) });
        } else {
          built.push(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { patterns, built };
}

function apply(regex: RegExp, text: string): unknown {
  regex.lastIndex = 0;
  return regex.global ? text.replace(regex, '') : regex.exec(text);
}

/** The time that passed: enough to pass over what is fast. */
function quickTime(regex: RegExp, text: string): number {
  const started = performance.now();
  apply(regex, text);
  return performance.now() - started;
}

/** The least of `runs`, each timed without what the collector and other processes add. */
function time(regex: RegExp, text: string, runs: number): number {
  return Math.min(...Array.from({ length: runs }, () => timeOf(() => apply(regex, text))));
}

/** The first input on which `regex` grows faster than linearly, if any (looked at twice). */
function superlinear(regex: RegExp): string | undefined {
  for (const unit of UNITS) {
    for (const context of CONTEXTS) {
      for (const tail of TAILS) {
        const short = context + unit.repeat(SHORT) + tail;
        if (quickTime(regex, short) < FAST_MS) continue;
        const long = context + unit.repeat(LONG) + tail;
        const over = (runs: number) => {
          const [shortMs, longMs] = [time(regex, short, runs), time(regex, long, runs)];
          return longMs > ALLOWED_RATIO * shortMs + SLACK_MS ? [shortMs, longMs] : undefined;
        };
        const [shortMs, longMs] = (over(2) && over(2)) ?? [];
        if (shortMs !== undefined && longMs !== undefined) {
          return `${JSON.stringify(context)} + ${JSON.stringify(unit)} × n + ${JSON.stringify(tail)}: ${shortMs.toFixed(1)} ms at n = ${SHORT}, ${longMs.toFixed(1)} ms at n = ${LONG}`;
        }
      }
    }
  }
  return undefined;
}

describe('regular expressions of the shipped code', () => {
  const { patterns, built } = patternsOfSource();

  it('are found (the parser sees the literals, and the schema\'s patterns once the build has written the validator)', () => {
    assert.ok(patterns.length > 50, `${patterns.length} patterns`);
    assert.ok(patterns.some(({ where }) => where.startsWith('server/src/core/features/cursorContext.ts')));
    if (existsSync(join(ROOT, GENERATED_VALIDATOR))) assert.ok(patterns.some(({ where }) => where.startsWith(`${GENERATED_VALIDATOR}:`)));
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
