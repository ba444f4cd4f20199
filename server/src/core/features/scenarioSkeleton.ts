import type { ScenarioType } from '../catalog';
import { entry, list, text, type YamlEntry, type YamlValue } from '../yaml/write';

/**
 * A scenario of a catalog type, as completion, the missing-scenario quick fix and the new-plan
 * command write it: id, category, type, German title, the catalog's suggested steps, then the
 * durations, which only the author can know. Each writer says what stands there (tab stops,
 * placeholder values, empty fields with a hint), and whether the scenario names a backup.
 */
export interface ScenarioValues {
  readonly id: YamlValue;
  readonly recoveryTime: YamlValue;
  readonly rto: YamlValue;
  readonly rpo: YamlValue;
  /** The backup to name (for a type that can lose data, where the plan has one). */
  readonly backup?: YamlValue;
  /** The components the scenario takes down, where known. */
  readonly affects?: YamlValue;
  /** The alert level the scenario starts at, where the plan has levels. */
  readonly escalation?: YamlValue;
  /** Notbetrieb: how the work goes on meanwhile, where the writer asks for it. */
  readonly emergencyOperation?: YamlValue;
  /** Comments after the durations and the Notbetrieb, e.g. what an empty one means. */
  readonly hints?: { readonly recoveryTime: string; readonly rto: string; readonly rpo: string; readonly emergencyOperation?: string };
}

export function catalogScenario(type: ScenarioType, values: ScenarioValues): YamlEntry[] {
  const entries = [
    entry('id', values.id),
    entry('category', text(type.category)),
    entry('type', text(type.id)),
    // The title is German whatever the editor's language: it is the plan document's.
    entry('title', text(type.label.de)),
    ...(values.affects ? [entry('affects', values.affects)] : []),
    entry('prevention', list(type.prevention.map(text))),
    entry('recovery', list(type.recovery.map(text))),
    entry('recovery_time', values.recoveryTime, values.hints?.recoveryTime),
    entry('rto', values.rto, values.hints?.rto),
    entry('rpo', values.rpo, values.hints?.rpo),
  ];
  if (values.backup) entries.push(entry('backup', values.backup));
  if (values.escalation) entries.push(entry('escalation', values.escalation));
  if (values.emergencyOperation) entries.push(entry('emergency_operation', values.emergencyOperation, values.hints?.emergencyOperation));
  return entries;
}
