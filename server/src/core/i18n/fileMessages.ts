/**
 * What drplan says about files it writes and plans too large to show, in German and English:
 * why a write failed (for `drplan render` and the export commands of VS Code alike) and why a
 * plan over the size limit gets no preview and no document. Pure: the reason comes from the
 * error's code, never from looking at the file system.
 */
import { formatMegabytes, formatSizeOver } from '../limits';
import type { Locale } from '../types';
import type { Message } from './messages';

/** Where a write went: the file, and the folder it was to be written in (as the user named them). */
export interface WriteTarget {
  readonly file: string;
  readonly folder: string;
  /**
   * The file is a device, a FIFO or a socket, written into as it is: a reason names the file,
   * not its folder (`/dev/full` is full, not `/dev`).
   */
  readonly special?: boolean;
  /** The folder is there (ENOENT then means it takes no new files: /proc, /sys). */
  readonly folderExists?: boolean;
}

/** Node's error codes for a failed write that have a reason in words below. */
const NODE_CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ELOOP', 'ENXIO', 'ECONNREFUSED', 'EPIPE', 'ECONNRESET'] as const;
type NodeCode = (typeof NODE_CODES)[number];
const NAMED_CODE = new RegExp(`\\b(${NODE_CODES.join('|')})\\b`);

/** vscode.FileSystemError's codes, as the Node code they stand for. */
const VSCODE_CODES: Record<string, NodeCode> = {
  NoPermissions: 'EACCES',
  FileWriteLocked: 'EACCES',
  FileNotFound: 'ENOENT',
  FileExists: 'EEXIST',
  FileIsADirectory: 'EISDIR',
  FileNotADirectory: 'ENOTDIR',
};

/**
 * The Node error code of a failed write: Node's own `code`; else the one its message names
 * (VS Code's file system passes a full disk or a read-only file system on as `Unknown`, with
 * Node's message, "ENOSPC: no space left on device, write"); else the Node code for VS Code's
 * `FileSystemError` code.
 */
export function writeErrorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && /^E[A-Z]+$/.test(code)) return code;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const named = NAMED_CODE.exec(message)?.[1];
  if (named) return named;
  return code === undefined ? undefined : VSCODE_CODES[code];
}

/**
 * Why a file could not be written, as a sentence; undefined for an error without a code we
 * know (the caller shows the error's own message) and for an existing file (EEXIST: each
 * caller says how to replace it).
 */
export function writeFailure(error: unknown, where: WriteTarget): Message | undefined {
  const { file, folder } = where;
  const code = writeErrorCode(error);
  if (where.special) {
    const reason = specialWriteFailure(code, file);
    if (reason) return reason;
  }
  switch (code) {
    case 'ENOSPC':
      return { de: `Der Datenträger ist voll, in ${folder} ist kein Platz mehr frei.`, en: `The disk is full; there is no space left in ${folder}.` };
    case 'EDQUOT':
      return {
        de: `Das Speicherkontingent ist aufgebraucht, in ${folder} darf nichts mehr gespeichert werden.`,
        en: `The disk quota is used up; nothing more may be stored in ${folder}.`,
      };
    case 'EROFS':
      return {
        de: `Der Datenträger ist schreibgeschützt: ${folder} liegt auf einem Dateisystem, das nur zum Lesen eingebunden ist.`,
        en: `The file system is read-only: ${folder} is on a file system mounted for reading only.`,
      };
    case 'EACCES':
    case 'EPERM':
      return { de: `Keine Schreibberechtigung für ${folder}.`, en: `No permission to write in ${folder}.` };
    case 'ENOENT':
      if (where.folderExists) return { de: `In ${folder} lässt sich keine Datei anlegen.`, en: `No file can be created in ${folder}.` };
      return { de: `Der Ordner ${folder} existiert nicht.`, en: `The folder ${folder} does not exist.` };
    case 'EISDIR':
      return { de: `${file} ist ein Ordner, keine Datei.`, en: `${file} is a folder, not a file.` };
    case 'ENOTDIR':
      return { de: `Ein Teil des Pfads ${folder} ist eine Datei, kein Ordner.`, en: `Part of the path ${folder} is a file, not a folder.` };
    case 'ELOOP':
      return { de: `${file} ist eine Schleife symbolischer Links.`, en: `${file} is a loop of symbolic links.` };
    case 'ENXIO':
      return { de: `Hinter ${file} steht kein Gerät.`, en: `There is no device behind ${file}.` };
    case 'ECONNREFUSED':
      return { de: `Am Socket ${file} lauscht kein Programm.`, en: `No program is listening on the socket ${file}.` };
    case 'EPIPE':
    case 'ECONNRESET':
      return {
        de: `Die lesende Seite von ${file} wurde geschlossen, bevor das Dokument ganz geschrieben war.`,
        en: `The reading end of ${file} was closed before the document was written in full.`,
      };
    default:
      return undefined;
  }
}

