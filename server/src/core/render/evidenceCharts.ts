import { formatDate } from '../date';
import { formatDuration } from '../duration';
import { percentText, periodText } from '../i18n/availabilityMessages';
import { comparedAvailability, downtimeByYear, meetsTarget, validTarget } from '../model/availability';
import type { AvailabilityResultModel, PlanModel, ScenarioModel } from '../model/plan';
import { allowedDowntime, latestMeasured } from '../model/queries';
import { cell, col, durationWords, short, table } from './blocks';
import type { BarChart, BarRow, Block, Chart } from './tree';
import { text } from './tree';

/**
 * The charts of the document (item 4 of issue 16), as data for render/chartSvg.ts with their
 * text alternatives: a scenario's recovery time, RTO and latest RTA; the measured availability
 * per period against the target; the downtime of each year against the yearly budget.
 */

/** A scenario's recovery time, RTO and latest RTA as bars; undefined when it has none of them. */
export function recoveryChart(id: string, scenario: ScenarioModel): Chart | undefined {
  const recovery = scenario.recoveryTime?.minutes;
  const rto = scenario.rto?.minutes;
  const rta = latestMeasured(scenario, 'recoveryTime');
  if (recovery === undefined && rto === undefined && rta === undefined) return undefined;
  const beyond = (minutes: number) => rto !== undefined && minutes > rto;
  const words = (minutes: number | undefined, field: Parameters<typeof durationWords>[0] | undefined) => (minutes === undefined || !field ? 'nicht angegeben' : durationWords(field));
  // The latest measured RTA, named by its exercise's day (the overview matrix's "letzte RTA").
  const rtaLabel = rta ? `RTA vom ${formatDate(rta.day, 'de')}` : 'RTA';
  const rows: BarRow[] = [
    { label: 'Wiederherstellungszeit', value: recovery, text: words(recovery, scenario.recoveryTime) + (recovery !== undefined && beyond(recovery) ? ', über der RTO' : ''), look: 'solid', tone: recovery !== undefined && beyond(recovery) ? 'over' : 'neutral' },
    {
      label: rtaLabel,
      value: rta?.minutes,
      text: rta ? durationWords(rta.field) + (beyond(rta.minutes) ? ', über der RTO' : '') : 'unbekannt: nicht geübt',
      look: 'hatched',
      tone: rta ? (beyond(rta.minutes) ? 'over' : rto === undefined ? 'neutral' : 'ok') : 'neutral',
    },
    { label: 'RTO', value: rto, text: words(rto, scenario.rto), look: 'outline', tone: 'neutral' },
  ];
  const values = rows.flatMap((row) => (row.value === undefined ? [] : [row.value]));
  const sentence = [
    `Wiederherstellungszeit: ${rows[0]?.text}`,
    `${rtaLabel}: ${rows[1]?.text}`,
    `RTO: ${rows[2]?.text}`,
  ].join('; ');
  return {
    kind: 'chart',
    id,
    title: 'Wiederherstellungszeit, RTA und RTO',
    bars: { rows, axis: minutesAxis(Math.max(...values)), ...(rto !== undefined && scenario.rto ? { limit: { value: rto, label: `RTO ${durationWords(scenario.rto)}` } } : {}) },
    alternative: [{ kind: 'paragraph', style: 'small', content: [text(`${sentence}.`)] }],
  };
}

/**
 * The measured availability of each period (with the excluded maintenance left out, as it is
 * compared) against the target; `table`, the results as the chapter lists them, is its text.
 */
export function availabilityChart(id: string, model: PlanModel, results: readonly AvailabilityResultModel[], table: Block, sourceName: (result: AvailabilityResultModel) => string | undefined): Chart | undefined {
  const target = validTarget(model);
  const measured = results.filter((result) => result.days && result.measured);
  if (measured.length === 0) return undefined;
  const several = new Set(measured.map((result) => result.source?.value)).size > 1;
  const rows = measured.map((result): BarRow => {
    const value = comparedAvailability(result) as number;
    const met = meetsTarget(result, target);
    const source = several ? sourceName(result) : undefined;
    return {
      label: `${periodText(result.days as NonNullable<AvailabilityResultModel['days']>).de}${source ? ` · ${source}` : ''}`,
      value,
      text: `${percentText(value, value !== result.measured?.value).de}${met === undefined ? '' : met ? ', erreicht' : ', verfehlt'}`,
      look: met === false ? 'hatched' : 'solid',
      tone: met === undefined ? 'neutral' : met ? 'ok' : 'over',
    };
  });
  const axis = percentAxis(Math.min(...rows.map((row) => row.value as number), target ?? 100));
  const targetText = target === undefined ? '' : ` gegen das Ziel von ${percentText(target).de}`;
  return {
    kind: 'chart',
    id,
    title: `Gemessene Verfügbarkeit je Zeitraum${targetText} (Achse ab ${percentText(axis.from).de})`,
    bars: { rows, axis, ...(target !== undefined ? { limit: { value: target, label: `Ziel ${percentText(target).de}` } } : {}) },
    alternative: [table],
  };
}

