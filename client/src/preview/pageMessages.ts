/**
 * What the preview page (media/preview.js) hands to the extension: its messages, and the state
 * it saved, which comes back after a window reload. The page shows plan text, so what it sends
 * is input like any other: each message is checked for its shape before the extension acts on
 * it, and the result is a fresh object of exactly the fields named here (what reaches the
 * extension's API is what this module let through). Pure (no `vscode`), so test/unit checks it.
 */
import { workspaceSchemes } from '../workspaceSchemes';
import type { PreviewState } from './previewShell';

/** Messages of the page. */
export type PageMessage =
  /** A new page (first load, or reloaded after being hidden), with the body of `version` (-1: none). */
  | { readonly type: 'ready'; readonly version: number; readonly line: number | undefined }
  /**
   * The page shows `version`; `title` is the cover's, `blocks` how many blocks carry a source
   * line, `chapters` the chapters' headings as shown ("3 Alarmierung und Eskalation").
   */
  | { readonly type: 'rendered'; readonly version: number; readonly title: string | null; readonly blocks: number; readonly chapters: readonly string[] }
  | { readonly type: 'revealLine'; readonly line: number }
  | { readonly type: 'openLine'; readonly line: number }
  | { readonly type: 'export'; readonly format: 'pdf' | 'html' };

/** The page's message, checked; undefined for anything else. */
export function pageMessage(value: unknown): PageMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      // Always taken (it asks for the latest version); what the page says is only a hint.
      return { type: 'ready', version: isCount(value.version) ? value.version : -1, line: isLine(value.line) ? value.line : undefined };
    case 'rendered':
      if (!isCount(value.version) || !isCount(value.blocks) || !(typeof value.title === 'string' || value.title === null)) return undefined;
      return { type: 'rendered', version: value.version, title: value.title, blocks: value.blocks, chapters: chaptersOf(value.chapters) };
    case 'revealLine':
    case 'openLine':
      return isLine(value.line) ? { type: value.type, line: value.line } : undefined;
    case 'export':
      return value.format === 'pdf' || value.format === 'html' ? { type: 'export', format: value.format } : undefined;
    default:
      return undefined;
  }
}

/** The state a restored preview got back, checked: the plan's URI as text and a line. */
export function previewStateOf(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || value.uri === '') return undefined;
  return isLine(value.line) ? { uri: value.uri, line: value.line } : { uri: value.uri };
}

/**
 * Whether a restored preview may open a plan of `scheme`: what a preview is opened on, a plan on
 * disk, in the workspace's own file system, or unsaved (VS Code brings an `untitled:` plan back
 * after a reload too); not a web address, a command or another extension's file system that a
 * saved state names.
 */
export function restorableScheme(scheme: string, workspaceFolders: readonly { readonly scheme: string }[]): boolean {
  return scheme === 'untitled' || workspaceSchemes(workspaceFolders).includes(scheme);
}

/** The page's chapter headings: at most 100 texts of at most 200 characters; anything else, none. */
function chaptersOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, 100).flatMap((entry: unknown) => (typeof entry === 'string' ? [entry.slice(0, 200)] : []));
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A version or a number of blocks: a whole number, 0 or more. */
function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A source line, 0-based, fractional between two blocks. */
function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