/** The reasons that name a device, FIFO or socket itself rather than its folder. */
function specialWriteFailure(code: string | undefined, file: string): Message | undefined {
  switch (code) {
    case 'ENOSPC':
      return { de: `Auf ${file} ist kein Platz mehr frei.`, en: `There is no space left on ${file}.` };
    case 'EACCES':
    case 'EPERM':
      return { de: `Keine Schreibberechtigung für ${file}.`, en: `No permission to write to ${file}.` };
    default:
      return undefined;
  }
}

/**
 * Why drplan does not write to an output file at all (the rules in server/src/io/outputFile.ts).
 * `exists` and `folder` are worded by each writer, which says how to replace a file (`--force`,
 * VS Code's question).
 */
export type OutputRefusal = 'exists' | 'folder' | 'input' | 'danglingLink' | 'blockDevice' | 'foreign' | 'notAFile';

/** The names in an output refusal: where the named file's links end, the input it is, its folder. */
export interface RefusedOutput {
  readonly resolved: string;
  readonly input: string;
  readonly folder: string;
}

/** An output refusal as a sentence (undefined for `exists` and `folder`: see OutputRefusal). */
export function outputRefusal(refusal: OutputRefusal, where: RefusedOutput): Message | undefined {
  const { resolved, input, folder } = where;
  switch (refusal) {
    case 'input':
      return { de: `Das ist die Plandatei ${input} selbst; das Dokument würde den Plan ersetzen.`, en: `This is the plan file ${input} itself; the document would replace the plan.` };
    case 'danglingLink':
      return {
        de: `Das ist ein symbolischer Link auf ${resolved}, das es nicht gibt; durch einen Link schreibt drplan nur in eine vorhandene Datei.`,
        en: `This is a symbolic link to ${resolved}, which does not exist; drplan writes through a link only into an existing file.`,
      };
    case 'blockDevice':
      return { de: 'Das ist ein Blockgerät (ein Datenträger); darauf schreibt drplan kein Dokument.', en: 'This is a block device (a disk); drplan writes no document onto it.' };
    case 'foreign':
      return {
        de: `Das gehört einem anderen Benutzer und liegt im gemeinsamen Ordner ${folder}; dort schreibt drplan nicht, so wie Linux dort keinem fremden Link folgt (fs.protected_symlinks).`,
        en: `This belongs to another user and is in the shared folder ${folder}; drplan does not write there, as Linux follows no one else's link there (fs.protected_symlinks).`,
      };
    case 'notAFile':
      return { de: 'Das ist weder eine Datei noch ein Gerät, eine FIFO oder ein Socket.', en: 'This is neither a file nor a device, a FIFO or a socket.' };
    default:
      return undefined;
  }
}

/**
 * A write failure in words, in `locale`, and that the earlier file is unchanged where there was
 * one (every writer of drplan writes atomically); the error's code in a few words where there is
 * no sentence of its own (systemErrorReason).
 */
export function describeWriteFailure(error: unknown, where: WriteTarget & { readonly existed?: boolean }, locale: Locale): string {
  const reason = writeFailure(error, where);
  if (!reason) return systemErrorReason(error)[locale];
  return where.existed ? `${reason[locale]} ${fileMessages.earlierFileKept[locale]}` : reason[locale];
}

/**
 * Why a file, a folder or standard output could not be read or written, in a few words (for
 * "drplan: plan.yaml: keine Berechtigung"): from the error's code, as Node names it. Node's own
 * messages are English: a code without words of its own is named as it is for the German reader
 * (to look up), with Node's message for the English one. An error without Node's code (a file
 * system provider of VS Code's, which may speak the user's language) is said in its own words.
 */
export function systemErrorReason(error: unknown): Message {
  const code = writeErrorCode(error);
  const reason = code === undefined ? undefined : SYSTEM_REASONS[code];
  if (reason) return reason;
  const message = error instanceof Error ? error.message : String(error);
  return code ? { de: `Fehler des Betriebssystems ${code}`, en: message } : { de: message, en: message };
}