/** Per year (and source, where several measure), the downtime against the yearly budget of the target. */
export function budgetChart(id: string, model: PlanModel, sourceName: (id: string | undefined) => string | undefined): Chart | undefined {
  const target = validTarget(model);
  const budget = allowedDowntime(target);
  const years = downtimeByYear(model);
  if (target === undefined || budget === undefined || budget <= 0 || years.length === 0) return undefined;
  const several = new Set(years.map((year) => year.source)).size > 1;
  const rows = years.map((year): BarRow => {
    const source = several ? sourceName(year.source) : undefined;
    const share = (year.minutes / budget) * 100;
    const over = year.minutes > budget;
    return {
      label: `${year.year}${source ? ` · ${source}` : ''}`,
      value: year.minutes,
      text: `${formatDuration(round(year.minutes), 'de')} = ${shareText(share)} %${over ? ', überschritten' : ''}`,
      look: over ? 'hatched' : 'solid',
      tone: over ? 'over' : 'ok',
    };
  });
  const columns = [short('Jahr', 1), ...(several ? [col('Quelle', 2.4)] : []), short('Ausfallzeit', 1.8, 'right'), short('verbraucht', 1.6, 'right'), col('gemessene Zeiträume', 3.6)];
  const alternative = table(
    columns,
    years.map((year) => ({
      kind: 'row',
      cells: [
        cell(String(year.year)),
        ...(several ? [cell(sourceName(year.source))] : []),
        cell(formatDuration(round(year.minutes), 'de')),
        cell(`${shareText((year.minutes / budget) * 100)} %`),
        cell(year.covered.map((period) => periodText(period).de).join(', ')),
      ],
    })),
    'compact',
    undefined,
  );
  return {
    kind: 'chart',
    id,
    title: `Verbrauchte Ausfallzeit je Jahr gegen die zulässige Ausfallzeit von ${formatDuration(budget, 'de')} (${percentText(target).de})`,
    bars: { rows, axis: minutesAxis(Math.max(budget, ...rows.map((row) => row.value as number))), limit: { value: budget, label: `zulässig ${formatDuration(budget, 'de')}` } },
    alternative: [
      alternative,
      {
        kind: 'paragraph',
        style: 'small',
        content: [
          text(
            'Gezählt wird die Ausfallzeit der Messergebnisse ohne die ausgenommene Wartung, jeder Monat einmal: das Ergebnis eines Jahres, sonst die seiner Quartale und der Monate außerhalb von ihnen; ohne angegebene Ausfallzeit der Anteil, den die gemessene Verfügbarkeit am Zeitraum fehlen lässt.',
          ),
        ],
      },
    ],
  };
}

/** An axis of minutes from 0, in steps that read well (30 Min., 2 Std., 1 Tag), at most about six ticks. */
export function minutesAxis(largest: number): BarChart['axis'] {
  const top = Math.max(1, largest) * 1.05;
  const step = MINUTE_STEPS.find((candidate) => top / candidate <= 5) ?? Math.ceil(top / 5 / 43200) * 43200;
  const to = Math.ceil(top / step) * step;
  const ticks = [];
  for (let value = 0; value <= to + 1e-9; value += step) ticks.push({ value, label: shortDuration(value, step) });
  return { from: 0, to, ticks };
}

const MINUTE_STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160, 43200];

/** "30 Min.", "16 Std.", "3 Tage": a tick's label, in the unit the axis' step is counted in. */
function shortDuration(minutes: number, step: number): string {
  if (minutes === 0) return '0';
  if (step < 60) return `${minutes} Min.`;
  if (step % 1440 !== 0) return `${shareText(minutes / 60)} Std.`;
  const days = minutes / 1440;
  return `${days} ${days === 1 ? 'Tag' : 'Tage'}`;
}

/**
 * An axis of percent up to 100, from a round value below the lowest: availability lies close to
 * 100 %, so the bars start there (the title and the ticks say where) instead of at 0.
 */
export function percentAxis(lowest: number): BarChart['axis'] {
  const low = Math.max(0, Math.min(lowest, 100));
  const span = Math.max(100 - low, 0.04);
  const wanted = Math.max(0, 100 - span * 1.25);
  const step = PERCENT_STEPS.find((candidate) => (100 - Math.floor(wanted / candidate) * candidate) / candidate <= 5) ?? 20;
  const from = Math.max(0, Math.floor(wanted / step + 1e-9) * step);
  const ticks = [];
  for (let index = 0; from + index * step <= 100 + 1e-9; index++) {
    const value = Math.round((from + index * step) * 1000) / 1000;
    ticks.push({ value, label: percentText(value).de });
  }
  return { from: Math.round(from * 1000) / 1000, to: 100, ticks };
}

const PERCENT_STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20];

function shareText(value: number): string {
  return String(Math.round(value * 10) / 10).replace('.', ',');
}

function round(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
