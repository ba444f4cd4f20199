/**
 * Writing an output file as Unix tools do, for every writer of drplan (`drplan render -o`, the
 * export commands of VS Code, and what comes later): one rule for what is at the target, one
 * writer behind a small file-system interface (Node's fs in nodeOutputFiles.ts; VS Code's
 * workspace.fs in the extension for virtual workspaces; a fake in test/unit).
 *
 * - nothing, or a regular file: written atomically, a temporary file beside it put in place by
 *   one rename, so a failed write leaves no half file and the earlier file as it was; an existing
 *   file only with `force`;
 * - a symbolic link: the same, to the file the link (chain) ends at; the link stays a link. A
 *   link to nothing is refused (as GNU cp refuses to write through a dangling link);
 * - a character device, a FIFO, a socket, an open descriptor (`/dev/stdout`): written into as
 *   it is, never created, truncated, replaced or removed; this replaces no file, so it needs no
 *   `force`;
 * - refused whatever `force` says: the input itself (under any name: the same device and inode),
 *   a folder, a block device, a file or link of another user in a shared sticky folder such as
 *   /tmp, anything else.
 *
 * Pure: no Node module here, so a build for the web keeps it.
 */
import type { Locale } from '../core';
import { describeWriteFailure, fileMessages, outputRefusal, systemErrorReason, writeErrorCode, type OutputRefusal } from '../core/i18n/fileMessages';

export type { OutputRefusal } from '../core/i18n/fileMessages';

/** What is at an output path, its links followed. */
export type OutputKind =
  | 'none'
  | 'file'
  | 'folder'
  | 'characterDevice'
  | 'fifo'
  | 'socket'
  /** One of the process's own descriptors by name: `/dev/stdout`, `/dev/fd/3`. */
  | 'descriptor'
  | 'blockDevice'
  /** A file or link of another user in a shared sticky folder (/tmp): not followed, not written. */
  | 'foreign'
  | 'other';

export interface OutputTarget<U> {
  /** As the caller named it. */
  readonly named: U;
  /** Where its symbolic links end (itself when it is none): the file to write, or that is missing. */
  readonly resolved: U;
  readonly throughLink: boolean;
  readonly kind: OutputKind;
  /** Equal for one and the same file under any name (device and inode on disk); none for `none`. */
  readonly identity: string | undefined;
}

/** What the rules make of a target. */
export type OutputPlan<U> =
  | { readonly write: 'atomic'; readonly file: U; readonly replace: boolean; readonly existed: boolean }
  | { readonly write: 'into'; readonly target: OutputTarget<U> }
  | RefusedPlan<U>;

/** A target the rules refuse; `input` is the input it is (for `input`). */
export interface RefusedPlan<U> {
  readonly refuse: OutputRefusal;
  readonly target: OutputTarget<U>;
  readonly input?: U;
}

/** The steps of an atomic write. */
export interface AtomicFileSystem<U> {
  /** `name` in the folder of `target`. */
  sibling(target: U, name: string): U;
  /** The file name of `target`. */
  name(target: U): string;
  /**
   * Creates `uri` (a temporary file) with `content`, exclusively: when anything is at `uri`
   * already, a file or a link (dangling or not), it fails with EEXIST (FileExists) and touches
   * nothing.
   */
  writeFile(uri: U, content: Uint8Array): Promise<void>;
  /** Fails (EEXIST, FileExists) when `to` exists and `overwrite` is false, also if it appeared just now. */
  rename(from: U, to: U, overwrite: boolean): Promise<void>;
  delete(uri: U): Promise<void>;
  /** Gives `temporary` the permissions (and, where allowed, the owner) of `earlier`, where it can. */
  adoptAttributes?(temporary: U, earlier: U): Promise<void>;
}

/** A file system an output file is written to. */
export interface OutputFileSystem<U> extends AtomicFileSystem<U> {
  /** What is at `target`. Nothing there (or a folder on the way missing) is `none`, not an error. */
  inspect(target: U): Promise<OutputTarget<U>>;
  /** Writes into a device, FIFO, socket or descriptor (a target planned `into`). */
  writeInto(target: OutputTarget<U>, content: Uint8Array): Promise<void>;
  /** The folder `target` is in. */
  folder(target: U): U;
  /** `target` as messages name it. */
  label(target: U): string;
}

