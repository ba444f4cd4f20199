import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { read, ROOT } from '../support/fixtures';

/**
 * The extension's own texts in VS Code (commands, settings, client messages) come in English
 * and German: package.json names them by %key%, package.nls.json and package.nls.de.json hold
 * them; vscode.l10n.t strings of the client have a German entry in l10n/bundle.l10n.de.json.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const manifest = JSON.parse(read(join(ROOT, 'package.json'))) as { [key: string]: Json };
const nlsEn = JSON.parse(read(join(ROOT, 'package.nls.json'))) as Record<string, string>;
const nlsDe = JSON.parse(read(join(ROOT, 'package.nls.de.json'))) as Record<string, string>;
const bundleDe = JSON.parse(read(join(ROOT, 'l10n', 'bundle.l10n.de.json'))) as Record<string, string>;

/** Every string of a JSON value, with its path. */
function* strings(value: Json, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

const NLS_KEY = /^%([^%]+)%$/;
const usedKeys = [...strings(manifest, '')].flatMap(([, value]) => NLS_KEY.exec(value)?.[1] ?? []);

/** German words that someone typed without umlauts. */
const TRANSLITERATED = /\b\w*(?:aender|Aender|pruef|Pruef|fuer|Fuer|ueber|Ueber|loesch|Loesch|moeglich|hoeh|Hoeh|gueltig|Gueltig|schluess|Schluess|massnahm|Massnahm|uebung|Uebung|fuenf|ausfuehr|Ausfuehr|waehl|Waehl|oeffn|Oeffn|zurueck)\w*/;

/** A JavaScript string literal's value: a single-quoted one becomes JSON by swapping the quotes' escaping. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return JSON.parse(literal.startsWith("'") ? `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal) as string;
}

/** The client's vscode.l10n.t('…') texts. */
function clientL10nStrings(): string[] {
  const dir = join(ROOT, 'client', 'src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  return files.flatMap((file) =>
    [...read(join(dir, file)).matchAll(/l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].map((match) => unquote(match[1] as string)),
  );
}

describe('localisation of the extension', () => {
  it('every %key% of package.json exists in English and German, and no key is left over', () => {
    assert.ok(usedKeys.length >= 8, `only ${usedKeys.length} keys used`);
    for (const key of usedKeys) {
      assert.equal(typeof nlsEn[key], 'string', `package.nls.json lacks ${key}`);
      assert.equal(typeof nlsDe[key], 'string', `package.nls.de.json lacks ${key}`);
      assert.notEqual(nlsEn[key]?.trim(), '', key);
      assert.notEqual(nlsDe[key]?.trim(), '', key);
    }
    assert.deepEqual(Object.keys(nlsDe).sort(), Object.keys(nlsEn).sort(), 'both files have the same keys');
    assert.deepEqual(Object.keys(nlsEn).filter((key) => !usedKeys.includes(key)), [], 'keys no one uses');
  });

  it('names every command and setting through a %key%', () => {
    const contributes = manifest.contributes as { [key: string]: Json };
    const commands = contributes.commands as { [key: string]: string }[];
    assert.ok(commands.some((c) => c.command === 'drplan.newPlan'));
    for (const command of commands) {
      for (const field of ['title', 'category', 'shortTitle'] as const) {
        if (command[field] !== undefined) assert.match(command[field], NLS_KEY, `${command.command}.${field}`);
      }
      assert.ok(command.title && command.category, `${command.command} has a title and a category`);
    }
    const configuration = contributes.configuration as { title: string; properties: Record<string, Record<string, Json>> };
    assert.match(configuration.title, NLS_KEY);
    for (const [name, property] of Object.entries(configuration.properties)) {
      const texts = ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']
        .map((field) => property[field])
        .concat((property.enumDescriptions as Json[] | undefined) ?? [], (property.markdownEnumDescriptions as Json[] | undefined) ?? []);
      assert.ok(texts.some((t) => t !== undefined), `${name} has a description`);
      for (const text of texts) if (text !== undefined) assert.match(String(text), NLS_KEY, name);
    }
  });

  it('the new-plan command reads "DR-Plan: Neuen Plan anlegen" in German and "DR Plan: New Plan" in English', () => {
    assert.equal(`${nlsDe['command.category']}: ${nlsDe['command.newPlan']}`, 'DR-Plan: Neuen Plan anlegen');
    assert.equal(`${nlsEn['command.category']}: ${nlsEn['command.newPlan']}`, 'DR Plan: New Plan');
  });

  it('German is spelt with umlauts, never ae/oe/ue', () => {
    const german = [...Object.values(nlsDe), ...Object.values(bundleDe)].join('\n');
    assert.match(german, /[äöüß]/);
    assert.doesNotMatch(german, TRANSLITERATED);
    for (const [key, value] of Object.entries(nlsDe)) assert.doesNotMatch(value, TRANSLITERATED, key);
  });

  it('every vscode.l10n.t text of the client has a German translation, and the bundle nothing else', () => {
    const texts = clientL10nStrings();
    assert.ok(texts.length > 0, 'the client uses vscode.l10n.t');
    for (const text of texts) assert.equal(typeof bundleDe[text], 'string', `l10n/bundle.l10n.de.json lacks: ${text}`);
    assert.deepEqual(Object.keys(bundleDe).filter((key) => !texts.includes(key)), [], 'translations no one uses');
    assert.equal(manifest.l10n, './l10n');
  });

  it('the transliteration check itself catches ae/oe/ue spellings', () => {
    for (const word of ['Aenderung', 'Pruefung', 'fuer', 'Massnahme', 'Uebung', 'zurueck']) assert.match(word, TRANSLITERATED, word);
    for (const word of ['Änderung', 'neue', 'aktuell', 'Quelle', 'Steuerung', 'Dauer']) assert.doesNotMatch(word, TRANSLITERATED, word);
  });
});
