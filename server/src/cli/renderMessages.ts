/**
 * What `drplan render` says on standard error, in German and English (`--lang`, else from
 * LANG). Why a write failed is worded in core/i18n/fileMessages.ts, as the VS Code export
 * words it.
 */
import type { Message } from '../core/i18n/messages';
import { formatMegabytes, formatSizeOver } from '../core/limits';
import { stalledMessage } from '../workerWatchdog';

export const renderMessages = {
  terminal(format: string): Message {
    const what = format === 'pdf' ? 'PDF' : 'HTML';
    return {
      de: `drplan: Die Standardausgabe ist ein Terminal; das ${what}-Dokument gehört in eine Datei (-o DATEI) oder in eine Pipe`,
      en: `drplan: standard output is a terminal; write the ${what} document to a file (-o FILE) or into a pipe`,
    };
  },
  wrote(output: string): Message {
    return { de: `drplan: ${output} geschrieben`, en: `drplan: wrote ${output}` };
  },
  isFolder(output: string): Message {
    return {
      de: `drplan: ${output} ist ein Ordner; -o erwartet den Namen der Datei, die geschrieben werden soll`,
      en: `drplan: ${output} is a folder; -o wants the name of the file to write`,
    };
  },
  exists(output: string): Message {
    return {
      de: `drplan: ${output} existiert bereits; --force überschreibt die Datei`,
      en: `drplan: ${output} already exists; use --force to overwrite it`,
    };
  },
  notWritten(output: string, reason: string): Message {
    return { de: `drplan: ${output} kann nicht geschrieben werden: ${reason}`, en: `drplan: cannot write ${output}: ${reason}` };
  },
  tooLarge(file: string, size: number, limit: number): Message {
    return {
      de: `drplan: ${file} ist zu groß für ein Dokument (${formatSizeOver(size, limit, 'de')}, Grenze ${formatMegabytes(limit, 'de')}); es wurde nichts geschrieben. --max-file-size hebt die Grenze an (in MB; 0 für keine).`,
      en: `drplan: ${file} is too large to render (${formatSizeOver(size, limit, 'en')}, limit ${formatMegabytes(limit, 'en')}); nothing was written. --max-file-size raises the limit (in MB; 0 for none).`,
    };
  },
  utf16(file: string): Message {
    return {
      de: `drplan: ${file} ist als UTF-16 gespeichert; drplan liest Pläne als UTF-8. Bitte als UTF-8 speichern; es wurde nichts geschrieben.`,
      en: `drplan: ${file} is encoded as UTF-16; drplan reads plans as UTF-8. Please save it as UTF-8; nothing was written.`,
    };
  },
  outOfMemory(file: string, limitMb: number): Message {
    return {
      de: `drplan: Das Dokument zu ${file} braucht mehr als ${limitMb} MB Arbeitsspeicher; es wurde nichts geschrieben.`,
      en: `drplan: the document of ${file} needs more than ${limitMb} MB of memory; nothing was written.`,
    };
  },
  stalled(file: string, seconds: number): Message {
    const reason = stalledMessage(seconds);
    return {
      de: `drplan: ${reason.de} (${file}); es wurde nichts geschrieben.`,
      en: `drplan: ${reason.en} (${file}); nothing was written.`,
    };
  },
  hasErrors(file: string, errors: number): Message {
    return {
      de: `drplan: ${file} hat ${errors} Fehler; das Dokument ist als ENTWURF gekennzeichnet (siehe 'drplan check ${file}')`,
      en: `drplan: ${file} has ${errors} error${errors === 1 ? '' : 's'}; the document is marked ENTWURF (see 'drplan check ${file}')`,
    };
  },
};