export interface OutputOptions<U> {
  /** Replace an existing file (`--force`, the user's yes). */
  readonly force: boolean;
  /** What the writer reads (the plan): never written over, under whatever name. */
  readonly inputs: readonly U[];
}

/** The rules: what to do with `target`, given what the inputs are. */
export function decideOutput<U>(target: OutputTarget<U>, force: boolean, inputs: readonly OutputTarget<U>[]): OutputPlan<U> {
  const input = target.identity === undefined ? undefined : inputs.find((candidate) => candidate.identity === target.identity);
  if (input) return { refuse: 'input', target, input: input.named };
  switch (target.kind) {
    case 'none':
      return target.throughLink ? { refuse: 'danglingLink', target } : { write: 'atomic', file: target.resolved, replace: force, existed: false };
    case 'file':
      return force ? { write: 'atomic', file: target.resolved, replace: true, existed: true } : { refuse: 'exists', target };
    case 'characterDevice':
    case 'fifo':
    case 'socket':
    case 'descriptor':
      return { write: 'into', target };
    case 'folder':
      return { refuse: 'folder', target };
    case 'blockDevice':
      return { refuse: 'blockDevice', target };
    case 'foreign':
      return { refuse: 'foreign', target };
    case 'other':
      return { refuse: 'notAFile', target };
  }
}

/** The rules applied to what is at `target` now: a writer asks before the work, to refuse early. */
export async function planOutput<U>(fs: OutputFileSystem<U>, target: U, options: OutputOptions<U>): Promise<OutputPlan<U>> {
  // An input that cannot be looked at cannot be the target either; reading it says why.
  const inputs = await Promise.all(options.inputs.map((file) => fs.inspect(file).catch(() => undefined)));
  let found: OutputTarget<U>;
  try {
    found = await fs.inspect(target);
  } catch (error) {
    throw new OutputNotWritten(error, { file: target, existed: false, special: false });
  }
  return decideOutput(found, options.force, inputs.filter((input) => input !== undefined));
}

/**
 * Writes `content` to `target` by the rules, as things are at the moment of writing. Throws
 * OutputRefused (`exists` also when a file appeared meanwhile) or OutputNotWritten; returns what
 * it did.
 */
export async function writeOutput<U>(fs: OutputFileSystem<U>, target: U, content: Uint8Array, options: OutputOptions<U>): Promise<OutputPlan<U>> {
  const plan = await planOutput(fs, target, options);
  if ('refuse' in plan) throw new OutputRefused(plan);
  const where = plan.write === 'atomic' ? { file: plan.file, existed: plan.existed, special: false } : { file: plan.target.resolved, existed: false, special: true };
  try {
    if (plan.write === 'atomic') await writeAtomically(fs, plan.file, content, plan.replace);
    else await fs.writeInto(plan.target, content);
  } catch (error) {
    if (writeErrorCode(error) === 'EEXIST' && plan.write === 'atomic' && !plan.replace) {
      throw new OutputRefused({ refuse: 'exists', target: { named: target, resolved: plan.file, throughLink: false, kind: 'file', identity: undefined } });
    }
    // ENOENT in a folder that is there: one that takes no new files (/proc), not a missing one.
    const folderExists = writeErrorCode(error) === 'ENOENT' && (await fs.inspect(fs.folder(where.file)).catch(() => undefined))?.kind === 'folder';
    throw new OutputNotWritten(error, { ...where, folderExists });
  }
  return plan;
}

/** How many temporary names one write tries: a name already taken means something plants files there. */
const TEMPORARY_ATTEMPTS = 3;

/**
 * 96 bits from the platform's cryptographic source, as hex: a temporary name nobody can guess
 * in advance (and so plant a link at). globalThis.crypto is the same in Node 20 and browsers,
 * so a build for the web keeps it.
 */
