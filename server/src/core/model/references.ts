import type { IdentifiedItem, IdList, PlanModel, ReferenceModel } from './plan';

/** Every reference of the plan, item by item in document order. */
export function* allReferences(model: PlanModel): Generator<ReferenceModel> {
  yield* referencesOutsideScenarios(model, 'before');
  for (const scenario of model.scenarios) yield* scenario.references;
  yield* referencesOutsideScenarios(model, 'after');
}

/** The references of the sections before the scenarios, or of those after them (the history). */
export function* referencesOutsideScenarios(model: PlanModel, where: 'before' | 'after'): Generator<ReferenceModel> {
  if (where === 'after') {
    for (const entry of model.history) yield* entry.references;
    return;
  }
  if (model.plan) yield* model.plan.references;
  for (const contact of model.contacts) yield* contact.references;
  // The alerting section's references hold its levels' too.
  if (model.alerting) yield* model.alerting.references;
  for (const items of [model.components, model.availability?.measurements ?? [], model.availability?.results ?? [], model.backups]) {
    for (const item of items) yield* item.references;
  }
}

/** The items of each list that has ids, by the list's key in the file. */
export function itemsOf(model: PlanModel, list: IdList): readonly IdentifiedItem[] {
  switch (list) {
    case 'contacts':
      return model.contacts;
    case 'levels':
      return model.alerting?.levels ?? [];
    case 'components':
      return model.components;
    case 'measurements':
      return model.availability?.measurements ?? [];
    case 'backups':
      return model.backups;
    case 'scenarios':
      return model.scenarios;
  }
}

/** The lists that have ids, in document order. */
export const ID_LISTS: readonly IdList[] = ['contacts', 'levels', 'components', 'measurements', 'backups', 'scenarios'];
