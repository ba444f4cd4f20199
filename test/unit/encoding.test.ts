import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, reanalyze } from '../../server/src/core';
import { readAsUtf16 } from '../../server/src/core/parse/encoding';
import { TODAY } from '../support/fixtures';

/**
 * A UTF-16 file read as UTF-8 (by the CLI, or by an editor that did not recognise the encoding)
 * is one finding that names the encoding, not a control character, a root that is "a single
 * value" and invalid UTF-8 at once.
 */

const PLAN = 'drplan: "1"\r\nplan:\r\n  title: Notfallplan für das Intranet\r\n  organisation: Müller & Söhne\r\nscenarios: []\r\n';

/** The bytes of `text` in UTF-16, as an editor on Windows or PowerShell's `>` writes them. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  if (endian === 'be') bytes.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

/** As the CLI reads a file: UTF-8, invalid bytes replaced by U+FFFD. */
const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

const CASES = (['le', 'be'] as const).flatMap((endian) => [true, false].map((bom) => ({ endian, bom, name: `${endian.toUpperCase()}${bom ? ' with' : ' without'} byte-order mark` })));

describe('a UTF-16 file read as UTF-8', () => {
  for (const { endian, bom, name } of CASES) {
    it(`is one yaml-syntax finding on the first line that says so: ${name}`, () => {
      const text = asUtf8(utf16(PLAN, endian, bom));
      assert.equal(readAsUtf16(text), true);
      const de = analyze(text, { today: TODAY }).diagnostics('de');
      assert.deepEqual(
        de.map((d) => [d.code, d.range.start, d.message]),
        [['yaml-syntax', { line: 0, character: 0 }, 'Die Datei ist in UTF-16 kodiert; drplan liest Pläne als UTF-8. Bitte die Datei als UTF-8 speichern.']],
      );
      const en = analyze(text, { today: TODAY }).diagnostics('en');
      assert.deepEqual(en.map((d) => d.message), ['The file is encoded as UTF-16; drplan reads plans as UTF-8. Please save the file as UTF-8.']);
    });
  }

  it('says the same when the CLI also reports the invalid bytes of the byte-order mark', () => {
    const text = asUtf8(utf16(PLAN, 'le', true));
    const diagnostics = analyze(text, { invalidUtf8: { offset: 0, byteOffset: 0, byte: 0xff } }).diagnostics('en');
    assert.deepEqual(diagnostics.map((d) => d.message), ['The file is encoded as UTF-16; drplan reads plans as UTF-8. Please save the file as UTF-8.']);
  });

  it('knows an empty UTF-16 file by its byte-order mark, and a one-character one', () => {
    assert.equal(readAsUtf16(asUtf8(utf16('', 'le', true))), true);
    assert.equal(readAsUtf16(asUtf8(utf16('', 'be', true))), true);
    assert.equal(readAsUtf16(asUtf8(utf16('#', 'le', false))), true);
    assert.equal(readAsUtf16(asUtf8(utf16('#', 'be', false))), true);
  });

  it('is found after an edit, and gone once the text is UTF-8 again (the editor)', () => {
    const good = analyze(PLAN, { today: TODAY });
    const broken = reanalyze(good, asUtf8(utf16(PLAN, 'le', false)), { today: TODAY });
    assert.deepEqual(broken.diagnostics('en').map((d) => d.data), [{ utf16: true }]);
    const again = reanalyze(broken, PLAN, { today: TODAY });
    assert.deepEqual(again.diagnostics('en'), good.diagnostics('en'));
  });

  it('is not claimed for UTF-8 plans, one stray NUL, binary data, or UTF-32', () => {
    assert.equal(readAsUtf16(PLAN), false);
    assert.equal(readAsUtf16(''), false);
    assert.equal(readAsUtf16('\u0000'), false);
    const stray = `${PLAN.slice(0, 20)}\u0000${PLAN.slice(20)}`;
    assert.equal(readAsUtf16(stray), false);
    assert.ok(analyze(stray).diagnostics('en').some((d) => /control character \(U\+0000\)/.test(d.message)));
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    assert.equal(readAsUtf16(asUtf8(binary)), false);
    assert.equal(readAsUtf16('\u0000'.repeat(64)), false);
    const utf32 = Buffer.alloc(PLAN.length * 4);
    for (let i = 0; i < PLAN.length; i++) utf32.writeUInt32LE(PLAN.charCodeAt(i), i * 4);
    assert.equal(readAsUtf16(asUtf8(utf32)), false);
    // Two bytes that are not UTF-8 at the start, then UTF-8: invalid UTF-8, not UTF-16.
    assert.equal(readAsUtf16(`\uFFFD\uFFFD${PLAN}`), false);
  });
});
