import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { nodeOutputFiles } from '../../server/src/io/nodeOutputFiles';
import { describeOutputFailure, OutputNotWritten, TemporaryNamesTaken, writeAtomically, type AtomicFileSystem } from '../../server/src/io/outputFile';
import {
  exportFileName,
  isPlanFileName,
  relativeTargetBase,
  resolveRelative,
  saveDialogAsksBeforeReplacing,
  targetTextKind,
  type DialogEnvironment,
  type TargetRules,
  type UriParts,
} from '../../client/src/export/exportTarget';
import { workspaceSchemes } from '../../client/src/workspaceSchemes';

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

const uri = (scheme: string, path: string, authority = ''): UriParts => ({ scheme, authority, path });

describe('export automation: where a target goes', () => {
  const PLAN = uri('file', '/plans/plone-intranet.drplan.yaml');
  const rules = (more: Partial<TargetRules> = {}): TargetRules => ({ plan: PLAN, workspaceFolders: [uri('file', '/work')], windows: false, ...more });
  const beside = (relative: string, more: Partial<TargetRules> = {}) => {
    const base = relativeTargetBase(rules(more));
    return base && resolveRelative(base, relative, more.windows ?? false);
  };

  it('tells a URI from an absolute and a relative path', () => {
    for (const text of ['file:///plans/x.pdf', 'untitled:x.pdf', 'http://evil.example/x.pdf', 'vscode-vfs://github/o/r/x.pdf', 'command:workbench.action.quit']) {
      assert.equal(targetTextKind(text, false), 'uri', text);
    }
    assert.equal(targetTextKind('/plans/x.pdf', false), 'absolute');
    for (const text of ['x.pdf', './out/x.pdf', '../x.pdf', '~/x.pdf', 'C:\\x.pdf']) assert.equal(targetTextKind(text, false), 'relative', text);
    for (const text of ['C:\\plans\\x.pdf', 'c:/plans/x.pdf', '\\\\server\\share\\x.pdf', '/plans/x.pdf']) assert.equal(targetTextKind(text, true), 'absolute', text);
    assert.equal(targetTextKind('out\\x.pdf', true), 'relative');
  });

  it('takes a relative path in the plan\'s folder (not at the root, as /x.pdf)', () => {
    assert.deepEqual(beside('out.pdf'), uri('file', '/plans/out.pdf'));
    assert.deepEqual(beside('./exports/out.pdf'), uri('file', '/plans/exports/out.pdf'));
    assert.deepEqual(beside('exports//./a/../out.pdf'), uri('file', '/plans/exports/out.pdf'));
    assert.deepEqual(beside('../out.pdf'), uri('file', '/out.pdf'));
    assert.deepEqual(beside('../../../out.pdf'), uri('file', '/out.pdf'), 'never above the root');
    assert.deepEqual(beside('out.pdf', { plan: uri('vscode-vfs', '/drplan/plans/a.drplan.yaml', 'github') }), uri('vscode-vfs', '/drplan/plans/out.pdf', 'github'));
  });

  it('on Windows: backslashes separate, and the drive is the root', () => {
    const plan = uri('file', '/c:/Pläne/a.drplan.yaml');
    assert.deepEqual(beside('exporte\\a.pdf', { plan, windows: true }), uri('file', '/c:/Pläne/exporte/a.pdf'));
    assert.deepEqual(beside('..\\..\\..\\a.pdf', { plan, windows: true }), uri('file', '/c:/a.pdf'));
  });

  it('an unsaved plan: in the first workspace folder, as the save dialog proposes; without one, nowhere', () => {
    const plan = uri('untitled', 'Untitled-1');
    assert.deepEqual(beside('out.pdf', { plan }), uri('file', '/work/out.pdf'));
    assert.equal(relativeTargetBase(rules({ plan, workspaceFolders: [] })), undefined);
  });

  it('writes to file: and the workspace folders\' schemes only', () => {
    const writable = (scheme: string, folders: readonly UriParts[] = rules().workspaceFolders) => workspaceSchemes(folders).includes(scheme);
    assert.deepEqual(workspaceSchemes([uri('file', '/work')]), ['file']);
    assert.deepEqual(workspaceSchemes([]), ['file'], 'a file on disk, in the workspace or not');
    assert.deepEqual(workspaceSchemes([uri('vscode-vfs', '/o/r', 'github'), uri('file', '/w')]), ['file', 'vscode-vfs']);
    for (const scheme of ['untitled', 'http', 'https', 'command', 'vscode-userdata', 'git', 'data', 'FILE']) assert.equal(writable(scheme), false, scheme);
    assert.equal(writable('vscode-vfs', [uri('vscode-vfs', '/o/r', 'github')]), true);
    assert.equal(writable('vscode-vfs'), false, 'not the workspace\'s scheme here');
    assert.equal(writable('untitled', [uri('untitled', '/')]), false);
  });

  it('writes over no plan: *.drplan.yaml and *.drplan.yml in any case, also as Windows reads the name', () => {
    for (const name of ['other.drplan.yaml', 'OTHER.DRPLAN.YML', 'x.Drplan.Yaml', '.drplan.yaml', 'x.drplan.yaml.', 'x.drplan.yml . ', 'x.drplan.yaml::$DATA']) {
      assert.equal(isPlanFileName(`/plans/${name}`), true, name);
    }
    for (const name of ['x.drplan.yaml.pdf', 'x.yaml', 'drplan.yaml', 'x.drplan.json', 'x.drplan.yaml/out.pdf']) assert.equal(isPlanFileName(`/plans/${name}`), false, name);
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
    // Created exclusively, as the contract says: what is there already stays as it is.
    if (this.files.has(uri)) throw Object.assign(new Error(`${uri} exists`), { code: 'FileExists' });
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

describe('export: the temporary file cannot be guessed, and is created exclusively', () => {
  const TARGET = '/plans/plone-intranet.pdf';

  it('takes its name from the platform\'s cryptographic random source (96 bits, hex), never Math.random', async () => {
    const sizes: number[] = [];
    mock.method(globalThis.crypto, 'getRandomValues', <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) {
        sizes.push(array.length);
        array.fill(0xab);
      }
      return array;
    });
    mock.method(Math, 'random', () => assert.fail('Math.random named a temporary file'));
    try {
      const fs = new MemoryFs();
      await writeAtomically(fs, TARGET, text('a'), false);
      assert.deepEqual(sizes, [12]);
      assert.equal(fs.calls[0], `write /plans/.plone-intranet.pdf.${'ab'.repeat(12)}.tmp`);
    } finally {
      mock.restoreAll();
    }
  });

  it('leaves a name that is taken as it is and takes another', async () => {
    const fs = new MemoryFs();
    const planted = '/plans/.plone-intranet.pdf.first.tmp';
    fs.files.set(planted, text('planted'));
    const names = ['first', 'second'];
    await writeAtomically(fs, TARGET, text('%PDF-1.7 new'), false, () => names.shift() ?? assert.fail('a third name'));
    assert.equal(read(fs, planted), 'planted');
    assert.equal(read(fs, TARGET), '%PDF-1.7 new');
    assert.deepEqual(fs.calls, [`write ${planted}`, 'write /plans/.plone-intranet.pdf.second.tmp', `rename /plans/.plone-intranet.pdf.second.tmp ${TARGET}`]);
  });

  it('gives up after three taken names, removing none of them, and says so in both languages', async () => {
    const fs = new MemoryFs();
    const planted = '/plans/.plone-intranet.pdf.same.tmp';
    fs.files.set(planted, text('planted'));
    const error = await writeAtomically(fs, TARGET, text('%PDF-1.7 new'), true, () => 'same').then(
      () => assert.fail('written'),
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof TemporaryNamesTaken);
    assert.equal(error.names.length, 3);
    assert.equal((error as { code?: unknown }).code, undefined, 'not the EEXIST of an existing target');
    assert.deepEqual(fs.calls, [`write ${planted}`, `write ${planted}`, `write ${planted}`]);
    assert.deepEqual([...fs.files.keys()], [planted]);
    const failed = new OutputNotWritten(error, { file: TARGET, existed: false, special: false });
    assert.match(describeOutputFailure(nodeOutputFiles, failed, 'de') ?? '', /^In \/plans gibt es schon Dateien unter den zufälligen Namen, .* Es wurde nichts geschrieben\.$/);
    assert.match(describeOutputFailure(nodeOutputFiles, failed, 'en') ?? '', /^Files already exist in \/plans under the random names .* Nothing was written\.$/);
  });

  describe('on disk (Node\'s fs, as drplan render and the export of file: URIs write)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'drplan-temporary-'));
    after(() => rmSync(scratch, { recursive: true, force: true }));
    const victim = join(scratch, 'victim.txt');
    const target = join(scratch, 'report.pdf');

    it('does not write through a link planted at the temporary name, nor through a dangling one, nor remove them', async () => {
      writeFileSync(victim, 'precious');
      const planted = join(scratch, '.report.pdf.guessed.tmp');
      symlinkSync(victim, planted);
      const dangling = join(scratch, '.report.pdf.dangling.tmp');
      const created = join(scratch, 'made-through-the-link.txt');
      symlinkSync(created, dangling);
      const names = ['guessed', 'dangling', 'fresh'];
      await writeAtomically(nodeOutputFiles, target, Buffer.from('%PDF-1.7 new'), false, () => names.shift() ?? assert.fail('a fourth name'));
      assert.equal(readFileSync(target, 'utf8'), '%PDF-1.7 new');
      assert.equal(readFileSync(victim, 'utf8'), 'precious');
      assert.equal(existsSync(created), false);
      assert.equal(readlinkSync(planted), victim);
      assert.ok(lstatSync(dangling).isSymbolicLink());
      assert.deepEqual(readdirSync(scratch).sort(), ['.report.pdf.dangling.tmp', '.report.pdf.guessed.tmp', 'report.pdf', 'victim.txt']);
    });

    it('only taken names: nothing is written anywhere, the earlier file stays', async () => {
      const error = await writeAtomically(nodeOutputFiles, target, Buffer.from('%PDF-1.7 newer'), true, () => 'guessed').then(
        () => assert.fail('written'),
        (failure: unknown) => failure,
      );
      assert.ok(error instanceof TemporaryNamesTaken);
      assert.equal(readFileSync(victim, 'utf8'), 'precious');
      assert.equal(readFileSync(target, 'utf8'), '%PDF-1.7 new');
    });
  });
});
