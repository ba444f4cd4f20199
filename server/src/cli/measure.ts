/**
 * `drplan measure PLAN --period P (--prometheus URL [--source ID] [--step D] | --outages FILE.csv
 * --source ID) [--write] [--lang de|en] [--today YYYY-MM-DD] [--max-file-size MB]`: the
 * availability of a period that has ended, measured for each measurement of the plan with a
 * `query` through Prometheus's range queries (the only command that uses the network, and only
 * the URL given: prometheus/prometheusClient.ts), or from a list of outages; a table on standard
 * output; with `--write`, the results recorded in `availability.results` (the plan replaced
 * atomically by the output-file rules of io/, its comments and formatting kept).
 *
 * Exit status: 0 measured (and written); 1 measured, but a period is below the target (written
 * all the same with --write: it is the evidence); 2 a usage error, an unreachable or failing
 * server, a query without data, a plan or list that cannot be read: nothing written, the plan
 * byte for byte as it was.
 */
import { analyze } from '../core';
import { formatDate, todayInDays } from '../core/date';
import { parseDuration } from '../core/duration';
import { measureMessages } from '../core/i18n/measureMessages';
import type { Message } from '../core/i18n/messages';
import { measuredFromList, recordedResult, type MeasuredPeriod } from '../core/measure/measuredPeriod';
import { readOutagesCsv } from '../core/measure/outagesCsv';
import { measurementsToQuery } from '../core/measure/measurements';
import { availabilityPlan, availabilityResultEdits, isUnreadable } from '../core/measure/planResults';
import { parsePeriod, type Period } from '../core/period';
import { describeOutputFailure, OutputRefused, planOutput, writeAtomically } from '../io/outputFile';
import { nodeOutputFiles } from '../io/nodeOutputFiles';
import { ImportFailed, measureFromPrometheus } from '../prometheus/measureFromPrometheus';
import { prometheusBase, PrometheusFailure } from '../prometheus/prometheusClient';
import { commonDefaults, readArguments, readCommonOption, unknownOption, UsageError, type CommonOptions } from './arguments';
import { readPlanFile } from './checkFiles';
import { describeError, STDIN } from './findPlans';
import { visible } from './formats';
import { measureSays, measureTable, measureUsage } from './measureOutput';
import { writeOut } from './output';

interface MeasureOptions extends CommonOptions {
  readonly file: string;
  readonly period: Period;
  readonly from: { readonly prometheus: URL; readonly source: string | undefined; readonly step: number | undefined } | { readonly outages: string; readonly source: string };
  readonly write: boolean;
}

export function parseMeasureArguments(args: readonly string[]): MeasureOptions {
  const options = commonDefaults();
  const files: string[] = [];
  let period: string | undefined;
  let prometheus: string | undefined;
  let outages: string | undefined;
  let source: string | undefined;
  let step: string | undefined;
  let write = false;
  readArguments(args, {
    dashIsOperand: true,
    operand: (file) => void files.push(file),
    option(option) {
      if (readCommonOption(option, options)) return;
      switch (option.name) {
        case '--period':
          period = option.value();
          break;
        case '--prometheus':
          prometheus = option.value();
          break;
        case '--outages':
          outages = option.value();
          break;
        case '--source':
          source = option.value();
          break;
        case '--step':
          step = option.value();
          break;
        case '--write':
          write = true;
          break;
        default:
          throw unknownOption(option);
      }
    },
  });
  if (files.length === 0) throw new UsageError(measureUsage.noPlan);
  if (files.length > 1) throw new UsageError(measureUsage.takesOne(files.length));
  const file = files[0] as string;
  if (period === undefined) throw new UsageError(measureUsage.noPeriod);
  const parsed = parsePeriod(period);
  if (!parsed) throw new UsageError(measureUsage.period(period));
  const today = todayInDays(options.today);
  if (parsed.end > today) throw new UsageError(measureUsage.notEnded(parsed.id, formatDate(today, options.locale)));
  if (prometheus !== undefined && outages !== undefined) throw new UsageError(measureUsage.bothSources);
  if (prometheus === undefined && outages === undefined) throw new UsageError(measureUsage.noSource);
  if (write && file === STDIN) throw new UsageError(measureUsage.writeStandardInput);
  if (outages !== undefined) {
    if (source === undefined) throw new UsageError(measureUsage.outagesNeedSource);
    if (step !== undefined) throw new UsageError(measureUsage.stepWithoutPrometheus);
    if (outages === STDIN && file === STDIN) throw new UsageError(measureUsage.bothStandardInput);
    return { ...options, file, period: parsed, from: { outages, source }, write };
  }
  const base = prometheusBase(prometheus as string);
  if (typeof base === 'string') throw new UsageError(measureUsage.url(base, prometheus as string));
  return { ...options, file, period: parsed, from: { prometheus: base, source, step: step === undefined ? undefined : stepSeconds(step) }, write };
}

/** `--step 60s`, `1 min`, `PT5M`: whole seconds, at least one. */
function stepSeconds(text: string): number {
  const read = parseDuration(text);
  const seconds = read.ok ? read.minutes * 60 : NaN;
  if (!Number.isInteger(Math.round(seconds * 1e6) / 1e6) || seconds < 1) throw new UsageError(measureUsage.step(text));
  return Math.round(seconds);
}

