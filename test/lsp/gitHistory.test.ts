/**
 * The language server's change history from git (gitHistory.ts) in the preview and both
 * exports, for a plan in a real repository made here: only once the client says the workspace is
 * trusted (initializationOptions.workspaceTrusted, or the notification drplan/workspaceTrusted);
 * the editor's unsaved text counts as a change; a commit made meanwhile shows without an edit;
 * the programs the repository's configuration names never run.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ExportHtmlResult, ExportPdfResult, PreviewResult } from '../../server/src/renderProtocol';
import { ROOT, TODAY_ISO } from '../support/fixtures';
import { commit, FIRST_SUBJECT, git, htmlText, planRepository, plantTraps, SECOND_SUBJECT, shortHash, type PlanRepository } from '../support/gitRepositories';
import { LspClient } from '../support/lspClient';

const SERVER = join(ROOT, 'dist', 'server.js');

function request<T>(client: LspClient, method: string, uri: string): Promise<T> {
  return client.connection.sendRequest<T>(method, { textDocument: { uri } });
}

/** The preview's text, inline tags dropped, blanks made one. */
async function previewText(client: LspClient, uri: string): Promise<string> {
  const { html } = await request<PreviewResult>(client, 'drplan/preview', uri);
  return htmlText(html);
}

describe('the language server\'s change history from git', () => {
  let repository: PlanRepository;
  let marker: string;
  let uri: string;
  const clients: LspClient[] = [];
  before(() => {
    repository = planRepository();
    marker = join(mkdtempSync(join(tmpdir(), 'drplan-traps-')), 'marker');
    plantTraps(repository.folder, marker);
    // The control: plain git runs the planted programs.
    git(repository.folder, ['status']);
    assert.ok(existsSync(marker), 'the traps work');
    rmSync(marker);
    uri = pathToFileURL(repository.plan).href;
  });
  after(async () => {
    for (const client of clients) await client.stop();
    rmSync(repository.folder, { recursive: true, force: true });
    rmSync(dirname(marker), { recursive: true, force: true });
  });
  const start = async (trusted: boolean | undefined) => {
    const client = await LspClient.start('node', [SERVER, '--stdio'], trusted === undefined ? { today: TODAY_ISO } : { today: TODAY_ISO, workspaceTrusted: trusted }, { locale: 'de' });
    clients.push(client);
    await client.open(uri, repository.text);
    return client;
  };

  it('in a trusted workspace: the preview and both exports list the commits and name the source commit', async () => {
    const client = await start(true);
    const head = shortHash(repository.folder, 'HEAD');
    const preview = await previewText(client, uri);
    assert.ok(preview.includes(`Erstellt aus Commit ${head} vom 04.12.2026.`), preview.slice(preview.indexOf('Änderungshistorie')));
    for (const { subject, hash } of repository.commits) assert.ok(preview.includes(`${subject} ${hash}`), subject);

    const html = await request<ExportHtmlResult>(client, 'drplan/exportHtml', uri);
    assert.ok(html.html.includes(FIRST_SUBJECT) && html.html.includes(SECOND_SUBJECT) && html.html.includes(head));
    const pdf = await request<ExportPdfResult>(client, 'drplan/exportPdf', uri);
    const file = join(dirname(marker), 'export.pdf');
    writeFileSync(file, Buffer.from(pdf.data, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const needle of [FIRST_SUBJECT, SECOND_SUBJECT, `Erstellt aus Commit ${head}`]) assert.ok(text.includes(needle), needle);
    assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  });

  it('marks the editor\'s unsaved text, and shows a commit made meanwhile without an edit', async () => {
    const client = clients[0] ?? (await start(true));
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# ungespeichert\n' }]);
    assert.ok((await previewText(client, uri)).includes('mit nicht eingecheckten Änderungen.'));
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.ok(!(await previewText(client, uri)).includes('mit nicht eingecheckten'), 'the text of HEAD again');

    // Committed on the command line: the preview of the same version shows it.
    writeFileSync(repository.plan, `${repository.text}# Nachtrag\n`);
    git(repository.folder, ['add', '.']);
    const hash = commit(repository.folder, 'Nachtrag von der Kommandozeile', '2026-12-12T10:00:00+01:00');
    // The test's own git ran the planted programs (git add: filters, fsmonitor; commit: hooks); drplan must not.
    rmSync(marker, { force: true });
    const after = await previewText(client, uri);
    assert.ok(after.includes(`Nachtrag von der Kommandozeile ${hash}`));
    assert.ok(after.includes(`Erstellt aus Commit ${hash} vom 12.12.2026 mit nicht eingecheckten Änderungen.`), 'the editor still has the text without the Nachtrag');
    assert.equal(existsSync(marker), false);
  });

  it('in Restricted Mode no git runs: the plan\'s history: entries, until the client says the workspace is trusted', async () => {
    for (const trusted of [undefined, false]) {
      const client = await start(trusted);
      const preview = await previewText(client, uri);
      assert.ok(preview.includes('Neufassung nach Umzug ins RZ Berlin'));
      assert.ok(!/Commit|eingecheckt|Erste Fassung/.test(preview), 'nothing of git');
      const html = await request<ExportHtmlResult>(client, 'drplan/exportHtml', uri);
      assert.ok(!html.html.includes(FIRST_SUBJECT));
      if (trusted === false) {
        await client.connection.sendNotification('drplan/workspaceTrusted');
        assert.ok((await previewText(client, uri)).includes(FIRST_SUBJECT), 'trusted now: the commits');
      }
    }
    assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  });

  it('an unsaved plan (untitled:) has no history from git', async () => {
    const client = clients[0] ?? (await start(true));
    await client.open('untitled:Unbenannt-1', repository.text);
    const preview = await previewText(client, 'untitled:Unbenannt-1');
    assert.ok(preview.includes('Neufassung nach Umzug ins RZ Berlin') && !preview.includes(FIRST_SUBJECT));
  });
});
