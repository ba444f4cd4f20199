import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { publishedDiagnostics } from '../../server/src/core/features/publishedDiagnostics';
import { ROOT, TODAY, TODAY_ISO } from '../support/fixtures';
import { applyChange, checkProperty, editAction, keystrokes, LONG } from '../support/fuzz';
import { LspClient } from '../support/lspClient';
import { planArbitrary } from '../support/planArbitrary';

/**
 * The property tests through the built server over stdio, as an editor drives it: a random plan
 * opened, random typing, deleting and pasting sent as incremental changes (with completion
 * requests while typing, as an editor sends them), then diagnostics, completion, hover, symbols,
 * folding, navigation and code actions at random places. No request may fail, the server may
 * log no failure, every range it sends lies inside the document, and its diagnostics of the last
 * version are exactly those of a fresh analysis of that text.
 */

const SERVER = join(ROOT, 'dist', 'server.js');
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Whether a position lies inside the document (LSP: a character up to the line's length). */
function inside(document: TextDocument, position: Position): boolean {
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) return false;
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  return position.character <= line.length;
}

function assertInside(document: TextDocument, range: Range | undefined, what: string): void {
  if (!range) return;
  assert.ok(inside(document, range.start) && inside(document, range.end), `${what}: ${JSON.stringify(range)} is not inside the document`);
}

describe('the server on random plans and edits (property tests)', () => {
  let client: LspClient;
  const failures: string[] = [];
  let count = 0;

  before(async () => {
    client = await LspClient.start('node', [SERVER, '--stdio'], { today: TODAY_ISO, validationDelay: 5 });
    // The server logs a feature that failed (and answers without it): that is a failure here.
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) failures.push(params.message);
    });
  });
  after(() => client.stop());

  it('answers every request without error, inside the document, with the diagnostics of the text', async () => {
    await checkProperty(
      'server over random edits',
      fc.asyncProperty(planArbitrary({ maxScenarios: 6 }), fc.array(editAction, { minLength: 1, maxLength: LONG ? 10 : 5 }), fc.array(fraction, { minLength: 1, maxLength: 3 }), async (plan, actions, places) => {
        const uri = `file:///fuzz/plan-${++count}.drplan.yaml`;
        let document = TextDocument.create(uri, 'drplan', 1, plan.text);
        await client.open(uri, plan.text);
        const pending: Promise<unknown>[] = [];
        try {
          for (const action of actions) {
            for (const change of keystrokes(document.getText(), action)) {
              const { document: next, range } = applyChange(document, change);
              document = next;
              await client.change(uri, document.version, [{ range, text: change.inserted }]);
            }
            // An editor asks for completion while the user types, without waiting for diagnostics.
            pending.push(client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: document.positionAt(document.getText().length >> 1) }));
          }
          await Promise.all(pending);

          const text = document.getText();
          const diagnostics = await client.diagnosticsOfVersion(uri, document.version, 20_000);
          // Through JSON, as the server sends them (a `data` field that is undefined is not sent).
          const expected = JSON.parse(JSON.stringify(publishedDiagnostics(analyze(text, { today: TODAY, uri }).diagnostics('en', uri), 'en'))) as unknown;
          assert.deepEqual(diagnostics, expected, 'the diagnostics of the last version are those of its text');
          for (const d of diagnostics) assertInside(document, d.range, `diagnostic ${d.code}`);

          const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
          const walk = (list: readonly DocumentSymbol[]): void => {
            for (const symbol of list) {
              assertInside(document, symbol.range, `symbol ${symbol.name}`);
              assertInside(document, symbol.selectionRange, `symbol ${symbol.name}`);
              walk(symbol.children ?? []);
            }
          };
          walk(symbols);
          const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
          for (const fold of folds) assert.ok(fold.startLine < fold.endLine && fold.endLine < document.lineCount, `folding ${JSON.stringify(fold)}`);

          for (const place of places) {
            const position = document.positionAt(Math.floor(place * (text.length + 1)));
            const textDocument = { uri };
            const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument, position })) as CompletionItem[] | CompletionList | null;
            const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
            for (const item of items) {
              const edit = item.textEdit;
              if (edit && 'range' in edit) assertInside(document, edit.range, `completion ${item.label}`);
            }
            const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument, position })) as Hover | null;
            assertInside(document, hover?.range, 'hover');
            await client.connection.sendRequest('textDocument/definition', { textDocument, position });
            await client.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
            const range = { start: position, end: position };
            const touching = diagnostics.filter((d: Diagnostic) => d.range.start.line <= position.line && position.line <= d.range.end.line);
            const actionsHere = (await client.connection.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: touching } })) as CodeAction[];
            const actionsAll = (await client.connection.sendRequest('textDocument/codeAction', {
              textDocument,
              range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) },
              context: { diagnostics },
            })) as CodeAction[];
            for (const action of [...actionsHere, ...actionsAll]) {
              for (const edit of action.edit?.changes?.[uri] ?? []) assertInside(document, edit.range, `code action ${action.title}`);
            }
          }
          assert.deepEqual(failures, [], 'the server logged no failure');
        } finally {
          await client.close(uri);
        }
      }),
      5,
    );
  });
});
