import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generatePlan } from '../../bench/generatePlan';
import { SCENARIO_TYPES } from '../../server/src/core/catalog';
import { EXAMPLES, FIXTURES, ROOT, TODAY_ISO } from '../support/fixtures';

/**
 * The language of everything drplan says on the command line: German under `--lang de` or a
 * German locale (chosen as POSIX chooses: LC_ALL, else LC_MESSAGES, else LANG), English
 * otherwise, on real processes with real environment variables.
 */

const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(EXAMPLES, 'plone-intranet.drplan.yaml');
const RTO = join(FIXTURES, 'codes', 'rto-exceeded.drplan.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'drplan-language-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

type Locale = { LC_ALL?: string; LC_MESSAGES?: string; LANG?: string };

/** drplan with exactly these locale variables (the others of this environment removed). */
function drplanIn(locale: Locale, ...args: string[]) {
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...env, ...locale } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const missing = join(scratch, 'fehlt.drplan.yaml');

describe('the language of the command line', () => {
  it('is chosen as POSIX chooses: LC_ALL, else LC_MESSAGES, else LANG; empty counts as unset; C and POSIX are English', () => {
    const cases: [Locale, 'de' | 'en'][] = [
      [{ LANG: 'de_DE.UTF-8' }, 'de'],
      [{ LANG: 'de_AT' }, 'de'],
      [{ LANG: 'de' }, 'de'],
      [{ LANG: 'de_DE@euro' }, 'de'],
      [{ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'C' }, 'de'],
      [{ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
      [{ LC_ALL: 'de_CH.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'de'],
      [{ LC_ALL: 'C', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
      [{ LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' }, 'en'],
      [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE.UTF-8' }, 'de'],
      [{ LC_ALL: '', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'C.UTF-8' }, 'de'],
      [{ LANG: 'C.UTF-8' }, 'en'],
      [{ LANG: 'fr_FR.UTF-8' }, 'en'],
      [{ LANG: 'dex' }, 'en'],
      [{}, 'en'],
    ];
    for (const [locale, expected] of cases) {
      const { code, stderr } = drplanIn(locale, 'check', missing);
      assert.equal(code, 2);
      const reason = expected === 'de' ? 'Datei oder Ordner nicht gefunden' : 'no such file or folder';
      assert.equal(stderr, `drplan: ${missing}: ${reason}\n`, JSON.stringify(locale));
    }
  });

  it("says YAML's own errors in German under --lang de, with their lines (issue 14)", () => {
    const plan = join(scratch, 'kaputt.drplan.yaml');
    writeFileSync(plan, 'drplan: "1"\nplan:\n  title: Notfall: Server\n');
    const { code, stdout } = drplanIn({}, 'check', '--lang', 'de', plan);
    assert.equal(code, 1);
    const syntax = stdout.split('\n').filter((line) => line.includes('yaml-syntax'));
    assert.deepEqual(syntax, [
      `${plan}:3:10: Fehler yaml-syntax: YAML-Syntaxfehler: Nach dem Schlüssel steht auf derselben Zeile ein weiteres „: “, doch ein Abschnitt kann nicht auf der Zeile seines Schlüssels beginnen. Ist ein Text mit Doppelpunkt gemeint, gehört er in Anführungszeichen: "Notfall: Server".`,
    ]);
    assert.doesNotMatch(stdout, /Nested mappings|compact mappings/);
  });

  it('follows --lang over the environment, before or after the command', () => {
    for (const args of [['--lang', 'en', 'check', missing], ['check', '--lang=en', missing]]) {
      assert.equal(drplanIn({ LC_ALL: 'de_DE.UTF-8' }, ...args).stderr, `drplan: ${missing}: no such file or folder\n`);
    }
    for (const args of [['--lang', 'de', 'check', missing], ['check', missing, '--lang', 'de']]) {
      assert.equal(drplanIn({ LC_ALL: 'C' }, ...args).stderr, `drplan: ${missing}: Datei oder Ordner nicht gefunden\n`);
    }
  });

  it('says every usage error in either language, with the hint to --help', () => {
    const cases: [string[], string, string][] = [
      [['lint', EXAMPLE], "unbekannter Befehl 'lint' (check, render oder measure)", "unknown command 'lint' (use check, render or measure)"],
      [['--format', 'json', 'check', EXAMPLE], "'--format' ist keine Option von drplan selbst; die Optionen von check und render stehen hinter dem Befehl (drplan check --format …)", "'--format' is no option of drplan itself; the options of check and render follow the command (drplan check --format …)"],
      [['check'], 'kein Plan angegeben: drplan check PFAD...', 'no plan given: drplan check PATH...'],
      [['check', '--bogus', EXAMPLE], "unbekannte Option '--bogus'", "unknown option '--bogus'"],
      [['check', '--format', 'xml', EXAMPLE], "unbekanntes Format 'xml' (text, json, sarif, gitlab oder github)", "unknown format 'xml' (use text, json, sarif, gitlab or github)"],
      [['check', '--jobs', 'viele', EXAMPLE], "--jobs erwartet eine Anzahl von Threads, nicht 'viele'", "--jobs wants a number of threads, not 'viele'"],
      [['check', EXAMPLE, '--today'], '--today braucht einen Wert', '--today needs a value'],
      [['check', '--today', '29.11.2026', EXAMPLE], "--today erwartet JJJJ-MM-TT, nicht '29.11.2026'", "--today wants YYYY-MM-DD, not '29.11.2026'"],
      [['check', '--today', '2026-02-30', EXAMPLE], "--today: '2026-02-30' ist kein Tag des Kalenders", "--today: '2026-02-30' is no day of the calendar"],
      [['check', '--max-file-size', 'viel', EXAMPLE], "--max-file-size erwartet Megabyte (0 für keine Grenze), nicht 'viel'", "--max-file-size wants megabytes (0 for no limit), not 'viel'"],
      [['check', '--lang', 'fr', EXAMPLE], "unbekannte Sprache 'fr' (de oder en)", "unknown language 'fr' (use de or en)"],
      [['render'], 'kein Plan angegeben: drplan render DATEI --format pdf|html', 'no plan given: drplan render FILE --format pdf|html'],
      [['render', EXAMPLE, EXAMPLE], 'render nimmt einen Plan, nicht 2', 'render takes one plan, not 2'],
      [['render', '--format', 'docx', EXAMPLE], "unbekanntes Format 'docx' (pdf oder html)", "unknown format 'docx' (use pdf or html)"],
      [['render', '--format', 'pdf', '-o', join(scratch, 'x.html'), EXAMPLE], `--format pdf widerspricht der Ausgabedatei ${join(scratch, 'x.html')} (eine .html-Datei)`, `--format pdf contradicts the output file ${join(scratch, 'x.html')} (a .html file)`],
      [['render', '-o'], '-o braucht einen Wert', '-o needs a value'],
    ];
    for (const [args, de, en] of cases) {
      const german = drplanIn({ LANG: 'de_DE.UTF-8' }, ...args);
      assert.equal(german.code, 2, args.join(' '));
      assert.equal(german.stderr, `drplan: ${de}\nMehr dazu: drplan --help\n`);
      const english = drplanIn({ LANG: 'C' }, ...args);
      assert.equal(english.code, 2, args.join(' '));
      assert.equal(english.stderr, `drplan: ${en}\nTry 'drplan --help'.\n`);
    }
    // --lang itself wrong: the environment's language says so
    assert.equal(drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', '--lang', 'fr', EXAMPLE).stderr, "drplan: unbekannte Sprache 'fr' (de oder en)\nMehr dazu: drplan --help\n");
  });

  it('names unreadable paths and empty folders in German', () => {
    const empty = join(scratch, 'leer');
    mkdirSync(empty);
    const { code, stderr } = drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', empty);
    assert.equal(code, 2);
    assert.equal(stderr, `drplan: keine *.drplan.yaml-Dateien in ${empty} gefunden\n`);
    const render = drplanIn({ LC_ALL: 'de_DE.UTF-8' }, 'render', missing);
    assert.equal(render.stderr, `drplan: ${missing}: Datei oder Ordner nicht gefunden\n`);
    // under a file, as if it were a folder; a loop of links
    const underFile = join(EXAMPLE, 'plan.drplan.yaml');
    const loop = join(scratch, 'schleife.drplan.yaml');
    symlinkSync(loop, loop);
    const both = drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', underFile, loop);
    assert.equal(both.stderr, `drplan: ${underFile}: ein Teil des Pfads ist kein Ordner\ndrplan: ${loop}: zu viele symbolische Links (eine Schleife?)\n`);
    const english = drplanIn({ LANG: 'C' }, 'check', underFile, loop);
    assert.equal(english.stderr, `drplan: ${underFile}: part of the path is not a folder\ndrplan: ${loop}: too many symbolic links (a loop?)\n`);
  });

  it('prints the severity words and the summary of text output in the language of the messages; JSON and SARIF keep their English words', () => {
    const json = JSON.parse(drplanIn({}, 'check', '--format', 'json', '--today', TODAY_ISO, RTO).stdout) as { severity: string; code: string }[];
    const errors = json.filter((d) => d.severity === 'error').length;
    const warnings = json.filter((d) => d.severity === 'warning').length;
    const infos = json.filter((d) => d.severity === 'information').length;
    assert.deepEqual([errors, warnings, infos, json.length], [1, 9, 2, 12]);

    const german = drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', '--today', TODAY_ISO, RTO);
    assert.equal(german.code, 1);
    const de = german.stdout.trimEnd().split('\n');
    assert.equal(de.length, json.length + 1);
    assert.match(de[0] as string, /:\d+:\d+: (Fehler|Warnung|Information) [a-z-]+: /);
    assert.ok(de.some((line) => line.startsWith(`${RTO}:14:20: Fehler rto-exceeded: Die Wiederherstellung dauert 10 Stunden`)));
    assert.equal(de.filter((line) => / Information untested: /.test(line)).length, json.filter((d) => d.code === 'untested').length);
    assert.equal(de.at(-1), '1 Datei geprüft: 1 Fehler, 9 Warnungen, 2 Informationen');

    const english = drplanIn({ LANG: 'en_US.UTF-8' }, 'check', '--today', TODAY_ISO, RTO);
    assert.equal(english.stdout.trimEnd().split('\n').at(-1), '1 file checked: 1 error, 9 warnings, 2 infos');
    assert.match(english.stdout, /:14:20: error rto-exceeded: Recovery takes 10 hours/);

    const germanJson = JSON.parse(drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', '--format', 'json', '--today', TODAY_ISO, RTO).stdout) as { severity: string }[];
    assert.deepEqual(
      germanJson.map((d) => d.severity),
      json.map((d) => d.severity),
    );
    const sarif = JSON.parse(drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', '--format', 'sarif', '--today', TODAY_ISO, RTO).stdout);
    assert.deepEqual([...new Set(sarif.runs[0].results.map((r: { level: string }) => r.level))].sort(), ['error', 'note', 'warning']);
  });

  it('counts files and findings in the summary: singular and plural, no problems', () => {
    const clean = join(scratch, 'sauber.drplan.yaml');
    writeFileSync(clean, generatePlan(SCENARIO_TYPES.length));
    assert.equal(drplanIn({ LANG: 'de_DE.UTF-8' }, 'check', '--today', TODAY_ISO, clean).stdout, '1 Datei geprüft, keine Probleme\n');
    assert.equal(drplanIn({ LANG: 'C' }, 'check', '--today', TODAY_ISO, clean).stdout, '1 file checked, no problems\n');
    const three = drplanIn({ LANG: 'C' }, 'check', '--today', TODAY_ISO, clean, clean, RTO);
    assert.equal(three.stdout.trimEnd().split('\n').at(-1), '3 files checked: 1 error, 9 warnings, 2 infos');
  });

  it('shows the help in German, with the same options as the English one', () => {
    const german = drplanIn({ LANG: 'de_DE.UTF-8' }, '--help');
    assert.equal(german.code, 0);
    assert.match(german.stdout, /^drplan \d+\.\d+\.\d+: prüft Notfallpläne \(\*\.drplan\.yaml\)/);
    assert.match(german.stdout, /\nAufruf:\n {2}drplan check \[Optionen\] PFAD\.\.\./);
    assert.match(german.stdout, /Exit-Status: 0 keine Fehler/);
    const english = drplanIn({ LANG: 'C' }, '--help');
    assert.match(english.stdout, /\nUsage:\n {2}drplan check \[options\] PATH\.\.\./);
    const options = (help: string) => [...help.matchAll(/(?<![\w-])(--?[a-z][a-z-]*)/g)].map((m) => m[1]).sort();
    assert.deepEqual(options(german.stdout), options(english.stdout));
    // without arguments: the same text, on standard error
    const bare = drplanIn({ LC_MESSAGES: 'de_DE.UTF-8' });
    assert.deepEqual([bare.code, bare.stdout, bare.stderr], [2, '', german.stdout]);
    assert.equal(drplanIn({ LANG: 'C' }, '--lang', 'de', '-h').stdout, german.stdout);
  });
});
