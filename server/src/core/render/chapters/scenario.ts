import { itemsById, latestRecoveryExercise } from '../../model/queries';
import { componentGraph } from '../../model/components';
import type { ComponentModel, ScenarioModel } from '../../model/plan';
import { cell, col, componentName, dateValue, durationValue, durationWords, enumLabel, fieldLabel, intervalWords, lineReference, methodLabel, shown, short, table } from '../blocks';
import type { DocumentContext, ScenarioInfo } from '../context';
import { LABELS, TERMS } from '../texts';
import { emphasis, link, remark, strong, text, type Block, type Inline } from '../tree';
import { levelName } from './alerting';
import { emergencyMeasures } from './emergencyOperation';
import { recoveryChart } from '../evidenceCharts';
import { drillSteps } from './drillSteps';

/**
 * One scenario of the DR plan: its heading, description and findings, its times, prevention,
 * recovery steps and exercises (with each drill's steps), and the chart of its recovery time,
 * latest RTA and RTO.
 */
export function scenarioBlocks(context: DocumentContext, scenario: ScenarioInfo): Block[] {
  const { model } = scenario;
  const blocks: Block[] = [context.headingWithId(3, scenario.headingId, scenario.title, scenario.line)];
  const description = shown(model.description);
  if (description) blocks.push({ kind: 'paragraph', content: [text(description)], sourceLine: context.keyLine(model.keys.description) });
  if (scenario.problems.length > 0) {
    blocks.push({
      kind: 'note',
      tone: scenario.problems.some((problem) => problem.severity === 1) ? 'error' : 'warning',
      title: 'Befund der Prüfung',
      sourceLine: scenario.problems[0]?.line === undefined ? undefined : scenario.problems[0].line - 1,
      content: [
        {
          kind: 'list',
          ordered: false,
          items: scenario.problems.map((problem) => ({
            content: [
              ...(problem.place.field ? [strong(text(`${problem.place.field}: `))] : []),
              text(`${problem.message} `),
              remark(lineReference(problem)),
            ],
            sourceLine: problem.line - 1,
          })),
        },
      ],
    });
  }

  const items: { label: string; value: Inline[] }[] = [];
  const typeLabel = scenario.type?.label.de ?? model.type?.value;
  if (typeLabel && typeLabel !== scenario.title) items.push({ label: 'Szenario-Typ', value: [text(typeLabel)] });
  items.push(
    { label: fieldLabel('scenario', 'recovery_time'), value: durationValue(model.recoveryTime, LABELS.missing) },
    { label: TERMS.rto, value: durationValue(model.rto, LABELS.missing) },
    { label: TERMS.rpo, value: durationValue(model.rpo, LABELS.missing, LABELS.noDataLoss) },
  );
  if (model.mtpd) items.push({ label: TERMS.mtpd, value: durationValue(model.mtpd) });
  if (model.responsible) items.push({ label: fieldLabel('scenario', 'responsible'), value: [text(context.contactLabel(model.responsible.value) ?? LABELS.missing)] });
  if (model.escalation) items.push({ label: 'Eskalationsstufe', value: escalationValue(context, model.escalation.value) });
  if (model.affects.length > 0) items.push({ label: fieldLabel('scenario', 'affects'), value: [text(takenDownText(context, model))] });
  if (model.backup) items.push({ label: 'Sicherung', value: backupSummary(context, model.backup.value) });
  blocks.push({ kind: 'fields', items, sourceLine: scenario.line });

  const prevention = model.prevention.flatMap((item) => {
    const itemText = shown(item);
    return itemText === undefined ? [] : [{ content: [text(itemText)], sourceLine: context.line(item.start) }];
  });
  blocks.push({ kind: 'paragraph', style: 'label', content: [text(fieldLabel('scenario', 'prevention'))], sourceLine: context.keyLine(model.keys.prevention) });
  blocks.push(
    prevention.length > 0
      ? { kind: 'list', ordered: false, items: prevention }
      : { kind: 'paragraph', content: [emphasis(text('Keine Handlungen zur Prävention angegeben.'))] },
  );

  const steps = model.recovery.filter((step) => step.step !== undefined);
  blocks.push({ kind: 'paragraph', style: 'label', content: [text(fieldLabel('scenario', 'recovery'))], sourceLine: context.keyLine(model.keys.recovery) });
  blocks.push(
    steps.length > 0
      ? {
          kind: 'list',
          ordered: true,
          items: steps.map((step) => {
            const details = [
              step.duration ? durationWords(step.duration) : undefined,
              step.responsible ? context.contactLabel(step.responsible.value) : undefined,
            ].filter((detail): detail is string => detail !== undefined);
            const content: Inline[] = [text((step.step?.value ?? '').trim())];
            if (details.length > 0) content.push(emphasis(text(` (${details.join(', ')})`)));
            return { content, sourceLine: context.line(step.firstLine.start) };
          }),
        }
      : { kind: 'paragraph', content: [emphasis(text('Keine Handlungen zur Wiederherstellung angegeben.'))] },
  );

  const measures = emergencyMeasures(scenario);
  if (measures.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Notbetrieb')], sourceLine: context.keyLine(model.keys.emergency_operation) });
    blocks.push({ kind: 'list', ordered: false, items: measures.map((measure) => ({ content: [text(measure)] })) });
  }

  const exercisesLine = context.keyLine(model.keys.exercises);
  blocks.push({ kind: 'paragraph', style: 'label', content: [text(fieldLabel('scenario', 'exercises'))], sourceLine: exercisesLine });
  if (model.exercises.length === 0) {
    blocks.push({ kind: 'paragraph', content: [emphasis(text(`Noch nicht geübt: die tatsächliche Wiederherstellungszeit (RTA) ist ${LABELS.unknownRta}.`))] });
  } else {
    blocks.push(
      table(
        [short('Datum', 1.6), col('Art', 2), short('RTA', 1.5), short('RPA', 1.5), col('Ergebnis', 1.7), col('Anmerkungen', 4)],
        model.exercises.map((exercise) => {
          const kind = shown(exercise.kind);
          const result = shown(exercise.result);
          return {
            kind: 'row',
            sourceLine: context.line(exercise.span.start),
            cells: [
              dateValue(exercise.date, LABELS.none),
              cell(enumLabel('exerciseKind', kind) ?? kind),
              durationValue(exercise.recoveryTime),
              durationValue(exercise.dataLoss, LABELS.none, LABELS.noDataLoss),
              cell(enumLabel('exerciseResult', result) ?? result),
              cell(shown(exercise.notes)),
            ],
          };
        }),
        'compact',
        exercisesLine,
      ),
    );
    blocks.push(...drillSteps(context, model));
    if (!latestRecoveryExercise(model)) {
      blocks.push({
        kind: 'paragraph',
        content: [emphasis(text(`Keine dieser Übungen hat die Wiederherstellung erprobt; eine Planbesprechung oder Alarmierungsübung belegt sie nicht. Die RTA ist ${LABELS.unknownRta}.`))],
      });
    }
  }
  // Last, what the exercises measured against what the plan says: recovery time, RTA, RTO.
  const chart = recoveryChart(context.uniqueId(`diagramm-${scenario.headingId}`), model);
  if (chart) blocks.push(chart);
  return blocks;
}

