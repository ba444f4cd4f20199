/**
 * The output-file rules (server/src/io/outputFile.ts): what drplan does with each kind of target
 * (decideOutput), and that the writer does that and nothing else, on a file system in memory
 * (writeOutput): no rename onto a device, no write at all when refused, a file that appears
 * meanwhile is not replaced. The same rules on a real disk: test/cli/outputFiles.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outputRefusal } from '../../server/src/core/i18n/fileMessages';
import {
  decideOutput,
  describeOutputFailure,
  outputFile,
  OutputNotWritten,
  refusalOf,
  writeOutput,
  type OutputFileSystem,
  type OutputKind,
  type OutputTarget,
} from '../../server/src/io/outputFile';

const target = (kind: OutputKind, more: Partial<OutputTarget<string>> = {}): OutputTarget<string> => ({
  named: '/out/plan.pdf',
  resolved: '/out/plan.pdf',
  throughLink: false,
  kind,
  identity: kind === 'none' ? undefined : '1:100',
  ...more,
});
const PLAN = target('file', { named: '/plans/plan.drplan.yaml', resolved: '/plans/plan.drplan.yaml', identity: '1:7' });

describe('output files: the rules', () => {
  it('nothing there, or a regular file: an atomic write; an existing file only with force', () => {
    assert.deepEqual(decideOutput(target('none'), false, [PLAN]), { write: 'atomic', file: '/out/plan.pdf', replace: false, existed: false });
    assert.deepEqual(decideOutput(target('none'), true, [PLAN]), { write: 'atomic', file: '/out/plan.pdf', replace: true, existed: false });
    assert.deepEqual(decideOutput(target('file'), true, [PLAN]), { write: 'atomic', file: '/out/plan.pdf', replace: true, existed: true });
    assert.equal(refusal(target('file'), false), 'exists');
  });

  it('a symbolic link: the atomic write goes to the file it ends at; a link to nothing is refused, with force too', () => {
    const link = target('file', { named: '/out/latest.pdf', resolved: '/archive/2026/plan.pdf', throughLink: true });
    assert.deepEqual(decideOutput(link, true, [PLAN]), { write: 'atomic', file: '/archive/2026/plan.pdf', replace: true, existed: true });
    assert.equal(refusal(link, false), 'exists');
    const dangling = target('none', { named: '/out/latest.pdf', resolved: '/archive/gone.pdf', throughLink: true });
    assert.equal(refusal(dangling, false), 'danglingLink');
    assert.equal(refusal(dangling, true), 'danglingLink');
  });

  it('a character device, a FIFO, a socket, a descriptor: written into, with or without force, through a link too', () => {
    for (const kind of ['characterDevice', 'fifo', 'socket', 'descriptor'] as const) {
      for (const force of [false, true]) {
        const found = target(kind);
        assert.deepEqual(decideOutput(found, force, [PLAN]), { write: 'into', target: found }, `${kind} ${force}`);
        const linked = target(kind, { named: '/out/link', throughLink: true });
        assert.deepEqual(decideOutput(linked, force, [PLAN]), { write: 'into', target: linked });
      }
    }
  });

  it('refuses, whatever force says: the input under any name, a folder, a block device, someone else\'s file in /tmp, anything else', () => {
    for (const force of [false, true]) {
      // The same device and inode: the plan by another path, a link to it, a hard link.
      const plan = decideOutput(target('file', { named: './plan.drplan.yaml', identity: '1:7' }), force, [PLAN]);
      assert.deepEqual(plan, { refuse: 'input', target: target('file', { named: './plan.drplan.yaml', identity: '1:7' }), input: '/plans/plan.drplan.yaml' });
      assert.equal(refusal(target('fifo', { identity: '1:7' }), force), 'input', 'a plan read from a FIFO is not written back into it');
      assert.equal(refusal(target('folder'), force), 'folder');
      assert.equal(refusal(target('blockDevice'), force), 'blockDevice');
      assert.equal(refusal(target('foreign'), force), 'foreign');
      assert.equal(refusal(target('other'), force), 'notAFile');
    }
    // Another file of the same inode number on another device is another file.
    assert.equal(refusal(target('file', { identity: '2:7' }), true), undefined);
  });

  function refusal(found: OutputTarget<string>, force: boolean) {
    const plan = decideOutput(found, force, [PLAN]);
    return 'refuse' in plan ? plan.refuse : undefined;
  }
});

/** A file system in memory: entries by path, each of a kind; links by their target. */
class MemoryOutputFs implements OutputFileSystem<string> {
  readonly entries = new Map<string, { kind: OutputKind; content?: string; link?: string; ino: number }>();
  readonly calls: string[] = [];
  private inodes = 0;
  /** Runs once before the next rename: a file appearing meanwhile. */
  beforeRename: (() => void) | undefined;
  failInto: Error | undefined;

