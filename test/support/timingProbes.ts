import { GCProfiler } from 'node:v8';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../../server/src/core';
import { formatCodeQuality } from '../../server/src/cli/codeQuality';
import { findingPaths } from '../../server/src/cli/findingPaths';
import { formatJson, formatSarif, formatText, visible } from '../../server/src/cli/formats';
import { formatWorkflowCommands } from '../../server/src/cli/workflowCommands';
import { codeSpan, escapeMarkdown } from '../../server/src/core/features/markdown';
import { createLanguageService, type LanguageService } from '../../server/src/core/languageService';
import { adversarialPlan, type AdversarialPlan, type Place, type Slot } from './adversarial';
import { TODAY } from './fixtures';

/**
 * Every text-facing function of drplan, as a probe the timing properties time on an
 * adversarial plan (test/unit/timing.test.ts): the analysis and its diagnostics, an edit, each
 * feature at each place, the outline, folding, quick fixes, the preview and the HTML file, the
 * CLI's output formats, the markdown escaper. (The PDF has its own bounds: a worker with a
 * heap limit and a timeout, test/unit/render.test.ts.)
 */

export const URI = 'file:///adversarial.drplan.yaml';

/**
 * What the probes of one plan share: an analysis made afresh for each repetition (timed as
 * `analysis`), so that what it caches (diagnostics in a language, the document tree) is made
 * by the first probe that asks.
 */
export interface ProbeSubject {
  readonly plan: AdversarialPlan;
  readonly service: LanguageService;
  readonly analysis: Analysis;
  /** The published diagnostics, which a client sends with a code-action request. */
  readonly diagnostics: readonly Diagnostic[];
  /** The run itself, for the escapers. */
  readonly run: string;
}

export interface Probe {
  readonly name: string;
  readonly run: (subject: ProbeSubject) => unknown;
}

/** A language service whose features throw instead of answering empty, so a failure is seen. */
export function strictService(): LanguageService {
  return createLanguageService({
    locale: 'de',
    today: TODAY,
    logger: {
      failed: (feature, uri, error) => {
        throw new Error(`${feature} failed on ${uri}`, { cause: error });
      },
    },
  });
}

const PLACES: readonly Place[] = ['line start', 'run start', 'run middle', 'run end', 'line end', 'next line'];

function atPlaces(name: string, ask: (subject: ProbeSubject, offset: number) => unknown): Probe[] {
  return PLACES.map((place) => ({ name: `${name} at ${place}`, run: (subject) => ask(subject, subject.plan.places[place]) }));
}

/** The line of the run, as a range for the quick fixes. */
function runLine(subject: ProbeSubject): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const { text, places } = subject.plan;
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < places['run start']; at = text.indexOf('\n', at + 1)) line++;
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

/**
 * In the order they run on one analysis, after `analysis` and `diagnostics` (timeProbes): the
 * first to ask for something cached makes it.
 */
