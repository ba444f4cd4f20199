/**
 * What drplan says when a file cannot be written (core/i18n/fileMessages.ts), the same words in
 * `drplan render` and in VS Code's export: from Node's error codes, from VS Code's
 * FileSystemError codes, and from Node's code inside the message of an error VS Code passes on
 * as `Unknown` (a full disk, a read-only file system). And what the preview and the exports say
 * for a plan over the size limit (renderRequests.ts, core/render/tooLarge.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core';
import { describeWriteFailure, fileMessages, systemErrorReason, writeErrorCode, writeFailure } from '../../server/src/core/i18n/fileMessages';
import { tooLargeDocument, tooLargeFragment } from '../../server/src/core/render/tooLarge';
import { createLanguageService } from '../../server/src/core/languageService';
import { renderRequests } from '../../server/src/renderRequests';
import { TODAY } from '../support/fixtures';

const WHERE = { file: '/srv/plaene/plan.pdf', folder: '/srv/plaene' };
const nodeError = (code: string, message = `${code}: something, write`) => Object.assign(new Error(message), { code });
/** What vscode.workspace.fs throws: a FileSystemError with VS Code's code and the provider's message. */
const vscodeError = (code: string, message: string) => Object.assign(new Error(message), { code, name: `${code} (FileSystemError)` });

describe('why a file could not be read or written, in a few words', () => {
  it('says each code Node gives in German and English, and no English sentence of Node\'s in German', () => {
    for (const code of ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'ENXIO', 'EAGAIN', 'EBUSY', 'EINVAL', 'EPIPE']) {
      const reason = systemErrorReason(nodeError(code, `${code}: some English words, read`));
      assert.doesNotMatch(reason.de, /English|read|E[A-Z]{3,}/, code);
      assert.doesNotMatch(reason.en, /English|E[A-Z]{3,}/, code);
    }
    assert.deepEqual(systemErrorReason(nodeError('EIO', 'EIO: i/o error, read')), {
      de: 'Ein-/Ausgabefehler (ist der Datenträger defekt oder nicht mehr verbunden?)',
      en: 'input/output error (is the disk damaged or no longer connected?)',
    });
  });

  it('names a code without words of its own for the German reader, with Node\'s message for the English one', () => {
    assert.deepEqual(systemErrorReason(nodeError('ESTALE', 'ESTALE: stale file handle, open')), { de: 'Fehler des Betriebssystems ESTALE', en: 'ESTALE: stale file handle, open' });
    // Not Node's: a file system provider's own words, in whatever language it speaks.
    assert.deepEqual(systemErrorReason(new Error('Verbindung zum Server verloren')), { de: 'Verbindung zum Server verloren', en: 'Verbindung zum Server verloren' });
  });
});

