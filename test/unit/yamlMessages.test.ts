import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ErrorCode } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, type Locale } from '../../server/src/core';
import { messages, type Message } from '../../server/src/core/i18n/messages';
import { yamlMessages } from '../../server/src/core/i18n/yamlMessages';
import { MAX_NESTING_DEPTH } from '../../server/src/core/limits';
import { parseYaml } from '../../server/src/core/parse/yamlDocument';
import { describeYamlCode } from '../../server/src/core/validate/yamlCodes';
import { checkProperty, editAction, keystrokes, type TextChange } from '../support/fuzz';
import { EXAMPLES, fixtureFiles, read } from '../support/fixtures';

/**
 * yaml's findings in drplan's own words (validate/yamlCodes.ts, i18n/yamlMessages.ts): every
 * error code of yaml with hand-made texts that raise it, each said as the situation it is, at
 * yaml's position; and, for many broken texts, no English sentence of yaml's in a German
 * diagnostic: every yaml-syntax message is one of drplan's.
 */

const syntax = (text: string, locale: Locale) => analyze(text).diagnostics(locale).filter((d) => d.code === 'yaml-syntax');
const yamlCodeOf = (d: Diagnostic) => (d.data as { yamlCode?: string } | undefined)?.yamlCode;

/** A text, where yaml reports the code (line and character, 0-based), and what drplan says there. */
interface Case {
  readonly text: string;
  readonly at: readonly [number, number];
  readonly says: Message;
}

const y = yamlMessages;

/**
 * Every code of yaml's `ErrorCode` (the Record fails to compile when yaml adds one). Empty where
 * drplan's way of parsing cannot raise it: NON_STRING_KEY needs yaml's `stringKeys` option,
 * IMPOSSIBLE marks a bug of yaml's, and a nesting too deep (RESOURCE_EXHAUSTION) is drplan's own
 * limit (test/unit/hostile.test.ts); those are described below without a text.
 */
