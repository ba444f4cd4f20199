import type { DateField, DurationField, PlanModel, ScenarioModel } from './plan';

/*
 * Written out by hand, not walked generically from the field table: the syntax checks run on
 * every keystroke, and these direct reads take a third of the time a walk by key names does
 * (1.4 against 3.6 ms at 2,000 scenarios). test/unit/fields.test.ts fails when a duration or
 * date field of the table is missing here.
 */

export interface NamedField<T> {
  /** The key, as messages name it. */
  readonly field: string;
  /** The schema definition of the mapping it stands in: with `field`, its entry in the field table. */
  readonly definition: string;
  readonly value: T;
}

/** Every duration field of the plan, in document order within each section. */
export function* durationFields(model: PlanModel): Generator<NamedField<DurationField>> {
  yield* durationFieldsOutsideScenarios(model);
  for (const scenario of model.scenarios) yield* scenarioDurationFields(scenario);
}

/** The duration fields of every section but the scenarios (a scenario's are scenarioDurationFields). */
export function* durationFieldsOutsideScenarios(model: PlanModel): Generator<NamedField<DurationField>> {
  const plan = model.plan;
  if (plan?.reviewInterval) yield { field: 'review_interval', definition: 'plan', value: plan.reviewInterval };
  for (const level of model.alerting?.levels ?? []) if (level.within) yield { field: 'within', definition: 'alertLevel', value: level.within };
  for (const measurement of model.availability?.measurements ?? []) {
    if (measurement.interval) yield { field: 'interval', definition: 'measurement', value: measurement.interval };
  }
  for (const result of model.availability?.results ?? []) {
    if (result.downtime) yield { field: 'downtime', definition: 'availabilityResult', value: result.downtime };
    if (result.excluded) yield { field: 'excluded', definition: 'availabilityResult', value: result.excluded };
  }
  for (const backup of model.backups) {
    if (backup.interval) yield { field: 'interval', definition: 'backup', value: backup.interval };
    if (backup.retention) yield { field: 'retention', definition: 'backup', value: backup.retention };
  }
}

/**
 * A scenario's duration fields: its steps', its own, its exercises'. A list, not a generator: the
 * rules ask for it once per scenario, and in code not yet optimised (a plan's first check) every
 * step of a generator or of for…of is an object to collect.
 */
export function scenarioDurationFields(scenario: ScenarioModel): NamedField<DurationField>[] {
  const fields: NamedField<DurationField>[] = [];
  scenario.recovery.forEach(({ duration }) => {
    if (duration) fields.push({ field: 'duration', definition: 'recoveryStep', value: duration });
  });
  if (scenario.recoveryTime) fields.push({ field: 'recovery_time', definition: 'scenario', value: scenario.recoveryTime });
  if (scenario.rto) fields.push({ field: 'rto', definition: 'scenario', value: scenario.rto });
  if (scenario.rpo) fields.push({ field: 'rpo', definition: 'scenario', value: scenario.rpo });
  if (scenario.mtpd) fields.push({ field: 'mtpd', definition: 'scenario', value: scenario.mtpd });
  scenario.exercises.forEach((exercise) => {
    if (exercise.recoveryTime) fields.push({ field: 'recovery_time', definition: 'exercise', value: exercise.recoveryTime });
    if (exercise.dataLoss) fields.push({ field: 'data_loss', definition: 'exercise', value: exercise.dataLoss });
    exercise.steps.forEach(({ duration }) => {
      if (duration) fields.push({ field: 'duration', definition: 'exerciseStep', value: duration });
    });
  });
  return fields;
}

/** Every date field of the plan. */
export function* dateFields(model: PlanModel): Generator<NamedField<DateField>> {
  yield* dateFieldsOutsideScenarios(model);
  for (const scenario of model.scenarios) yield* scenarioDateFields(scenario);
}

/** The date fields of every section but the scenarios. */
export function* dateFieldsOutsideScenarios(model: PlanModel): Generator<NamedField<DateField>> {
  const plan = model.plan;
  if (plan?.validFrom) yield { field: 'valid_from', definition: 'plan', value: plan.validFrom };
  if (plan?.lastReview) yield { field: 'last_review', definition: 'plan', value: plan.lastReview };
  for (const approval of plan?.approvals ?? []) if (approval.date) yield { field: 'date', definition: 'approval', value: approval.date };
  for (const backup of model.backups) if (backup.lastRestoreTest) yield { field: 'last_restore_test', definition: 'backup', value: backup.lastRestoreTest };
  for (const entry of model.history) if (entry.date) yield { field: 'date', definition: 'historyEntry', value: entry.date };
}

/** A scenario's date fields: its exercises'. A list, as scenarioDurationFields. */
export function scenarioDateFields(scenario: ScenarioModel): NamedField<DateField>[] {
  const fields: NamedField<DateField>[] = [];
  scenario.exercises.forEach(({ date }) => {
    if (date) fields.push({ field: 'date', definition: 'exercise', value: date });
  });
  return fields;
}
