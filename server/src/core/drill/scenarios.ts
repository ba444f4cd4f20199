/**
 * The scenarios of a plan as a drill takes them: each with its recovery steps in order (planned
 * duration, who is responsible), its recovery time, RTO and RPO. Only scenarios whose id is
 * theirs alone: the drill's entry finds its scenario by id when it is written, however the plan
 * changed meanwhile.
 */
import type { Analysis } from '../analysis';
import { writtenDuration } from '../duration';
import type { DurationField, PlanModel } from '../model/plan';
import { itemsById } from '../model/queries';
import { scenarioTitle } from '../render/context';
import type { Locale } from '../types';
import { enumEntryById, type EnumName } from '../catalog';
import { DRILL_KINDS, DRILL_RESULTS, type DrillChoice, type DrillDuration, type DrillPlan, type DrillScenario } from './record';

export function drillPlan(analysis: Analysis, locale: Locale): DrillPlan {
  const { model } = analysis;
  const plan = model.plan;
  const organisation = plan?.organisation?.value.trim();
  const system = plan?.system?.value.trim();
  const title = plan?.title?.value.trim();
  return {
    title: title || (locale === 'de' ? 'Notfallplan ohne Titel' : 'Untitled DR plan'),
    ...(organisation ? { organisation } : {}),
    ...(system ? { system } : {}),
    scenarios: drillScenarios(analysis, locale),
    kinds: DRILL_KINDS.map((id) => choice('exerciseKind', id, locale)),
    results: DRILL_RESULTS.map((id) => choice('exerciseResult', id, locale)),
  };
}

function drillScenarios(analysis: Analysis, locale: Locale): DrillScenario[] {
  const { model, yaml } = analysis;
  const counts = new Map<string, number>();
  for (const scenario of model.scenarios) if (scenario.id) counts.set(scenario.id.value, (counts.get(scenario.id.value) ?? 0) + 1);
  const contacts = itemsById(model.contacts);
  const duration = (field: DurationField | undefined) => drillDuration(field, locale);
  return model.scenarios.flatMap((scenario): DrillScenario[] => {
    const id = scenario.id?.value;
    if (id === undefined || id.trim() === '' || counts.get(id) !== 1) return [];
    const recoveryTime = duration(scenario.recoveryTime);
    const rto = duration(scenario.rto);
    const rpo = duration(scenario.rpo);
    return [
      {
        id,
        title: scenarioTitle(scenario),
        line: yaml.index.position(scenario.firstLine.start).line,
        ...(recoveryTime ? { recoveryTime } : {}),
        ...(rto ? { rto } : {}),
        ...(rpo ? { rpo } : {}),
        steps: scenario.recovery.flatMap((step) => {
          const text = step.step?.value.trim();
          if (!text) return [];
          const planned = duration(step.duration);
          const responsibleId = step.responsible?.value;
          const responsible = responsibleId === undefined ? undefined : contactName(contacts, responsibleId);
          return [{ text, ...(planned ? { duration: planned } : {}), ...(responsible ? { responsible } : {}) }];
        }),
      },
    ];
  });
}

function contactName(contacts: ReadonlyMap<string, PlanModel['contacts'][number]>, id: string): string {
  return contacts.get(id)?.name?.value.trim() || id;
}

/** A valid duration of the plan, as the drill shows it; none for a missing or invalid one. */
function drillDuration(field: DurationField | undefined, locale: Locale): DrillDuration | undefined {
  if (!field || field.minutes === undefined) return undefined;
  const written = String(field.value).trim();
  return { written, minutes: field.minutes, words: writtenDuration(field.value, locale) ?? written };
}

function choice(name: EnumName, id: string, locale: Locale): DrillChoice {
  const entry = enumEntryById(name, id);
  return { id, label: entry?.label[locale] ?? id, explanation: entry?.explanation[locale] ?? '' };
}
