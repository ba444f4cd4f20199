import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, TODAY_ISO } from '../support/fixtures';

/**
 * What `drplan check` says about files as users make them by mistake: empty, saved as UTF-16, a
 * Windows path in double quotes, `12 m`, a text where a list belongs. One finding per problem,
 * in words that say what to do. Real files, the built CLI.
 */

const CLI = join(ROOT, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'drplan-findings-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Finding {
  readonly code: string;
  readonly message: string;
  readonly severity: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

function drplan(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function planFile(name: string, content: string | Uint8Array): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** The findings of one file as JSON, without the catalog's reminders and untested scenarios. */
function findings(file: string, lang: 'de' | 'en' = 'en'): Finding[] {
  const { code, stdout, stderr } = drplan('check', '--format', 'json', '--lang', lang, '--today', TODAY_ISO, file);
  assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
  return (JSON.parse(stdout) as Finding[]).filter((f) => f.code !== 'missing-scenario' && f.code !== 'untested');
}

/** The text output's finding lines for `file` (other lines, like a summary, are not looked at). */
function textLines(file: string, ...args: string[]): string[] {
  return drplan('check', ...args, file).stdout.split('\n').filter((line) => line.startsWith(`${file}:`));
}

const VALID = 'drplan: "1"\nplan:\n  title: Notfallplan\n  organisation: Beispiel GmbH\n  system: Intranet\n  version: "1"\n';

describe('drplan check: one finding per problem, saying what to do', () => {
  it('an empty file (0 bytes, comments, blanks, a lone ---) is one finding, in every format', () => {
    for (const [name, content] of [['empty', ''], ['comments', '# Notfallplan\n# kommt noch\n'], ['blanks', '  \n\n'], ['dashes', '---\n']] as const) {
      const file = planFile(`${name}.drplan.yaml`, content);
      const found = findings(file);
      assert.deepEqual(
        found.map((f) => [f.code, f.message]),
        [['missing-field', 'The file is empty. A DR plan starts with drplan: "1", plan: and scenarios:.']],
        name,
      );
      assert.equal(textLines(file).length, 1, name);
      const sarif = JSON.parse(drplan('check', '--format', 'sarif', file).stdout) as { runs: { results: unknown[] }[] };
      assert.equal(sarif.runs[0]?.results.length, 1, name);
      assert.equal(drplan('check', file).code, 1);
    }
  });

  it('a UTF-16 file, little- or big-endian, with or without byte-order mark, is one finding: save it as UTF-8', () => {
    const plan = `${VALID}scenarios: []\n`;
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const bytes = Buffer.from(plan, 'utf16le');
        if (endian === 'be') bytes.swap16();
        const mark = Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
        const file = planFile(`utf16-${endian}-${bom}.drplan.yaml`, bom ? Buffer.concat([mark, bytes]) : bytes);
        assert.deepEqual(
          textLines(file),
          [`${file}:1:1: error yaml-syntax: The file is encoded as UTF-16; drplan reads plans as UTF-8. Please save the file as UTF-8.`],
          `${endian} ${bom}`,
        );
        assert.deepEqual(findings(file, 'de').map((f) => f.message), ['Die Datei ist in UTF-16 kodiert; drplan liest Pläne als UTF-8. Bitte die Datei als UTF-8 speichern.']);
      }
    }
  });

  it('drplan render refuses a UTF-16 file (exit 2, nothing written) instead of an empty draft', () => {
    const bytes = Buffer.from(`${VALID}scenarios: []\n`, 'utf16le');
    const file = planFile('utf16-render.drplan.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]));
    const output = join(scratch, 'utf16-render.pdf');
    const { code, stderr } = drplan('render', '--lang', 'en', '-o', output, file);
    assert.equal(code, 2);
    assert.equal(stderr, `drplan: ${file} is encoded as UTF-16; drplan reads plans as UTF-8. Please save it as UTF-8; nothing was written.\n`);
    assert.ok(!existsSync(output));
  });

  it("reads 'm' alone by the field: a review interval of 12 m is months, an RTO of 30 m minutes", () => {
    const file = planFile(
      'm.drplan.yaml',
      `${VALID}  review_interval: 12 m\nscenarios:\n  - {id: s, category: hardware, type: vm-server, prevention: [a], recovery: [a], recovery_time: 15 min, rto: 30 m, rpo: 0}\n`,
    );
    assert.deepEqual(
      findings(file).map((f) => f.message),
      [
        "'12 m' is not a valid duration for 'review_interval': 'm' alone is ambiguous (minutes or months?). Did you mean '12 Monate'?",
        "'30 m' is not a valid duration for 'rto': 'm' alone is ambiguous (minutes or months?). Did you mean '30 min'?",
      ],
    );
  });

  it('a Windows path in double quotes is one finding that points to single quotes, in English and German', () => {
    const file = planFile('path.drplan.yaml', `${VALID}backups:\n  - id: b\n    what: Dateien\n    method: file-copy\n    interval: 1 d\n    location: "C:\\Backup\\Daten"\nscenarios: []\n`);
    assert.deepEqual(textLines(file).filter((line) => !line.includes(' missing-scenario: ')), [
      `${file}:12:18: error yaml-syntax: YAML syntax error: Invalid escape sequence \\B: in double quotes, \\ starts an escape sequence (such as \\n or \\"). Put a Windows path in single quotes ('C:\\Backup\\Daten') or none at all, or double each \\.`,
    ]);
    assert.deepEqual(findings(file, 'de').map((f) => f.message), [
      'YAML-Syntaxfehler: Ungültige Escape-Sequenz \\B: In doppelten Anführungszeichen leitet \\ eine Escape-Sequenz ein (wie \\n oder \\"). ' +
        "Einen Windows-Pfad in einfache Anführungszeichen setzen ('C:\\Backup\\Daten') oder ganz ohne, oder jeden \\ verdoppeln.",
    ]);
  });

  it('a text where a list belongs, and a file that is only a text, say so in plain words', () => {
    const file = planFile('kinds.drplan.yaml', `${VALID}scenarios:\n  - {id: s, category: hardware, type: vm-server, prevention: Zweiter Host, recovery: [a], recovery_time: 1h, rto: 4h, rpo: 0}\n`);
    assert.deepEqual(findings(file).map((f) => f.message), ["'prevention' must be a list, but is a text value."]);
    assert.deepEqual(findings(file, 'de').map((f) => f.message), ['„prevention“ muss eine Liste sein, ist aber ein Text.']);
    const text = planFile('text.drplan.yaml', 'Notfallplan für das Intranet\n');
    assert.deepEqual(findings(text).map((f) => f.message), ['A DR plan is a YAML mapping of keys (drplan, plan, scenarios, …); the content of this file is a text value.']);
  });
});