const CASES: Record<ErrorCode, readonly Case[]> = {
  ALIAS_PROPS: [{ text: 'a: &x 1\nb: &y *x\n', at: [1, 6], says: y.aliasProperties }],
  BAD_ALIAS: [
    { text: 'a: &\n', at: [0, 3], says: y.anchorWithoutName },
    { text: 'a: *\n', at: [0, 3], says: y.aliasWithoutName },
    { text: 'a: &x: 1\n', at: [0, 5], says: y.nameEndsInColon },
  ],
  BAD_DIRECTIVE: [
    { text: '%YAML 1.3\n---\na: 1\n', at: [0, 6], says: y.directive('%YAML 1.3') },
    { text: '%FOO bar\n---\na: 1\n', at: [0, 0], says: y.directive('%FOO bar') },
  ],
  BAD_DQ_ESCAPE: [{ text: 'a: "x\\q"\n', at: [0, 5], says: y.badEscape('\\q', "'x\\q'") }],
  BAD_INDENT: [
    { text: 'a: |\n  x\n y\n', at: [2, 0], says: y.indentation },
    { text: 'a:\n  - b\n  c: 1\n', at: [2, 0], says: y.indentation },
    { text: 'a:\n  b: [\n    1\n ]\n', at: [3, 1], says: y.closingBracketIndent(']') },
    { text: 'a: [1, 2\n', at: [1, 0], says: y.unclosed },
  ],
  BAD_PROP_ORDER: [
    { text: '&x ? a\n: b\n', at: [0, 3], says: y.propertyOrder('?') },
    { text: 'a: [&x ? b : c]\n', at: [0, 7], says: y.propertyOrder('?') },
  ],
  BAD_SCALAR_START: [
    { text: 'a: @foo\n', at: [0, 3], says: y.reservedStart('@', '"@foo"') },
    { text: 'a: `ls -l` # Befehl\n', at: [0, 3], says: y.reservedStart('`', '"`ls -l`"') },
  ],
  BLOCK_AS_IMPLICIT_KEY: [
    { text: 'plan:\n  title: Notfall: Server\n', at: [1, 9], says: y.colonInValue('"Notfall: Server"') },
    { text: 'a:\n  b: 1\n  - c\n', at: [2, 0], says: y.listAmongKeys },
    { text: 'key: value\n  more: 1\n', at: [0, 5], says: y.valueBecomesKey },
  ],
  BLOCK_IN_FLOW: [{ text: 'a: [b:\n  - c]\n', at: [1, 2], says: y.blockInBrackets }],
  DUPLICATE_KEY: [
    { text: 'a: 1\na: 2\n', at: [1, 0], says: y.duplicateKey },
    { text: 'a: {b: 1, b: 2}\n', at: [0, 10], says: y.duplicateKey },
  ],
  IMPOSSIBLE: [],
  KEY_OVER_1024_CHARS: [{ text: `${'x'.repeat(1100)}: 1\n`, at: [0, 0], says: y.keyTooLong }],
  MISSING_CHAR: [
    { text: 'a: "x"#c\n', at: [0, 6], says: y.commentWithoutSpace },
    { text: "a: 'abc\nb: 1\n", at: [2, 0], says: y.unclosed },
    { text: '[1, 2\n', at: [1, 0], says: y.unclosed },
    { text: 'a: {b: - c}\n', at: [0, 9], says: y.missingComma },
    { text: 'a: !x"y"\n', at: [0, 5], says: y.spaceAfterProperty },
    { text: '- &x - a\n', at: [0, 2], says: y.listAfterProperty },
    { text: '--- a: 1\n', at: [0, 4], says: y.contentAfterDocumentStart },
    { text: 'a: |\n  x\n y\n', at: [2, 1], says: y.lineWithoutStructure },
    { text: '- |\n    x\n   y\n', at: [2, 0], says: y.lineWithoutStructure },
    { text: 'a: - b\n', at: [0, 5], says: y.missingCharacter },
  ],
  MULTILINE_IMPLICIT_KEY: [
    { text: 'plan:\n  title Notfallplan\n  organisation: x\n', at: [1, 2], says: y.multilineKey },
    { text: '[a\nb: 1]\n', at: [0, 1], says: y.multilineKey },
  ],
  MULTIPLE_ANCHORS: [{ text: 'a: &x &y 1\n', at: [0, 6], says: y.multipleAnchors }],
  MULTIPLE_DOCS: [
    { text: 'a: 1\n---\nb: 2\n', at: [1, 0], says: y.multipleDocuments },
    { text: 'a: 1\n...\nb: 2\n', at: [2, 0], says: y.multipleDocuments },
  ],
  MULTIPLE_TAGS: [{ text: 'a: !!str !!str 1\n', at: [0, 9], says: y.multipleTags }],
  NON_STRING_KEY: [],
  RESOURCE_EXHAUSTION: [],
  TAB_AS_INDENT: [{ text: 'a:\n\tb: 1\n', at: [1, 0], says: y.tab }],
  TAG_RESOLVE_FAILED: [
    { text: 'a: !foo x\n', at: [0, 3], says: y.tag('!foo') },
    { text: 'a: !!int x\n', at: [0, 3], says: y.tag('!!int') },
    { text: 'a: !x!y z\n', at: [0, 3], says: y.tag('!x!y') },
  ],
  UNEXPECTED_TOKEN: [
    { text: 'a: [1,,2]\n', at: [0, 6], says: y.unexpectedComma },
    { text: 'a: }\n', at: [0, 3], says: y.unopenedBracket('}') },
    { text: 'a: - b\n', at: [0, 3], says: y.listOnKeyLine },
    { text: '  - a\n - b\n', at: [1, 1], says: y.listItemMisplaced },
    { text: '- a\n: b\n', at: [1, 0], says: y.unexpectedColon },
    { text: 'a: *x &y\nb: &x 1\n', at: [0, 6], says: y.propertyMisplaced },
    { text: 'a: |x\n  y\n', at: [0, 4], says: y.blockScalarHeader },
    { text: '- a\nb: 1\n', at: [1, 0], says: y.unexpected('b: 1') },
  ],
  BAD_COLLECTION_TYPE: [
    { text: 'a: !!set [1]\n', at: [0, 3], says: y.tag('!!set') },
    { text: 'a: !!binary [1]\n', at: [0, 3], says: y.tag('!!binary') },
  ],
};