/** A list of outages larger than this is no export of one monitoring tool. */
const MAX_LIST_BYTES = 64 * 1024 * 1024;

/** A reason to stop with exit status 2, the plan untouched. */
class MeasureStopped extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export async function runMeasure(args: readonly string[]): Promise<number> {
  const options = parseMeasureArguments(args);
  const { locale } = options;
  try {
    return await measure(options);
  } catch (error) {
    if (!(error instanceof MeasureStopped)) throw error;
    process.stderr.write(`${visible(`drplan: ${error.text[locale]}`)}\n`);
    return 2;
  }
}

async function measure(options: MeasureOptions): Promise<number> {
  const { locale, file, period } = options;
  const bytes = await readOrStop(file, options.maxFileSize);
  const text = Buffer.from(bytes).toString('utf8');
  const analysis = analyze(text, { locale, maxFileSize: options.maxFileSize, size: bytes.byteLength });
  if (isUnreadable(analysis)) throw new MeasureStopped(measureMessages.plan({ problem: 'unreadable' }, file));
  const plan = availabilityPlan(analysis);
  const ids = plan.measurements.map((measurement) => measurement.id);

  let results: MeasuredPeriod[];
  let origin: string;
  if ('outages' in options.from) {
    const { outages, source } = options.from;
    // The source must be a measurement of the plan: the entry names it.
    if (!ids.includes(source)) throw new MeasureStopped(measureMessages.import({ problem: 'unknownSource', source }, period.id, ids));
    const list = readOutagesCsv(Buffer.from(await readOrStop(outages, MAX_LIST_BYTES)).toString('utf8'));
    if ('problem' in list) throw new MeasureStopped(measureMessages.outages(list, outages));
    results = [measuredFromList(source, period, list.outages, plan)];
    origin = outages;
  } else {
    const { prometheus, source, step } = options.from;
    origin = prometheus.href;
    const asked = measurementsToQuery(plan, source);
    if (!Array.isArray(asked)) throw new MeasureStopped(measureMessages.import(asked, period.id, ids));
    try {
      results = await measureFromPrometheus({ base: prometheus, period, plan, source, step });
    } catch (error) {
      if (error instanceof PrometheusFailure) throw new MeasureStopped(measureMessages.server(error, origin));
      if (error instanceof ImportFailed) throw new MeasureStopped(measureMessages.import(error.reason, period.id, ids));
      throw error;
    }
  }

  await writeOut(measureTable(results, period, origin, locale));
  if (options.write) await writeResults(options, bytes, analysis, results);
  else process.stderr.write(`${measureSays.notWrittenHint[locale]}\n`);
  return results.some((result) => result.belowTarget) ? 1 : 0;
}

/**
 * Records the results in the plan file: the edits made of the text read, the file read again
 * (a plan changed meanwhile is not written over), then replaced in one rename.
 */
async function writeResults(options: MeasureOptions, bytes: Uint8Array, analysis: ReturnType<typeof analyze>, results: readonly MeasuredPeriod[]): Promise<void> {
  const { file, locale, period } = options;
  const say = (message: Message) => process.stderr.write(`${visible(message[locale])}\n`);
  // A text with bytes that are no UTF-8 would come back with U+FFFD in their place.
  if (!Buffer.from(analysis.text, 'utf8').equals(Buffer.from(bytes))) throw new MeasureStopped(measureSays.notUtf8(file));
  const recorded = availabilityResultEdits(analysis, period, results.map(recordedResult));
  if ('problem' in recorded) throw new MeasureStopped(measureMessages.plan(recorded, file));

  // The output-file rules (io/outputFile.ts): a link's file is replaced, the link stays.
  const why = (error: unknown) => describeOutputFailure(nodeOutputFiles, error, locale) ?? String(error);
  const target = await planOutput(nodeOutputFiles, file, { force: true, inputs: [] }).catch((error: unknown) => {
    throw new MeasureStopped(measureSays.notWritten(file, why(error)));
  });
  if ('refuse' in target) throw new MeasureStopped(measureSays.notWritten(file, why(new OutputRefused(target))));
  if (target.write !== 'atomic' || !target.existed) throw new MeasureStopped(measureSays.notAFile(file));
  const now = await readOrStop(file, options.maxFileSize);
  if (!Buffer.from(now).equals(Buffer.from(bytes))) throw new MeasureStopped(measureMessages.changedMeanwhile(file));
  try {
    await writeAtomically(nodeOutputFiles, target.file, Buffer.from(recorded.text, 'utf8'), true);
  } catch (error) {
    throw new MeasureStopped(measureSays.notWritten(file, why(error)));
  }
  const added = results.map((result) => result.source).filter((source) => !recorded.replaced.includes(source));
  say(measureSays.wrote(file, period.id, added, recorded.replaced));
}

/** A file's bytes (the plan up to its size limit; a larger one stops the command). */
async function readOrStop(file: string, limit: number): Promise<Uint8Array> {
  let read: { bytes: Uint8Array; size: number | undefined };
  try {
    read = await readPlanFile(file, limit);
  } catch (error) {
    throw new MeasureStopped({ de: `${file}: ${describeError(error, 'de')}`, en: `${file}: ${describeError(error, 'en')}` });
  }
  if (read.size !== undefined) throw new MeasureStopped(measureSays.tooLarge(file, read.size, limit));
  return read.bytes;
}