export const PROBES: readonly Probe[] = [
  {
    name: 'analysis of an edit inside the run',
    run: ({ service, analysis, plan }) => {
      const at = plan.places['run middle'];
      return service.reanalyze(analysis, `${plan.text.slice(0, at)}x${plan.text.slice(at)}`, { uri: URI });
    },
  },
  ...atPlaces('completion', ({ service, analysis, plan }, offset) => service.complete(analysis, plan.text, offset, URI)),
  // Issue 13's freeze: Enter at the end of the run's line, then completion on the new line.
  ...['', '- '].map((typed): Probe => ({
    name: typed ? 'completion on a new list item after the run' : 'completion on a new line after the run',
    run: ({ service, analysis, plan }) => {
      const { text, places } = plan;
      const at = places['line end'];
      const start = places['line start'];
      let indent = start;
      while (text[indent] === ' ') indent++;
      const inserted = `\n${' '.repeat(indent - start)}${typed}`;
      return service.complete(analysis, text.slice(0, at) + inserted + text.slice(at), at + inserted.length, URI);
    },
  })),
  {
    name: 'completion after typing inside the run',
    run: ({ service, analysis, plan }) => {
      const at = plan.places['run middle'];
      return service.complete(analysis, `${plan.text.slice(0, at)}: ${plan.text.slice(at)}`, at + 2, URI);
    },
  },
  ...atPlaces('hover', ({ service, analysis }, offset) => service.hover(analysis, offset, URI)),
  ...atPlaces('definition', ({ service, analysis }, offset) => service.definition(analysis, offset, URI)),
  ...atPlaces('references', ({ service, analysis }, offset) => service.references(analysis, offset, URI, true)),
  ...atPlaces('prepare rename', ({ service, analysis }, offset) => service.prepareRename(analysis, offset, URI)),
  ...atPlaces('rename', ({ service, analysis }, offset) => service.rename(analysis, offset, 'neuer-name', URI)),
  { name: 'document symbols', run: ({ service, analysis }) => service.documentSymbols(analysis, URI) },
  { name: 'folding', run: ({ service, analysis }) => service.foldingRanges(analysis, URI) },
  {
    name: 'quick fixes on the run\'s line',
    run: (subject) => {
      const range = runLine(subject);
      const onLine = subject.diagnostics.filter((d) => d.range.start.line <= range.start.line && d.range.end.line >= range.start.line);
      return subject.service.codeActions(subject.analysis, range, onLine, URI);
    },
  },
  {
    name: 'quick fixes of the whole plan',
    run: ({ service, analysis, diagnostics }) =>
      service.codeActions(analysis, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, diagnostics, URI),
  },
  {
    name: 'document tree and preview',
    run: ({ service, analysis }) => service.previewFragment(service.planDocument(analysis)),
  },
  { name: 'HTML file', run: ({ service, analysis }) => service.htmlFile(service.planDocument(analysis)) },
  { name: 'drplan check text', run: ({ analysis }) => formatText([{ file: 'plan.drplan.yaml', diagnostics: analysis.diagnostics('en', URI) }], 'en') },
  { name: 'drplan check json', run: ({ analysis }) => formatJson([{ file: 'plan.drplan.yaml', diagnostics: analysis.diagnostics('en', URI) }]) },
  { name: 'drplan check sarif', run: ({ analysis }) => formatSarif([{ file: 'plan.drplan.yaml', diagnostics: analysis.diagnostics('en', URI) }], '0.0.0', 'en') },
  {
    name: 'drplan check gitlab',
    run: ({ analysis }) => formatCodeQuality([{ file: 'plan.drplan.yaml', diagnostics: analysis.diagnostics('en', URI), paths: findingPaths(analysis) }]),
  },
  { name: 'drplan check github', run: ({ analysis }) => formatWorkflowCommands([{ file: 'plan.drplan.yaml', diagnostics: analysis.diagnostics('en', URI) }], 'en') },
  // A file name is author text too (a repository names its files).
  { name: 'drplan check text of a file named by the run', run: ({ run }) => formatText([{ file: `${run}.drplan.yaml`, diagnostics: [] }], 'de') },
  { name: 'terminal escaping', run: ({ run }) => visible(run) },
  { name: 'markdown escaping', run: ({ run }) => [escapeMarkdown(run), codeSpan(run)] },
];

/**
 * The time `work` takes, in milliseconds, without the garbage collector's: that share grows with
 * all the heap holds (the analysis of a 5 MB plan), not with the work itself, so that a linear
 * function looked quadratic at megabytes (2 s at 1.2 MB, 18 s at 5 MB, most of it collecting).
 * Or the processor time used, where that is less: on a loaded machine the time that passed
 * counts the time other processes ran. (The collector's time is the time its pauses took, so it
 * is taken off the time that passed only.)
 */
export function timeOf(work: () => unknown): number {
  const profiler = new GCProfiler();
  profiler.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const passed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const collecting = profiler.stop().statistics.reduce((sum, event) => sum + event.cost, 0) / 1000;
  return Math.max(0, Math.min(passed - collecting, (used.user + used.system) / 1000));
}

