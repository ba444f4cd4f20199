/**
 * `drplan render FILE --format pdf|html [-o OUT] [--force] [--today YYYY-MM-DD] [--lang de|en]
 * [--max-file-size MB]`: the plan as the German document. Exit status: 0 rendered, 1 rendered
 * but the plan has errors (the document says ENTWURF), 2 usage or I/O problem or a plan over the
 * size limit (nothing written, an earlier file left as it was).
 */
import { randomBytes } from 'node:crypto';
import { access, link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Locale } from '../core';
import { describeWriteFailure } from '../core/i18n/fileMessages';
import type { Message } from '../core/i18n/messages';
import { commonDefaults, readArguments, readCommonOption, unknownOption, UsageError } from './arguments';
import { usageMessages } from './cliMessages';
import { readPlanFile } from './checkFiles';
import { describeError } from './findPlans';
import { writeOut } from './output';
import { cliLanguageService } from './languageService';
import { renderMessages } from './renderMessages';

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
}

export function parseRenderArguments(args: readonly string[]): RenderOptions {
  const options = commonDefaults();
  let format: RenderFormat | undefined;
  let output: string | undefined;
  let force = false;
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
  return { file: files[0] as string, format: format ?? named ?? 'pdf', output, force, ...options };
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
  if (output === '-' && process.stdout.isTTY) {
    say(renderMessages.terminal(options.format));
    return 2;
  }
  let existed = false;
  if (output !== '-') {
    // Checked before rendering too, so a refusal costs no time; the write checks again.
    const existing = await stat(output).catch(() => undefined);
    if (existing?.isDirectory()) {
      say(renderMessages.isFolder(output));
      return 2;
    }
    if (existing && !options.force) {
      say(renderMessages.exists(output));
      return 2;
    }
    existed = existing !== undefined;
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
  const uri = pathToFileURL(resolve(options.file)).href;
  const service = cliLanguageService({ locale, today: options.today, maxFileSize: options.maxFileSize });
  const analysis = service.analyze(read.text, { uri });
  // The document is German whatever the language of the messages (the service's).
  const document = service.planDocument(analysis);
  const content: Uint8Array = options.format === 'pdf' ? await service.pdfFile(document) : Buffer.from(service.htmlFile(document), 'utf8');
  const errors = service.diagnostics(analysis, uri).filter((d) => d.severity === DiagnosticSeverity.Error).length;

  if (output === '-') {
    await writeOut(content);
  } else {
    try {
      await writeAtomically(output, content, options.force);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        say(renderMessages.exists(output));
      } else {
        say(renderMessages.notWritten(output, describeWriteFailure(error, { file: output, folder: dirname(resolve(output)), existed }, locale)));
      }
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

/**
 * Writes a temporary file beside the target, then puts it in place in one step: a failed or
 * interrupted write leaves any earlier file untouched. Without `force`, `link` refuses to
 * replace an existing file (EEXIST) even if one appeared while rendering.
 */
export async function writeAtomically(target: string, content: Uint8Array, force: boolean): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    if (force) {
      await rename(temporary, target);
    } else {
      // linked: the temporary name is a second name of the file now, and goes.
      if (await linkUnlessExists(temporary, target)) await unlink(temporary);
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * `link` where the file system has hard links (true: linked); elsewhere a check and a rename
 * (false: the temporary file is gone).
 */
async function linkUnlessExists(temporary: string, target: string): Promise<boolean> {
  try {
    await link(temporary, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await rename(temporary, target);
    return false;
  }
}
