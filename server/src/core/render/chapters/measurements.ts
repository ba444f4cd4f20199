import { DURATION, formatDuration } from '../../duration';
import { allowedDowntime } from '../../model/queries';
import { cell, col, durationValue, fieldLabel, shown, short, table } from '../blocks';
import { LABELS, SEED } from '../texts';
import { emphasis, text, type Block } from '../tree';
import type { Chapter } from './chapter';

/** Verfügbarkeitsmessungen: the availability target with its downtime budget, and the measurements. */
export const measurements: Chapter = (context) => {
  const availability = context.model.availability;
  const target = availability?.target?.value;
  const measured = availability?.measurements ?? [];
  if (target === undefined && measured.length === 0) return undefined;
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
          cells: [
            cell(shown(measurement.what) ?? measurement.id?.value),
            cell(shown(measurement.tool)),
            durationValue(measurement.interval),
            cell(context.contactLabel(measurement.alert?.value)),
          ],
        })),
        'normal',
        context.keyLine(availability?.keys.measurements),
      ),
    );
  } else {
    blocks.push({ kind: 'paragraph', content: [emphasis(text('Der Plan verzeichnet keine Verfügbarkeitsmessungen.'))] });
  }
  return context.chapter('verfuegbarkeitsmessungen', 'Verfügbarkeitsmessungen', line, blocks);
};

/** 99.5 → "99,5"; whole numbers stay whole. */
function germanNumber(value: number): string {
  return String(value).replace('.', ',');
}
