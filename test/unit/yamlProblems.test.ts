import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';

/** What yaml-syntax findings say about a backslash in double quotes (validate/yamlProblems.ts). */

const plan = (backups: string) => `drplan: "1"\nplan: {title: a, organisation: b, system: c, version: "1"}\nbackups:\n${backups}scenarios: []\n`;
const syntax = (text: string, locale: 'de' | 'en') => analyze(text).diagnostics(locale).filter((d) => d.code === 'yaml-syntax');

describe('a backslash in double quotes (a Windows path)', () => {
  const text = plan('  - id: b\n    what: x\n    method: file-copy\n    interval: 1 d\n    location: "C:\\Backup\\Daten"\n');

  it('is one finding for the string, at its first bad escape, with the string in single quotes as the way out', () => {
    const en = syntax(text, 'en');
    assert.deepEqual(
      en.map((d) => [d.range.start, d.message]),
      [
        [
          { line: 7, character: 17 },
          "YAML syntax error: Invalid escape sequence \\B: in double quotes, \\ starts an escape sequence (such as \\n or \\\"). Put a Windows path in single quotes ('C:\\Backup\\Daten') or none at all, or double each \\.",
        ],
      ],
    );
    assert.deepEqual(
      syntax(text, 'de').map((d) => d.message),
      [
        'YAML-Syntaxfehler: Ungültige Escape-Sequenz \\B: In doppelten Anführungszeichen leitet \\ eine Escape-Sequenz ein (wie \\n oder \\"). ' +
          "Einen Windows-Pfad in einfache Anführungszeichen setzen ('C:\\Backup\\Daten') oder ganz ohne, oder jeden \\ verdoppeln.",
      ],
    );
  });

  it('as suggested, in single quotes or none, reads as the path', () => {
    for (const written of ["'C:\\Backup\\Daten'", 'C:\\Backup\\Daten', '"C:\\\\Backup\\\\Daten"']) {
      const fixed = text.replace('"C:\\Backup\\Daten"', written);
      assert.deepEqual(syntax(fixed, 'en'), [], written);
      assert.equal(analyze(fixed).model.backups[0]?.location?.value, 'C:\\Backup\\Daten', written);
    }
  });

  it('is one finding per string: two strings, two findings', () => {
    const two = plan('  - id: b\n    what: "D:\\Daten"\n    method: file-copy\n    interval: 1 d\n    location: "E:\\Sicherung\\Tag"\n');
    assert.deepEqual(
      syntax(two, 'en').map((d) => /single quotes \(([^)]*)\)/.exec(d.message)?.[1]),
      ["'D:\\Daten'", "'E:\\Sicherung\\Tag'"],
    );
  });

  it('gives a short example where the string spans lines or is long, and doubles a single quote', () => {
    const multiline = plan('  - id: b\n    what: "erste Zeile\n      C:\\Backup"\n    method: file-copy\n    interval: 1 d\n');
    assert.match(syntax(multiline, 'en')[0]?.message ?? '', /single quotes \('C:\\Backup'\)/);
    const long = plan(`  - id: b\n    what: "C:\\Backup\\${'x'.repeat(100)}"\n    method: file-copy\n    interval: 1 d\n`);
    assert.match(syntax(long, 'en')[0]?.message ?? '', /single quotes \('C:\\Backup'\)/);
    const apostrophe = plan('  - id: b\n    what: "Max\'s C:\\Daten"\n    method: file-copy\n    interval: 1 d\n');
    assert.match(syntax(apostrophe, 'en')[0]?.message ?? '', /single quotes \('Max''s C:\\Daten'\)/);
  });
});