describe('why a write failed, in words', () => {
  it('reads Node\'s code, VS Code\'s code, and Node\'s code in the message of VS Code\'s Unknown', () => {
    assert.equal(writeErrorCode(nodeError('ENOSPC')), 'ENOSPC');
    assert.equal(writeErrorCode(nodeError('EROFS')), 'EROFS');
    assert.equal(writeErrorCode(vscodeError('Unknown', 'ENOSPC: no space left on device, write')), 'ENOSPC');
    assert.equal(writeErrorCode(vscodeError('Unknown', 'EROFS: read-only file system, open \'/mnt/x/.plan.pdf.tmp\'')), 'EROFS');
    assert.equal(writeErrorCode(vscodeError('NoPermissions', 'Unable to write file (NoPermissions (FileSystemError))')), 'EACCES');
    assert.equal(writeErrorCode(vscodeError('FileWriteLocked', 'locked')), 'EACCES');
    assert.equal(writeErrorCode(vscodeError('FileNotFound', 'not found')), 'ENOENT');
    assert.equal(writeErrorCode(vscodeError('FileExists', 'exists')), 'EEXIST');
    assert.equal(writeErrorCode(vscodeError('FileIsADirectory', 'a folder')), 'EISDIR');
    assert.equal(writeErrorCode(vscodeError('FileNotADirectory', 'not a folder')), 'ENOTDIR');
    assert.equal(writeErrorCode(vscodeError('Unavailable', 'the provider is gone')), undefined);
    assert.equal(writeErrorCode(new Error('a bug')), undefined);
    assert.equal(writeErrorCode('EROFS: read-only file system'), 'EROFS');
    for (const odd of [undefined, null, 42, {}, { code: 7 }, Object.assign(new Error('WENOSPCX'), { code: 'X' })]) assert.equal(writeErrorCode(odd), undefined);
  });

  it('says it in plain words in both languages, naming the folder or the file', () => {
    const cases: [string, string, string][] = [
      ['ENOSPC', 'Der Datenträger ist voll, in /srv/plaene ist kein Platz mehr frei.', 'The disk is full; there is no space left in /srv/plaene.'],
      ['EDQUOT', 'Das Speicherkontingent ist aufgebraucht, in /srv/plaene darf nichts mehr gespeichert werden.', 'The disk quota is used up; nothing more may be stored in /srv/plaene.'],
      [
        'EROFS',
        'Der Datenträger ist schreibgeschützt: /srv/plaene liegt auf einem Dateisystem, das nur zum Lesen eingebunden ist.',
        'The file system is read-only: /srv/plaene is on a file system mounted for reading only.',
      ],
      ['EACCES', 'Keine Schreibberechtigung für /srv/plaene.', 'No permission to write in /srv/plaene.'],
      ['EPERM', 'Keine Schreibberechtigung für /srv/plaene.', 'No permission to write in /srv/plaene.'],
      ['ENOENT', 'Der Ordner /srv/plaene existiert nicht.', 'The folder /srv/plaene does not exist.'],
      ['EISDIR', '/srv/plaene/plan.pdf ist ein Ordner, keine Datei.', '/srv/plaene/plan.pdf is a folder, not a file.'],
      ['ENOTDIR', 'Ein Teil des Pfads /srv/plaene ist eine Datei, kein Ordner.', 'Part of the path /srv/plaene is a file, not a folder.'],
    ];
    for (const [code, de, en] of cases) {
      assert.deepEqual(writeFailure(nodeError(code), WHERE), { de, en }, code);
      assert.equal(describeWriteFailure(nodeError(code), WHERE, 'de'), de);
      assert.equal(describeWriteFailure(nodeError(code), { ...WHERE, existed: true }, 'en'), `${en} The earlier file is unchanged.`);
    }
  });

  it('names a device, FIFO or socket written into, not its folder; links, sockets and pipes have their reasons too', () => {
    const DEVICE = { file: '/tmp/x/full', folder: '/tmp/x', special: true };
    assert.deepEqual(writeFailure(nodeError('ENOSPC'), DEVICE), { de: 'Auf /tmp/x/full ist kein Platz mehr frei.', en: 'There is no space left on /tmp/x/full.' });
    assert.deepEqual(writeFailure(nodeError('EACCES'), DEVICE), { de: 'Keine Schreibberechtigung für /tmp/x/full.', en: 'No permission to write to /tmp/x/full.' });
    assert.deepEqual(writeFailure(nodeError('EPIPE'), DEVICE), {
      de: 'Die lesende Seite von /tmp/x/full wurde geschlossen, bevor das Dokument ganz geschrieben war.',
      en: 'The reading end of /tmp/x/full was closed before the document was written in full.',
    });
    assert.deepEqual(writeFailure(nodeError('ECONNREFUSED'), DEVICE), { de: 'Am Socket /tmp/x/full lauscht kein Programm.', en: 'No program is listening on the socket /tmp/x/full.' });
    assert.deepEqual(writeFailure(nodeError('ENXIO'), DEVICE), { de: 'Hinter /tmp/x/full steht kein Gerät.', en: 'There is no device behind /tmp/x/full.' });
    assert.deepEqual(writeFailure(nodeError('ELOOP'), WHERE), { de: '/srv/plaene/plan.pdf ist eine Schleife symbolischer Links.', en: '/srv/plaene/plan.pdf is a loop of symbolic links.' });
    // A folder that is there but takes no new files (/proc) is not said to be missing.
    assert.deepEqual(writeFailure(nodeError('ENOENT'), { file: '/proc/version.pdf', folder: '/proc', folderExists: true }), {
      de: 'In /proc lässt sich keine Datei anlegen.',
      en: 'No file can be created in /proc.',
    });
    // Nothing was replaced, so nothing is said about an earlier file.
    assert.equal(describeWriteFailure(nodeError('ENOSPC'), { ...DEVICE, existed: false }, 'en'), 'There is no space left on /tmp/x/full.');
  });

  it('leaves an existing file to the caller, and shows the message of an error it has no words for', () => {
    assert.equal(writeFailure(nodeError('EEXIST'), WHERE), undefined);
    assert.equal(describeWriteFailure(new Error('Verbindung zum Server verloren'), { ...WHERE, existed: true }, 'de'), 'Verbindung zum Server verloren');
    assert.equal(describeWriteFailure('kaputt', WHERE, 'en'), 'kaputt');
  });

  it('says the earlier file is unchanged in German with its umlaut', () => {
    assert.equal(fileMessages.earlierFileKept.de, 'Die bisherige Datei ist unverändert.');
    assert.equal(describeWriteFailure(vscodeError('Unknown', 'ENOSPC: no space left on device, write'), { ...WHERE, existed: true }, 'de'), 'Der Datenträger ist voll, in /srv/plaene ist kein Platz mehr frei. Die bisherige Datei ist unverändert.');
  });
});