/**
 * The least time (timeOf) of each probe, and of `analysis` and `diagnostics`, over `repetitions`
 * runs on `plan`: the least is the time the work takes, without what other processes add to some
 * runs.
 */
export function timeProbes(plan: AdversarialPlan, run: string, repetitions: number, probes: readonly Probe[] = PROBES): Map<string, number> {
  const service = strictService();
  const least = new Map<string, number>();
  const record = (name: string, ms: number) => least.set(name, Math.min(least.get(name) ?? Infinity, ms));
  for (let i = 0; i < repetitions; i++) {
    let analysis: Analysis | undefined;
    record('analysis', timeOf(() => (analysis = service.analyze(plan.text, { uri: URI }))));
    if (!analysis) throw new Error('no analysis');
    // Over the size limit nothing is read, and every probe would be fast for nothing.
    if (analysis.tooLarge) throw new Error(`the plan of ${analysis.tooLarge.size} bytes is over the size limit`);
    const analysed = analysis;
    record('diagnostics', timeOf(() => service.diagnostics(analysed, URI)));
    // What a client sends back with a code-action request: what was published (at most 1,000).
    let published: readonly Diagnostic[] = [];
    record('published diagnostics', timeOf(() => (published = service.publishedDiagnostics(analysed, URI))));
    const subject: ProbeSubject = { plan, service, analysis: analysed, diagnostics: published, run };
    for (const probe of probes) record(probe.name, timeOf(() => probe.run(subject)));
  }
  return least;
}

/** At 4 times the size, linear time is 4 times as long, a quadratic 16 times; 10 times is allowed (caches make linear work look worse). */
export const SIZE_RATIO = 4;
const ALLOWED_RATIO = 10;
/**
 * What a loaded machine adds to a probe of a few milliseconds (caches, being descheduled): a
 * quadratic that takes less at 200 kB is caught at megabytes (npm run fuzz).
 */
const SLACK_MS = 50;
/** Besides the ratio, a bound for a probe that is slow already at the quarter size: 10 s a megabyte. */
const MS_PER_MEGABYTE = 10_000;

/** A probe slower at the size than linear growth from the quarter size allows. */
export interface SlowProbe {
  readonly probe: string;
  readonly quarter: number;
  readonly full: number;
}

function allowed(quarterMs: number, bytes: number): number {
  return Math.min(ALLOWED_RATIO * quarterMs + SLACK_MS, Math.max(SLACK_MS, (MS_PER_MEGABYTE * bytes) / 1_048_576));
}

/**
 * The probes that take longer on a run of `bytes` in `slot` than linear growth from a run of a
 * quarter of that allows. The quarter size is the baseline, measured in the same run (a loaded
 * machine slows both alike), twice; the size once, and a probe over the bound is measured again,
 * at both sizes, before it counts: a garbage collection or another process may have slowed one run.
 */
export function slowProbes(slot: Slot, run: (bytes: number) => string, bytes: number, probes: readonly Probe[] = PROBES): SlowProbe[] {
  const measure = (size: number, repetitions: number, which: readonly Probe[]) => {
    const text = run(size);
    return timeProbes(adversarialPlan(slot, text), text, repetitions, which);
  };
  const over = (quarter: ReadonlyMap<string, number>, full: ReadonlyMap<string, number>): SlowProbe[] =>
    [...full]
      .filter(([probe, ms]) => ms > allowed(quarter.get(probe) ?? 0, bytes))
      .map(([probe, ms]) => ({ probe, quarter: quarter.get(probe) ?? 0, full: ms }));
  const quarter = measure(bytes / SIZE_RATIO, 2, probes);
  const full = measure(bytes, 1, probes);
  const suspects = new Set(over(quarter, full).map(({ probe }) => probe));
  if (suspects.size === 0) return [];
  const again = probes.filter((probe) => suspects.has(probe.name));
  keepLeast(full, measure(bytes, 2, again));
  keepLeast(quarter, measure(bytes / SIZE_RATIO, 3, again));
  return over(quarter, full);
}

function keepLeast(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [probe, ms] of from) into.set(probe, Math.min(into.get(probe) ?? Infinity, ms));
}
