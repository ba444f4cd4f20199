import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeAtomically, type AtomicFileSystem } from '../../server/src/io/outputFile';
import { exportFileName, saveDialogAsksBeforeReplacing, type DialogEnvironment } from '../../client/src/export/exportTarget';

describe('export: file names', () => {
  it('names the export after the plan, as drplan render does', () => {
    assert.equal(exportFileName('plone-intranet.drplan.yaml', 'pdf'), 'plone-intranet.pdf');
    assert.equal(exportFileName('plone-intranet.drplan.yml', 'html'), 'plone-intranet.html');
    assert.equal(exportFileName('Notfallplan Rechenzentrum.DRPLAN.YAML', 'pdf'), 'Notfallplan Rechenzentrum.pdf');
    assert.equal(exportFileName('plan.yaml', 'pdf'), 'plan.pdf');
    assert.equal(exportFileName('Untitled-1', 'pdf'), 'Untitled-1.pdf');
    assert.equal(exportFileName('.drplan.yaml', 'pdf'), 'drplan.pdf');
  });
});

describe('export: who asks before a file is replaced', () => {
  const desktop = (platform: string): DialogEnvironment => ({ web: false, remote: false, simpleDialog: false, scheme: 'file', platform });

  it('the save dialog asks in VS Code\'s own dialog and in the native ones of macOS and Windows', () => {
    assert.equal(saveDialogAsksBeforeReplacing(desktop('darwin')), true);
    assert.equal(saveDialogAsksBeforeReplacing(desktop('win32')), true);
    assert.equal(saveDialogAsksBeforeReplacing({ ...desktop('linux'), web: true }), true, 'code-server, vscode.dev');
    assert.equal(saveDialogAsksBeforeReplacing({ ...desktop('linux'), remote: true }), true, 'SSH, containers, WSL');
    assert.equal(saveDialogAsksBeforeReplacing({ ...desktop('linux'), simpleDialog: true }), true);
    assert.equal(saveDialogAsksBeforeReplacing({ ...desktop('linux'), scheme: 'vscode-vfs' }), true);
  });

  it('the export asks itself after the native dialog on Linux, which does not', () => {
    assert.equal(saveDialogAsksBeforeReplacing(desktop('linux')), false);
    assert.equal(saveDialogAsksBeforeReplacing(desktop('freebsd')), false);
  });
});

/** A file system in memory, with failures to order; paths are strings, folders implied. */
class MemoryFs implements AtomicFileSystem<string> {
  readonly files = new Map<string, Uint8Array>();
  readonly calls: string[] = [];
  failWrite: Error | undefined;
  failRename: Error | undefined;

  sibling(target: string, name: string): string {
    return `${target.slice(0, target.lastIndexOf('/') + 1)}${name}`;
  }

  name(target: string): string {
    return target.slice(target.lastIndexOf('/') + 1);
  }

  async writeFile(uri: string, content: Uint8Array): Promise<void> {
    this.calls.push(`write ${uri}`);
    // A failing write may leave part of the file behind, as a full disk does.
    this.files.set(uri, content.slice(0, Math.floor(content.length / 2)));
    if (this.failWrite) throw this.failWrite;
    this.files.set(uri, content);
  }

  async rename(from: string, to: string, overwrite: boolean): Promise<void> {
    this.calls.push(`rename ${from} ${to}${overwrite ? ' overwrite' : ''}`);
    if (this.failRename) throw this.failRename;
    if (this.files.has(to) && !overwrite) throw Object.assign(new Error(`${to} exists`), { code: 'FileExists' });
    const content = this.files.get(from);
    if (!content) throw Object.assign(new Error(`${from} not found`), { code: 'FileNotFound' });
    this.files.delete(from);
    this.files.set(to, content);
  }

  async delete(uri: string): Promise<void> {
    this.calls.push(`delete ${uri}`);
    if (!this.files.delete(uri)) throw Object.assign(new Error(`${uri} not found`), { code: 'FileNotFound' });
  }
}

const text = (value: string) => new TextEncoder().encode(value);
const read = (fs: MemoryFs, path: string) => new TextDecoder().decode(fs.files.get(path));

describe('export: atomic write', () => {
  const TARGET = '/plans/plone-intranet.pdf';
  const TEMPORARY = '/plans/.plone-intranet.pdf.r4nd0m.tmp';

  it('writes a hidden temporary file beside the target, then renames it into place', async () => {
    const fs = new MemoryFs();
    await writeAtomically(fs, TARGET, text('%PDF-1.7 new'), false, () => 'r4nd0m');
    assert.deepEqual(fs.calls, [`write ${TEMPORARY}`, `rename ${TEMPORARY} ${TARGET}`]);
    assert.equal(read(fs, TARGET), '%PDF-1.7 new');
    assert.deepEqual([...fs.files.keys()], [TARGET]);
  });

  it('replaces an earlier file only when told to', async () => {
    const fs = new MemoryFs();
    fs.files.set(TARGET, text('%PDF-1.7 old'));
    await assert.rejects(writeAtomically(fs, TARGET, text('%PDF-1.7 new'), false, () => 'r4nd0m'), { code: 'FileExists' });
    assert.equal(read(fs, TARGET), '%PDF-1.7 old');
    assert.deepEqual([...fs.files.keys()], [TARGET], 'the temporary file is gone');
    await writeAtomically(fs, TARGET, text('%PDF-1.7 new'), true, () => 'r4nd0m');
    assert.equal(read(fs, TARGET), '%PDF-1.7 new');
  });

  it('leaves the earlier file intact and no half file behind when the write fails', async () => {
    const fs = new MemoryFs();
    fs.files.set(TARGET, text('%PDF-1.7 old'));
    fs.failWrite = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    await assert.rejects(writeAtomically(fs, TARGET, text('%PDF-1.7 a much longer new file'), true, () => 'r4nd0m'), /ENOSPC/);
    assert.equal(read(fs, TARGET), '%PDF-1.7 old');
    assert.deepEqual([...fs.files.keys()], [TARGET]);
    assert.deepEqual(fs.calls, [`write ${TEMPORARY}`, `delete ${TEMPORARY}`]);
  });

  it('leaves the earlier file intact when the rename fails, and says why', async () => {
    const fs = new MemoryFs();
    fs.files.set(TARGET, text('%PDF-1.7 old'));
    fs.failRename = Object.assign(new Error('EACCES: permission denied'), { code: 'NoPermissions' });
    await assert.rejects(writeAtomically(fs, TARGET, text('%PDF-1.7 new'), true, () => 'r4nd0m'), { code: 'NoPermissions' });
    assert.equal(read(fs, TARGET), '%PDF-1.7 old');
    assert.deepEqual([...fs.files.keys()], [TARGET]);
  });

  it('gives every export its own temporary name', async () => {
    const fs = new MemoryFs();
    await writeAtomically(fs, TARGET, text('a'), true);
    await writeAtomically(fs, TARGET, text('b'), true);
    const temporaries = fs.calls.filter((call) => call.startsWith('write ')).map((call) => call.slice(6));
    assert.equal(new Set(temporaries).size, 2);
    for (const name of temporaries) assert.match(name, /^\/plans\/\.plone-intranet\.pdf\.[a-z0-9]+\.tmp$/);
  });
});
