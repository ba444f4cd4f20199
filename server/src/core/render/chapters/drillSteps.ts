import { formatDateTime, parseDateTime } from '../../date';
import type { ExerciseModel, ScenarioModel } from '../../model/plan';
import { dateValue, durationWords, enumLabel, shown } from '../blocks';
import type { DocumentContext } from '../context';
import { LABELS } from '../texts';
import { emphasis, plainText, text, type Block, type Inline } from '../tree';

/**
 * Under a scenario's exercises: each drill's steps as they were carried out, with the measured
 * durations (beside the planned one, where the recovery step of the same text has one), a
 * skipped step with its note. A label names the exercise by its date, kind and start.
 */
export function drillSteps(context: DocumentContext, scenario: ScenarioModel): Block[] {
  const planned = new Map(scenario.recovery.flatMap((step) => (step.step && step.duration ? [[step.step.value.trim(), step.duration] as const] : [])));
  const blocks: Block[] = [];
  for (const exercise of scenario.exercises) {
    const steps = exercise.steps.filter((step) => shown(step.step) !== undefined);
    if (steps.length === 0) continue;
    blocks.push({ kind: 'paragraph', style: 'label', content: exerciseLabel(exercise), sourceLine: context.line(exercise.span.start) });
    blocks.push({
      kind: 'list',
      ordered: true,
      items: steps.map((step) => {
        const what = shown(step.step) as string;
        const content: Inline[] = [text(what)];
        const note = shown(step.note);
        if (step.skipped?.value === true) {
          content.push(emphasis(text(` (übersprungen${note ? `: ${note}` : ''})`)));
          return { content, sourceLine: context.line(step.firstLine.start) };
        }
        const details: string[] = [];
        if (step.duration) details.push(step.duration.minutes === undefined ? `${String(step.duration.value)} (${LABELS.invalid})` : durationWords(step.duration));
        const plan = planned.get(what);
        if (plan && step.duration?.minutes !== undefined && plan.minutes !== undefined) details.push(`geplant ${durationWords(plan)}`);
        if (details.length > 0) content.push(text(` — ${details.join(', ')}`));
        if (note) content.push(emphasis(text(` (${note})`)));
        return { content, sourceLine: context.line(step.firstLine.start) };
      }),
    });
  }
  return blocks;
}

/** Each kind of exercise as the label names it (its catalog label, in the genitive). */
const GENITIVE = {
  'plan-review': 'der Planbesprechung',
  alerting: 'der Alarmierungsübung',
  'functional-test': 'des Funktionstests',
  'full-recovery': 'der Vollübung',
} as const;

/** "Durchgeführte Schritte der Vollübung vom 15.06.2026 (Beginn 08:30 Uhr)" */
function exerciseLabel(exercise: ExerciseModel): Inline[] {
  const kind = shown(exercise.kind);
  const known = kind !== undefined && enumLabel('exerciseKind', kind) !== undefined;
  const of = (known ? GENITIVE[kind as keyof typeof GENITIVE] : undefined) ?? 'der Übung';
  const date = plainText(dateValue(exercise.date, LABELS.none));
  const started = exercise.started ? parseDateTime(exercise.started.value) : undefined;
  let start = '';
  if (started) {
    const clock = formatDateTime(started, 'de');
    start = ` (Beginn ${started.day === exercise.date?.day ? clock.slice(clock.indexOf(', ') + 2) : clock})`;
  } else if (exercise.started) {
    start = ` (Beginn ${exercise.started.value}, ${LABELS.invalid})`;
  }
  return [text(`Durchgeführte Schritte ${of} vom ${date}${start}`)];
}
