/**
 * `drplan render FILE --format pdf|html [-o OUT] [--force] [--no-git] [--today YYYY-MM-DD]
 * [--lang de|en] [--max-file-size MB]`: the plan as the German document, with the commits that
 * touched the file when it lies in a git repository (gitHistory.ts; `--no-git` leaves them out). Exit status: 0 rendered, 1 rendered
 * but the plan has errors (the document says ENTWURF), 2 usage or I/O problem or a plan over the
 * size limit (nothing written, an earlier file left as it was).
 */
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../core';
import type { Message } from '../core/i18n/messages';
import { descriptorOf, nodeOutputFiles } from '../io/nodeOutputFiles';
import { outputFile, refusalOf, type OutputFile } from '../io/outputFile';
import { commonDefaults, readArguments, readCommonOption, unknownOption, UsageError } from './arguments';
import { usageMessages } from './cliMessages';
import { readPlanFile } from './checkFiles';
import { describeError } from './findPlans';
import { writeOut } from './output';
import { renderMessages } from './renderMessages';
import { terminalProgress } from './progress';
import { RenderOutOfMemory, RenderStalled, renderInWorker, type Rendered } from './renderWorker';
import { isoDay } from '../core/date';
import { readAsUtf16 } from '../core/parse/encoding';
import { changeHistory } from '../gitHistory';

export type RenderFormat = 'pdf' | 'html';

export interface RenderOptions {
  readonly file: string;
  readonly format: RenderFormat;
  /** Where to write; `-` for standard output; default beside the plan. */
  readonly output: string | undefined;
  readonly force: boolean;
  readonly today: Date | undefined;
  /** The language of the messages (the document is German). */
  readonly locale: Locale;
  /** Bytes; Infinity for no limit. A larger plan is not rendered. */
  readonly maxFileSize: number;
  /** Whether the change history comes from git (`--no-git`: the plan's `history:` only). */
  readonly git: boolean;
}

export function parseRenderArguments(args: readonly string[]): RenderOptions {
  const options = commonDefaults();
  let format: RenderFormat | undefined;
  let output: string | undefined;
  let force = false;
  let git = true;
  const files: string[] = [];
  readArguments(args, {
    dashIsOperand: false,
    operand: (file) => void files.push(file),
    option(option) {
      if (readCommonOption(option, options)) return;
      switch (option.name) {
        case '--format': {
          const wanted = option.value();
          if (wanted !== 'pdf' && wanted !== 'html') throw new UsageError(usageMessages.unknownFormat(wanted, ['pdf', 'html']));
          format = wanted;
          break;
        }
        case '-o':
        case '--output':
          output = option.value();
          break;
        case '--force':
        case '-f':
          force = true;
          break;
        case '--no-git':
          git = false;
          break;
        default:
          throw unknownOption(option);
      }
    },
  });
  if (files.length === 0) throw new UsageError(usageMessages.noPlanToRender);
  if (files.length > 1) throw new UsageError(usageMessages.renderTakesOne(files.length));
  // `-o plan.html` asks for HTML: the name's ending picks the format, unless --format says otherwise.
  const named = output === undefined || output === '-' ? undefined : formatOfName(output);
  if (format && named && format !== named) throw new UsageError(usageMessages.formatContradictsOutput(format, output as string, named));
  return { file: files[0] as string, format: format ?? named ?? 'pdf', output, force, git, ...options };
}

/** The format a file name's ending names: `.pdf`, `.html` or `.htm`. */
function formatOfName(file: string): RenderFormat | undefined {
  if (/\.pdf$/i.test(file)) return 'pdf';
  if (/\.html?$/i.test(file)) return 'html';
  return undefined;
}

/** `plone-intranet.drplan.yaml` → `plone-intranet.pdf`, in the plan's folder. */
export function defaultOutput(file: string, format: RenderFormat): string {
  const name = basename(file).replace(/(\.drplan)?\.ya?ml$/i, '') || 'drplan';
  return join(dirname(file), `${name}.${format}`);
}

