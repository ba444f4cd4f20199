import type { Locale } from '../core';
import { parseDate } from '../core/date';
import type { Message } from '../core/i18n/messages';
import { DEFAULT_MAX_FILE_SIZE, megabytesToBytes } from '../core/limits';
import { localeOfEnvironment } from '../locale';
import { usageMessages } from './cliMessages';

/** A problem with the command line: exit status 2 and a hint to --help, in either language. */
export class UsageError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/** What `check` and `render` both take. */
export interface CommonOptions {
  locale: Locale;
  today: Date | undefined;
  /** Bytes; Infinity for none. */
  maxFileSize: number;
}

export function commonDefaults(): CommonOptions {
  return { locale: localeOfEnvironment(), today: undefined, maxFileSize: DEFAULT_MAX_FILE_SIZE };
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
        if (next === undefined) throw new UsageError(usageMessages.needsValue(name));
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
      if (lang !== 'de' && lang !== 'en') throw new UsageError(usageMessages.unknownLanguage(lang));
      options.locale = lang;
      return true;
    }
    case '--today': {
      const day = option.value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(usageMessages.todayFormat(day));
      // The same reading as a date in a plan: 2026-02-30 is no day, not 2 March.
      if (parseDate(day) === undefined) throw new UsageError(usageMessages.todayNoDay(day));
      options.today = new Date(day);
      return true;
    }
    case '--max-file-size': {
      const megabytes = option.value();
      if (!/^\d+(\.\d+)?$/.test(megabytes)) throw new UsageError(usageMessages.maxFileSize(megabytes));
      options.maxFileSize = megabytesToBytes(Number(megabytes));
      return true;
    }
    default:
      return false;
  }
}

export function unknownOption(option: Option): UsageError {
  return new UsageError(usageMessages.unknownOption(option.written));
}

/** The options of both commands, which may also stand before the command; each takes a value. */
const COMMON_OPTIONS: readonly string[] = ['--lang', '--today', '--max-file-size'];

/** The command line read as far as the command. */
export type CommandLine =
  | { readonly wants: 'help' }
  | { readonly wants: 'version' }
  /** `command` undefined: none given (`drplan`, `drplan --lang de`). */
  | { readonly wants: 'command'; readonly command: string | undefined; readonly args: readonly string[] };

/**
 * What the command line asks for. `--help` or `-h` anywhere (before `--`) asks for help, whatever
 * else is wrong; `--version` anywhere, or `-v` before the command, for the version. The options
 * of both commands may stand before the command as well as after it: `args` holds them, then
 * what follows the command. Any other option before the command is a usage error.
 */
export function readCommandLine(argv: readonly string[]): CommandLine {
  const options = optionsPart(argv);
  if (options.includes('--help') || options.includes('-h')) return { wants: 'help' };
  if (options.includes('--version')) return { wants: 'version' };
  const before: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-v') return { wants: 'version' };
    if (!arg.startsWith('-') || arg === '-' || arg === '--') {
      if (arg === 'help') return { wants: 'help' };
      return { wants: 'command', command: arg, args: [...before, ...argv.slice(i + 1)] };
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!COMMON_OPTIONS.includes(name)) throw new UsageError(usageMessages.notBeforeCommand(arg));
    before.push(arg);
    if (name === arg && i + 1 < argv.length) before.push(argv[++i] as string);
  }
  return { wants: 'command', command: undefined, args: before };
}

/**
 * The language of the messages: the last `--lang de|en` on the line, else the environment's.
 * The same choice as the commands' own reading of `--lang` (readCommonOption), made without
 * parsing, so that a command line that does not parse is answered in that language too.
 */
export function messageLocale(argv: readonly string[]): Locale {
  let locale = localeOfEnvironment();
  const options = optionsPart(argv);
  options.forEach((arg, i) => {
    const lang = arg === '--lang' ? options[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (lang === 'de' || lang === 'en') locale = lang;
  });
  return locale;
}

/** The arguments before `--`, where options are. */
function optionsPart(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}
