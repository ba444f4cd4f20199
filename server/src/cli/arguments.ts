import type { Locale } from '../core';
import { parseDate } from '../core/date';
import { DEFAULT_MAX_FILE_SIZE, megabytesToBytes } from '../core/limits';
import { localeFrom } from '../locale';

/** A problem with the command line: exit status 2 and a hint to --help. */
export class UsageError extends Error {}

/** What `check` and `render` both take. */
export interface CommonOptions {
  locale: Locale;
  today: Date | undefined;
  /** Bytes; Infinity for none. */
  maxFileSize: number;
}

export function commonDefaults(): CommonOptions {
  return { locale: localeFrom(process.env.LC_ALL || process.env.LANG), today: undefined, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

/** One option as given: its name, and its value when asked for (`--x=v`, or the next argument). */
export interface Option {
  readonly name: string;
  /** The argument as written (`--x=v`), for messages. */
  readonly written: string;
  value(): string;
}

/**
 * Walks a command's arguments: `option` for each option, `operand` for every other argument and
 * for everything after `--`. `-` alone is an operand where `dashIsOperand` (standard input), an
 * unknown option otherwise.
 */
export function readArguments(
  args: readonly string[],
  handlers: { option(option: Option): void; operand(arg: string): void; dashIsOperand: boolean },
): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) handlers.operand(rest);
      return;
    }
    if (!arg.startsWith('-') || (arg === '-' && handlers.dashIsOperand)) {
      handlers.operand(arg);
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    handlers.option({
      name,
      written: arg,
      value: () => {
        const next = inline ?? args[++i];
        if (next === undefined) throw new UsageError(`${name} needs a value`);
        return next;
      },
    });
  }
}

/** Reads `--lang`, `--today` and `--max-file-size` into `options`; false for any other option. */
export function readCommonOption(option: Option, options: CommonOptions): boolean {
  switch (option.name) {
    case '--lang': {
      const lang = option.value();
      if (lang !== 'de' && lang !== 'en') throw new UsageError(`unknown language '${lang}' (use de or en)`);
      options.locale = lang;
      return true;
    }
    case '--today': {
      const day = option.value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--today wants YYYY-MM-DD, not '${day}'`);
      // The same reading as a date in a plan: 2026-02-30 is no day, not 2 March.
      if (parseDate(day) === undefined) throw new UsageError(`--today: '${day}' is no day of the calendar`);
      options.today = new Date(day);
      return true;
    }
    case '--max-file-size': {
      const megabytes = option.value();
      if (!/^\d+(\.\d+)?$/.test(megabytes)) throw new UsageError(`--max-file-size wants megabytes (0 for no limit), not '${megabytes}'`);
      options.maxFileSize = megabytesToBytes(Number(megabytes));
      return true;
    }
    default:
      return false;
  }
}

export function unknownOption(option: Option): UsageError {
  return new UsageError(`unknown option '${option.written}'`);
}
