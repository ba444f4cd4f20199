/**
 * A finished drill as one exercise entry of its scenario: appended to the scenario's `exercises`
 * (the list made where there is none), in the plan's own layout, everything else byte for byte
 * as it was (the YAML edit toolkit, core/yaml/). The scenario is found by its id in the text as it
 * is now: lines inserted above it or the scenario moved since the drill began do not matter.
 */
import { isMap } from 'yaml';
import type { Analysis } from '../analysis';
import { measuredDuration } from '../duration';
import { drillMessages } from '../i18n/drillMessages';
import type { Message } from '../i18n/messages';
import { addToListOf } from '../yaml/edit';
import { layoutOf, lineEndingOf } from '../yaml/layout';
import { TextLines } from '../yaml/lines';
import type { OffsetEdit } from '../yaml/offsetEdits';
import { nodeAtPointer } from '../yaml/pointer';
import { entry, list, mapping, text, verbatim, type YamlEntry, type YamlValue } from '../yaml/write';
import { startedDay, type ExerciseRecord, type ExerciseStepRecord } from './record';

export type ExerciseEntryEdit = { readonly edits: readonly OffsetEdit[] } | { readonly refusal: Message };

export function exerciseEntryEdits(analysis: Analysis, scenarioId: string, record: ExerciseRecord): ExerciseEntryEdit {
  if (analysis.tooLarge) return { refusal: drillMessages.tooLarge };
  if (analysis.findings.some((finding) => finding.code === 'yaml-syntax')) return { refusal: drillMessages.yamlErrors };
  const day = startedDay(record.started);
  if (day === undefined) return { refusal: drillMessages.invalidRecord };
  const scenarios = analysis.model.scenarios.filter((scenario) => scenario.id?.value === scenarioId);
  const [scenario] = scenarios;
  if (!scenario) return { refusal: drillMessages.scenarioMissing(scenarioId) };
  if (scenarios.length > 1) return { refusal: drillMessages.scenarioTwice(scenarioId) };
  // Not through an alias or a merge: the text there is the anchor's, shared with other places.
  const target = nodeAtPointer(analysis.yaml, `/${scenario.path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);
  if (!target?.own || !isMap(target.value)) return { refusal: drillMessages.notWritable(scenarioId) };
  const layout = layoutOf(new TextLines(analysis.text, analysis.yaml.index.lineStarts));
  const edits = addToListOf(analysis.yaml, target.value, 'exercises', [exerciseEntries(day, record)], layout, lineEndingOf(analysis.text), { create: true });
  return edits.length > 0 ? { edits } : { refusal: drillMessages.notWritable(scenarioId) };
}

/** The entry's keys in the order format.md lists an exercise's fields, the drill's own last. */
export function exerciseEntries(day: string, record: ExerciseRecord): YamlEntry[] {
  const entries: YamlEntry[] = [
    entry('date', verbatim(day)),
    entry('started', text(record.started)),
    entry('kind', text(record.kind)),
    entry('recovery_time', duration(measuredDuration(record.recoverySeconds))),
  ];
  if (record.dataLoss !== undefined) entries.push(entry('data_loss', duration(record.dataLoss)));
  entries.push(entry('result', text(record.result)));
  if (record.notes !== undefined) entries.push(entry('notes', text(record.notes)));
  if (record.steps.length > 0) entries.push(entry('steps', list(record.steps.map(stepEntry))));
  return entries;
}

function stepEntry(step: ExerciseStepRecord): YamlValue {
  const entries: YamlEntry[] = [entry('step', text(step.step))];
  if (step.seconds !== undefined) entries.push(entry('duration', duration(measuredDuration(step.seconds))));
  if (step.skipped) entries.push(entry('skipped', verbatim('true')));
  if (step.note !== undefined) entries.push(entry('note', text(step.note)));
  return mapping(entries);
}

/** A duration as written; `0` plain, as authors write it (quoting would make it text to YAML 1.1 readers only). */
function duration(written: string): YamlValue {
  return written === '0' ? verbatim('0') : text(written);
}