  put(path: string, kind: OutputKind, content?: string): this {
    this.entries.set(path, { kind, content, ino: ++this.inodes });
    return this;
  }

  link(path: string, to: string): this {
    this.entries.set(path, { kind: 'none', link: to, ino: ++this.inodes });
    return this;
  }

  sibling = (path: string, name: string) => `${path.slice(0, path.lastIndexOf('/') + 1)}${name}`;
  name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  folder = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
  label = (path: string) => path;

  async inspect(named: string): Promise<OutputTarget<string>> {
    let path = named;
    let entry = this.entries.get(path);
    while (entry?.link !== undefined) {
      path = entry.link;
      entry = this.entries.get(path);
    }
    return { named, resolved: path, throughLink: path !== named, kind: entry?.kind ?? 'none', identity: entry ? `1:${entry.ino}` : undefined };
  }

  async writeFile(path: string, content: Uint8Array): Promise<void> {
    this.calls.push(`write ${path}`);
    // Created exclusively, as the contract says.
    if (this.entries.has(path)) throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST' });
    this.put(path, 'file', new TextDecoder().decode(content));
  }

  async rename(from: string, to: string, overwrite: boolean): Promise<void> {
    this.calls.push(`rename ${from} ${to}${overwrite ? ' overwrite' : ''}`);
    this.beforeRename?.();
    this.beforeRename = undefined;
    if (this.entries.has(to) && !overwrite) throw Object.assign(new Error(`EEXIST: file already exists, link '${from}' -> '${to}'`), { code: 'EEXIST' });
    this.entries.set(to, this.entries.get(from) as { kind: OutputKind; ino: number });
    this.entries.delete(from);
  }

  async delete(path: string): Promise<void> {
    this.calls.push(`delete ${path}`);
    this.entries.delete(path);
  }

  async writeInto(found: OutputTarget<string>, content: Uint8Array): Promise<void> {
    this.calls.push(`into ${found.resolved} (${found.kind})`);
    if (this.failInto) throw this.failInto;
    const entry = this.entries.get(found.resolved);
    if (entry) entry.content = `${entry.content ?? ''}${new TextDecoder().decode(content)}`;
  }

  contentOf(path: string): string | undefined {
    return this.entries.get(path)?.content;
  }
}

const PDF = new TextEncoder().encode('%PDF-1.7 neu');
const options = { force: true, inputs: ['/plans/plan.drplan.yaml'] };

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('the write succeeded'),
    (error: unknown) => error,
  );
}