const SYSTEM_REASONS: Readonly<Record<string, Message>> = {
  ENOENT: { de: 'Datei oder Ordner nicht gefunden', en: 'no such file or folder' },
  EACCES: { de: 'keine Berechtigung', en: 'permission denied' },
  EPERM: { de: 'keine Berechtigung', en: 'permission denied' },
  EISDIR: { de: 'ist ein Ordner', en: 'is a folder' },
  ENOTDIR: { de: 'ein Teil des Pfads ist kein Ordner', en: 'part of the path is not a folder' },
  ELOOP: { de: 'zu viele symbolische Links (eine Schleife?)', en: 'too many symbolic links (a loop?)' },
  ENAMETOOLONG: { de: 'der Name ist zu lang', en: 'the name is too long' },
  EIO: { de: 'Ein-/Ausgabefehler (ist der Datenträger defekt oder nicht mehr verbunden?)', en: 'input/output error (is the disk damaged or no longer connected?)' },
  ENOSPC: { de: 'kein Platz mehr frei auf dem Datenträger', en: 'no space left on the device' },
  EDQUOT: { de: 'das Speicherkontingent ist aufgebraucht', en: 'the disk quota is used up' },
  EROFS: { de: 'das Dateisystem ist schreibgeschützt', en: 'the file system is read-only' },
  EMFILE: { de: 'zu viele offene Dateien', en: 'too many open files' },
  ENFILE: { de: 'zu viele offene Dateien im System', en: 'too many open files in the system' },
  ENXIO: { de: 'kein Gerät dahinter', en: 'no device behind it' },
  ENODEV: { de: 'kein Gerät dahinter', en: 'no device behind it' },
  EAGAIN: { de: 'vorübergehend nicht verfügbar', en: 'temporarily unavailable' },
  EBUSY: { de: 'wird gerade benutzt', en: 'busy' },
  ETXTBSY: { de: 'wird gerade benutzt', en: 'busy' },
  EINVAL: { de: 'lässt sich so nicht lesen oder schreiben', en: 'cannot be read or written this way' },
  EPIPE: { de: 'die lesende Seite wurde geschlossen', en: 'the reading end was closed' },
  ECONNRESET: { de: 'die Verbindung wurde getrennt', en: 'the connection was reset' },
  ECONNREFUSED: { de: 'am Socket lauscht kein Programm', en: 'no program is listening on the socket' },
  EFBIG: { de: 'die Datei ist zu groß', en: 'the file is too large' },
  EOVERFLOW: { de: 'die Datei ist zu groß', en: 'the file is too large' },
};

/** A plan over the size limit: its size and the limit, in bytes. */
export interface TooLarge {
  readonly size: number;
  readonly limit: number;
}

export const fileMessages = {
  earlierFileKept: { de: 'Die bisherige Datei ist unverändert.', en: 'The earlier file is unchanged.' } satisfies Message,

  /** The preview's title for a plan over the limit. */
  tooLargeForPreview({ size, limit }: TooLarge): Message {
    return {
      de: `Die Datei ist zu groß für die Vorschau (${formatSizeOver(size, limit, 'de')}, Grenze ${formatMegabytes(limit, 'de')})`,
      en: `The file is too large for the preview (${formatSizeOver(size, limit, 'en')}, limit ${formatMegabytes(limit, 'en')})`,
    };
  },
  tooLargeExplained: {
    de: 'Damit der Editor nicht hängt, wird eine so große Plandatei weder geprüft noch in der Vorschau gezeigt noch exportiert.',
    en: 'So that the editor does not freeze, a plan file this large is neither checked nor previewed nor exported.',
  } satisfies Message,
  tooLargeRaiseLimit: {
    de: 'Die Grenze lässt sich mit der Einstellung drplan.maxFileSize anheben (in MB; 0 für keine Grenze).',
    en: 'The setting drplan.maxFileSize raises the limit (in MB; 0 for none).',
  } satisfies Message,

  /** Every unguessable temporary name was taken (server/src/io/outputFile.ts: writeAtomically). */
  temporaryNamesTaken(folder: string): Message {
    return {
      de: `In ${folder} gibt es schon Dateien unter den zufälligen Namen, die drplan für seine temporäre Datei gewählt hat; dort legt jemand Dateien an. Es wurde nichts geschrieben.`,
      en: `Files already exist in ${folder} under the random names drplan chose for its temporary file; something is placing files there. Nothing was written.`,
    };
  },

  /** The export commands' refusal: no empty document is written instead. */
  tooLargeForExport({ size, limit }: TooLarge): Message {
    return {
      de: `Die Datei ist zu groß für den Export (${formatSizeOver(size, limit, 'de')}, Grenze ${formatMegabytes(limit, 'de')}); es wird kein Dokument geschrieben. Die Grenze lässt sich mit der Einstellung drplan.maxFileSize anheben.`,
      en: `The file is too large to export (${formatSizeOver(size, limit, 'en')}, limit ${formatMegabytes(limit, 'en')}); no document is written. The setting drplan.maxFileSize raises the limit.`,
    };
  },
};