describe("yaml's findings in drplan's words", () => {
  for (const [code, cases] of Object.entries(CASES)) {
    for (const { text, at, says } of cases) {
      it(`${code}: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 40)}…` : text)}`, () => {
        const raised = [...parseYaml(text).errors, ...parseYaml(text).warnings].filter((error) => error.code === code);
        assert.ok(raised.length > 0, `yaml raises ${code}`);
        for (const locale of ['de', 'en'] as const) {
          const found = syntax(text, locale).filter((d) => yamlCodeOf(d) === code && d.range.start.line === at[0] && d.range.start.character === at[1]);
          const prefix = locale === 'de' ? 'YAML-Syntaxfehler: ' : 'YAML syntax error: ';
          assert.deepEqual(
            found.map((d) => d.message),
            [prefix + says[locale]],
          );
        }
      });
    }
  }

  it('says the issue\'s example in German, where yaml said "Nested mappings are not allowed in compact mappings"', () => {
    const [finding] = syntax('drplan: "1"\nplan:\n  title: Notfall: Server\n', 'de');
    assert.equal(
      finding?.message,
      'YAML-Syntaxfehler: Nach dem Schlüssel steht auf derselben Zeile ein weiteres „: “, doch ein Abschnitt kann nicht auf der Zeile seines Schlüssels beginnen. ' +
        'Ist ein Text mit Doppelpunkt gemeint, gehört er in Anführungszeichen: "Notfall: Server".',
    );
  });

  it('describes the codes drplan cannot raise too, and a code it does not know, in its own words', () => {
    assert.deepEqual(describeYamlCode('NON_STRING_KEY', 'a: 1', 0), y.keyNotText);
    assert.deepEqual(describeYamlCode('IMPOSSIBLE', 'a: 1', 0), y.unreadable);
    assert.deepEqual(describeYamlCode('SOMETHING_NEW', 'a: b c\n', 3), y.unexpected('b c'));
    assert.deepEqual(describeYamlCode(undefined, '', 0), y.unexpected(undefined));
  });

  it('shortens what it quotes, and quotes as an example only what reads plainly in double quotes', () => {
    const long = `a: ${'ü'.repeat(30)}🙂${'x'.repeat(30)}\n`;
    assert.deepEqual(describeYamlCode('UNEXPECTED_TOKEN', long, 3), y.unexpected(`${'ü'.repeat(30)}🙂${'x'.repeat(7)}…`));
    assert.deepEqual(describeYamlCode('UNEXPECTED_TOKEN', `a: ${'x'.repeat(38)}🙂y\n`, 3), y.unexpected(`${'x'.repeat(38)}…`));
    assert.deepEqual(describeYamlCode('BLOCK_AS_IMPLICIT_KEY', 'a: b: "c"\n', 3), y.colonInValue(undefined));
    assert.deepEqual(describeYamlCode('BLOCK_AS_IMPLICIT_KEY', 'a: b: c # Kommentar\n', 3), y.colonInValue('"b: c"'));
  });
});

describe('many findings of yaml', () => {
  it('are each a finding, 200,000 duplicate keys in 1 MB included (once more than a call takes as arguments)', () => {
    const text = 'a: 1\n'.repeat(200_000);
    const findings = analyze(text).findings.filter((finding) => finding.code === 'yaml-syntax');
    assert.ok(findings.length >= 1000, `${findings.length} findings`);
    assert.deepEqual(findings[0]?.message, messages.yamlSyntax(y.duplicateKey));
  });
});

/** Every yaml-syntax message drplan has, as a pattern: the arguments of a message may be anything. */
const OURS: readonly RegExp[] = (() => {
  const HOLE = '\u0000';
  const said: Message[] = [];
  const add = (entry: Message | ((...args: (string | number | undefined)[]) => Message)) => {
    if (typeof entry !== 'function') return said.push(entry);
    // Optional arguments change the sentence: every combination of given and left out.
    for (const args of [[HOLE, HOLE], [HOLE, undefined], [undefined, HOLE], [undefined, undefined]]) said.push(entry(...args));
  };
  for (const entry of Object.values(yamlMessages)) add(entry as Message);
  for (const entry of [messages.unknownAnchor, messages.aliasExpansion, messages.mergeExpansion, messages.controlCharacter]) add(entry as Message);
  const patterns = said.map((message) => `YAML-Syntaxfehler: ${message.de}`);
  patterns.push(messages.nestedTooDeeply(MAX_NESTING_DEPTH).de);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(HOLE, '[\\s\\S]*?');
  // The last message shown may carry how many more there are (past MAX_YAML_PROBLEMS).
  const more = ` ${escape(messages.moreYamlProblems(0, 0).de.replace(/0/g, HOLE))}`;
  return [...new Set(patterns)].map((pattern) => new RegExp(`^${escape(pattern)}(?:${more})?$`));
})();

/** The English words of yaml's messages that no German sentence of drplan's contains. */
const ENGLISH = /\b(must|cannot|should|allowed|Unexpected|Missing|Implicit|Nested|mappings?|sequence|indicator|indented|Unresolved|Invalid|Tabs|unique|contains)\b/;

/** yaml-syntax messages in German: drplan's own, none of yaml's English sentences. */
function assertGerman(text: string): void {
  const parsed = parseYaml(text);
  const english = [...parsed.errors, ...parsed.warnings].map((error) => error.message);
  for (const d of syntax(text, 'de')) {
    assert.ok(OURS.some((pattern) => pattern.test(d.message)), `not one of drplan's messages: ${d.message}\nin ${JSON.stringify(text)}`);
    for (const sentence of english) assert.ok(!d.message.includes(sentence), `yaml's English "${sentence}" in ${d.message}`);
    // What the message quotes is the author's text; the rest is drplan's German.
    const own = d.message.replace(/„[^“]*“|"[^"]*"|'[^']*'/g, '');
    assert.doesNotMatch(own, ENGLISH, `English in ${d.message}`);
  }
}

const PLANS = [join(EXAMPLES, 'plone-intranet.drplan.yaml'), ...fixtureFiles('styles'), ...fixtureFiles('codes').slice(0, 8)].map(read);

/** Pieces of YAML, right and wrong, for lines of random text. */
const PIECES = ['key', 'x', ': ', ':', ' ', '  ', '- ', '-', '? ', '[', ']', '{', '}', ', ', ',', '"', "'", '#', ' # c', '&a ', '*a', '!t ', '!!str ', '| ', '>', '\t', '---', '...', '%YAML 1.2', '@', '`', '\\q', 'ä'];
const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 8 })).map(([indent, pieces]) => ' '.repeat(indent) + pieces.join(''));

function applied(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const change of changes) result = result.slice(0, change.offset) + change.inserted + result.slice(change.offset + change.deleted);
  return result;
}

describe('no English sentence of yaml reaches a German author', () => {
  it('in every hand-made case above', () => {
    for (const cases of Object.values(CASES)) for (const { text } of cases) assertGerman(text);
  });

  it('in plans broken by typing, deleting, pasting and cutting', async () => {
    await checkProperty(
      'German yaml messages after edits',
      fc.property(fc.constantFrom(...PLANS), fc.array(editAction, { minLength: 1, maxLength: 4 }), (plan, actions) => {
        let text = plan;
        for (const action of actions) text = applied(text, keystrokes(text, action));
        assertGerman(text);
      }),
      60,
    );
  });

  it('in random lines of YAML pieces', async () => {
    await checkProperty(
      'German yaml messages of random lines',
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => assertGerman(lines.join('\n'))),
      300,
    );
  });
});
