import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze, reanalyze, type PlanDiagnostic } from '../../server/src/core';
import { codeActions } from '../../server/src/core/features/codeActions';
import { complete } from '../../server/src/core/features/completion';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { publishedDiagnostics } from '../../server/src/core/features/publishedDiagnostics';
import { references } from '../../server/src/core/features/references';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { DEFAULT_MAX_FILE_SIZE, formatMegabytes, MAX_NESTING_DEPTH, megabytesToBytes, sizeAbove, utf8Length } from '../../server/src/core/limits';
import { generatePlan } from '../../bench/generatePlan';
import { TODAY } from '../support/fixtures';
import { deepBlock, deepComplexKeys, deepFlow, HOSTILE_CASES, scenariosWithErrors } from '../support/hostile';

/**
 * The core on hostile and absurd input (test/support/hostile.ts): every case is analysed, every
 * feature answers, an edit is analysed again, nothing throws, and each is done in seconds (the
 * bound is far above the time taken; it is there to fail a regression to quadratic time, which
 * takes minutes or runs out of memory: merge chains, duplicate keys, complex keys and folding of
 * long lines all did). Then the limits themselves: the size limit, the nesting depth, the cap on
 * published diagnostics, and positions around line breaks.
 */

const URI = 'file:///hostile.drplan.yaml';
const SECONDS = 10;

function wellFormed(text: string, diagnostics: readonly PlanDiagnostic[]): void {
  const document = TextDocument.create(URI, 'drplan', 1, text);
  for (const d of diagnostics) {
    for (const position of [d.range.start, d.range.end]) {
      assert.ok(position.line < document.lineCount, `${d.code} on line ${position.line} of ${document.lineCount}`);
      const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      assert.ok(position.character <= line.length, `${d.code}: character ${position.character} beyond its line`);
    }
  }
}

describe('the core on hostile input', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`answers ${hostile.name} in seconds, with every feature`, () => {
      const started = performance.now();
      const text = hostile.text();
      const analysis = analyze(text, { today: TODAY });
      const diagnostics = analysis.diagnostics('en', URI);
      assert.ok(diagnostics.some((d) => hostile.expect.test(d.message)), diagnostics.slice(0, 5).map((d) => d.message).join('\n'));
      wellFormed(text, diagnostics);
      const middle = text.length >> 1;
      for (const offset of [0, middle, text.length]) {
        hover(analysis, offset, 'de');
        complete(analysis, text, offset, 'de', { today: TODAY });
        references(analysis, offset, URI, true);
      }
      documentSymbols(analysis, 'de');
      foldingRanges(analysis);
      codeActions(analysis, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, diagnostics.slice(0, 100), 'de', {
        uri: URI,
        today: TODAY,
      });
      const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
      const again = reanalyze(analysis, edited, { today: TODAY });
      assert.deepEqual(again.diagnostics('en', URI), analyze(edited, { today: TODAY }).diagnostics('en', URI));
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < SECONDS, `${seconds.toFixed(1)} s`);
    });
  }

  it('cuts nesting off below the limit, not at it, and says so once', () => {
    const deepest = analyze(deepFlow(MAX_NESTING_DEPTH - 1)).diagnostics('en');
    assert.ok(!deepest.some((d) => /Nested too deeply/.test(d.message)), 'the root mapping and 255 lists are 256 levels: allowed');
    const deeper = analyze(deepFlow(MAX_NESTING_DEPTH)).diagnostics('de');
    const cut = deeper.filter((d) => /Zu tief verschachtelt: mehr als 256 Ebenen/.test(d.message));
    assert.equal(cut.length, 1);
    assert.equal(cut[0]?.code, 'yaml-syntax');
    // At the first bracket that is one level too deep: after `scenarios: ` and 255 brackets.
    assert.deepEqual(cut[0]?.range, { start: { line: 1, character: 11 + 255 }, end: { line: 1, character: 11 + 256 } });
    assert.ok(!deeper.some((d) => /call stack/.test(d.message)), 'no message of an exhausted call stack');
  });

  it('reads deep nesting the same, however much of the call stack is used when it starts', () => {
    for (const text of [deepFlow(), deepBlock(), deepComplexKeys()]) {
      const atTop = analyze(text).diagnostics('en');
      const nested = (frames: number): PlanDiagnostic[] => (frames === 0 ? analyze(text).diagnostics('en') : nested(frames - 1));
      assert.deepEqual(nested(3000), atTop);
    }
  });

  it('reports a complex key by its text, not by a string that doubles with each level', () => {
    const analysis = analyze('drplan: "1"\n? [a, b]\n: 1\n');
    assert.ok(analysis.diagnostics('en').some((d) => d.code === 'unknown-field' && d.message.includes("'[a, b]'")));
  });
});

