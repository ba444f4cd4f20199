/**
 * Standard output as Unix tools treat it. A reader that went away (`drplan check … | head -1`:
 * EPIPE) ends the output quietly: nothing more is written and the command ends with the status
 * it has anyway. Any other failure to write (`> /dev/full`: ENOSPC) is an OutputFailed, which the
 * command line reports in one line with exit status 2, instead of claiming success.
 */
import type { Message } from '../core/i18n/messages';
import { systemErrorReason } from '../core/i18n/fileMessages';
import { commandMessages } from './cliMessages';

export class OutputFailed extends Error {
  /** What the command line says, in either language. */
  readonly text: Message;

  constructor(cause: unknown) {
    const text = commandMessages.stdoutFailed(systemErrorReason(cause));
    super(text.en, { cause });
    this.text = text;
  }
}

let readerGone = false;
let listening = false;

/** Writes `content` to standard output; resolves once it is written, or the reader is gone. */
export function writeOut(content: string | Uint8Array): Promise<void> {
  if (!listening) {
    // Without a listener, stdout's 'error' event ends the process with a stack trace; the
    // callback of each write below gets the same error and decides.
    process.stdout.on('error', () => undefined);
    listening = true;
  }
  if (readerGone || content.length === 0) return Promise.resolve();
  return new Promise((written, failed) => {
    process.stdout.write(content, (error) => {
      if (!error) written();
      else if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        readerGone = true;
        written();
      } else {
        failed(new OutputFailed(error));
      }
    });
  });
}