describe('output files: the writer', () => {
  it('writes a file atomically beside the file a link ends at; the link stays', async () => {
    const fs = new MemoryOutputFs().put('/archive/plan.pdf', 'file', 'alt').link('/out/latest.pdf', '/archive/plan.pdf').put('/plans/plan.drplan.yaml', 'file');
    await writeOutput(fs, '/out/latest.pdf', PDF, options);
    assert.equal(fs.contentOf('/archive/plan.pdf'), '%PDF-1.7 neu');
    assert.equal(fs.entries.get('/out/latest.pdf')?.link, '/archive/plan.pdf');
    assert.equal(fs.calls.length, 2);
    assert.match(fs.calls[0] as string, /^write \/archive\/\.plan\.pdf\.[a-z0-9]+\.tmp$/);
    assert.match(fs.calls[1] as string, /^rename \/archive\/\.plan\.pdf\.[a-z0-9]+\.tmp \/archive\/plan\.pdf overwrite$/);
  });

  it('writes into a device or FIFO: no temporary file, no rename, no delete, no force needed', async () => {
    const fs = new MemoryOutputFs().put('/dev/null', 'characterDevice').put('/run/feed', 'fifo').link('/out/null.pdf', '/dev/null');
    await writeOutput(fs, '/run/feed', PDF, { force: false, inputs: [] });
    await writeOutput(fs, '/out/null.pdf', PDF, { force: false, inputs: [] });
    assert.deepEqual(fs.calls, ['into /run/feed (fifo)', 'into /dev/null (characterDevice)']);
    assert.equal(fs.entries.get('/run/feed')?.kind, 'fifo');
  });

  it('a failed write into a device is an OutputNotWritten naming the device, and the device stays', async () => {
    const fs = new MemoryOutputFs().put('/tmp/x/full', 'characterDevice');
    fs.failInto = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const error = await failure(writeOutput(fs, '/tmp/x/full', PDF, options));
    assert.ok(error instanceof OutputNotWritten);
    assert.deepEqual(error.where, { file: '/tmp/x/full', existed: false, special: true, folderExists: false });
    assert.equal(describeOutputFailure(fs, error, 'en'), 'There is no space left on /tmp/x/full.');
    assert.equal(describeOutputFailure(fs, error, 'de'), 'Auf /tmp/x/full ist kein Platz mehr frei.');
    assert.equal(fs.entries.get('/tmp/x/full')?.kind, 'characterDevice');
    assert.deepEqual(fs.calls, ['into /tmp/x/full (characterDevice)']);
  });

  it('refuses the plan itself under another name before writing anything, and says so', async () => {
    const fs = new MemoryOutputFs().put('/plans/plan.drplan.yaml', 'file', 'title: Plan').link('/out/plan.pdf', '/plans/plan.drplan.yaml');
    const error = await failure(writeOutput(fs, '/out/plan.pdf', PDF, options));
    assert.equal(refusalOf(error), 'input');
    assert.equal(describeOutputFailure(fs, error, 'en'), 'This is the plan file /plans/plan.drplan.yaml itself; the document would replace the plan.');
    assert.equal(describeOutputFailure(fs, error, 'de'), 'Das ist die Plandatei /plans/plan.drplan.yaml selbst; das Dokument würde den Plan ersetzen.');
    assert.deepEqual(fs.calls, []);
    assert.equal(fs.contentOf('/plans/plan.drplan.yaml'), 'title: Plan');
  });

  it('a file that appears while the document is made is not replaced without force: refused as existing', async () => {
    const fs = new MemoryOutputFs();
    const file = outputFile(fs, '/out/plan.pdf', []);
    assert.equal(await file.check(false), undefined);
    fs.beforeRename = () => fs.put('/out/plan.pdf', 'file', 'someone else');
    const error = await failure(file.write(PDF, false));
    assert.equal(refusalOf(error), 'exists');
    assert.equal((error as { code?: string }).code, 'EEXIST');
    assert.equal(fs.contentOf('/out/plan.pdf'), 'someone else');
    assert.deepEqual([...fs.entries.keys()], ['/out/plan.pdf'], 'the temporary file is gone');
  });

  it('check() says what the write would meet, without writing', async () => {
    const fs = new MemoryOutputFs().put('/out/plan.pdf', 'file', 'alt').put('/out', 'folder');
    assert.equal(refusalOf(await outputFile(fs, '/out/plan.pdf', []).check(false)), 'exists');
    assert.equal(await outputFile(fs, '/out/plan.pdf', []).check(true), undefined);
    assert.equal(refusalOf(await outputFile(fs, '/out', []).check(true)), 'folder');
    assert.deepEqual(fs.calls, []);
  });

  it('words every refusal in German and English; an existing file and a folder are left to the writer', () => {
    const where = { resolved: '/archive/gone.pdf', input: '/plans/p.drplan.yaml', folder: '/tmp' };
    for (const refusal of ['input', 'danglingLink', 'blockDevice', 'foreign', 'notAFile'] as const) {
      const message = outputRefusal(refusal, where);
      assert.ok(message, refusal);
      assert.match(message.en, /^[A-Z].*\.$/, refusal);
      assert.match(message.de, /^[A-ZÄÖÜ].*\.$/, refusal);
    }
    assert.match(outputRefusal('danglingLink', where)?.en ?? '', /symbolic link to \/archive\/gone\.pdf, which does not exist/);
    assert.match(outputRefusal('foreign', where)?.de ?? '', /gemeinsamen Ordner \/tmp/);
    assert.equal(outputRefusal('exists', where), undefined);
    assert.equal(outputRefusal('folder', where), undefined);
  });
});
