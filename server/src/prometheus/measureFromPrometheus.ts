/**
 * The availability of a period from Prometheus, for each measurement of the plan that has a
 * `query`: the query evaluated on a grid over the period (core/measure/availability.ts) by range
 * queries of at most 10,000 points (Prometheus answers at most 11,000 per series), one after the
 * other. The step is `--step`, else the measurement's `interval`, else 60 s. Shared by
 * `drplan measure` and the language server's import request; the network is prometheusClient.ts.
 */
import { evaluationGrid, GridStates, gridChunks, periodSpan } from '../core/measure/availability';
import { measuredPeriod, type MeasuredPeriod } from '../core/measure/measuredPeriod';
import { measurementsToQuery, type AvailabilityPlan, type ImportProblem } from '../core/measure/measurements';
import type { Period } from '../core/period';
import { DEFAULT_LIMITS, queryRange, type PrometheusLimits } from './prometheusClient';

/** The step when neither `--step` nor the measurement's `interval` gives one. */
export const DEFAULT_STEP_SECONDS = 60;

export interface PrometheusImport {
  readonly base: URL;
  readonly period: Period;
  readonly plan: AvailabilityPlan;
  /** Only this measurement (`--source`); default every one with a query. */
  readonly source?: string;
  /** Seconds; default each measurement's interval, else 60. */
  readonly step?: number;
  readonly limits?: PrometheusLimits;
  readonly signal?: AbortSignal;
}

export class ImportFailed extends Error {
  constructor(readonly reason: ImportProblem) {
    super(reason.problem);
  }
}

/**
 * Measures each measurement of the plan (or `source`) over the period. Throws ImportFailed, or
 * the client's PrometheusFailure; either way nothing is measured.
 */
export async function measureFromPrometheus(request: PrometheusImport): Promise<MeasuredPeriod[]> {
  const measurements = measurementsToQuery(request.plan, request.source);
  if (!Array.isArray(measurements)) throw new ImportFailed(measurements);
  const results: MeasuredPeriod[] = [];
  for (const measurement of measurements) {
    const step = request.step ?? measurement.interval ?? DEFAULT_STEP_SECONDS;
    const states = new GridStates(evaluationGrid(periodSpan(request.period), step));
    for (const chunk of gridChunks(states.grid)) {
      const series = await queryRange(request.base, { query: measurement.query, start: chunk.start, end: chunk.end, step }, request.limits ?? DEFAULT_LIMITS, request.signal);
      for (const one of series) {
        const problem = states.add(labelsOf(one.metric), one.values);
        if (problem) throw new ImportFailed({ problem: 'sample', source: measurement.id, query: measurement.query, ...problem });
      }
    }
    if (!states.hasData) throw new ImportFailed({ problem: 'noData', source: measurement.id, query: measurement.query });
    results.push(
      measuredPeriod(measurement.id, request.period, states.measured(), request.plan, { kind: 'prometheus', query: measurement.query, step, series: states.series }),
    );
  }
  return results;
}

/** A series' labels as one key: `{instance="a",job="b"}`, sorted. */
function labelsOf(metric: Readonly<Record<string, string>>): string {
  return `{${Object.keys(metric)
    .sort()
    .map((name) => `${name}=${JSON.stringify(metric[name])}`)
    .join(',')}}`;
}