/**
 * What a scenario takes down: each affected component with what is inside it through `in`
 * ("Rack B1 (darin: Storage-Server, VM-Host)"); references to no component as written.
 */
function takenDownText(context: DocumentContext, model: ScenarioModel): string {
  const graph = componentGraph(context.model);
  const affected = new Set(model.affects.map((reference) => reference.value));
  // takenDown lists each affected component followed by its contents; an affected component
  // inside an earlier one starts its own entry.
  const entries: { component: ComponentModel; inside: ComponentModel[] }[] = [];
  for (const component of graph.takenDown(model)) {
    const last = entries[entries.length - 1];
    if (last && !affected.has(component.id?.value as string)) last.inside.push(component);
    else entries.push({ component, inside: [] });
  }
  const names = entries.map(({ component, inside }) =>
    inside.length > 0 ? `${componentName(component)} (darin: ${inside.map(componentName).join(', ')})` : componentName(component),
  );
  const unknown = [...affected].filter((id) => !graph.byId.has(id));
  return [...names, ...unknown].join(', ');
}

/** The level a scenario starts at, linked to the levels' table; an unknown level as written. */
function escalationValue(context: DocumentContext, id: string): Inline[] {
  const level = itemsById(context.model.alerting?.levels ?? []).get(id);
  return level ? [link('eskalationsstufen', text(levelName(level)))] : [text(id)];
}

/** The backup a scenario restores from: what, method and interval, linked to the backup plan. */
function backupSummary(context: DocumentContext, id: string): Inline[] {
  const backup = itemsById(context.model.backups).get(id);
  if (!backup) return [text(id), emphasis(text(' (im Backup-Plan nicht verzeichnet)'))];
  const what = shown(backup.what);
  const parts = [methodLabel(backup), backup.interval ? intervalWords(backup.interval) : undefined].filter(
    (part): part is string => part !== undefined,
  );
  return [link('backup-plan', text(what ? `${what} (${id})` : id)), text(parts.length > 0 ? `: ${parts.join(', ')}` : '')];
}
