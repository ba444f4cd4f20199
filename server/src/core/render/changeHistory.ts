/**
 * The change history of a plan file as git tells it, handed to the document build as data
 * (`BuildOptions.history`): git runs at the edge (server/src/gitHistory.ts: the CLI and the
 * language server of a trusted workspace), never in the core. Without it the document shows the
 * plan's own `history:` entries.
 */

/** One commit that touched the plan file. */
export interface HistoryCommit {
  /** The abbreviated hash, as git abbreviates it in the repository ("abc1234"). */
  readonly hash: string;
  /** The author's day, YYYY-MM-DD (in the author's time zone, as `git log` shows it). */
  readonly day: string;
  /** The author's name (never the e-mail address). */
  readonly author: string;
  /** The first line of the commit message. */
  readonly subject: string;
}

/** The commit the document is made from: the repository's HEAD. */
export interface SourceCommit {
  readonly hash: string;
  /** YYYY-MM-DD, as in {@link HistoryCommit.day}. */
  readonly day: string;
}

export interface ChangeHistory {
  /** The commits that touched the file, following renames, newest first; at most the edge's limit. */
  readonly commits: readonly HistoryCommit[];
  /**
   * How many older commits touched the file too, not listed (the limit); `many` when there were
   * too many to count in time.
   */
  readonly older: number | 'many';
  /** A shallow clone: commits before its boundary are missing, so the list may be incomplete. */
  readonly shallow: boolean;
  /** HEAD; undefined in a repository without a commit yet. */
  readonly source: SourceCommit | undefined;
  /**
   * The text rendered differs from the file's content in `source` (changes not committed, the
   * editor's unsaved text, or a file that `source` does not hold).
   */
  readonly uncommitted: boolean;
}