export async function runRender(args: readonly string[]): Promise<number> {
  // A usage error goes to the command line's handler (cli.ts), as check's do.
  const options = parseRenderArguments(args);

  const { locale } = options;
  const say = (message: Message) => process.stderr.write(`${message[locale]}\n`);
  const output = options.output ?? defaultOutput(options.file, options.format);
  // `-o /dev/stdout` is `-o -`: the same refusal of a terminal, the same quiet end on EPIPE.
  const toStandardOutput = output === '-' || descriptorOf(output) === 1;
  if (toStandardOutput && process.stdout.isTTY) {
    say(renderMessages.terminal(options.format));
    return 2;
  }
  // The output-file rules (io/outputFile.ts); the plan itself is never written over.
  const target = outputFile(nodeOutputFiles, output, [options.file]);
  if (!toStandardOutput) {
    // Checked before rendering too, so a refusal costs no time; the write checks again.
    const problem = await target.check(options.force);
    if (problem) {
      process.stderr.write(`${outputFailure(target, problem, output, locale)}\n`);
      return 2;
    }
  }

  let read: { readonly text: string } | { readonly size: number };
  try {
    read = await readPlan(options.file, options.maxFileSize);
  } catch (error) {
    process.stderr.write(`drplan: ${options.file}: ${describeError(error, locale)}\n`);
    return 2;
  }
  // Over the limit the plan is not parsed, and a document of nothing would look like an empty plan.
  if ('size' in read) {
    say(renderMessages.tooLarge(options.file, read.size, options.maxFileSize));
    return 2;
  }
  // A UTF-16 file read as UTF-8 is no plan: a document of it would be an empty draft.
  if (readAsUtf16(read.text)) {
    say(renderMessages.utf16(options.file));
    return 2;
  }
  const uri = pathToFileURL(resolve(options.file)).href;
  // Read here, before the worker: the worker only builds (a failing git leaves the history out).
  const history = options.git ? await changeHistory(options.file, read.text) : undefined;
  const progress = terminalProgress(process.stderr, options.format === 'pdf' ? 'PDF' : 'HTML', locale);
  let rendered: Rendered;
  try {
    rendered = await renderInWorker(
      { text: read.text, uri, format: options.format, locale, today: options.today && isoDay(options.today), maxFileSize: options.maxFileSize, history },
      progress.update,
    );
  } catch (error) {
    if (error instanceof RenderOutOfMemory) say(renderMessages.outOfMemory(options.file, error.limitMb));
    else if (error instanceof RenderStalled) say(renderMessages.stalled(options.file, error.seconds));
    else throw error;
    return 2;
  } finally {
    progress.done();
  }
  const { content, errors } = rendered;

  if (toStandardOutput) {
    await writeOut(content);
  } else {
    try {
      await target.write(content, options.force);
    } catch (error) {
      process.stderr.write(`${outputFailure(target, error, output, locale)}\n`);
      return 2;
    }
    say(renderMessages.wrote(output));
  }
  if (errors > 0) {
    say(renderMessages.hasErrors(options.file, errors));
    return 1;
  }
  return 0;
}

/**
 * The plan's text, or only its size when it is over `maxFileSize` bytes: a plan of gigabytes is
 * not read to be told it is too large.
 */
async function readPlan(file: string, maxFileSize: number): Promise<{ readonly text: string } | { readonly size: number }> {
  const { bytes, size } = await readPlanFile(file, maxFileSize);
  return size === undefined ? { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') } : { size };
}

/** Why `output` is not written: refused by the rules, or the file system's reason. */
function outputFailure(target: OutputFile, error: unknown, output: string, locale: Locale): string {
  switch (refusalOf(error)) {
    case 'exists':
      return renderMessages.exists(output)[locale];
    case 'folder':
      return renderMessages.isFolder(output)[locale];
    default:
      return renderMessages.notWritten(output, target.describe(error, locale) ?? '')[locale];
  }
}