describe('long runs of blanks beside the cursor', () => {
  // Patterns with a lazy key before `\s*:` took 50 s beside 200,000 blanks (yaml/keyLine.ts).
  const blanks = ' '.repeat(200_000);
  const plan = generatePlan(3).replace('contacts:\n', `contacts:\n  - id: leer\n    name: Leer\n    availability: "a${blanks}b"\n  - a${blanks}b # ${blanks}x\n`);

  it('completion, hover and the layout answer in well under a second at every place of the line', () => {
    const analysis = analyze(plan, { today: TODAY });
    const value = plan.indexOf('availability: "a');
    const item = plan.indexOf('  - a ');
    for (const offset of [value + 100_000, plan.indexOf('b"', value) + 2, plan.indexOf('\n', value) + 1, item + 100_000, plan.indexOf('x\n', item), plan.indexOf('\n', item) + 1]) {
      const start = performance.now();
      complete(analysis, plan, offset, 'de', { today: TODAY });
      hover(analysis, offset, 'de');
      const took = performance.now() - start;
      assert.ok(took < 1000, `at ${offset}: ${took.toFixed(0)} ms`);
    }
  });
});

describe('markdown from the plan', () => {
  it('a markdown image in a scenario id stays text in completion documentation', () => {
    const plan = generatePlan(1).replace('id: szenario-0', 'id: "![t](https://evil.example/t.png)"');
    const offset = plan.length;
    const text = `${plan}  - `;
    const items = complete(analyze(text, { today: TODAY }), text, offset + 4, 'de', { today: TODAY });
    const docs = items.map((item) => (typeof item.documentation === 'object' ? item.documentation.value : '')).filter((doc) => doc.includes('evil'));
    assert.ok(docs.length > 0, 'the covered scenario is named');
    for (const doc of docs) {
      assert.ok(doc.includes('!\\[t\\](https\\://evil.example/t.png)'), doc);
      assert.doesNotMatch(doc, /\]\(https:\/\//);
    }
  });
});

describe('keys that are names of JavaScript itself', () => {
  it('__proto__ hides no field: it is an unknown field, and a missing title is missing', () => {
    const text = 'drplan: "1"\nplan:\n  __proto__:\n    title: X\n  organisation: O\n  system: S\n  version: "1"\nscenarios: []\n';
    const found = analyze(text, { today: TODAY }).diagnostics('en').filter((d) => d.code !== 'missing-scenario');
    assert.deepEqual(
      found.map((d) => [d.code, d.message]),
      [
        ['missing-field', "Required field 'title' is missing in 'plan'."],
        ['unknown-field', "Unknown field '__proto__'. Custom fields start with 'x-'."],
      ],
    );
    assert.equal(({} as { title?: unknown }).title, undefined, 'Object.prototype untouched');
  });

  it('constructor, prototype and toString as keys and ids are plain names', () => {
    const text = generatePlan(1)
      .replace('  title: Notfallplan mit 1 Szenarien\n', '  constructor: {title: X}\n  prototype: 1\n  toString: 2\n')
      .replace('id: szenario-0', 'id: constructor');
    const found = analyze(text, { today: TODAY }).diagnostics('en');
    assert.deepEqual(found.filter((d) => d.code === 'unknown-field').map((d) => d.message), [
      "Unknown field 'constructor'. Custom fields start with 'x-'.",
      "Unknown field 'prototype'. Custom fields start with 'x-'.",
      "Unknown field 'toString'. Custom fields start with 'x-'.",
    ]);
    assert.ok(found.some((d) => d.code === 'missing-field' && d.message.includes("'title'")));
  });
});

describe('the size limit', () => {
  it('does not parse a text over the limit, and says so once, on the first line', () => {
    const text = generatePlan(40);
    const limit = 10_000;
    const analysis = analyze(text, { maxFileSize: limit });
    assert.deepEqual(analysis.tooLarge, { size: utf8Length(text), limit });
    const [de] = analysis.diagnostics('de');
    const en = analysis.diagnostics('en');
    assert.equal(en.length, 1);
    assert.equal(de?.code, 'yaml-syntax');
    assert.equal(de?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(de?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: text.indexOf('\n') } });
    const size = formatMegabytes(utf8Length(text), 'de');
    assert.ok(de?.message.startsWith(`Datei zu groß: ${size} (Grenze: 10 kB, einstellbar mit drplan.maxFileSize bzw. drplan check --max-file-size).`), de?.message);
    assert.ok(en[0]?.message.startsWith(`File too large: ${size.replace(',', '.')} (limit: 10 kB, set with drplan.maxFileSize or drplan check --max-file-size).`), en[0]?.message);
    assert.equal(analysis.yaml.root, null, 'nothing parsed');
    assert.deepEqual(documentSymbols(analysis, 'de'), []);
  });

  it('defaults to 5 MB, and takes Infinity for none', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE, 5 * 1024 * 1024);
    const text = `# ${'x'.repeat(DEFAULT_MAX_FILE_SIZE)}\ndrplan: "1"\n`;
    assert.ok(analyze(text).tooLarge);
    assert.equal(analyze(text, { maxFileSize: Infinity }).tooLarge, undefined);
    assert.equal(megabytesToBytes(0), Infinity);
    assert.equal(megabytesToBytes(2.5), 2.5 * 1024 * 1024);
    assert.equal(formatMegabytes(5 * 1024 * 1024, 'de'), '5 MB');
  });

  it('counts bytes of UTF-8, not characters, and decides most texts by their length', () => {
    assert.equal(utf8Length('aä€😀'), 1 + 2 + 3 + 4);
    assert.equal(sizeAbove('ä'.repeat(600), 1000), 1200);
    assert.equal(sizeAbove('a'.repeat(600), 1000), undefined);
    assert.equal(sizeAbove('a'.repeat(1001), 1000), 1001);
  });

  it('takes the size a reader gives (the file\'s), for a text that is only the beginning of the file', () => {
    const analysis = analyze('drplan: "1"\n', { maxFileSize: 1000, size: 50 * 1024 * 1024 });
    assert.match(analysis.diagnostics('en')[0]?.message ?? '', /File too large: 50 MB \(limit: 1 kB/);
  });

  it('analyses a text again in full once it is below the limit', () => {
    const text = generatePlan(5);
    const large = analyze(`${text}#${'x'.repeat(20_000)}\n`, { maxFileSize: 20_000 });
    assert.ok(large.tooLarge);
    const small = reanalyze(large, text, { maxFileSize: 20_000 });
    assert.equal(small.tooLarge, undefined);
    assert.deepEqual(small.diagnostics('en'), analyze(text).diagnostics('en'));
    const again = reanalyze(small, `${text}#${'x'.repeat(20_000)}\n`, { maxFileSize: 20_000 });
    assert.ok(again.tooLarge);
  });
});

