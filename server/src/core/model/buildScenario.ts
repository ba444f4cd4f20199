import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ExerciseModel, ExerciseStepModel, ItemModel, RecoveryStepModel, ScenarioModel } from './plan';
import type { Entries, ModelReader } from './read';

/**
 * One scenario of the model, with its recovery steps and exercises: the largest item of a plan,
 * and the one most plans have most of (build.ts builds the other sections).
 */
export function buildScenario(read: ModelReader, entries: Entries, { node, span, index, firstLine, path }: ItemModel): ScenarioModel {
  return {
    node,
    span,
    index,
    firstLine,
    path,
    id: read.text(entries, 'id'),
    name: read.text(entries, 'name'),
    references: read.referencesIn('scenario', node),
    category: read.text(entries, 'category'),
    type: read.text(entries, 'type'),
    title: read.text(entries, 'title'),
    description: read.freeText(entries, 'description'),
    affects: read.strings(entries, 'affects'),
    prevention: read.freeTexts(entries, 'prevention'),
    recovery: recoverySteps(read, entries),
    recoveryTime: read.duration(entries, 'recovery_time'),
    rto: read.duration(entries, 'rto'),
    rpo: read.duration(entries, 'rpo'),
    mtpd: read.duration(entries, 'mtpd'),
    backup: read.text(entries, 'backup'),
    responsible: read.text(entries, 'responsible'),
    escalation: read.text(entries, 'escalation'),
    emergencyOperation: read.freeTexts(entries, 'emergency_operation'),
    exercises: read.mappings(entries, 'exercises', path).map(
      ({ entries: exercise, item }): ExerciseModel => ({
        node: item.node,
        span: item.span,
        index: item.index,
        firstLine: item.firstLine,
        path: item.path,
        date: read.date(exercise, 'date'),
        kind: read.freeText(exercise, 'kind'),
        recoveryTime: read.duration(exercise, 'recovery_time'),
        dataLoss: read.duration(exercise, 'data_loss'),
        result: read.freeText(exercise, 'result'),
        notes: read.freeText(exercise, 'notes'),
        started: read.text(exercise, 'started'),
        steps: read.mappings(exercise, 'steps', item.path).map(
          ({ entries: step, item: { index: stepIndex, firstLine: stepLine } }): ExerciseStepModel => ({
            index: stepIndex,
            firstLine: stepLine,
            step: read.freeText(step, 'step'),
            duration: read.duration(step, 'duration'),
            note: read.freeText(step, 'note'),
            skipped: read.flag(step, 'skipped'),
          }),
        ),
      }),
    ),
    keys: {
      description: read.keySpan(entries, 'description'),
      prevention: read.keySpan(entries, 'prevention'),
      recovery: read.keySpan(entries, 'recovery'),
      exercises: read.keySpan(entries, 'exercises'),
      emergency_operation: read.keySpan(entries, 'emergency_operation'),
    },
  };
}

/** The recovery steps: a text each, or a mapping with `step`, `duration` and `responsible`. */
function recoverySteps(read: ModelReader, entries: Entries): RecoveryStepModel[] {
  const { yaml } = read;
  const seq = entries.get('recovery')?.value;
  if (!isSeq(seq)) return [];
  return seq.items.map((written, index): RecoveryStepModel => {
    const node = yaml.resolve(written as Node);
    const firstLine = yaml.index.restOfLine(yaml.span(written as Node)[0]);
    if (isMap(node)) {
      const step = yaml.entries(node);
      return {
        index,
        firstLine,
        step: read.text(step, 'step'),
        duration: read.duration(step, 'duration'),
        responsible: read.text(step, 'responsible'),
      };
    }
    const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    return {
      index,
      firstLine,
      step: value === undefined ? undefined : read.located(value, written as Node),
      duration: undefined,
      responsible: undefined,
    };
  });
}
