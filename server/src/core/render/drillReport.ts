/**
 * The drill report (Übungsprotokoll): one recovery drill as it ran, for the files of the
 * emergency management (BSI-Standard 200-4 asks for a record of each exercise). Built as the plan
 * document is, a small tree that the PDF emitter writes (render/pdf.ts): who ran which scenario
 * when, each step planned against measured, the skipped ones with why, the recovery time (RTA)
 * against the RTO and the data loss (RPA) against the RPO, the result. German, like the plan
 * document; the input is the drill's own record of the plan, so a plan changed since does not
 * change what the report says.
 */
import { enumEntryById } from '../catalog';
import { formatDate, todayInDays } from '../date';
import { measuredDuration, parseDuration, writtenDuration } from '../duration';
import { startedDay, type DrillDuration, type DrillReportInput } from '../drill/record';
import { col, short, table } from './blocks';
import { LABELS } from './texts';
import { emphasis, text, type Block, type Inline, type PlanDocument, type TableRow } from './tree';

export function drillReportDocument(input: DrillReportInput, today: Date): PlanDocument {
  const { plan, scenario, record } = input;
  const title = `Übungsprotokoll: ${scenario.title}`;
  const kind = enumEntryById('exerciseKind', record.kind)?.label.de ?? record.kind;
  const result = enumEntryById('exerciseResult', record.result)?.label.de ?? record.result;
  const day = startedDay(record.started);
  const planLine = [plan.title, plan.organisation, plan.system].filter((part): part is string => part !== undefined).join(' · ');
  const fields: { label: string; value: Inline[] }[] = [
    { label: 'Plan', value: [text(planLine)] },
    { label: 'Szenario', value: [text(`${scenario.title} (${scenario.id})`)] },
    { label: 'Art der Übung', value: [text(kind)] },
    { label: 'Datum', value: [text(day ? formatDate(daysOf(day), 'de') : record.started)] },
    { label: 'Beginn', value: [text(`${clockOf(record.started)} Uhr`)] },
    { label: 'Ende der Wiederherstellung', value: [text(`${clockAfter(record.started, record.recoverySeconds)} Uhr`)] },
    { label: 'Durchgeführt von', value: input.conductedBy ? [text(input.conductedBy)] : [emphasis(text(LABELS.missing))] },
    { label: 'Ergebnis', value: [text(result)] },
  ];

  const steps: TableRow[] = record.steps.map((step, index) => {
    const planned = scenario.steps[index];
    return {
      kind: 'row',
      cells: [
        [text(`${index + 1}.`)],
        [text(step.step)],
        [text(planned?.responsible ?? LABELS.none)],
        [text(planned?.duration ? germanWords(planned.duration) : LABELS.none)],
        step.skipped ? [emphasis(text('übersprungen'))] : [text(secondsWords(step.seconds ?? 0))],
        [text(step.note ?? LABELS.none)],
      ],
    };
  });

  const blocks: Block[] = [
    { kind: 'heading', level: 1, id: 'uebungsprotokoll', number: '', text: 'Übungsprotokoll', toc: false },
    { kind: 'paragraph', content: [text(`DR-Übung des Szenarios „${scenario.title}“, durchgeführt mit drplan im Editor anhand der Handlungen zur Wiederherstellung des Plans.`)] },
    { kind: 'fields', items: fields },
    { kind: 'heading', level: 2, id: 'schritte', number: '', text: 'Handlungen zur Wiederherstellung', toc: false },
    steps.length > 0
      ? table([short('Nr.', 0.7), col('Schritt', 5), col('Verantwortlich', 2.2), short('geplant', 1.7), short('gemessen', 1.7), col('Anmerkung', 3.2)], steps, 'compact', undefined)
      : { kind: 'paragraph', content: [emphasis(text('Die Übung hatte keine einzelnen Schritte.'))] },
    { kind: 'heading', level: 2, id: 'messwerte', number: '', text: 'Gemessene Werte', toc: false },
    table([col('Größe', 3.2), short('gemessen', 2.2), col('Vorgabe', 3.4), col('Bewertung', 2.4)], [rtaRow(input), rpaRow(input)], 'normal', undefined),
  ];
  if (record.notes !== undefined) {
    blocks.push({ kind: 'heading', level: 2, id: 'anmerkungen', number: '', text: 'Anmerkungen', toc: false });
    for (const paragraph of record.notes.split(/\r?\n\s*\r?\n/)) blocks.push({ kind: 'paragraph', content: [text(paragraph.trim())] });
  }
  blocks.push(
    { kind: 'paragraph', content: [text('Geprüft und bestätigt: ______________________________   Datum: ______________')] },
    { kind: 'paragraph', style: 'small', content: [text(`Erstellt am ${formatDate(todayInDays(today), 'de')} mit drplan. Die Übung ist im Plan als Eintrag unter „Übungen“ des Szenarios verzeichnet.`)] },
  );

  return {
    kind: 'document',
    meta: {
      title,
      subject: `Übungsprotokoll zum Notfallplan ${plan.title}`,
      author: input.conductedBy ?? plan.organisation ?? '',
      keywords: ['Übungsprotokoll', 'Notfallübung', 'DR-Übung', 'BSI-Standard 200-4'],
      version: '',
      classification: '',
      language: 'de-DE',
      watermark: undefined,
      generated: formatDate(todayInDays(today), 'de'),
    },
    blocks: [{ kind: 'section', role: 'chapter', id: 'protokoll', children: blocks }],
  };
}

