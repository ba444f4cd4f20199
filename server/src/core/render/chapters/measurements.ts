import { DURATION, formatDuration } from '../../duration';
import { percentText, periodText } from '../../i18n/availabilityMessages';
import { comparedAvailability, excludedMinutes, meetsTarget, resultsInOrder, validTarget } from '../../model/availability';
import type { AvailabilityResultModel, MeasurementModel } from '../../model/plan';
import { allowedDowntime, itemsById } from '../../model/queries';
import { cell, col, durationValue, fieldLabel, shown, short, table } from '../blocks';
import type { DocumentContext } from '../context';
import { availabilityChart, budgetChart } from '../evidenceCharts';
import { LABELS, SEED } from '../texts';
import { emphasis, text, type Block, type Inline, type TableRow } from '../tree';
import type { Chapter } from './chapter';

/**
 * Verfügbarkeitsmessungen: the availability target with its downtime budget, the measurements,
 * and what they measured: the results per period against the target (a chart, the table beside
 * it), the downtime of each year against the budget, and whether the target is proven.
 */
export const measurements: Chapter = (context) => {
  const availability = context.model.availability;
  const target = availability?.target?.value;
  const measured = availability?.measurements ?? [];
  const results = availability?.results ?? [];
  if (target === undefined && measured.length === 0 && results.length === 0) return undefined;
  const line = context.keyLine(context.model.keys.availability);
  const blocks: Block[] = [{ kind: 'paragraph', content: [text(SEED.measurements)] }];
  const yearly = allowedDowntime(target);
  const monthly = allowedDowntime(target, DURATION.MONTH);
  if (target !== undefined && yearly !== undefined && monthly !== undefined) {
    blocks.push({
      kind: 'fields',
      sourceLine: context.keyLine(availability?.keys.target),
      items: [
        { label: fieldLabel('availability', 'target'), value: [text(`${germanNumber(target)} %`)] },
        { label: 'Zulässige Ausfallzeit pro Jahr', value: [text(formatDuration(yearly, 'de'))] },
        { label: 'Zulässige Ausfallzeit pro Monat', value: [text(formatDuration(monthly, 'de'))] },
      ],
    });
    blocks.push({
      kind: 'paragraph',
      style: 'small',
      content: [text('Die zulässige Ausfallzeit ist (100 % − Verfügbarkeitsziel) × 365 Tage bzw. × 30 Tage. Keine RTO eines Szenarios sollte sie überschreiten.')],
    });
  } else if (target !== undefined) {
    blocks.push({ kind: 'fields', items: [{ label: fieldLabel('availability', 'target'), value: [text(`${germanNumber(target)} %`), emphasis(text(` (${LABELS.invalid})`))] }] });
  }
  if (measured.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'label', content: [text(fieldLabel('availability', 'measurements'))] });
    blocks.push(
      table(
        [col('Messung', 4), col('Werkzeug', 3), short('Intervall', 2), col('Alarmierung', 3)],
        measured.map((measurement) => ({
          kind: 'row',
          sourceLine: context.line(measurement.span.start),
          cells: [measurementCell(measurement), cell(shown(measurement.tool)), durationValue(measurement.interval), cell(context.contactLabel(measurement.alert?.value))],
        })),
        'normal',
        context.keyLine(availability?.keys.measurements),
      ),
    );
  } else {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Verfügbarkeitsmessungen.'))] });
  }
  blocks.push(...resultBlocks(context, results));
  return context.chapter('verfuegbarkeitsmessungen', 'Verfügbarkeitsmessungen', line, blocks);
};

/** What a measurement watches, and the query it is measured with. */
function measurementCell(measurement: MeasurementModel): Inline[] {
  const what = shown(measurement.what) ?? measurement.id?.value ?? LABELS.missing;
  const query = shown(measurement.query);
  return query ? [text(what), text('\n'), emphasis(text(`Abfrage: ${query}`))] : [text(what)];
}

/** The results per period against the target, the yearly budget used, and whether the target is proven. */
function resultBlocks(context: DocumentContext, results: readonly AvailabilityResultModel[]): Block[] {
  const blocks: Block[] = [];
  const model = context.model;
  const unproven = context.openPoints.find((point) => point.code === 'availability-unproven');
  const keyLine = context.keyLine(model.availability?.keys.results);
  if (results.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'label', content: [text(fieldLabel('availability', 'results'))], sourceLine: keyLine });
    const measurements = itemsById(model.availability?.measurements ?? []);
    const sourceName = (id: string | undefined) => (id === undefined ? undefined : (shown(measurements.get(id)?.what) ?? id));
    // In the order of the periods; those that name none at the end, as written.
    const ordered = resultsInOrder(model);
    const rest = results.filter((result) => !result.days);
    const resultsTable = table(
      [short('Zeitraum', 2.2), short('gemessen', 2.4, 'right'), short('Ziel', 1.2, 'right'), short('Ausfallzeit', 1.9, 'right'), short('Ausfälle', 1.3, 'right'), col('Quelle', 3), col('Ziel erreicht', 1.9)],
      [...ordered, ...rest].map((result) => resultRow(context, result, sourceName(result.source?.value))),
      'compact',
      keyLine,
    );
    const chart = availabilityChart(context.uniqueId('diagramm-verfuegbarkeit'), model, ordered, resultsTable, (result) => sourceName(result.source?.value));
    blocks.push(chart ?? resultsTable);
    const budget = budgetChart(context.uniqueId('diagramm-ausfallzeit'), model, sourceName);
    if (budget) blocks.push(budget);
  } else if (validTarget(model) !== undefined) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Messergebnisse.'))] });
  }
  if (unproven) {
    blocks.push({
      kind: 'note',
      tone: 'warning',
      title: 'Verfügbarkeit nicht belegt',
      sourceLine: unproven.line - 1,
      content: [{ kind: 'paragraph', content: [text(unproven.message)] }],
    });
  }
  return blocks;
}

/** Zeitraum, gemessen (and without the excluded maintenance), Ziel, Ausfallzeit, Ausfälle, Quelle, ✓/✗. */
function resultRow(context: DocumentContext, result: AvailabilityResultModel, source: string | undefined): TableRow {
  const target = validTarget(context.model);
  const period = result.days ? [text(periodText(result.days).de)] : [text(String(result.period?.value ?? LABELS.missing)), emphasis(text(` (${LABELS.invalid})`))];
  const measured: Inline[] = result.measured ? [text(percentText(result.measured.value).de)] : [emphasis(text(LABELS.missing))];
  const excluded = excludedMinutes(result);
  if (result.measured && excluded > 0) {
    measured.push(text(`\nohne Wartung (${formatDuration(excluded, 'de')}): ${percentText(comparedAvailability(result) as number, true).de}`));
  }
  const met = meetsTarget(result, target);
  const status: Inline[] =
    met === undefined ? [text(LABELS.none)] : met ? [{ kind: 'status', mark: 'ok', label: 'erreicht' }, text('erreicht')] : [{ kind: 'status', mark: 'failed', label: 'verfehlt' }, text('verfehlt')];
  return {
    kind: 'row',
    sourceLine: context.line(result.firstLine.start),
    cells: [
      period,
      measured,
      cell(target === undefined ? undefined : percentText(target).de),
      durationValue(result.downtime),
      cell(result.outages === undefined ? undefined : String(result.outages.value)),
      cell(source),
      status,
    ],
  };
}

/** 99.5 → "99,5"; whole numbers stay whole. */
function germanNumber(value: number): string {
  return String(value).replace('.', ',');
}
