/**
 * The output-file rules (outputFile.ts) on a real disk, through Node's fs: for `drplan render`
 * and for the VS Code export of `file:` URIs (the extension host is Node). Paths are strings.
 */
import { constants, fstat, write, type BigIntStats } from 'node:fs';
import { access, chmod, chown, link, lstat, open, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { OutputFileSystem, OutputKind, OutputTarget } from './outputFile';

/** Links followed before giving up with ELOOP, as Linux does (MAXSYMLINKS). */
const MAX_LINKS = 40;

export const nodeOutputFiles: OutputFileSystem<string> = {
  sibling: (target, name) => join(dirname(target), name),
  name: (target) => basename(target),
  folder: (target) => dirname(resolve(target)),
  label: (target) => target,

  inspect,

  writeFile: (path, content) => writeFile(path, content, { flag: 'wx' }),

  async rename(from, to, overwrite) {
    if (overwrite) await rename(from, to);
    // linked: the temporary name is a second name of the file now, and goes.
    else if (await linkUnlessExists(from, to)) await unlink(from);
  },

  delete: (path) => unlink(path),

  async adoptAttributes(temporary, earlier) {
    const before = await stat(earlier).catch(() => undefined);
    if (!before) return;
    // The owner only where the system allows it (root; a group of one's own); chown first, as
    // it may clear mode bits. Set-user-ID and the like are not carried over to a document.
    const made = await stat(temporary);
    if (made.uid !== before.uid || made.gid !== before.gid) await chown(temporary, before.uid, before.gid).catch(() => undefined);
    await chmod(temporary, before.mode & 0o777).catch(() => undefined);
  },

  async writeInto(target, content) {
    if (target.kind === 'descriptor') return writeAll(descriptorOf(target.named) as number, content);
    if (target.kind === 'socket') return sendToSocket(target.resolved, content);
    // No O_CREAT (a device that went away is not replaced by a file), no O_TRUNC (a device has
    // nothing to cut), no controlling terminal. A FIFO waits here for its reader, as `>` does.
    const handle = await open(target.resolved, constants.O_WRONLY | (constants.O_NOCTTY ?? 0));
    try {
      await writeAll(handle.fd, content);
    } finally {
      await handle.close();
    }
  },
};

/**
 * The process's own descriptors by their names (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
 * `/proc/self/fd/N`), as bash and awk take them: the open file itself, whatever it is, not a
 * path to follow and replace.
 */
export function descriptorOf(path: string): number | undefined {
  if (process.platform === 'win32') return undefined;
  const absolute = resolve(path);
  const standard = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(absolute);
  if (standard >= 0) return standard;
  const numbered = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(absolute);
  return numbered ? Number(numbered[1]) : undefined;
}

/** What is at `named`: its chain of symbolic links followed here, step by step, as the kernel does. */
async function inspect(named: string): Promise<OutputTarget<string>> {
  const descriptor = descriptorOf(named);
  if (descriptor !== undefined) return { named, resolved: named, throughLink: false, kind: 'descriptor', identity: identityOf(await fstatOf(descriptor)) };
  let path = named;
  let throughLink = false;
  for (let links = 0; ; links++) {
    let info: BigIntStats;
    try {
      info = await lstat(path, { bigint: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder on the way missing is for the write to report (ENOENT, ENOTDIR).
      if (code === 'ENOENT' || code === 'ENOTDIR') return { named, resolved: path, throughLink, kind: 'none', identity: undefined };
      throw error;
    }
    if (await othersInSharedFolder(path, info)) return { named, resolved: path, throughLink, kind: 'foreign', identity: identityOf(info) };
    if (!info.isSymbolicLink()) return { named, resolved: path, throughLink, kind: kindOf(info), identity: identityOf(info) };
    if (links === MAX_LINKS) throw Object.assign(new Error(`ELOOP: too many symbolic links encountered, ${named}`), { code: 'ELOOP' });
    // Relative to the folder the link is in, as it really is (`..` after a linked folder).
    path = resolve(await realpath(dirname(path)), await readlink(path));
    throughLink = true;
  }
}

function kindOf(info: BigIntStats): OutputKind {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'folder';
  if (info.isCharacterDevice()) return 'characterDevice';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isBlockDevice()) return 'blockDevice';
  return 'other';
}

function identityOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}`;
}

function fstatOf(descriptor: number): Promise<BigIntStats> {
  return new Promise((found, failed) => fstat(descriptor, { bigint: true }, (error, info) => (error ? failed(error) : found(info))));
}

/**
 * Linux follows no link, and opens no file or FIFO to write, of another user in a folder
 * everyone may write to and only owners may delete from (/tmp: the sticky bit) unless the folder
 * is that user's (fs.protected_symlinks, protected_regular, protected_fifos). drplan resolves
 * links itself, so it keeps that rule itself: a planted /tmp/report.pdf → /etc/passwd is not
 * followed by a root shell's `--force`.
 */
async function othersInSharedFolder(path: string, info: BigIntStats): Promise<boolean> {
  const me = process.geteuid?.();
  if (me === undefined || info.uid === BigInt(me)) return false;
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder) return false;
  const shared = (folder.mode & constants.S_IWOTH) !== 0 && (folder.mode & 0o1000) !== 0;
  return shared && info.uid !== BigInt(folder.uid);
}

const writeSome = promisify(write);

/** Writes all of `content` to an open descriptor at its position (a pipe may take it in parts). */
async function writeAll(descriptor: number, content: Uint8Array): Promise<void> {
  for (let done = 0; done < content.length; ) {
    try {
      done += (await writeSome(descriptor, content, done, content.length - done, null)).bytesWritten;
    } catch (error) {
      // A descriptor shared with a non-blocking stream (a pipe Node has opened): wait, go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((wait) => setTimeout(wait, 5));
    }
  }
}

/** Sends `content` to the program listening on the socket at `path`, then closes the connection. */
function sendToSocket(path: string, content: Uint8Array): Promise<void> {
  return new Promise((sent, failed) => {
    const socket = createConnection({ path });
    socket.once('error', failed);
    socket.end(content, () => {
      socket.destroy();
      sent();
    });
  });
}

/**
 * `link` where the file system has hard links (true: linked); elsewhere a check and a rename
 * (false: the temporary file is gone).
 */
async function linkUnlessExists(temporary: string, target: string): Promise<boolean> {
  try {
    await link(temporary, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await rename(temporary, target);
    return false;
  }
}