/** RTA against the planned recovery time and the RTO. */
function rtaRow({ scenario, record }: DrillReportInput): TableRow {
  const minutes = record.recoverySeconds / 60;
  const targets = [
    scenario.recoveryTime ? `geplant ${germanWords(scenario.recoveryTime)}` : undefined,
    scenario.rto ? `RTO ${germanWords(scenario.rto)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return {
    kind: 'row',
    cells: [[text('Wiederherstellungszeit (RTA)')], [text(secondsWords(record.recoverySeconds))], [text(targets.join(', ') || LABELS.missing)], verdict(scenario.rto, minutes, 'RTO')],
  };
}

/** RPA against the RPO. */
function rpaRow({ scenario, record }: DrillReportInput): TableRow {
  const loss = record.dataLoss === undefined ? undefined : parseDuration(record.dataLoss);
  const minutes = loss?.ok ? loss.minutes : undefined;
  const measured = record.dataLoss === undefined ? [emphasis(text('nicht festgestellt'))] : [text(minutes === 0 ? LABELS.noDataLoss : (writtenDuration(record.dataLoss, 'de') ?? record.dataLoss))];
  const target = scenario.rpo ? `RPO ${scenario.rpo.minutes === 0 ? LABELS.noDataLoss : germanWords(scenario.rpo)}` : LABELS.missing;
  return { kind: 'row', cells: [[text('Datenverlust (RPA)')], measured, [text(target)], minutes === undefined ? [text(LABELS.none)] : verdict(scenario.rpo, minutes, 'RPO')] };
}

/** ✓ within the objective, ✗ over it, with the words (the mark alone says nothing in black and white). */
function verdict(objective: DrillDuration | undefined, minutes: number, term: 'RTO' | 'RPO'): Inline[] {
  if (!objective) return [text(LABELS.none)];
  return minutes <= objective.minutes
    ? [{ kind: 'status', mark: 'ok', label: `${term} eingehalten` }, text(`${term} eingehalten`)]
    : [{ kind: 'status', mark: 'failed', label: `${term} überschritten` }, text(`${term} überschritten`)];
}

/** A duration of the plan in German words, as its author wrote it. */
function germanWords(duration: DrillDuration): string {
  return writtenDuration(duration.written, 'de') ?? duration.written;
}

/** A measured duration in German words, as the exercise entry writes it. */
function secondsWords(seconds: number): string {
  const written = measuredDuration(seconds);
  return written === '0' ? 'unter 1 Sekunde' : (writtenDuration(written, 'de') ?? written);
}

function daysOf(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;
}

/** `09:12` of `2026-11-29T09:12:00+01:00`: the time as the drill's clock showed it. */
function clockOf(started: string): string {
  return started.slice(11, 16);
}

/** The local time `seconds` after the start, on the same clock (a drill past midnight shows the day too). */
function clockAfter(started: string, seconds: number): string {
  const local = Date.parse(`${started.slice(0, 19)}Z`) + Math.round(seconds) * 1000;
  const end = new Date(local).toISOString();
  const day = end.slice(0, 10);
  const clock = end.slice(11, 16);
  return day === started.slice(0, 10) ? clock : `${formatDate(daysOf(day), 'de')}, ${clock}`;
}
