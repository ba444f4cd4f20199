/**
 * The drplan command line: `drplan check [--format text|json|sarif] PATH…`.
 * Exit status (format.md): 0 no errors, 1 errors found, 2 usage or I/O problem.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../package.json';
import { commonDefaults, readArguments, readCommonOption, unknownOption, UsageError, type CommonOptions } from './cli/arguments';
import { checkFiles, isCheckWorker, serveCheckWorker } from './cli/checkFiles';
import { findPlans } from './cli/findPlans';
import { formatJson, formatSarif, formatText, visible, type FileResult, type Format } from './cli/formats';
import { isoDay } from './core/date';
import { OutputFailed, writeOut } from './cli/output';
import { runRender } from './cli/render';
import { isRenderWorker, serveRenderWorker } from './cli/renderWorker';

const USAGE = `drplan ${version}: check disaster-recovery plans (*.drplan.yaml) and render them as documents

Usage:
  drplan check [options] PATH...   check plan files (- for standard input); folders are
                                   searched for *.drplan.yaml/.yml
  drplan render [options] FILE     the plan as a German document (PDF or HTML)
  drplan --help                    show this help
  drplan --version                 show the version

Options for check:
  --format text|json|sarif   output format (default: text)
  --lang de|en               language of the messages (default: from LANG, else English)
  --today YYYY-MM-DD         check review and test dates as of this day (default: today)
  --max-file-size MB         plans larger than this are not checked, one error says so
                             (default: 5; 0: no limit)
  --jobs N                   check files in N worker threads (default: one per core
                             when the plans add up to 2 MB or more)

Options for render:
  --format pdf|html          document format (default: from OUT's ending, else pdf)
  -o, --output OUT           file to write, - for standard output (not a terminal)
                             (default: beside the plan, plan.drplan.yaml -> plan.pdf)
  --force                    overwrite an existing OUT
  --today YYYY-MM-DD         the document's date and the day dates are checked against
  --lang de|en               language of the messages (default: from LANG, else English;
                             the document is German)
  --max-file-size MB         plans larger than this are not rendered (default: 5; 0: no limit)

Exit status: 0 no errors, 1 errors found (render: written anyway, marked ENTWURF),
2 usage or I/O problem (render: also a plan over the size limit; nothing written).
`;

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
          if (format !== 'text' && format !== 'json' && format !== 'sarif') {
            throw new UsageError(`unknown format '${format}' (use text, json or sarif)`);
          }
          options.format = format;
          break;
        }
        case '--jobs': {
          const jobs = option.value();
          if (!/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs wants a number of threads, not '${jobs}'`);
          options.jobs = Number(jobs);
          break;
        }
        default:
          throw unknownOption(option);
      }
    },
  });
  if (options.paths.length === 0) throw new UsageError('no plan given: drplan check PATH...');
  return options;
}

async function check(options: CheckOptions): Promise<number> {
  const { files, problems } = await findPlans(options.paths);
  const results: FileResult[] = [];
  // In parallel (cli/checkFiles.ts), the outcomes in the order of the files.
  const today = options.today && isoDay(options.today);
  const outcomes = await checkFiles(files, { locale: options.locale, today, maxFileSize: options.maxFileSize }, options.jobs);
  for (const outcome of outcomes) {
    if ('problem' in outcome) problems.push({ path: outcome.file, reason: outcome.problem });
    else results.push(outcome);
  }
  for (const problem of problems) process.stderr.write(`drplan: ${visible(problem.path)}: ${visible(problem.reason)}\n`);
  for (const path of options.paths) {
    if (!problems.some((p) => p.path === path) && files.length === 0) {
      process.stderr.write(`drplan: no *.drplan.yaml files found in ${visible(path)}\n`);
    }
  }

  const output =
    options.format === 'json' ? formatJson(results) : options.format === 'sarif' ? formatSarif(results, version) : formatText(results);
  await writeOut(output);
  if (problems.length > 0 || files.length === 0) return 2;
  const hasErrors = results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? 1 : 0;
}

/** Writes everything before the process exits, also into a pipe that drains slowly. */

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    // Nothing asked: a usage error, so the text goes where errors go.
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    await writeOut(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    await writeOut(`${version}\n`);
    return 0;
  }
  if (command === 'render' && !rest.includes('--help') && !rest.includes('-h')) return runRender(rest);
  if (command !== 'check' && command !== 'render') throw new UsageError(`unknown command '${command}'`);
  if (rest.includes('--help') || rest.includes('-h')) {
    await writeOut(USAGE);
    return 0;
  }
  return check(parseCheckArguments(rest));
}

// The bundle is also the script of the worker threads of check and render (cli/checkFiles.ts, cli/renderWorker.ts).
if (isCheckWorker()) serveCheckWorker();
else if (isRenderWorker()) void serveRenderWorker();
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`drplan: ${error.message}\nTry 'drplan --help'.\n`);
    } else if (error instanceof OutputFailed) {
      process.stderr.write(`drplan: ${error.message}\n`);
    } else {
      process.stderr.write(`drplan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
