/**
 * `drplan render FILE --format pdf|html [-o OUT] [--force] [--today YYYY-MM-DD]`: the plan as
 * the German document. Exit status: 0 rendered, 1 rendered but the plan has errors (the document
 * says ENTWURF), 2 usage or I/O problem (nothing written, an earlier file left as it was).
 */
import { randomBytes } from 'node:crypto';
import { access, link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze } from '../core';
import { buildDocument, toHtml, toPdf } from '../core/render';
import { describeError } from './findPlans';

export type RenderFormat = 'pdf' | 'html';

export interface RenderOptions {
  readonly file: string;
  readonly format: RenderFormat;
  /** Where to write; `-` for standard output; default beside the plan. */
  readonly output: string | undefined;
  readonly force: boolean;
  readonly today: Date | undefined;
}

/** A problem with the command line: exit status 2 and a hint to --help. */
export class RenderUsageError extends Error {}

export function parseRenderArguments(args: readonly string[]): RenderOptions {
  let format: RenderFormat = 'pdf';
  let output: string | undefined;
  let force = false;
  let today: Date | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new RenderUsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--format': {
        const wanted = value();
        if (wanted !== 'pdf' && wanted !== 'html') throw new RenderUsageError(`unknown format '${wanted}' (use pdf or html)`);
        format = wanted;
        break;
      }
      case '-o':
      case '--output':
        output = value();
        break;
      case '--force':
      case '-f':
        force = true;
        break;
      case '--today': {
        const day = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new RenderUsageError(`--today wants YYYY-MM-DD, not '${day}'`);
        today = new Date(day);
        break;
      }
      case '--':
        files.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (arg.startsWith('-')) throw new RenderUsageError(`unknown option '${arg}'`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new RenderUsageError('no plan given: drplan render FILE --format pdf|html');
  if (files.length > 1) throw new RenderUsageError(`render takes one plan, not ${files.length}`);
  return { file: files[0] as string, format, output, force, today };
}

/** `plone-intranet.drplan.yaml` → `plone-intranet.pdf`, in the plan's folder. */
export function defaultOutput(file: string, format: RenderFormat): string {
  const name = basename(file).replace(/(\.drplan)?\.ya?ml$/i, '') || 'drplan';
  return join(dirname(file), `${name}.${format}`);
}

export async function runRender(args: readonly string[]): Promise<number> {
  let options: RenderOptions;
  try {
    options = parseRenderArguments(args);
  } catch (error) {
    if (!(error instanceof RenderUsageError)) throw error;
    process.stderr.write(`drplan: ${error.message}\nTry 'drplan --help'.\n`);
    return 2;
  }

  const output = options.output ?? defaultOutput(options.file, options.format);
  if (output !== '-') {
    // Checked before rendering too, so a refusal costs no time; the write checks again.
    const existing = await stat(output).catch(() => undefined);
    if (existing?.isDirectory()) {
      process.stderr.write(`drplan: ${output} is a folder; -o wants the name of the file to write\n`);
      return 2;
    }
    if (existing && !options.force) {
      process.stderr.write(`drplan: ${output} already exists; use --force to overwrite it\n`);
      return 2;
    }
  }

  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    process.stderr.write(`drplan: ${options.file}: ${describeError(error)}\n`);
    return 2;
  }
  const uri = pathToFileURL(resolve(options.file)).href;
  const analysis = analyze(text, { today: options.today, uri, locale: 'de' });
  const document = buildDocument(analysis, { today: options.today, locale: 'de' });
  const content: Uint8Array = options.format === 'pdf' ? await toPdf(document) : Buffer.from(toHtml(document), 'utf8');
  const errors = analysis.diagnostics('de', uri).filter((d) => d.severity === DiagnosticSeverity.Error).length;

  if (output === '-') {
    await new Promise<void>((done, fail) => process.stdout.write(content, (error) => (error ? fail(error) : done())));
  } else {
    try {
      await writeAtomically(output, content, options.force);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(
        code === 'EEXIST'
          ? `drplan: ${output} already exists; use --force to overwrite it\n`
          : `drplan: cannot write ${output}: ${describeError(error)}\n`,
      );
      return 2;
    }
    process.stderr.write(`drplan: wrote ${output}\n`);
  }
  if (errors > 0) {
    process.stderr.write(
      `drplan: ${options.file} has ${errors} error${errors === 1 ? '' : 's'}; the document is marked ENTWURF (see 'drplan check ${options.file}')\n`,
    );
    return 1;
  }
  return 0;
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
