import type { DateField } from '../../model/plan';
import { dateFieldsOutsideScenarios, scenarioDateFields, type NamedField } from '../../model/timeFields';
import type { Finding } from '../diagnostic';
import { messages } from '../../i18n/messages';
import { eachScenario, type Rule } from '../rule';

/** invalid-date: every date field is a real `YYYY-MM-DD` calendar date. */
export const dateSyntax: Rule = ({ model, report }) => {
  for (const named of dateFieldsOutsideScenarios(model)) checkDate(named, report);
};

/** invalid-date in a scenario (its exercises' dates). */
export const scenarioDateSyntax = eachScenario((scenario, report) => {
  scenarioDateFields(scenario).forEach((named) => checkDate(named, report));
});

function checkDate({ field, value }: NamedField<DateField>, report: (finding: Finding) => void): void {
  if (value.day !== undefined) return;
  report({ code: 'invalid-date', span: value, message: messages.invalidDate(field, String(value.value)), data: { field } });
}