describe('invalid UTF-8, as the CLI reports it', () => {
  it('is one yaml-syntax diagnostic at the replaced character, with the byte and its offset', () => {
    const text = 'drplan: "1"\nplan: {title: Pr\uFFFDfung}\n';
    const offset = text.indexOf('\uFFFD');
    const analysis = analyze(text, { invalidUtf8: { offset, byteOffset: 29, byte: 0xfc } });
    const found = analysis.diagnostics('de').filter((d) => /UTF-8/.test(d.message));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.code, 'yaml-syntax');
    assert.deepEqual(found[0]?.range.start, { line: 1, character: text.split('\n')[1]!.indexOf('\uFFFD') });
    assert.match(found[0]?.message ?? '', /kein gültiges UTF-8 \(Byte 0xFC an Byte-Position 29\)/);
  });
});

describe('the diagnostics a server publishes', () => {
  it('are all of them up to the cap', () => {
    const diagnostics = analyze(generatePlan(3).replace(/rto: 8h/g, 'rto: 1h')).diagnostics('en');
    assert.equal(publishedDiagnostics(diagnostics, 'en'), diagnostics);
  });

  it('are, beyond it, the most severe in document order, the last with a note of how many more there are', () => {
    const diagnostics = analyze(scenariosWithErrors(700)).diagnostics('de');
    assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 700);
    assert.equal(diagnostics.length, 1410, '700 errors, 700 untested, 10 missing scenarios');
    const published = publishedDiagnostics(diagnostics, 'de', 1000);
    assert.equal(published.length, 1000);
    assert.equal(published.filter((d) => d.code === 'rto-exceeded').length, 700, 'every error is kept');
    const starts = published.slice(0, -1).map((d) => diagnostics.indexOf(d));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in document order');
    const note = published[999];
    assert.equal(note?.code, 'untested', 'the note is the first finding left out, with its own code');
    assert.match(note?.message ?? '', /\(Und 410 weitere Befunde, die der Editor nicht zeigt: höchstens 1\.000 je Datei\. drplan check listet alle\.\)$/);
    assert.match(publishedDiagnostics(diagnostics, 'en', 1000)[999]?.message ?? '', /\(And 410 more findings the editor does not show: at most 1,000 per file/);
  });
});

