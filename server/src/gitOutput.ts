/**
 * What git's answers mean, for the change history of the document (gitHistory.ts runs git):
 * the formats drplan asks for, read back; and whether a text is the file's content in a commit,
 * told from the blob's size and id. Pure: no process, no file system.
 */
import { createHash } from 'node:crypto';
import type { ChangeHistory, HistoryCommit, SourceCommit } from './core/render/changeHistory';

/** Between the fields of one commit in `--format` (`-z` ends each commit with NUL). */
export const FIELD = '\x1f';
/** `git log -z --format=…`: short hash, author date (ISO 8601), author name, subject. */
export const COMMIT_FORMAT = '%h%x1f%aI%x1f%an%x1f%s';
/** `git log -1 --format=…` of HEAD: short hash, author date. */
export const SOURCE_FORMAT = '%h%x1f%aI';
/** A subject or name longer than this is cut (a document is no place for a pasted log). */
const MAX_FIELD = 300;

/** What `git rev-parse --is-inside-work-tree --is-shallow-repository --absolute-git-dir --git-common-dir` says. */
export interface RepositoryInfo {
  readonly shallow: boolean;
  /** The repository's own folder (`.git`, or a worktree's folder in it). */
  readonly gitDir: string;
  /** Where refs and packed-refs live: the main repository's `.git` for a worktree; absolute or relative to where git ran. */
  readonly commonDir: string;
}

/** Undefined for anything but a work tree (inside `.git`, a bare repository, an answer not understood). */
export function parseRepository(stdout: string): RepositoryInfo | undefined {
  const [inside, shallow, gitDir, commonDir] = stdout.split('\n');
  if (inside !== 'true' || (shallow !== 'true' && shallow !== 'false') || !gitDir || !commonDir) return undefined;
  return { shallow: shallow === 'true', gitDir, commonDir };
}

/** The commits of `git log -z --format=COMMIT_FORMAT`; a record not in that shape is passed over. */
export function parseCommits(stdout: string): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  for (const record of stdout.split('\0')) {
    const [hash, date, author, ...subject] = record.replace(/^\n/, '').split(FIELD);
    const day = dayOf(date);
    if (!hash || !/^[0-9a-f]{4,64}$/.test(hash) || day === undefined || author === undefined || subject.length === 0) continue;
    commits.push({ hash, day, author: bounded(author), subject: bounded(subject.join(FIELD)) });
  }
  return commits;
}

/** HEAD's short hash and day, from `git log -1 --format=SOURCE_FORMAT`. */
export function parseSource(stdout: string): SourceCommit | undefined {
  const [hash, date] = stdout.trim().split(FIELD);
  const day = dayOf(date);
  return hash && /^[0-9a-f]{4,64}$/.test(hash) && day !== undefined ? { hash, day } : undefined;
}

/** A file's blob in a commit: its object id (SHA-1 or SHA-256) and its size in bytes. */
export interface HeadBlob {
  readonly id: string;
  readonly size: number;
}

/** The blob of `git ls-tree -l HEAD -- ./file`; undefined when the commit does not hold the file as one. */
export function parseBlob(stdout: string): HeadBlob | undefined {
  const match = /^\d{6} blob ([0-9a-f]{40}|[0-9a-f]{64}) +(\d+)\t/.exec(stdout);
  return match ? { id: match[1] as string, size: Number(match[2]) } : undefined;
}

/** `2026-12-03T10:00:00+01:00` → `2026-12-03`: the day in the author's own time zone. */
function dayOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})T/.exec(date)?.[1];
}

function bounded(value: string): string {
  const line = value.trim();
  return line.length > MAX_FIELD ? `${line.slice(0, MAX_FIELD - 1)}…` : line;
}

/**
 * Whether `text` is the content of `blob`: its git object id computed from the text (only when
 * the size fits: an edit mostly changes it, and then nothing is hashed). Also as the file would
 * be on disk where the text lost what an editor or git's line-end conversion changes: a
 * byte-order mark (the editor drops it) and CRLF line ends (checked out from LF by
 * `core.autocrlf`).
 */
export function isBlobOf(text: string, blob: HeadBlob): boolean {
  const algorithm = blob.id.length === 64 ? 'sha256' : 'sha1';
  const variants = new Set([text, `\uFEFF${text}`]);
  if (text.includes('\r\n')) for (const variant of [...variants]) variants.add(variant.replace(/\r\n/g, '\n'));
  for (const variant of variants) if (Buffer.byteLength(variant, 'utf8') === blob.size && blobIdOf(variant, algorithm) === blob.id) return true;
  return false;
}

export function blobIdOf(text: string, algorithm: 'sha1' | 'sha256'): string {
  const content = Buffer.from(text, 'utf8');
  return createHash(algorithm).update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

/** What git said of the file, read once per HEAD: the document's history for any text of the file. */
export interface GitReading {
  /** The file's blob in HEAD; undefined when HEAD does not hold it. */
  readonly blob: HeadBlob | undefined;
  /** The history when the text is the file's content in HEAD, and when it differs. */
  readonly committed: ChangeHistory;
  readonly changed: ChangeHistory;
}

export function gitReading(facts: Omit<ChangeHistory, 'uncommitted'>, blob: HeadBlob | undefined): GitReading {
  return { blob, committed: { ...facts, uncommitted: false }, changed: { ...facts, uncommitted: true } };
}

/**
 * The history of a text of the file: the same object as long as the reading and the answer stay
 * the same, so a document built from it is built once (render/preview.ts keys on it).
 */
export function historyOfText(reading: GitReading, text: string): ChangeHistory {
  return reading.blob !== undefined && isBlobOf(text, reading.blob) ? reading.committed : reading.changed;
}