export function unguessableName(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes `content` to `target` through a temporary sibling with an unguessable name, created
 * exclusively (AtomicFileSystem.writeFile): whatever is at that name already, a link above all,
 * is neither written through nor removed; the write takes another name, and gives up after a
 * few (TemporaryNamesTaken). Without `overwrite` an existing target is left alone and the
 * rename's error (EEXIST, FileExists) is thrown. On any error the temporary file is removed and
 * the target is as it was.
 */
export async function writeAtomically<U>(fs: AtomicFileSystem<U>, target: U, content: Uint8Array, overwrite: boolean, random: () => string = unguessableName): Promise<void> {
  const taken: U[] = [];
  for (let attempt = 0; attempt < TEMPORARY_ATTEMPTS; attempt++) {
    // Hidden (leading dot) and marked, so a left-over after a crash is recognisable.
    const temporary = fs.sibling(target, `.${fs.name(target)}.${random()}.tmp`);
    try {
      await fs.writeFile(temporary, content);
    } catch (error) {
      if (writeErrorCode(error) === 'EEXIST') {
        taken.push(temporary);
        continue;
      }
      // Created and then failed (a full disk): a half file of ours.
      await fs.delete(temporary).catch(() => undefined);
      throw error;
    }
    try {
      // A replaced file keeps its permissions: a report readable by the team stays so.
      if (overwrite) await fs.adoptAttributes?.(temporary, target);
      await fs.rename(temporary, target, overwrite);
    } catch (error) {
      await fs.delete(temporary).catch(() => undefined);
      throw error;
    }
    return;
  }
  throw new TemporaryNamesTaken(taken);
}

/** Every temporary name a write tried was taken (see writeAtomically). No `code`: not the target's EEXIST. */
export class TemporaryNamesTaken<U> extends Error {
  constructor(readonly names: readonly U[]) {
    super(`${names.length} temporary names beside the output file were taken already`);
  }
}

/** The rules say no. `code` is EEXIST for an existing file, as the file systems say it. */
export class OutputRefused<U> extends Error {
  readonly code: string | undefined;
  constructor(readonly plan: RefusedPlan<U>) {
    super(`output refused: ${plan.refuse}`);
    this.code = plan.refuse === 'exists' ? 'EEXIST' : undefined;
  }
}

/** The file system said no: `cause` is its error; `file` is what was written (the link's target). */
export class OutputNotWritten<U> extends Error {
  constructor(
    override readonly cause: unknown,
    readonly where: { readonly file: U; readonly existed: boolean; readonly special: boolean; readonly folderExists?: boolean },
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Why an output was not written, as a sentence in `locale`: a refusal of the rules, or the file
 * system's reason (core/i18n/fileMessages.ts); undefined for `exists` and `folder`, which each
 * writer words itself (how to replace a file differs).
 */
export function describeOutputFailure<U>(fs: OutputFileSystem<U>, error: unknown, locale: Locale): string | undefined {
  if (error instanceof OutputRefused) {
    const plan = (error as OutputRefused<U>).plan;
    const { resolved } = plan.target;
    const reason = outputRefusal(plan.refuse, { resolved: fs.label(resolved), input: fs.label(plan.input ?? resolved), folder: fs.label(fs.folder(resolved)) });
    return reason?.[locale];
  }
  if (error instanceof OutputNotWritten) {
    const { file, existed, special, folderExists } = (error as OutputNotWritten<U>).where;
    if (error.cause instanceof TemporaryNamesTaken) return fileMessages.temporaryNamesTaken(fs.label(fs.folder(file)))[locale];
    return describeWriteFailure(error.cause, { file: fs.label(file), folder: fs.label(fs.folder(file)), existed, special, folderExists }, locale);
  }
  return systemErrorReason(error)[locale];
}

/** The refusal in `error`, if the rules refused. */
export function refusalOf(error: unknown): OutputRefusal | undefined {
  return error instanceof OutputRefused ? (error as OutputRefused<unknown>).plan.refuse : undefined;
}

/** An output file bound to its file system and the inputs it must not be: what a writer holds. */
export interface OutputFile {
  /** What the write would meet now: a refusal or the file system's error; undefined: it may go ahead. */
  check(force: boolean): Promise<unknown>;
  /** Writes by the rules (see writeOutput). */
  write(content: Uint8Array, force: boolean): Promise<void>;
  /** The reason of a failed check or write, as describeOutputFailure words it. */
  describe(error: unknown, locale: Locale): string | undefined;
}

export function outputFile<U>(fs: OutputFileSystem<U>, target: U, inputs: readonly U[]): OutputFile {
  return {
    check: (force) =>
      planOutput(fs, target, { force, inputs }).then(
        (plan) => ('refuse' in plan ? new OutputRefused(plan) : undefined),
        (error: unknown) => error,
      ),
    write: async (content, force) => void (await writeOutput(fs, target, content, { force, inputs })),
    describe: (error, locale) => describeOutputFailure(fs, error, locale),
  };
}