describe('the selection of published diagnostics', () => {
  it('is, for any mix of severities, the most severe ones in document order (as sorting by severity, then place, gives)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(next() * 40);
      const diagnostics: PlanDiagnostic[] = Array.from({ length: count }, (_, i) => {
        const level = Math.floor(next() * 5);
        const severity = level === 0 ? undefined : (level as DiagnosticSeverity);
        return { range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, ...(severity ? { severity } : {}), code: 'untested', source: 'drplan', message: `m${i}` };
      });
      const max = 1 + Math.floor(next() * 30);
      const published = publishedDiagnostics(diagnostics, 'en', max);
      if (count <= max) {
        assert.equal(published, diagnostics);
        continue;
      }
      const rank = (d: PlanDiagnostic) => d.severity ?? DiagnosticSeverity.Error;
      const bySeverity = diagnostics.map((d, index) => ({ d, index })).sort((a, b) => rank(a.d) - rank(b.d) || a.index - b.index);
      const expected = bySeverity.slice(0, max - 1).sort((a, b) => a.index - b.index).map(({ d }) => d);
      assert.deepEqual(published.slice(0, -1), expected, `round ${round}`);
      const note = published[published.length - 1]!;
      assert.ok(note.message.startsWith(`${bySeverity[max - 1]!.d.message} (And ${count - max} more findings`), note.message);
    }
  });
});

describe('positions around line breaks', () => {
  it('never stand between the \\r and \\n of a line break', () => {
    // yaml reports a missing quote at the \n of the CRLF that ends the line.
    const text = 'drplan: "1"\r\nplan:\r\n  title: "x: y\r\nplan: 2\r\n';
    const document = TextDocument.create(URI, 'drplan', 1, text);
    wellFormed(text, analyze(text).diagnostics('en'));
    assert.ok(document.lineCount > 0);
  });

  it('count a lone \\r as a line break, as LSP does', () => {
    const text = 'drplan: "1"\rplan: 1\n';
    const analysis = analyze(text);
    assert.deepEqual(analysis.yaml.index.lineStarts, [0, 12, 20]);
  });

  it('stay right after a broken token that spans lines (yaml\'s own line count misses its line break)', () => {
    const text = "{adrplan: '1'4h\nplan:\n  title: x\n";
    assert.deepEqual(analyze(text).yaml.index.lineStarts, [0, 16, 22, 33]);
    wellFormed(text, analyze(text).diagnostics('en'));
  });
});