describe('a plan over the size limit: the preview\'s page and the exports\' refusal', () => {
  const tooLarge = { size: 52.4 * 1024 * 1024, limit: 5 * 1024 * 1024 };

  it('the page says so in a title the preview reports, with the sizes, in the user\'s language', () => {
    const german = tooLargeFragment(tooLarge, 'de');
    assert.match(german, /^<main class="drplan-document">\n<h1 class="doc-title" data-line="0">Die Datei ist zu groß für die Vorschau \(52,4 MB, Grenze 5 MB\)<\/h1>/);
    assert.match(german, /Die Grenze lässt sich mit der Einstellung drplan\.maxFileSize anheben/);
    const english = tooLargeFragment(tooLarge, 'en');
    assert.match(english, /<h1 class="doc-title" data-line="0">The file is too large for the preview \(52\.4 MB, limit 5 MB\)<\/h1>/);
    assert.match(english, /The setting drplan\.maxFileSize raises the limit/);
    assert.equal(tooLargeDocument(tooLarge, 'de').meta.watermark, undefined, 'no ENTWURF: it is no document of the plan');
  });

  function requests(text: string, locale: 'de' | 'en') {
    const document = TextDocument.create('file:///plaene/gross.drplan.yaml', 'drplan', 3, text);
    const analysis = analyze(text, { today: TODAY, maxFileSize: 1024 });
    const logged: unknown[] = [];
    const log = (_feature: string, _uri: string, error: unknown) => logged.push(error);
    const answer = renderRequests({
      document: (uri) => (uri === document.uri ? document : undefined),
      analysis: () => analysis,
      service: createLanguageService({ locale, today: TODAY, maxFileSize: 1024, logger: { failed: log } }),
      log,
    });
    return { answer, params: { textDocument: { uri: document.uri } }, logged };
  }

  it('the server answers the preview with that page and refuses both exports with the reason', async () => {
    const text = `drplan: "1"\n# ${'x'.repeat(2048)}\n`;
    const { answer, params, logged } = requests(text, 'de');
    const preview = await answer.preview(params);
    assert.ok(preview && !(preview instanceof ResponseError));
    assert.equal(preview.version, 3);
    assert.match(preview.html, /Die Datei ist zu groß für die Vorschau \(2 kB, Grenze 1 kB\)/);
    const expected = 'Die Datei ist zu groß für den Export (2 kB, Grenze 1 kB); es wird kein Dokument geschrieben. Die Grenze lässt sich mit der Einstellung drplan.maxFileSize anheben.';
    for (const refusal of [await answer.exportHtml(params), await answer.exportPdf(params)]) {
      assert.ok(refusal instanceof ResponseError, 'refused, not an empty document');
      assert.equal(refusal.message, expected);
    }
    assert.deepEqual(logged, [], 'a refusal is no failure');

    const english = requests(text, 'en');
    const refusal = await english.answer.exportHtml(english.params);
    assert.ok(refusal instanceof ResponseError);
    assert.match(refusal.message, /^The file is too large to export \(2 kB, limit 1 kB\); no document is written\./);
  });
});
