import { parseDate, formatDate } from '../../date';
import { cell, col, dateValue, shown, short, table } from '../blocks';
import type { ChangeHistory } from '../changeHistory';
import type { DocumentContext } from '../context';
import { LABELS } from '../texts';
import { strong, text, type Block, type Inline, type Table } from '../tree';
import type { Chapter } from './chapter';

const TITLE = 'Änderungshistorie';
const ID = 'aenderungshistorie';

/**
 * Änderungshistorie as a chapter of its own: the commits of git that touched the plan file when
 * the document is made from a repository, else the plan's `history:` entries.
 */
export const history: Chapter = (context) => {
  const content = changeHistoryContent(context);
  return content && context.chapter(ID, TITLE, content.line, content.blocks);
};

/**
 * The change history for a chapter that holds it (Lenkung des Dokuments): a heading of level 2
 * "Änderungshistorie" and what follows it; nothing when there is no history to show.
 */
export function changeHistoryBlocks(context: DocumentContext): Block[] {
  const content = changeHistoryContent(context);
  return content ? [context.heading(2, ID, TITLE, content.line), ...content.blocks] : [];
}

function changeHistoryContent(context: DocumentContext): { readonly line: number | undefined; readonly blocks: Block[] } | undefined {
  const line = context.keyLine(context.model.keys.history);
  const entries = planEntries(context, line);
  const git = context.changeHistory;
  if (!git) return entries && { line, blocks: [entries] };
  const blocks: Block[] = [{ kind: 'paragraph', content: sourceStatement(git) }];
  if (git.commits.length === 0) {
    // Not in git yet: the plan's own entries, if it keeps any, are all there is.
    if (entries) blocks.push(entries);
    return { line, blocks };
  }
  if (git.shallow) {
    blocks.push({
      kind: 'paragraph',
      content: [text('Das Repository ist ein flacher Klon (shallow clone): Ältere Commits fehlen darin, die Liste kann daher unvollständig sein.')],
    });
  }
  blocks.push(commitTable(git));
  if (git.older !== 0) blocks.push({ kind: 'paragraph', style: 'small', content: [text(`… und ${olderCommits(git.older)}.`)] });
  return { line, blocks };
}

/** "Erstellt aus Commit abc1234 vom 03.12.2026", and whether the text differs from it. */
function sourceStatement(git: ChangeHistory): Inline[] {
  if (git.commits.length === 0 || !git.source) return [text('Die Datei ist noch nicht eingecheckt.')];
  const made = text(`Erstellt aus Commit ${git.source.hash} vom ${day(git.source.day)}`);
  return git.uncommitted ? [made, text(' '), strong(text('mit nicht eingecheckten Änderungen')), text('.')] : [made, text('.')];
}

function commitTable(git: ChangeHistory): Table {
  return table(
    [short('Datum', 1.6), col('Autor', 3), col('Änderung', 7), short('Commit', 1.4)],
    git.commits.map((commit) => ({ kind: 'row', cells: [cell(day(commit.day)), cell(commit.author), cell(commit.subject), cell(commit.hash)] })),
    'normal',
    undefined,
  );
}

/** The plan's own `history:` entries, when it has any. */
function planEntries(context: DocumentContext, line: number | undefined): Table | undefined {
  const entries = context.model.history;
  if (entries.length === 0) return undefined;
  return table(
    [short('Version', 1.2), short('Datum', 1.6), col('Autor', 3), col('Änderungen', 7)],
    entries.map((entry) => ({
      kind: 'row',
      sourceLine: context.line(entry.span.start),
      cells: [cell(shown(entry.version)), dateValue(entry.date, LABELS.none), cell(shown(entry.author)), cell(shown(entry.changes))],
    })),
    'normal',
    line,
  );
}

function olderCommits(older: number | 'many'): string {
  if (older === 'many') return 'weitere ältere Commits';
  return older === 1 ? '1 älterer Commit' : `${older} ältere Commits`;
}

/** A day of git's (YYYY-MM-DD) in German; as given when it is none. */
function day(value: string): string {
  const days = parseDate(value);
  return days === undefined ? value : formatDate(days, 'de');
}
