/// <reference types="mocha" />
/**
 * The drplan grammar over the YAML grammar of the VS Code that runs this suite (its built-in
 * extension `vscode.yaml`): test/unit/grammar.test.ts uses a stub for YAML, this checks that the
 * injection finds the scopes of the real one. Tokenized with vscode-textmate and the Oniguruma
 * of this VS Code itself (its WASM; the JavaScript side is drplan's dev dependency, pinned to the
 * version VS Code ships).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { extension, workspaceFile } from './helpers';

interface GrammarContribution {
  scopeName: string;
  path: string;
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** VS Code's own regular-expression engine (code-server: node_modules; desktop: also in the asar). */
function vscodeOnigurumaWasm(): string {
  const release = path.join('vscode-oniguruma', 'release', 'onig.wasm');
  const candidates = ['node_modules', 'node_modules.asar.unpacked', 'node_modules.asar'].map((dir) => path.join(vscode.env.appRoot, dir, release));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`no onig.wasm in this VS Code; looked at ${candidates.join(', ')}`);
  return found;
}

suite('grammar (real YAML grammar of this VS Code)', () => {
  let grammar: textmate.IGrammar;

  suiteSetup(async () => {
    const yaml = vscode.extensions.getExtension('vscode.yaml');
    assert.ok(yaml, 'the built-in YAML extension (vscode.yaml) is there');
    const grammars = new Map<string, string>();
    for (const g of (yaml.packageJSON as { contributes: { grammars: GrammarContribution[] } }).contributes.grammars) {
      grammars.set(g.scopeName, path.join(yaml.extensionPath, g.path));
    }
    const ours = extension().extensionPath;
    grammars.set('source.drplan', path.join(ours, 'syntaxes', 'drplan.tmLanguage.json'));
    const wasm = readFileSync(vscodeOnigurumaWasm());
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = grammars.get(scopeName);
        return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
    });
    const loaded = await registry.loadGrammar('source.drplan');
    assert.ok(loaded);
    grammar = loaded;
  });

  function tokenize(text: string): Token[][] {
    let state = textmate.INITIAL;
    return text.split(/\r?\n/).map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  }

  test('the example plan: durations, catalog ids and references on top of YAML', () => {
    const text = readFileSync(workspaceFile('examples', 'plone-intranet.drplan.yaml').fsPath, 'utf8');
    const lines = text.split(/\r?\n/);
    const tokens = tokenize(text);
    /** The innermost scope of `value` on the first line that is `line` exactly. */
    const last = (line: string, value: string) => {
      const i = lines.indexOf(line);
      assert.ok(i >= 0, `the example has no line ${JSON.stringify(line)}`);
      const token = (tokens[i] ?? []).find((t) => t.text === value);
      assert.ok(token, `no token ${JSON.stringify(value)} in ${JSON.stringify(line)}: ${JSON.stringify(tokens[i])}`);
      return token.scopes.at(-1);
    };
    assert.equal(last('    interval: 4h', '4'), 'constant.numeric.duration.drplan');
    assert.equal(last('    interval: 4h', 'h'), 'keyword.other.unit.drplan');
    assert.equal(last('  review_interval: 12 Monate', 'Monate'), 'keyword.other.unit.drplan');
    assert.equal(last('    category: hardware', 'hardware'), 'support.constant.catalog.drplan');
    assert.equal(last('    type: storage-server', 'storage-server'), 'support.constant.catalog.drplan');
    assert.equal(last('    kind: raid-storage', 'raid-storage'), 'support.constant.catalog.drplan');
    assert.equal(last('  owner: it-leitung', 'it-leitung'), 'variable.other.reference.drplan');
    assert.equal(last('    affects: [switch-1]', 'switch-1'), 'variable.other.reference.drplan');
    assert.equal(last('    backup: zodb-snapshot', 'zodb-snapshot'), 'variable.other.reference.drplan');
    assert.equal(last('    deputy: stv-it-leitung', 'stv-it-leitung'), 'variable.other.reference.drplan');
    assert.equal(last('    escalation: notfall', 'notfall'), 'variable.other.reference.drplan');
    assert.equal(last('    function: dpo', 'dpo'), 'support.constant.catalog.drplan');
    assert.equal(last('      within: 15 min', 'min'), 'keyword.other.unit.drplan');

    // Everything else is YAML's.
    assert.equal(last('  title: Notfallplan Plone-Intranet', 'title'), 'entity.name.tag.yaml');
    assert.equal(last('  title: Notfallplan Plone-Intranet', 'Notfallplan Plone-Intranet'), 'string.unquoted.plain.out.yaml');
    const comment = (tokens[0] ?? []).map((t) => t.scopes);
    assert.ok(comment.length > 0 && comment.every((scopes) => scopes.some((s) => s.startsWith('comment.line'))), JSON.stringify(comment));
    assert.ok(tokens.flat().every((t) => t.scopes[0] === 'source.drplan'));
  });

  test('inside YAML strings and block scalars nothing is drplan\'s', () => {
    const tokens = tokenize(['scenarios:', '  - id: a', '    title: "rto: 4h"', '    description: |', '      rto: 4h', '    rpo: 0'].join('\n'));
    const drplanScoped = (line: Token[] | undefined) => (line ?? []).filter((t) => t.scopes.some((s) => s.endsWith('.drplan') && s !== 'source.drplan'));
    assert.deepEqual(drplanScoped(tokens[2]), []);
    assert.deepEqual(drplanScoped(tokens[4]), []);
    assert.deepEqual(drplanScoped(tokens[5]).map((t) => t.text), ['0']);
  });
});
