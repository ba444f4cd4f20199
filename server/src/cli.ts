/**
 * The drplan command line: `drplan check [--format text|json|sarif|gitlab|github] PATH…`, `drplan render`
 * (cli/render.ts) and `drplan measure` (cli/measure.ts).
 * Exit status (format.md): 0 no errors, 1 errors found, 2 usage or I/O problem.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../package.json';
import type { Locale } from './core';
import {
  commonDefaults,
  messageLocale,
  readArguments,
  readCommandLine,
  readCommonOption,
  unknownOption,
  UsageError,
  type CommonOptions,
} from './cli/arguments';
import { checkFiles, isCheckWorker, serveCheckWorker } from './cli/checkFiles';
import { commandMessages, usageMessages } from './cli/cliMessages';
import { findPlans } from './cli/findPlans';
import { formatCodeQuality } from './cli/codeQuality';
import { FORMATS, formatJson, formatSarif, formatText, visible, type FileResult, type Format } from './cli/formats';
import { usage } from './cli/help';
import { isoDay } from './core/date';
import { OutputFailed, writeOut } from './cli/output';
import { runRender } from './cli/render';
import { isRenderWorker, serveRenderWorker } from './cli/renderWorker';
import { formatWorkflowCommands } from './cli/workflowCommands';

interface CheckOptions extends CommonOptions {
  format: Format;
  jobs: number | undefined;
  paths: string[];
}

function parseCheckArguments(args: readonly string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', ...commonDefaults(), jobs: undefined, paths: [] };
  readArguments(args, {
    dashIsOperand: true,
    operand: (path) => void options.paths.push(path),
    option(option) {
      if (readCommonOption(option, options)) return;
      switch (option.name) {
        case '--format': {
          const format = option.value();
          if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(usageMessages.unknownFormat(format, FORMATS));
          options.format = format as Format;
          break;
        }
        case '--jobs': {
          const jobs = option.value();
          if (!/^[1-9]\d*$/.test(jobs)) throw new UsageError(usageMessages.jobs(jobs));
          options.jobs = Number(jobs);
          break;
        }
        default:
          throw unknownOption(option);
      }
    },
  });
  if (options.paths.length === 0) throw new UsageError(usageMessages.noPlanToCheck);
  return options;
}

async function check(options: CheckOptions): Promise<number> {
  const { locale } = options;
  const { files, problems } = await findPlans(options.paths, locale);
  const results: FileResult[] = [];
  // In parallel (cli/checkFiles.ts), the outcomes in the order of the files.
  const today = options.today && isoDay(options.today);
  // The GitLab report's fingerprints name each finding by where in the YAML it points.
  const findingPaths = options.format === 'gitlab';
  const outcomes = await checkFiles(files, { locale, today, maxFileSize: options.maxFileSize, findingPaths }, options.jobs);
  for (const outcome of outcomes) {
    if ('problem' in outcome) problems.push({ path: outcome.file, reason: outcome.problem });
    else results.push(outcome);
  }
  for (const problem of problems) process.stderr.write(`drplan: ${visible(problem.path)}: ${visible(problem.reason)}\n`);
  for (const path of options.paths) {
    if (!problems.some((p) => p.path === path) && files.length === 0) {
      process.stderr.write(`drplan: ${commandMessages.noPlansFound(visible(path))[locale]}\n`);
    }
  }

  await writeOut(formatted(options.format, results, locale));
  if (problems.length > 0 || files.length === 0) return 2;
  const hasErrors = results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? 1 : 0;
}

function formatted(format: Format, results: readonly FileResult[], locale: Locale): string {
  switch (format) {
    case 'text':
      return formatText(results, locale);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, version, locale);
    case 'gitlab':
      return formatCodeQuality(results);
    case 'github':
      return formatWorkflowCommands(results, locale);
  }
}

async function main(argv: readonly string[], locale: Locale): Promise<number> {
  const line = readCommandLine(argv);
  if (line.wants === 'help') {
    await writeOut(usage(locale));
    return 0;
  }
  if (line.wants === 'version') {
    await writeOut(`${version}\n`);
    return 0;
  }
  switch (line.command) {
    case undefined:
      // Nothing asked: a usage error, so the text goes where errors go.
      process.stderr.write(usage(locale));
      return 2;
    case 'check':
      return check(parseCheckArguments(line.args));
    case 'render':
      return runRender(line.args);
    case 'measure': {
      // Loaded when asked for: node:http and node:https cost check and render 10–20 ms at start.
      const { runMeasure } = await import('./cli/measure');
      return runMeasure(line.args);
    }
    default:
      throw new UsageError(usageMessages.unknownCommand(line.command));
  }
}

// The bundle is also the script of the worker threads of check and render (cli/checkFiles.ts, cli/renderWorker.ts).
if (isCheckWorker()) serveCheckWorker();
else if (isRenderWorker()) void serveRenderWorker();
else {
  const argv = process.argv.slice(2);
  const locale = messageLocale(argv);
  main(argv, locale).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`drplan: ${error.text[locale]}\n${usageMessages.tryHelp[locale]}\n`);
      } else if (error instanceof OutputFailed) {
        process.stderr.write(`drplan: ${error.text[locale]}\n`);
      } else {
        process.stderr.write(`drplan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exitCode = 2;
    },
  );
}
